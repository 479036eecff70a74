// The lenient-rule part of the Store contract: the current version of each
// rule, every version kept, stale and unknown edits refused, on every backend.
#include <gtest/gtest.h>

#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::enforcement;

class LenientRuleContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
  }
  Store& store() { return *ts_.store; }
  static LenientRuleVersion Rule(const std::string& id, std::int64_t version) {
    LenientRuleVersion v;
    v.rule.id = id;
    v.rule.list = "沪市监规范〔2023〕14号";
    v.rule.provision = {"《中华人民共和国广告法》", "第九条第（三）项"};
    v.rule.conduct = "使用绝对化用语；初次违法";
    v.rule.conditions = {"first_violation", "own_media_only"};
    v.rule.outcome = LenientOutcome::kNoPenalty;
    v.rule.basis = "《中华人民共和国行政处罚法》第三十三条第一款";
    v.version = version;
    v.edited_at = 1700000000 + version;
    v.edited_by = "legal";
    v.reason = "版本 " + std::to_string(version);
    return v;
  }
  testing::TestStore ts_;
};

TEST_P(LenientRuleContract, VersionsAreKeptAndTheCurrentOneListedInOrder) {
  EXPECT_EQ(store().LenientRulesRevision().value(), 0);
  EXPECT_TRUE(store().ListLenientRules().value().empty());
  ASSERT_EQ(store().SaveLenientRule(Rule("SH-02", 0)).value(), 1);
  ASSERT_EQ(store().SaveLenientRule(Rule("SH-01", 0)).value(), 1);
  const std::int64_t after_create = store().LenientRulesRevision().value();
  EXPECT_GT(after_create, 0);

  LenientRuleVersion edit = Rule("SH-02", 1);
  edit.rule.conditions = {"minor_violation", "no_harm", "corrected_in_time"};
  edit.rule.outcome = LenientOutcome::kReducedPenalty;
  edit.rule.retired = true;
  ASSERT_EQ(store().SaveLenientRule(edit).value(), 2);
  EXPECT_GT(store().LenientRulesRevision().value(), after_create);

  auto rules = store().ListLenientRules().value();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].rule.id, "SH-02");  // creation order, not id order
  EXPECT_EQ(rules[0].version, 2);
  EXPECT_EQ(rules[0].rule.conditions, (std::vector<std::string>{"minor_violation", "no_harm", "corrected_in_time"}));
  EXPECT_EQ(rules[0].rule.outcome, LenientOutcome::kReducedPenalty);
  EXPECT_TRUE(rules[0].rule.retired);
  EXPECT_EQ(rules[0].reason, "版本 1");
  EXPECT_EQ(rules[1].rule.id, "SH-01");
  EXPECT_EQ(rules[1].rule.provision.article, "第九条第（三）项");
  EXPECT_FALSE(rules[1].rule.retired);

  auto history = store().ListLenientRuleVersions("SH-02").value();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_TRUE(history[0].rule.retired);
  EXPECT_EQ(history[1].version, 1);
  EXPECT_EQ(history[1].rule.conditions, (std::vector<std::string>{"first_violation", "own_media_only"}));
  EXPECT_EQ(history[1].rule.outcome, LenientOutcome::kNoPenalty);
  EXPECT_EQ(history[1].edited_by, "legal");
  EXPECT_TRUE(store().ListLenientRuleVersions("NO-01").value().empty());
}

TEST_P(LenientRuleContract, StaleUnknownAndTakenAreRefusedAndWriteNothing) {
  ASSERT_TRUE(store().SaveLenientRule(Rule("SH-01", 0)).ok());
  ASSERT_TRUE(store().SaveLenientRule(Rule("SH-01", 1)).ok());  // now version 2
  const std::int64_t revision = store().LenientRulesRevision().value();

  auto stale = store().SaveLenientRule(Rule("SH-01", 1));
  EXPECT_EQ(stale.status().code(), ErrorCode::kAborted);
  EXPECT_EQ(stale.status().reason(), "stale_version");
  auto unknown = store().SaveLenientRule(Rule("SH-09", 1));
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNotFound);
  auto taken = store().SaveLenientRule(Rule("SH-01", 0));
  EXPECT_EQ(taken.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(taken.status().field(), "id");

  EXPECT_EQ(store().LenientRulesRevision().value(), revision);
  EXPECT_EQ(store().ListLenientRuleVersions("SH-01").value().size(), 2u);
  EXPECT_EQ(store().ListLenientRules().value().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, LenientRuleContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
