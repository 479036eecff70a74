// The enforcement part of the Store contract (leads, cases, officers,
// excluded periods, events), on every backend.
#include <gtest/gtest.h>

#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::enforcement;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

class CaseContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    root_ = store().InsertDepartment(bureau).value();
    Department jqs{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    jqs_ = store().InsertDepartment(jqs).value();
    for (const char* cert : {"沪执-1", "沪执-2"}) {
      Inspector i;
      i.name = std::string("执法员") + cert;
      i.department_id = jqs_;
      i.certificate_no = cert;
      i.certificate_expires = "2027-12-31";
      i.updated_at = 100;
      inspectors_.push_back(store().InsertInspector(i).value());
    }
  }
  Store& store() { return *ts_.store; }
  Lead MakeLead() {
    Lead l;
    l.source = LeadSource::kComplaint;
    l.party_name = "某某商店";
    l.description = "投诉销售过期食品";
    l.found_on = D(2023, 9, 20);
    l.department_id = jqs_;
    l.excluded = {{"testing", D(2023, 9, 25), D(2023, 9, 26)}};
    l.updated_at = 100;
    l.updated_by = "test";
    return l;
  }
  EnforcementCase MakeCase(Id lead, int seq) {
    EnforcementCase c;
    c.case_year = 2023;
    c.case_seq = seq;
    c.case_number = "沪市监嘉处〔2023〕第" + std::to_string(seq) + "号";
    c.lead_id = lead;
    c.department_id = jqs_;
    c.filed_on = D(2023, 10, 10);
    c.stage = CaseStage::kFiled;
    for (size_t i = 0; i < inspectors_.size(); ++i)
      c.officers.push_back({inspectors_[i], {"执法员" + std::to_string(i), "沪执-" + std::to_string(i + 1),
                                             D(2027, 12, 31)}});
    c.updated_at = 100;
    return c;
  }
  testing::TestStore ts_;
  Id root_ = 0, jqs_ = 0;
  std::vector<Id> inspectors_;
};

TEST_P(CaseContract, ALeadRoundTripsWithItsExcludedPeriodsAndRefusesAStaleVersion) {
  Id id = store().InsertLead(MakeLead()).value();
  Lead got = store().GetLead(id).value();
  EXPECT_EQ(got.description, "投诉销售过期食品");
  EXPECT_EQ(got.found_on, D(2023, 9, 20));
  EXPECT_EQ(got.status, LeadStatus::kOpen);
  EXPECT_EQ(got.version, 1);
  ASSERT_EQ(got.excluded.size(), 1u);
  EXPECT_EQ(got.excluded[0].kind, "testing");
  EXPECT_EQ(got.excluded[0].to, D(2023, 9, 26));
  EXPECT_FALSE(got.entity_id.has_value());

  got.status = LeadStatus::kDeclined;
  got.decline_ground = NotFilingGround::kNoFault;
  got.decided_on = D(2023, 10, 1);
  got.excluded.clear();
  ASSERT_TRUE(store().UpdateLead(got).ok());
  Lead after = store().GetLead(id).value();
  EXPECT_EQ(after.version, 2);
  EXPECT_EQ(after.status, LeadStatus::kDeclined);
  EXPECT_EQ(after.decline_ground, NotFilingGround::kNoFault);
  EXPECT_EQ(after.decided_on, D(2023, 10, 1));
  EXPECT_TRUE(after.excluded.empty());

  Status stale = store().UpdateLead(got);  // still version 1
  EXPECT_EQ(stale.code(), ErrorCode::kAborted);
  EXPECT_EQ(stale.reason(), "stale_version");
  EXPECT_EQ(store().GetLead(9999).status().code(), ErrorCode::kNotFound);

  EXPECT_EQ(store().ListLeads({jqs_, LeadStatus::kDeclined}).value().size(), 1u);
  EXPECT_TRUE(store().ListLeads({root_, std::nullopt}).value().empty());
}

TEST_P(CaseContract, ACaseKeepsItsOfficersDecisionAndFactsAndItsNumberIsUnique) {
  Id lead = store().InsertLead(MakeLead()).value();
  EXPECT_EQ(store().LastCaseSequence(2023).value(), 0);
  EnforcementCase c = MakeCase(lead, 1);
  c.violated = {"《中华人民共和国食品安全法》", "第三十四条"};
  c.facts = {{"first_violation", true}};
  Id id = store().InsertCase(c).value();
  EXPECT_EQ(store().LastCaseSequence(2023).value(), 1);
  EXPECT_EQ(store().LastCaseSequence(2024).value(), 0);

  EnforcementCase got = store().GetCase(id).value();
  EXPECT_EQ(got.case_number, c.case_number);
  ASSERT_EQ(got.officers.size(), 2u);
  EXPECT_EQ(got.officers[1].inspector_id, inspectors_[1]);
  EXPECT_EQ(got.officers[1].officer.certificate_expires, D(2027, 12, 31));
  EXPECT_EQ(got.violated.article, "第三十四条");
  EXPECT_EQ(got.facts.at("first_violation"), true);
  EXPECT_FALSE(got.decision.has_value());

  Decision d;
  d.kind = DecisionKind::kTransferToPolice;
  d.decided_on = D(2023, 11, 1);
  d.receiving_unit = "上海市公安局嘉定分局";
  d.transferred_on = D(2023, 11, 2);
  got.decision = d;
  got.stage = CaseStage::kDecided;
  got.excluded = {{"testing", D(2023, 10, 12), D(2023, 10, 20)}};
  ASSERT_TRUE(store().UpdateCase(got).ok());
  EnforcementCase after = store().GetCase(id).value();
  EXPECT_EQ(after.version, 2);
  EXPECT_EQ(after.stage, CaseStage::kDecided);
  ASSERT_TRUE(after.decision.has_value());
  EXPECT_EQ(after.decision->kind, DecisionKind::kTransferToPolice);
  EXPECT_EQ(after.decision->receiving_unit, "上海市公安局嘉定分局");
  EXPECT_EQ(after.decision->transferred_on, D(2023, 11, 2));
  ASSERT_EQ(after.excluded.size(), 1u);
  EXPECT_EQ(after.officers.size(), 2u);  // untouched by the update
  EXPECT_EQ(store().UpdateCase(got).reason(), "stale_version");

  // A second case on the same number, or of the same lead, is refused.
  Id lead2 = store().InsertLead(MakeLead()).value();
  EnforcementCase dup = MakeCase(lead2, 1);
  EXPECT_EQ(store().InsertCase(dup).status().code(), ErrorCode::kAlreadyExists);
  EnforcementCase same_lead = MakeCase(lead, 2);
  EXPECT_EQ(store().InsertCase(same_lead).status().code(), ErrorCode::kAlreadyExists);
  CaseQuery q;
  q.department_id = jqs_;
  q.stage = CaseStage::kDecided;
  EXPECT_EQ(store().ListCases(q).value().size(), 1u);
  q.stage = CaseStage::kFiled;
  EXPECT_TRUE(store().ListCases(q).value().empty());
}

TEST_P(CaseContract, EventsComeBackInOrder) {
  Id lead = store().InsertLead(MakeLead()).value();
  Id id = store().InsertCase(MakeCase(lead, 7)).value();
  ASSERT_TRUE(store().InsertCaseEvent({0, id, CaseStage::kClue, CaseStage::kFiled, CaseAction::kFile,
                                       D(2023, 10, 10), "leader", "", 100}).ok());
  ASSERT_TRUE(store().InsertCaseEvent({0, id, CaseStage::kFiled, CaseStage::kInvestigation,
                                       CaseAction::kInvestigate, D(2023, 10, 11), "jqstaff",
                                       "开始调查", 200}).ok());
  auto events = store().ListCaseEvents(id).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, CaseAction::kFile);
  EXPECT_EQ(events[1].to, CaseStage::kInvestigation);
  EXPECT_EQ(events[1].on, D(2023, 10, 11));
  EXPECT_EQ(events[1].note, "开始调查");
  EXPECT_TRUE(store().ListCaseEvents(id + 1).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
