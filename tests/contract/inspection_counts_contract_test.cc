// The trigger-kept counts never disagree with the records they count.
//
// inspection_counts (migration 0016): after a seeded random workload of every write that
// touches them — tasks drawn, results recorded and corrected, tasks
// cancelled, entities moved to another street one at a time and by a bulk
// import, writes rolled back — the table equals its definition, a GROUP BY
// over inspection_tasks joined to entities, on every backend. The statistics,
// the dashboard and the annual report read only this table for inspections,
// so this is the test that they count the records.
//
// case_counts (migration 0017): after cases are filed, moved to another
// department, decided (every kind, lenient rule and reduction ground),
// re-decided, closed, and after writes rolled back, the table equals its
// definition over `cases`; the case statistics, the dashboard's cases and
// the annual report read it.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {

constexpr char kKept[] =
    "SELECT plan_id, month, street, stratum, status, outcome, tasks FROM inspection_counts "
    "ORDER BY 1, 2, 3, 4, 5, 6";
constexpr char kDefinition[] =
    "SELECT t.plan_id, SUBSTR(t.inspected_on, 1, 7), e.street, t.stratum, t.status, t.outcome, "
    "COUNT(*) FROM inspection_tasks t JOIN entities e ON e.id = t.entity_id "
    "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6";

const std::vector<std::string> kStreets = {"江桥镇", "南翔镇", "马陆镇", "安亭镇", ""};
const std::vector<std::string> kStrata = {"A", "B", "C", ""};

class InspectionCountsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department d{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, std::nullopt, "", "", 1};
    dept_ = store().InsertDepartment(d).value();
    for (int n = 0; n < 24; ++n) {
      Entity e;
      e.credit_code = testing::ValidCreditCode(900 + n);
      e.name = "计数测试企业" + std::to_string(n);
      e.registered_on = "2020-01-01";
      e.street = kStreets[n % kStreets.size()];
      entities_.push_back(store().InsertEntity(e, "test").value());
    }
    for (int n = 0; n < 5; ++n) {
      InspectionPlan p;
      p.name = "计数测试计划" + std::to_string(n);
      p.year = 2022 + n % 2;
      p.period_from = std::to_string(p.year) + "-01-01";
      p.period_to = std::to_string(p.year) + "-12-31";
      p.lead_department_id = dept_;
      p.updated_at = 1;
      plans_.push_back(store().InsertPlan(p).value());
    }
  }
  Store& store() { return *ts_.store; }

  void ExpectAgree(const std::string& after) {
    auto kept = testing::RawRows(ts_, kKept);
    auto defined = testing::RawRows(ts_, kDefinition);
    ASSERT_EQ(kept, defined) << "after " << after;
  }

  InspectionTask NewTask(Id plan, Id entity, const std::string& stratum) {
    InspectionTask t;
    t.plan_id = plan;
    t.entity_id = entity;
    t.credit_code = store().GetEntity(entity).value().credit_code;
    t.stratum = stratum;
    t.status = TaskStatus::kAssigned;
    t.updated_at = 1;
    return t;
  }

  // One result written (or changed, or the task cancelled) as the service does.
  Status ChangeTask(Id id, std::mt19937& rng) {
    auto t = store().GetTask(id);
    if (!t.ok()) return t.status();
    switch (rng() % 4) {
      case 0:
        t->status = TaskStatus::kCancelled;
        t->outcome.reset();
        t->inspected_on.clear();
        break;
      case 1:  // findings only: nothing counted moves
        t->findings += "补充";
        break;
      default:
        t->status = TaskStatus::kDone;
        t->outcome = static_cast<InspectionOutcome>(rng() % 7);
        t->inspected_on = "2023-" + std::string(rng() % 2 ? "0" : "1") + std::to_string(rng() % 3 + 1) +
                          "-1" + std::to_string(rng() % 9);
    }
    return store().UpdateTask(*t);
  }

  Status MoveEntity(Id id, std::mt19937& rng) {
    auto e = store().GetEntity(id);
    if (!e.ok()) return e.status();
    e->street = kStreets[rng() % kStreets.size()];
    return store().UpdateEntity(*e, "test");
  }

  testing::TestStore ts_;
  Id dept_ = 0;
  std::vector<Id> entities_, plans_;
};

TEST_P(InspectionCountsContract, KeptCountsEqualTheirDefinitionAfterEveryKindOfWrite) {
  std::mt19937 rng(20231115);
  std::set<std::pair<Id, Id>> drawn;  // (plan, entity)
  std::vector<Id> tasks;
  for (int round = 0; round < 12; ++round) {
    // A draw: several tasks in one transaction.
    ASSERT_TRUE(store()
                    .Transaction([&](Store& tx) -> Status {
                      for (int k = 0; k < 6; ++k) {
                        Id plan = plans_[rng() % plans_.size()];
                        Id entity = entities_[rng() % entities_.size()];
                        if (!drawn.insert({plan, entity}).second) continue;
                        auto id = tx.InsertTask(NewTask(plan, entity, kStrata[rng() % kStrata.size()]));
                        if (!id.ok()) return id.status();
                        tasks.push_back(*id);
                      }
                      return Status::Ok();
                    })
                    .ok());
    ExpectAgree("a draw in round " + std::to_string(round));
    for (int k = 0; k < 8 && !tasks.empty(); ++k) {
      ASSERT_TRUE(ChangeTask(tasks[rng() % tasks.size()], rng).ok());
    }
    ExpectAgree("results in round " + std::to_string(round));
    for (int k = 0; k < 3; ++k) ASSERT_TRUE(MoveEntity(entities_[rng() % entities_.size()], rng).ok());
    ExpectAgree("street changes in round " + std::to_string(round));

    // A bulk import that moves some entities and leaves others where they are.
    std::vector<Entity> batch;
    for (int k = 0; k < 5; ++k) {
      Entity e = store().GetEntity(entities_[rng() % entities_.size()]).value();
      if (k % 2 == 0) e.street = kStreets[rng() % kStreets.size()];
      bool dup = false;
      for (const auto& b : batch) dup = dup || b.credit_code == e.credit_code;
      if (!dup) batch.push_back(e);
    }
    auto up = store().UpsertEntities(batch, "import", nullptr);
    ASSERT_TRUE(up.ok()) << up.status().ToString();
    ExpectAgree("an import in round " + std::to_string(round));

    // Writes of every kind inside a transaction that fails: nothing counts.
    auto before = testing::RawRows(ts_, kKept);
    Status failed = store().Transaction([&](Store& tx) -> Status {
      auto e = tx.GetEntity(entities_[rng() % entities_.size()]);
      if (!e.ok()) return e.status();
      e->street = e->street == "江桥镇" ? "南翔镇" : "江桥镇";
      JG_RETURN_IF_ERROR(tx.UpdateEntity(*e, "test"));
      if (!tasks.empty()) {
        auto t = tx.GetTask(tasks[rng() % tasks.size()]);
        if (!t.ok()) return t.status();
        t->status = TaskStatus::kDone;
        t->outcome = InspectionOutcome::kCaseFiled;
        t->inspected_on = "2023-06-01";
        JG_RETURN_IF_ERROR(tx.UpdateTask(*t));
      }
      return Aborted("rolled_back", "故意回滚");
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(testing::RawRows(ts_, kKept), before) << "a rolled-back transaction moved counts";
  }
  // The workload reached every kind of group: several streets, strata,
  // statuses and outcomes, and no group left at zero.
  auto kept = testing::RawRows(ts_, kKept);
  EXPECT_GT(kept.size(), 40u);
  for (const auto& row : kept) EXPECT_NE(row.substr(row.rfind('\t') + 1), "0") << row;
  auto statuses = testing::RawRows(ts_, "SELECT DISTINCT status FROM inspection_counts ORDER BY 1");
  EXPECT_EQ(statuses, (std::vector<std::string>{"assigned", "cancelled", "done"}));
}

constexpr char kCaseKept[] =
    "SELECT measure, month, department_id, key, detail, cases FROM case_counts ORDER BY 1, 2, 3, 4, 5";
constexpr char kCaseDefinition[] =
    "SELECT measure, month, department_id, key, detail, COUNT(*) FROM ("
    "  SELECT 'filed' AS measure, SUBSTR(filed_on, 1, 7) AS month, department_id, "
    "         violated_law AS key, '' AS detail FROM cases "
    "  UNION ALL SELECT 'closed', SUBSTR(closed_on, 1, 7), department_id, '', '' FROM cases "
    "  UNION ALL SELECT 'decided', SUBSTR(decided_on, 1, 7), department_id, decision_kind, "
    "    CASE decision_kind WHEN 'no_penalty' THEN lenient_rule_id "
    "                       WHEN 'reduced_penalty' THEN reduction_ground ELSE '' END FROM cases"
    ") d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

TEST_P(InspectionCountsContract, KeptCaseCountsEqualTheirDefinitionAfterEveryKindOfWrite) {
  using namespace jg::enforcement;
  Department other{0, "NXS", "南翔市场监管所", DepartmentKind::kStation, std::nullopt, "", "", 1};
  const std::vector<Id> depts = {dept_, store().InsertDepartment(other).value()};
  const std::vector<std::string> laws = {"中华人民共和国食品安全法", "中华人民共和国广告法", ""};
  std::mt19937 rng(20221231);
  auto day = [&](int year) {
    return *Date::FromYmd(year, static_cast<int>(rng() % 12) + 1, static_cast<int>(rng() % 28) + 1);
  };
  auto expect_agree = [&](const std::string& after) {
    ASSERT_EQ(testing::RawRows(ts_, kCaseKept), testing::RawRows(ts_, kCaseDefinition)) << "after " << after;
  };
  std::vector<Id> cases;
  int seq = 0;
  for (int round = 0; round < 10; ++round) {
    // Filing: a lead and its case, two in one transaction.
    ASSERT_TRUE(store()
                    .Transaction([&](Store& tx) -> Status {
                      for (int k = 0; k < 2; ++k) {
                        Lead l;
                        l.source = LeadSource::kComplaint;
                        l.party_name = "计数当事人" + std::to_string(++seq);
                        l.description = "计数测试线索";
                        l.found_on = day(2022);
                        l.department_id = depts[rng() % 2];
                        l.status = LeadStatus::kFiled;
                        l.updated_at = 1;
                        auto lead = tx.InsertLead(l);
                        if (!lead.ok()) return lead.status();
                        EnforcementCase c;
                        c.case_year = 2022 + static_cast<int>(rng() % 2);
                        c.case_seq = seq;
                        c.case_number = "计数〔" + std::to_string(c.case_year) + "〕" + std::to_string(seq) + "号";
                        c.lead_id = *lead;
                        c.party_name = l.party_name;
                        c.department_id = l.department_id;
                        c.filed_on = day(c.case_year);
                        c.violated.law = laws[rng() % laws.size()];
                        c.stage = CaseStage::kInvestigation;
                        c.updated_at = 1;
                        auto id = tx.InsertCase(c);
                        if (!id.ok()) return id.status();
                        cases.push_back(*id);
                      }
                      return Status::Ok();
                    })
                    .ok());
    expect_agree("filing in round " + std::to_string(round));
    // Decisions of every kind (and re-decisions), a change of department or
    // of the law, and stage moves that count nothing.
    for (int k = 0; k < 4; ++k) {
      auto c = store().GetCase(cases[rng() % cases.size()]);
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      switch (rng() % 4) {
        case 0:
          c->department_id = depts[rng() % 2];
          c->violated.law = laws[rng() % laws.size()];
          break;
        case 1:
          c->stage = CaseStage::kDecided;
          break;
        default: {
          Decision d;
          d.kind = static_cast<DecisionKind>(rng() % 5);
          d.decided_on = day(2023);
          if (d.kind == DecisionKind::kNoPenalty) d.lenient_rule_id = rng() % 2 ? "SH-01" : "SH-02";
          if (d.kind == DecisionKind::kReducedPenalty) d.reduction_ground = rng() % 2 ? "SH-03" : "第三十二条";
          c->decision = d;
        }
      }
      ASSERT_TRUE(store().UpdateCase(*c).ok());
    }
    expect_agree("decisions in round " + std::to_string(round));
    // Closing (the close event writes the case's closed_on).
    Id closing = cases[rng() % cases.size()];
    auto c = store().GetCase(closing).value();
    if (c.stage != CaseStage::kClosed) {
      c.stage = CaseStage::kClosed;
      ASSERT_TRUE(store().UpdateCase(c).ok());
      ASSERT_TRUE(store()
                      .InsertCaseEvent({0, closing, CaseStage::kServed, CaseStage::kClosed, CaseAction::kClose,
                                        day(2023), "test", "", 1})
                      .ok());
    }
    expect_agree("closing in round " + std::to_string(round));
    // A rolled-back decision moves nothing.
    auto before = testing::RawRows(ts_, kCaseKept);
    ASSERT_FALSE(store()
                     .Transaction([&](Store& tx) -> Status {
                       auto rc = tx.GetCase(cases[rng() % cases.size()]);
                       if (!rc.ok()) return rc.status();
                       Decision d;
                       d.kind = DecisionKind::kNoPenalty;
                       d.decided_on = day(2023);
                       d.lenient_rule_id = "SH-09";
                       rc->decision = d;
                       rc->department_id = depts[0] == rc->department_id ? depts[1] : depts[0];
                       JG_RETURN_IF_ERROR(tx.UpdateCase(*rc));
                       return Aborted("rolled_back", "故意回滚");
                     })
                     .ok());
    EXPECT_EQ(testing::RawRows(ts_, kCaseKept), before) << "a rolled-back transaction moved counts";
  }
  auto kept = testing::RawRows(ts_, kCaseKept);
  EXPECT_GT(kept.size(), 20u);
  for (const auto& row : kept) EXPECT_NE(row.substr(row.rfind('\t') + 1), "0") << row;
  auto measures = testing::RawRows(ts_, "SELECT DISTINCT measure FROM case_counts WHERE month <> '' ORDER BY 1");
  EXPECT_EQ(measures, (std::vector<std::string>{"closed", "decided", "filed"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, InspectionCountsContract,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
