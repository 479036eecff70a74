// The credit part of the Store contract (publicity records, credit-list
// entries, repair applications with their assessed conditions), on every backend.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::credit;
using namespace jg::enforcement;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

class CreditContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    dept_ = store().InsertDepartment(bureau).value();
    Entity e;
    e.credit_code = testing::ValidCreditCode(41);
    e.name = "某某商店";
    e.registered_on = "2020-01-01";
    entity_ = store().InsertEntity(e, "test").value();
    Lead l;
    l.description = "线索";
    l.found_on = D(2023, 3, 1);
    l.department_id = dept_;
    l.updated_at = 1;
    Id lead = store().InsertLead(l).value();
    EnforcementCase c;
    c.case_year = 2023;
    c.case_seq = 1;
    c.case_number = "沪市监嘉处〔2023〕第000001号";
    c.lead_id = lead;
    c.department_id = dept_;
    c.filed_on = D(2023, 3, 2);
    c.updated_at = 1;
    case_ = store().InsertCase(c).value();
  }
  Store& store() { return *ts_.store; }
  PublicityRecord Make() {
    PublicityRecord p;
    p.case_id = case_;
    p.department_id = dept_;
    p.entity_id = entity_;
    p.credit_code = testing::ValidCreditCode(41);
    p.party_name = "某某商店";
    p.case_number = "沪市监嘉处〔2023〕第000001号";
    p.violated_law = "《中华人民共和国广告法》";
    p.violated_article = "第五十五条";
    p.decision.decided_on = D(2023, 3, 20);
    p.decision.penalties = {PenaltyType::kFine, PenaltyType::kConfiscateIllegalGains};
    p.decision.fine = 2'000'000;
    p.decision.confiscated_gains = 12345;
    p.authority = "嘉定区市场监督管理局";
    p.updated_at = 5;
    p.updated_by = "leader";
    return p;
  }
  testing::TestStore ts_;
  Id dept_ = 0, entity_ = 0, case_ = 0;
};

TEST_P(CreditContract, PublicityRoundTripsOnePerCaseAndRefusesStaleUpdates) {
  PublicityRecord p = Make();
  p.id = store().InsertPublicity(p).value();
  auto dup = store().InsertPublicity(p);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.status().field(), "case_id");

  auto got = store().GetPublicity(p.id).value();
  EXPECT_EQ(got.status, PublicityStatus::kDue);
  EXPECT_EQ(got.decision.penalties, p.decision.penalties);
  EXPECT_EQ(got.decision.fine, 2'000'000);
  EXPECT_EQ(got.decision.confiscated_gains, 12345);
  EXPECT_EQ(got.decision.decided_on, D(2023, 3, 20));
  EXPECT_EQ(got.entity_id, entity_);
  EXPECT_FALSE(got.published_on.has_value());
  EXPECT_EQ(got.version, 1);

  got.status = PublicityStatus::kPublished;
  got.published_on = D(2023, 4, 10);
  got.document_number = "沪市监嘉处罚〔2023〕1号";
  ASSERT_TRUE(store().UpdatePublicity(got).ok());
  auto stale = store().UpdatePublicity(got);
  EXPECT_EQ(stale.code(), ErrorCode::kAborted);
  got.id = 9999;
  EXPECT_EQ(store().UpdatePublicity(got).code(), ErrorCode::kNotFound);
  auto after = store().GetPublicity(p.id).value();
  EXPECT_EQ(after.version, 2);
  EXPECT_EQ(after.published_on, D(2023, 4, 10));
  EXPECT_EQ(after.document_number, "沪市监嘉处罚〔2023〕1号");

  EXPECT_EQ(store().ListPublicity({PublicityStatus::kPublished, std::nullopt, "", std::nullopt})
                .value().size(), 1u);
  EXPECT_TRUE(store().ListPublicity({PublicityStatus::kDue, std::nullopt, "", std::nullopt})
                  .value().empty());
  EXPECT_EQ(store().ListPublicity({std::nullopt, std::nullopt, testing::ValidCreditCode(41),
                                   std::nullopt}).value().size(), 1u);
  EXPECT_EQ(store().GetPublicity(9999).status().reason(), "publicity_not_found");
}

TEST_P(CreditContract, ListEntriesAndRepairsKeepTheirStateAndConditions) {
  CreditListEntry e;
  e.entity_id = entity_;
  e.list = CreditList::kSeriousViolation;
  e.listed_on = D(2023, 5, 1);
  e.reason = "严重违法";
  e.basis = "总局令第44号";
  e.updated_at = 1;
  e.id = store().InsertCreditListEntry(e).value();
  e.removed_on = D(2023, 6, 1);
  e.removal_reason = "提前移出";
  ASSERT_TRUE(store().UpdateCreditListEntry(e).ok());
  EXPECT_EQ(store().UpdateCreditListEntry(e).code(), ErrorCode::kAborted);
  auto entries = store().ListCreditListEntries(entity_).value();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].list, CreditList::kSeriousViolation);
  EXPECT_EQ(entries[0].removed_on, D(2023, 6, 1));
  EXPECT_EQ(entries[0].version, 2);

  Id pub = store().InsertPublicity(Make()).value();
  CreditRepair r;
  r.publicity_id = pub;
  r.department_id = dept_;
  r.applicant = "王经理";
  r.commitment_ref = "承诺书 1";
  r.applied_on = D(2023, 11, 1);
  r.obligations_performed = true;
  r.conditions = {{RepairCondition::kMinimumPeriod, true, "自 2023-04-10 公示", "第六条"},
                  {RepairCondition::kNotOnAbnormalList, false, "已被列入\t经营异常名录", "第六条"}};
  r.id = store().InsertCreditRepair(r).value();
  auto got = store().GetCreditRepair(r.id).value();
  ASSERT_EQ(got.conditions.size(), 2u);
  EXPECT_TRUE(got.conditions[0].met);
  EXPECT_EQ(got.conditions[1].condition, RepairCondition::kNotOnAbnormalList);
  EXPECT_EQ(got.conditions[1].detail, "已被列入 经营异常名录");
  EXPECT_TRUE(got.obligations_performed);
  EXPECT_FALSE(got.violation_corrected);
  got.status = RepairStatus::kApproved;
  got.decided_on = D(2023, 11, 2);
  got.decided_by = "legal";
  ASSERT_TRUE(store().UpdateCreditRepair(got).ok());
  EXPECT_EQ(store().UpdateCreditRepair(got).code(), ErrorCode::kAborted);
  auto approved = store().ListCreditRepairs({RepairStatus::kApproved, std::nullopt, std::nullopt, std::nullopt}).value();
  ASSERT_EQ(approved.size(), 1u);
  EXPECT_EQ(approved[0].decided_by, "legal");
  EXPECT_EQ(approved[0].publicity_id, pub);
  EXPECT_TRUE(store().ListCreditRepairs({RepairStatus::kPending, std::nullopt, std::nullopt, std::nullopt}).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CreditContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
