// The Store contract of the case list filters and paging, the stored decision
// due date and closing day, the statistics counts, and summary-procedure
// decisions with their gap-free numbers, on every backend.
#include <gtest/gtest.h>

#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::enforcement;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

class CaseStatsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    root_ = store().InsertDepartment(bureau).value();
    Department jqs{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    jqs_ = store().InsertDepartment(jqs).value();
    Inspector i;
    i.name = "执法员";
    i.department_id = jqs_;
    i.certificate_no = "沪执-1";
    i.certificate_expires = "2027-12-31";
    i.updated_at = 100;
    inspector_ = store().InsertInspector(i).value();
  }
  Store& store() { return *ts_.store; }
  // A case of `dept` filed on `filed`, optionally decided as `kind`.
  Id AddCase(Id dept, Date filed, std::optional<DecisionKind> kind = std::nullopt,
             std::string law = "", std::string rule = "") {
    Lead l;
    l.description = "线索";
    l.found_on = filed;
    l.department_id = dept;
    l.status = LeadStatus::kFiled;
    l.updated_at = 100;
    Id lead = store().InsertLead(l).value();
    EnforcementCase c;
    c.case_year = filed.year();
    c.case_seq = ++seq_;
    c.case_number = "沪市监嘉处〔" + std::to_string(filed.year()) + "〕第" + std::to_string(seq_) + "号";
    c.lead_id = lead;
    c.department_id = dept;
    c.filed_on = filed;
    c.violated.law = law;
    c.updated_at = 100;
    if (kind) {
      Decision d;
      d.kind = *kind;
      d.decided_on = *filed.AddDays(20);
      d.lenient_rule_id = *kind == DecisionKind::kNoPenalty ? rule : "";
      d.reduction_ground = *kind == DecisionKind::kReducedPenalty ? rule : "";
      c.decision = d;
      c.stage = CaseStage::kDecided;
    } else {
      c.decision_due = filed.AddDays(90);
    }
    return store().InsertCase(c).value();
  }
  testing::TestStore ts_;
  Id root_ = 0, jqs_ = 0, inspector_ = 0;
  int seq_ = 0;
};

TEST_P(CaseStatsContract, TheCaseListFiltersPagesAndCountsAlike) {
  Id a = AddCase(jqs_, D(2023, 3, 1), DecisionKind::kNoPenalty, "《食品安全法》", "SH-06");
  Id b = AddCase(jqs_, D(2023, 5, 1), DecisionKind::kTransferToPolice);
  Id c = AddCase(root_, D(2023, 7, 1));  // due 2023-09-29
  Id d = AddCase(jqs_, D(2022, 12, 30), std::nullopt, "《食品安全法》");  // due 2023-03-30
  // Ids in list order; the count agrees with the list (unpaged queries).
  auto ids = [&](const CaseQuery& q) {
    std::vector<Id> out;
    auto cases = store().ListCases(q).value();
    for (const auto& x : cases) out.push_back(x.id);
    EXPECT_EQ(store().CountCases(q).value(), static_cast<std::int64_t>(out.size()));
    return out;
  };
  CaseQuery all;
  EXPECT_EQ(ids(all), (std::vector<Id>{c, b, a, d}));  // newest filed first
  CaseQuery y2023;
  y2023.filed_year = 2023;
  EXPECT_EQ(ids(y2023), (std::vector<Id>{c, b, a}));
  y2023.department_id = jqs_;
  EXPECT_EQ(ids(y2023), (std::vector<Id>{b, a}));
  CaseQuery kind;
  kind.decided_year = 2023;
  kind.decision_kind = DecisionKind::kNoPenalty;
  kind.lenient_rule_id = "SH-06";
  EXPECT_EQ(ids(kind), (std::vector<Id>{a}));
  CaseQuery law;
  law.violated_law = "《食品安全法》";
  EXPECT_EQ(ids(law), (std::vector<Id>{a, d}));
  law.violated_law = "";
  EXPECT_EQ(ids(law), (std::vector<Id>{c, b}));
  // The stored due date: a range, and decided cases (no period) never match.
  CaseQuery overdue;
  overdue.due_to = D(2023, 9, 30);
  EXPECT_EQ(ids(overdue), (std::vector<Id>{c, d}));
  overdue.due_from = D(2023, 9, 1);
  EXPECT_EQ(ids(overdue), (std::vector<Id>{c}));
  ASSERT_TRUE(store().SetCaseDecisionDue(c, std::nullopt).ok());
  EXPECT_EQ(ids(overdue), (std::vector<Id>{}));
  EXPECT_EQ(store().SetCaseDecisionDue(9999, std::nullopt).code(), ErrorCode::kNotFound);
  EXPECT_TRUE(store().CasesWithoutDecisionDue(10).value().empty());
  // Paging: the page, and the count over all pages.
  CaseQuery page;
  page.limit = 2;
  page.offset = 2;
  EXPECT_EQ(store().ListCases(page).value().size(), 2u);
  EXPECT_EQ(store().ListCases(page).value()[0].id, a);
  EXPECT_EQ(store().CountCases(page).value(), 4);
  // The close event stores the closing day.
  ASSERT_TRUE(store().InsertCaseEvent({0, b, CaseStage::kDecided, CaseStage::kClosed,
                                       CaseAction::kClose, D(2024, 1, 3), "t", "", 100}).ok());
  CaseQuery closed;
  closed.closed_year = 2024;
  EXPECT_EQ(ids(closed), (std::vector<Id>{b}));
  closed.closed_year = 2023;
  EXPECT_TRUE(ids(closed).empty());
}

TEST_P(CaseStatsContract, StatisticsAreCountedByMonthDepartmentLawKindAndRule) {
  AddCase(jqs_, D(2023, 3, 1), DecisionKind::kNoPenalty, "《食品安全法》", "SH-06");
  AddCase(jqs_, D(2023, 3, 15), DecisionKind::kNoPenalty, "《食品安全法》", "SH-06");
  AddCase(jqs_, D(2023, 5, 1), DecisionKind::kReducedPenalty, "", "SH-20");
  AddCase(root_, D(2023, 7, 1), DecisionKind::kTransferToPolice);
  AddCase(jqs_, D(2022, 4, 1));
  AddCase(jqs_, D(2021, 4, 1));  // outside both years
  auto s = store().CountCaseStatistics(2023, std::nullopt).value();
  std::map<std::string, std::int64_t> filed;
  for (const auto& c : s.filed) filed[c.key + "/" + (c.key2 == std::to_string(jqs_) ? "jqs" : "root")] += c.count;
  EXPECT_EQ(filed, (std::map<std::string, std::int64_t>{
                       {"2022-04/jqs", 1}, {"2023-03/jqs", 2}, {"2023-05/jqs", 1}, {"2023-07/root", 1}}));
  EXPECT_TRUE(s.closed.empty());
  std::map<std::string, std::int64_t> law, kind, rule, ground;
  for (const auto& c : s.filed_by_law) law[c.key] = c.count;
  for (const auto& c : s.decided_by_kind) kind[c.key] = c.count;
  for (const auto& c : s.no_penalty_by_rule) rule[c.key] = c.count;
  for (const auto& c : s.reduced_by_ground) ground[c.key] = c.count;
  EXPECT_EQ(law, (std::map<std::string, std::int64_t>{{"", 2}, {"《食品安全法》", 2}}));
  EXPECT_EQ(kind, (std::map<std::string, std::int64_t>{
                      {"no_penalty", 2}, {"reduced_penalty", 1}, {"transfer_to_police", 1}}));
  EXPECT_EQ(rule, (std::map<std::string, std::int64_t>{{"SH-06", 2}}));
  EXPECT_EQ(ground, (std::map<std::string, std::int64_t>{{"SH-20", 1}}));
  auto root_only = store().CountCaseStatistics(2023, root_).value();
  ASSERT_EQ(root_only.decided_by_kind.size(), 1u);
  EXPECT_EQ(root_only.decided_by_kind[0].key, "transfer_to_police");
}

TEST_P(CaseStatsContract, SummaryDecisionsRoundTripAndNumbersHaveNoGaps) {
  // A number taken in a transaction that rolls back is given back.
  int taken = 0;
  Status rolled = store().Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(taken, tx.NextSummarySequence(2023));
    return Aborted("test", "roll back");
  });
  EXPECT_EQ(rolled.reason(), "test");
  EXPECT_EQ(taken, 1);
  SummaryCase s;
  s.party_kind = PartyKind::kOrganisation;
  s.party_name = "某某公司";
  s.department_id = jqs_;
  s.place = "某地";
  s.facts = "某事";
  s.violated = {"某法", "第一条"};
  s.penalties = {PenaltyType::kWarning, PenaltyType::kFine};
  s.fine = 300000;
  s.decided_on = D(2023, 11, 10);
  s.officers = {{inspector_, {"执法员", "沪执-1", D(2027, 12, 31)}}};
  s.paid_on = D(2023, 11, 11);
  s.decision_year = 2023;
  s.updated_at = 100;
  ASSERT_TRUE(store().Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(s.decision_seq, tx.NextSummarySequence(2023));
    s.decision_number = "简罚-" + std::to_string(s.decision_seq);
    JG_ASSIGN_OR_RETURN(s.id, tx.InsertSummaryCase(s));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(s.decision_seq, 1);
  EXPECT_EQ(store().Transaction([&](Store& tx) -> Status {
              JG_ASSIGN_OR_RETURN(int n, tx.NextSummarySequence(2023));
              EXPECT_EQ(n, 2);
              JG_ASSIGN_OR_RETURN(int m, tx.NextSummarySequence(2024));
              EXPECT_EQ(m, 1);
              return Status::Ok();
            }).ok(), true);
  auto got = store().GetSummaryCase(s.id).value();
  EXPECT_EQ(got.decision_number, "简罚-1");
  EXPECT_EQ(got.party_kind, PartyKind::kOrganisation);
  EXPECT_EQ(got.penalties, s.penalties);
  EXPECT_EQ(got.fine, 300000);
  EXPECT_EQ(got.paid_on, D(2023, 11, 11));
  EXPECT_FALSE(got.filed_with_department_on.has_value());
  ASSERT_EQ(got.officers.size(), 1u);
  EXPECT_EQ(got.officers[0].officer.certificate_no, "沪执-1");
  // The same number again is refused.
  EXPECT_EQ(store().InsertSummaryCase(s).status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(store().GetSummaryCase(9999).status().code(), ErrorCode::kNotFound);

  SummaryCaseQuery q;
  q.year = 2023;
  q.party = "某某";
  EXPECT_EQ(store().ListSummaryCases(q).value().size(), 1u);
  EXPECT_EQ(store().CountSummaryCases(q).value(), 1);
  q.party_kind = PartyKind::kCitizen;
  EXPECT_EQ(store().CountSummaryCases(q).value(), 0);
  auto stats = store().CountCaseStatistics(2023, jqs_).value();
  ASSERT_EQ(stats.summary.size(), 1u);
  EXPECT_EQ(stats.summary[0].key, "2023");
  EXPECT_EQ(stats.summary[0].key2, "organisation");
  EXPECT_EQ(stats.summary[0].count, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStatsContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
