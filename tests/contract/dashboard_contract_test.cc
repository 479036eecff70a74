// The Store contract of the dashboard's counts (CountDashboard) and of the
// drill-down filters they open (ListTasks/CountTasks by plan year, lead
// department, result month, street and counted figure; credit repairs by
// decision year; cases by filing and closing month), on every backend. A
// hand-built year where every count is known, with records just outside it
// (another year's plan, a cancelled task, a refused repair) that must not count.
#include <gtest/gtest.h>

#include <map>

#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::credit;
using namespace jg::enforcement;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

class DashboardContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    root_ = store().InsertDepartment(bureau).value();
    Department jqs{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    jqs_ = store().InsertDepartment(jqs).value();
    Department nxs{0, "NXS", "南翔市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    nxs_ = store().InsertDepartment(nxs).value();
    int n = 0;
    for (const char* street : {"江桥镇", "江桥镇", "南翔镇", ""}) {
      Entity e;
      e.credit_code = testing::ValidCreditCode(700 + ++n);
      e.name = "看板测试企业" + std::to_string(n);
      e.registered_on = "2020-01-01";
      e.street = street;
      entities_.push_back(store().InsertEntity(e, "test").value());
    }
  }
  Store& store() { return *ts_.store; }
  Id Plan(int year, Id lead) {
    InspectionPlan p;
    p.name = std::to_string(year) + "年抽查计划" + std::to_string(++plans_);
    p.year = year;
    p.period_from = std::to_string(year) + "-01-01";
    p.period_to = std::to_string(year) + "-12-31";
    p.lead_department_id = lead;
    p.updated_at = 1;
    return store().InsertPlan(p).value();
  }
  void Task(Id plan, size_t entity, std::optional<InspectionOutcome> outcome, std::string on,
            TaskStatus status = TaskStatus::kDone, const std::string& stratum = "") {
    InspectionTask t;
    t.plan_id = plan;
    t.entity_id = entities_.at(entity);
    t.credit_code = testing::ValidCreditCode(701 + static_cast<int>(entity));
    t.stratum = stratum;
    t.status = TaskStatus::kAssigned;
    t.updated_at = 1;
    auto id = store().InsertTask(t);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    if (!outcome && status != TaskStatus::kCancelled) return;
    // The result is recorded by an update, as the service does.
    auto got = store().GetTask(*id).value();
    got.status = outcome ? status : TaskStatus::kCancelled;
    got.outcome = outcome;
    got.findings = outcome && IsProblem(*outcome) ? "发现问题" : "";
    got.inspected_on = std::move(on);
    ASSERT_TRUE(store().UpdateTask(got).ok());
  }
  // A case filed on `filed`, and its publicity record (for a repair).
  Id Publicity(Id dept, Date filed) {
    Lead l;
    l.description = "线索";
    l.found_on = filed;
    l.department_id = dept;
    l.status = LeadStatus::kFiled;
    l.updated_at = 1;
    Id lead = store().InsertLead(l).value();
    EnforcementCase c;
    c.case_year = filed.year();
    c.case_seq = ++cases_;
    c.case_number = "沪市监嘉处〔" + std::to_string(filed.year()) + "〕第" + std::to_string(cases_) + "号";
    c.lead_id = lead;
    c.department_id = dept;
    c.filed_on = filed;
    c.updated_at = 1;
    Id id = store().InsertCase(c).value();
    PublicityRecord p;
    p.case_id = id;
    p.department_id = dept;
    p.party_name = "某某商店";
    p.case_number = c.case_number;
    p.decision.decided_on = filed;
    p.updated_at = 1;
    return store().InsertPublicity(p).value();
  }
  void Repair(Id dept, RepairStatus status, std::optional<Date> decided) {
    CreditRepair r;
    r.publicity_id = Publicity(dept, D(2023, 2, 1));
    r.department_id = dept;
    r.applicant = "王经理";
    r.applied_on = D(2022, 12, 1);
    r.updated_at = 1;
    r.id = store().InsertCreditRepair(r).value();
    if (status == RepairStatus::kPending) return;
    auto got = store().GetCreditRepair(r.id).value();
    got.status = status;
    got.decided_on = decided;
    got.decided_by = "legal";
    ASSERT_TRUE(store().UpdateCreditRepair(got).ok());
  }
  void Holding(size_t entity, const std::string& until, HoldingStatus status = HoldingStatus::kValid) {
    jg::Holding h;
    h.kind = "food_operation_licence";
    h.identifier = "JY131011400" + std::to_string(10000 + ++holdings_);
    h.entity_id = entities_.at(entity);
    h.valid_from = "2019-01-01";
    h.valid_until = until;
    h.status = status;
    h.updated_at = 1;
    ASSERT_TRUE(store().InsertHolding(h).ok());
  }
  testing::TestStore ts_;
  Id root_ = 0, jqs_ = 0, nxs_ = 0;
  std::vector<Id> entities_;
  int plans_ = 0, cases_ = 0, holdings_ = 0;
};

using O = InspectionOutcome;

TEST_P(DashboardContract, InspectionsGroupByMonthDepartmentAndStreetAndMatchTheirLists) {
  Id a = Plan(2023, jqs_);
  Id b = Plan(2023, nxs_);
  Id old = Plan(2022, jqs_);
  Task(a, 0, O::kNoProblem, "2023-03-10");
  Task(a, 1, O::kCorrected, "2023-03-20");
  Task(a, 2, O::kCaseFiled, "2023-04-02");
  Task(a, 3, std::nullopt, "");                               // drawn, not yet inspected
  Task(b, 0, O::kUncooperative, "2023-04-15");                // a problem (不配合检查)
  Task(b, 1, O::kNotOperating, "2023-04-16");                 // inspected, no problem
  Task(b, 2, O::kCorrected, "2023-05-01", TaskStatus::kCancelled);  // cancelled: never counted
  Task(old, 0, O::kCorrected, "2022-06-01");                  // another year's plan

  DashboardQuery q{2023, std::nullopt, "2023-11-15", "2023-12-15"};
  auto counts = store().CountDashboard(q).value();
  // (month/department/street) → drawn, inspected, problems, cases
  std::map<std::string, std::vector<std::int64_t>> got;
  for (const auto& g : counts.inspections) {
    std::string dept = g.department_id == jqs_ ? "jqs" : g.department_id == nxs_ ? "nxs" : "?";
    got[g.month + "/" + dept + "/" + g.street] = {g.drawn, g.inspected, g.problems, g.cases};
  }
  EXPECT_EQ(got, (std::map<std::string, std::vector<std::int64_t>>{
                     {"/jqs/", {1, 0, 0, 0}},
                     {"2023-03/jqs/江桥镇", {2, 2, 1, 0}},
                     {"2023-04/jqs/南翔镇", {1, 1, 1, 1}},
                     {"2023-04/nxs/江桥镇", {2, 2, 1, 0}}}));

  // Each group's drill-down list has exactly that many tasks.
  for (const auto& g : counts.inspections) {
    for (auto [counted, want] : {std::pair{"drawn", g.drawn}, {"inspected", g.inspected},
                                 {"problem", g.problems}, {"case_filed", g.cases}}) {
      TaskQuery t;
      t.plan_year = 2023;
      t.lead_department_id = g.department_id;
      t.inspected_month = g.month;
      t.street = g.street;
      t.counted = counted;
      if (g.month.empty()) {
        // Tasks without a result: the month filter cannot say "none", so
        // the test checks the department's drawn figure instead.
        t.inspected_month.clear();
        if (std::string(counted) != "drawn") continue;
        t.street.reset();
        EXPECT_EQ(store().CountTasks(t).value(), 4) << "all tasks of 江桥所's plan";
        continue;
      }
      EXPECT_EQ(store().CountTasks(t).value(), want) << g.month << " " << g.street << " " << counted;
      EXPECT_EQ(static_cast<std::int64_t>(store().ListTasks(t).value().size()), want);
    }
  }
  // The year's totals through the list: cancelled tasks and 2022's plan excluded.
  TaskQuery all;
  all.plan_year = 2023;
  all.counted = "problem";
  EXPECT_EQ(store().CountTasks(all).value(), 3);
  all.counted = "drawn";
  EXPECT_EQ(store().CountTasks(all).value(), 6);
  all.counted = "";
  EXPECT_EQ(store().CountTasks(all).value(), 7) << "without `counted` the cancelled task is listed";
  all.counted = "bogus";
  EXPECT_EQ(store().CountTasks(all).status().code(), ErrorCode::kInvalidArgument);

  // One department's scope.
  q.department_id = nxs_;
  counts = store().CountDashboard(q).value();
  ASSERT_EQ(counts.inspections.size(), 1u);
  EXPECT_EQ(counts.inspections[0].drawn, 2);
  EXPECT_EQ(counts.inspections[0].problems, 1);
}

TEST_P(DashboardContract, RepairsAndHoldingsAreCountedWithinTheirWindows) {
  Repair(jqs_, RepairStatus::kApproved, D(2023, 3, 1));
  Repair(jqs_, RepairStatus::kApproved, D(2022, 12, 30));  // decided the year before
  Repair(nxs_, RepairStatus::kApproved, D(2023, 8, 1));
  Repair(jqs_, RepairStatus::kRefused, D(2023, 4, 1));
  Repair(jqs_, RepairStatus::kPending, std::nullopt);
  Holding(0, "2023-11-01");  // expired, still marked valid
  Holding(1, "2023-11-15");  // ends today: counted as expired, like the list with days=0
  Holding(2, "2023-12-15");  // the last day of the 30-day window
  Holding(3, "2023-12-16");  // just outside it
  Holding(0, "");            // no expiry
  Holding(1, "2023-11-20", HoldingStatus::kRevoked);

  DashboardQuery q{2023, std::nullopt, "2023-11-15", "2023-12-15"};
  auto c = store().CountDashboard(q).value();
  EXPECT_TRUE(c.inspections.empty());
  EXPECT_EQ(c.repairs_approved, 2);
  EXPECT_EQ(c.repairs_pending, 1);
  EXPECT_EQ(c.holdings_expired, 2);
  EXPECT_EQ(c.holdings_expiring, 3);
  // The lists the figures open.
  RepairQuery r{RepairStatus::kApproved, std::nullopt, std::nullopt, 2023};
  EXPECT_EQ(store().ListCreditRepairs(r).value().size(), 2u);
  HoldingQuery h;
  h.status = HoldingStatus::kValid;
  h.valid_until_to = "2023-12-15";
  EXPECT_EQ(store().SearchHoldings(h).value().total, 3);
  h.valid_until_to = "2023-11-15";
  EXPECT_EQ(store().SearchHoldings(h).value().total, 2);

  q.department_id = jqs_;
  c = store().CountDashboard(q).value();
  EXPECT_EQ(c.repairs_approved, 1);
  EXPECT_EQ(c.repairs_pending, 1);
  EXPECT_EQ(c.holdings_expiring, 3) << "holdings are the directory's, whatever the department";
  r.department_id = jqs_;
  EXPECT_EQ(store().ListCreditRepairs(r).value().size(), 1u);
}

TEST_P(DashboardContract, CasesFilterByFilingAndClosingMonth) {
  Id p1 = Publicity(jqs_, D(2023, 3, 1));
  Publicity(jqs_, D(2023, 3, 31));
  Publicity(jqs_, D(2023, 4, 1));
  (void)p1;
  CaseQuery q;
  q.filed_month = "2023-03";
  EXPECT_EQ(store().CountCases(q).value(), 2);
  q.filed_month = "2023-04";
  EXPECT_EQ(store().CountCases(q).value(), 1);
  q.filed_month = "2023-02";
  EXPECT_EQ(store().CountCases(q).value(), 0);
  auto cases = store().ListCases(CaseQuery{}).value();
  ASSERT_EQ(cases.size(), 3u);
  ASSERT_TRUE(store().InsertCaseEvent({0, cases[0].id, CaseStage::kDecided, CaseStage::kClosed,
                                       CaseAction::kClose, D(2023, 6, 30), "t", "", 1}).ok());
  CaseQuery closed;
  closed.closed_month = "2023-06";
  EXPECT_EQ(store().CountCases(closed).value(), 1);
  closed.closed_month = "2023-07";
  EXPECT_EQ(store().CountCases(closed).value(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// The 双随机 statistics page: counts by street, by the stratum (credit-risk
// class at the draw) and by item (a task of a two-item plan under both), and
// per stratum of a drawn plan its frozen population with its results — the
// inputs of the population estimate. A committed plan not yet drawn is no sample.
TEST_P(DashboardContract, StatisticsByStreetRiskAndItemAndTheStrataOfAPlan) {
  InspectionPlan p;
  p.name = "2023年分层统计计划";
  p.year = 2023;
  p.period_from = "2023-03-01";
  p.period_to = "2023-06-30";
  p.lead_department_id = jqs_;
  p.item_codes = {"GS-001", "SP-001"};
  p.status = PlanStatus::kDrawn;
  p.updated_at = 1;
  Id plan = store().InsertPlan(p).value();
  ASSERT_TRUE(store().InsertPlanPopulation(plan, {{"", 5}, {"A", 10}, {"D", 4}}).ok());
  Task(plan, 0, O::kNoProblem, "2023-03-10", TaskStatus::kDone, "A");     // 江桥镇
  Task(plan, 1, O::kCorrected, "2023-03-11", TaskStatus::kDone, "A");     // 江桥镇
  Task(plan, 2, O::kUncooperative, "2023-04-01", TaskStatus::kDone, "D"); // 南翔镇
  Task(plan, 3, std::nullopt, "", TaskStatus::kAssigned, "D");            // no street, no result
  p.name = "2023年已承诺未抽取";
  p.status = PlanStatus::kCommitted;
  Id committed = store().InsertPlan(p).value();
  ASSERT_TRUE(store().InsertPlanPopulation(committed, {{"A", 3}}).ok());
  Task(committed, 0, std::nullopt, "", TaskStatus::kCancelled, "A");  // never counts

  auto keyed = [&](const std::string& by) {
    std::map<std::string, InspectionCounts> m;
    auto rows = store().CountInspections(2023, by);
    EXPECT_TRUE(rows.ok()) << by;
    for (auto& c : *rows) m[c.key] = c;
    return m;
  };
  auto street = keyed("street");
  ASSERT_EQ(street.size(), 3u);
  EXPECT_EQ(street["江桥镇"].drawn, 2);
  EXPECT_EQ(street["江桥镇"].inspected, 2);
  EXPECT_EQ(street["江桥镇"].problems, 1);
  EXPECT_EQ(street["南翔镇"].problems, 1);
  EXPECT_EQ(street[""].drawn, 1);
  EXPECT_EQ(street[""].inspected, 0);
  auto risk = keyed("risk");
  ASSERT_EQ(risk.size(), 2u);
  EXPECT_EQ(risk["A"].drawn, 2);
  EXPECT_EQ(risk["A"].problems, 1);
  EXPECT_EQ(risk["D"].drawn, 2);
  EXPECT_EQ(risk["D"].inspected, 1);
  auto item = keyed("item");
  ASSERT_EQ(item.size(), 2u);
  for (const char* code : {"GS-001", "SP-001"}) {
    EXPECT_EQ(item[code].drawn, 4) << code;
    EXPECT_EQ(item[code].inspected, 3) << code;
    EXPECT_EQ(item[code].problems, 2) << code;
    EXPECT_EQ(item[code].plans, 1) << code;
  }
  EXPECT_EQ(store().CountInspections(2023, "nonsense").status().reason(), "invalid_group_by");

  auto strata = store().ListStratumSamples(2023).value();
  ASSERT_EQ(strata.size(), 3u);
  for (const auto& s : strata) EXPECT_EQ(s.plan_id, plan);
  EXPECT_EQ(strata[0].stratum, "");
  EXPECT_EQ(strata[0].eligible, 5);
  EXPECT_EQ(strata[0].inspected, 0);
  EXPECT_EQ(strata[1].stratum, "A");
  EXPECT_EQ(strata[1].eligible, 10);
  EXPECT_EQ(strata[1].inspected, 2);
  EXPECT_EQ(strata[1].problems, 1);
  EXPECT_EQ(strata[2].stratum, "D");
  EXPECT_EQ(strata[2].eligible, 4);
  EXPECT_EQ(strata[2].inspected, 1);
  EXPECT_EQ(strata[2].problems, 1);
  EXPECT_TRUE(store().ListStratumSamples(2022).value().empty());
  // Frozen once: a second population of the same stratum is refused.
  EXPECT_FALSE(store().InsertPlanPopulation(plan, {{"A", 1}}).ok());
}

}  // namespace
}  // namespace jg
