// Lenient-treatment rules: the shipped file (data/lenient-rules.csv), the
// strict parser and the matcher.
#include "domain/enforcement/lenient_rules.h"
#include "domain/enforcement/decision.h"

#include <gtest/gtest.h>

#include <set>

#include "enforcement_fixtures.h"

namespace jg::enforcement {
namespace {

using testing::Lenient;

std::vector<std::string> Ids(const std::vector<LenientMatch>& matches) {
  std::vector<std::string> out;
  for (const LenientMatch& m : matches) out.push_back(m.rule.id);
  return out;
}

TEST(LenientRules, ShippedFileParsesWithEveryList) {
  const LenientRules& rules = Lenient();
  EXPECT_GE(rules.rules.size(), 20u);
  std::set<std::string> lists;
  int shanghai = 0;
  for (const LenientRule& r : rules.rules) {
    lists.insert(r.list);
    if (r.list.find("沪市监规范〔2023〕14号") != std::string::npos) ++shanghai;
    EXPECT_FALSE(r.basis.empty()) << r.id;
    EXPECT_FALSE(r.conditions.empty()) << r.id;
  }
  EXPECT_GE(shanghai, 10);
  EXPECT_TRUE(lists.count("市场监管领域首违不罚清单（一）"));
  EXPECT_TRUE(lists.count("市场监管领域轻微行政违法行为不予处罚清单（一）"));
  ASSERT_NE(rules.Find("SH-01"), nullptr);
  EXPECT_EQ(rules.Find("SH-01")->provision.article, "第九条第（三）项");
  EXPECT_EQ(rules.Find("GEN-04")->outcome, LenientOutcome::kReducedPenalty);
  EXPECT_EQ(rules.Find("NO-99"), nullptr);
  // The header warns that the texts are not checked against the official lists.
  EXPECT_NE(testing::ReadSourceFile("data/lenient-rules.csv").find("核对前不得作为办案依据"),
            std::string::npos);
}

TEST(LenientRules, ParserNamesLineAndColumn) {
  const std::string header = "# 注释\nid,list,law,article,conduct,conditions,outcome,basis\n";
  const std::string good =
      "SH-01,清单,《广告法》,第九条,行为,first_violation;no_harm,no_penalty,依据\n";
  ASSERT_TRUE(ParseLenientRules(header + good).ok());
  // Chinese outcome labels are accepted too.
  EXPECT_EQ(ParseLenientRules(header + "SH-01,清单,法,第一条,行为,no_fault,减轻处罚,依据\n")
                ->rules[0]
                .outcome,
            LenientOutcome::kReducedPenalty);
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {header + "sh-1,清单,法,第一条,行为,no_fault,no_penalty,依据\n", "第 3 行：第 1 列（id）"},
      {header + "SH-01,清单,法,第一条,行为,no_fault;first_time,no_penalty,依据\n",
       "第 3 行：第 6 列（conditions）：未知的条件「first_time」"},
      {header + "SH-01,清单,法,第一条,行为,,no_penalty,依据\n",
       "第 6 列（conditions）：至少须有一个适用条件"},
      {header + "SH-01,清单,法,第一条,行为,no_fault,免罚,依据\n", "第 7 列（outcome）"},
      {header + "SH-01,清单,*,第一条,行为,no_fault,no_penalty,依据\n",
       "第 4 列（article）：通用规则"},
      {header + "SH-01,清单,法,*,行为,no_fault,no_penalty,依据\n", "第 3 列（law）：通用规则"},
      {header + "SH-01,清单,法,第一条,,no_fault,no_penalty,依据\n", "第 5 列（conduct）：不能为空"},
      {header + "SH-01,清单,法,第一条,行为,no_fault,no_penalty,\n", "第 8 列（basis）：不能为空"},
      {header + good + "\n" + good, "第 5 行：第 1 列（id）：「SH-01」已在第 3 行定义"},
      {header + "SH-01,清单,法,第一条,行为,no_fault;no_fault,no_penalty,依据\n",
       "「no_fault」重复"},
      {header + "SH-01,清单,法,第一条,行为,no_fault,no_penalty\n", "第 3 行：应有 8 列，实有 7 列"},
  };
  for (const Case& c : cases) {
    Result<LenientRules> r = ParseLenientRules(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().reason(), "lenient_rules_syntax");
    EXPECT_EQ(r.status().field(), "lenient_rules");
    EXPECT_NE(r.status().message().find(c.message), std::string::npos)
        << r.status().message() << " / wanted: " << c.message;
  }
}

TEST(LenientMatcher, AdvertisingSuperlativeFirstViolation) {
  Result<std::vector<LenientMatch>> m =
      MatchLenientRules(Lenient(), {"《中华人民共和国广告法》", "第九条第（三）项"},
                        {{"first_violation", true},
                         {"own_media_only", true},
                         {"minor_harm", true},
                         {"corrected_in_time", true}});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(Ids(*m), (std::vector<std::string>{"SH-01", "GEN-02", "GEN-01", "GEN-03", "GEN-04",
                                               "GEN-05", "GEN-06", "GEN-07"}));
  EXPECT_EQ((*m)[0].verdict, MatchVerdict::kAllMet);
  EXPECT_EQ((*m)[1].verdict, MatchVerdict::kAllMet);
  // GEN-01: minor_violation unknown, corrected_in_time met, no_harm unknown.
  const LenientMatch& gen01 = (*m)[2];
  EXPECT_EQ(gen01.verdict, MatchVerdict::kUndetermined);
  ASSERT_EQ(gen01.conditions.size(), 3u);
  EXPECT_EQ(gen01.conditions[0].fact, "minor_violation");
  EXPECT_EQ(gen01.conditions[0].state, ConditionState::kUnknown);
  EXPECT_EQ(gen01.conditions[1].state, ConditionState::kMet);
  EXPECT_EQ(gen01.conditions[2].state, ConditionState::kUnknown);
}

TEST(LenientMatcher, UnmetConditionsAndLooseProvisionNames) {
  // Without 《》 or 中华人民共和国, and the bare article: still SH-01.
  Result<std::vector<LenientMatch>> m = MatchLenientRules(Lenient(), {"广告法", "第九条"},
                                                          {{"first_violation", false},
                                                           {"corrected_in_time", true},
                                                           {"no_harm", true},
                                                           {"minor_violation", true}});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  // GEN-01 all met; SH-01 and GEN-02 fail on first_violation.
  ASSERT_FALSE(m->empty());
  EXPECT_EQ((*m)[0].rule.id, "GEN-01");
  EXPECT_EQ((*m)[0].verdict, MatchVerdict::kAllMet);
  const auto sh01 = std::find_if(m->begin(), m->end(),
                                 [](const LenientMatch& x) { return x.rule.id == "SH-01"; });
  ASSERT_NE(sh01, m->end());
  EXPECT_EQ(sh01->verdict, MatchVerdict::kNotMet);
  EXPECT_EQ(sh01->conditions[0].state, ConditionState::kUnmet);
  EXPECT_EQ(m->back().verdict, MatchVerdict::kNotMet);
  // A more specific provision in the case matches a rule on the whole article.
  m = MatchLenientRules(Lenient(), {"《中华人民共和国产品质量法》", "第二十七条第一款第（一）项"},
                        {});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(Ids(*m), (std::vector<std::string>{"SH-06", "QW-01", "GEN-01", "GEN-02", "GEN-03",
                                               "GEN-04", "GEN-05", "GEN-06", "GEN-07"}));
  for (const LenientMatch& x : *m) EXPECT_EQ(x.verdict, MatchVerdict::kUndetermined);
  // A provision no list names: only the general rules of 《行政处罚法》.
  m = MatchLenientRules(Lenient(), {"《中华人民共和国广告法》", "第五十八条"},
                        {{"no_fault", true}});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->size(), 7u);
  EXPECT_EQ((*m)[0].rule.id, "GEN-03");
  // Another law's 第九条 does not match SH-01.
  m = MatchLenientRules(Lenient(), {"《中华人民共和国价格法》", "第九条"}, {});
  EXPECT_EQ(m->size(), 7u);
}

TEST(LenientMatcher, RefusesUnknownFactsAndEmptyProvision) {
  Result<std::vector<LenientMatch>> m =
      MatchLenientRules(Lenient(), {"广告法", "第九条"}, {{"first_time", true}});
  EXPECT_EQ(m.status().reason(), "unknown_fact");
  EXPECT_EQ(m.status().field(), "facts.first_time");
  EXPECT_EQ(MatchLenientRules(Lenient(), {" ", "第九条"}, {}).status().field(), "provision.law");
  EXPECT_EQ(MatchLenientRules(Lenient(), {"广告法", ""}, {}).status().field(), "provision.article");
  EXPECT_EQ(LenientFactLabel("no_fault"), "有证据足以证明没有主观过错");
  EXPECT_TRUE(LenientFactLabel("nope").empty());
}

TEST(LenientRuleEdit, EveryHandEditIsCheckedAndTheFieldNamed) {
  LenientRule r = *Lenient().Find("SH-01");
  EXPECT_TRUE(ValidateLenientRule(r).ok());
  struct Case {
    const char* what;
    void (*spoil)(LenientRule&);
    const char* field;
  } cases[] = {
      {"id", [](LenientRule& x) { x.id = "sh-1"; }, "id"},
      {"list", [](LenientRule& x) { x.list = " "; }, "list"},
      {"law", [](LenientRule& x) { x.provision.law = ""; }, "provision.law"},
      {"article", [](LenientRule& x) { x.provision.article = ""; }, "provision.article"},
      {"star alone", [](LenientRule& x) { x.provision.law = "*"; }, "provision.article"},
      {"conduct", [](LenientRule& x) { x.conduct = ""; }, "conduct"},
      {"no condition", [](LenientRule& x) { x.conditions.clear(); }, "conditions"},
      {"unknown fact", [](LenientRule& x) { x.conditions.push_back("first_time"); }, "conditions"},
      {"repeated fact", [](LenientRule& x) { x.conditions.push_back(x.conditions[0]); }, "conditions"},
      {"basis", [](LenientRule& x) { x.basis = "\t"; }, "basis"},
  };
  for (const Case& c : cases) {
    LenientRule bad = r;
    c.spoil(bad);
    Status st = ValidateLenientRule(bad);
    EXPECT_FALSE(st.ok()) << c.what;
    EXPECT_EQ(st.field(), c.field) << c.what;
  }
}

TEST(LenientRuleEdit, ARetiredRuleIsNeitherSuggestedNorCitable) {
  LenientRules rules = Lenient();
  auto before = MatchLenientRules(rules, {"广告法", "第九条第（三）项"}, {});
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(Ids(*before).front(), "SH-01");
  const_cast<LenientRule*>(rules.Find("SH-01"))->retired = true;
  auto after = MatchLenientRules(rules, {"广告法", "第九条第（三）项"}, {});
  ASSERT_TRUE(after.ok());
  for (const std::string& id : Ids(*after)) EXPECT_NE(id, "SH-01");
  EXPECT_EQ(after->size() + 1, before->size());

  Decision d;
  d.kind = DecisionKind::kNoPenalty;
  d.lenient_rule_id = "SH-01";
  EXPECT_EQ(ValidateDecision(d, rules).reason(), "retired_lenient_rule");
  EXPECT_EQ(ValidateDecision(d, rules).field(), "lenient_rule_id");
}

}  // namespace
}  // namespace jg::enforcement
