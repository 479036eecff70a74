// Enforcement cases over real HTTP on both stores: a lead filed into a case
// (exact periods across the 2023 National Day holiday), refusals with their
// Chinese reasons and the field at fault, a stale version, a no-penalty
// decision citing a lenient rule, a transfer to the police, the events and
// the audit log. The test clock reads 2023-11-14 (UTC).
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

class CaseApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    auto e = as("admin").Post("/api/v1/entities",
                              {{"credit_code", testing::ValidCreditCode(901)},
                               {"name", "嘉定某某食品商店"},
                               {"station_id", server_->department("JQS")}});
    ASSERT_EQ(e.status, 201) << e.body;
    entity_ = e.json()["id"].get<long>();
    // Two officers with valid certificates, one whose certificate expired in June.
    for (auto [cert, expires] : {std::pair{"沪执-2001", "2027-12-31"}, {"沪执-2002", "2026-06-30"},
                                 {"沪执-2003", "2023-06-30"}}) {
      Inspector i;
      i.name = std::string("办案人") + cert;
      i.department_id = server_->department("JQS");
      i.certificate_no = cert;
      i.certificate_expires = expires;
      i.updated_at = 1;
      officers_.push_back(server_->store().InsertInspector(i).value());
    }
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  nlohmann::json Send(const std::string& who, const std::string& method, const std::string& path,
                      const nlohmann::json& body, int expect) {
    auto r = as(who).Request(method, path, body.dump());
    EXPECT_EQ(r.status, expect) << method << " " << path << " " << r.body;
    return r.json();
  }
  nlohmann::json NewLead(const std::string& found_on) {
    return Send("jqstaff", "POST", "/api/v1/leads",
                {{"source", "complaint"},
                 {"entity_id", entity_},
                 {"description", "消费者投诉：销售超过保质期的食品"},
                 {"found_on", found_on},
                 {"department_id", server_->department("JQS")}},
                201);
  }
  // Files a lead found on `found_on` on `filed_on` with the two valid officers.
  nlohmann::json FiledCase(const std::string& found_on, const std::string& filed_on) {
    auto lead = NewLead(found_on);
    return Send("leader", "POST", "/api/v1/leads/" + lead["id"].dump() + "/file",
                {{"version", 1}, {"on", filed_on}, {"officer_ids", {officers_[0], officers_[1]}}},
                201);
  }
  nlohmann::json Step(const std::string& who, const nlohmann::json& c, nlohmann::json body,
                      int expect = 200) {
    body["version"] = c["version"];
    return Send(who, "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions", body, expect);
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  long entity_ = 0;
  std::vector<Id> officers_;
};

TEST_P(CaseApi, ALeadIsFiledIntoACaseWithExactPeriodsAcrossTheNationalDayHoliday) {
  auto lead = NewLead("2023-09-20");
  EXPECT_EQ(lead["status"], "open");
  EXPECT_EQ(lead["party_name"], "嘉定某某食品商店");
  // 15 working days after 20 September: 21–28 September (6), the holiday
  // 29 September–6 October does not count, the working weekend 7–8 October
  // does, then 9–13 and 16–17 October.
  EXPECT_EQ(lead["filing_deadline"]["due"], "2023-10-17");
  EXPECT_EQ(lead["filing_deadline"]["state"], "overdue");
  std::string file = "/api/v1/leads/" + lead["id"].dump() + "/file";

  // Staff record leads but do not approve filing.
  Send("jqstaff", "POST", file, {{"version", 1}, {"officer_ids", {officers_[0], officers_[1]}}}, 403);
  // One officer, and an officer whose certificate had expired, are refused by field.
  auto one = Send("leader", "POST", file, {{"version", 1}, {"on", "2023-10-10"},
                                           {"officer_ids", {officers_[0]}}}, 422);
  EXPECT_EQ(one["code"], "not_enough_officers");
  EXPECT_EQ(one["field"], "officer_ids");
  auto expired = Send("leader", "POST", file, {{"version", 1}, {"on", "2023-10-10"},
                                               {"officer_ids", {officers_[0], officers_[2]}}}, 422);
  EXPECT_EQ(expired["field"], "officer_ids");
  EXPECT_NE(expired["message"].get<std::string>().find("沪执-2003"), std::string::npos)
      << expired["message"];
  auto unknown = Send("leader", "POST", file, {{"version", 1}, {"officer_ids", {officers_[0], 99999}}}, 400);
  EXPECT_EQ(unknown["field"], "officer_ids[1]");
  auto stale = Send("leader", "POST", file, {{"version", 7}, {"on", "2023-10-10"},
                                             {"officer_ids", {officers_[0], officers_[1]}}}, 409);
  EXPECT_EQ(stale["code"], "stale_version");

  auto c = Send("leader", "POST", file, {{"version", 1}, {"on", "2023-10-10"},
                                         {"officer_ids", {officers_[0], officers_[1]}}}, 201);
  EXPECT_EQ(c["case_number"], "沪市监嘉处〔2023〕第000001号");
  EXPECT_EQ(c["stage"], "filed");
  EXPECT_EQ(c["officers"].size(), 2u);
  // 90 days from 10 October 2023: 8 January 2024, a Monday.
  EXPECT_EQ(c["decision_deadline"]["due"], "2024-01-08");
  EXPECT_EQ(c["decision_deadline"]["state"], "ok");
  auto after = as("jqstaff").Get("/api/v1/leads/" + lead["id"].dump()).json();
  EXPECT_EQ(after["status"], "filed");
  EXPECT_EQ(after["filing_deadline"]["state"], nullptr);
  EXPECT_EQ(after["case_id"], c["id"]);  // the lead names the case it was filed into
  EXPECT_EQ(after["case_number"], "沪市监嘉处〔2023〕第000001号");
  auto filed = as("jqstaff").Get("/api/v1/leads?status=filed");
  auto listed = filed.json()["items"];
  ASSERT_EQ(listed.size(), 1u) << filed.body;
  EXPECT_EQ(listed[0]["case_id"], c["id"]);
  Send("leader", "POST", file, {{"version", 2}, {"officer_ids", {officers_[0], officers_[1]}}}, 422);

  // The next case of the year takes the next number.
  auto second = FiledCase("2023-10-20", "2023-10-25");
  EXPECT_EQ(second["case_number"], "沪市监嘉处〔2023〕第000002号");

  // Testing time (12–20 October, 9 days) does not count; the extension adds 30
  // days and needs the head's approval.
  std::string path = "/api/v1/cases/" + c["id"].dump();
  nlohmann::json particulars = {
      {"version", 1},
      {"excluded_periods", {{{"kind", "testing"}, {"from", "2023-10-12"}, {"to", "2023-10-20"}}}}};
  auto excluded = Send("jqstaff", "PUT", path, particulars, 200);
  EXPECT_EQ(excluded["decision_deadline"]["due"], "2024-01-17");
  Send("jqstaff", "PUT", path, {{"version", 2}, {"extension_approved", true}}, 403);
  auto extended = Send("admin", "PUT", path, {{"version", 2}, {"extension_approved", true}}, 200);
  EXPECT_EQ(extended["decision_deadline"]["due"], "2024-02-07");
  auto bad_kind = Send("admin", "PUT", path,
                       {{"version", 3},
                        {"excluded_periods", {{{"kind", "hearing_x"}, {"from", "2023-10-12"}, {"to", "2023-10-20"}}}}},
                       400);
  EXPECT_EQ(bad_kind["field"], "excluded_periods[0].kind");
}

TEST_P(CaseApi, DecliningALeadNeedsAGroundOfArticle20) {
  auto lead = NewLead("2023-11-01");
  std::string path = "/api/v1/leads/" + lead["id"].dump() + "/decline";
  auto none = Send("leader", "POST", path, {{"version", 1}}, 422);
  EXPECT_EQ(none["field"], "ground");
  auto declined = Send("leader", "POST", path, {{"version", 1}, {"ground", "no_fault"}}, 200);
  EXPECT_EQ(declined["status"], "declined");
  EXPECT_EQ(declined["decline_ground"], "no_fault");
}

TEST_P(CaseApi, AnIllegalStepIsRefusedWithItsChineseReasonAndAStaleOneWith409) {
  auto c = FiledCase("2023-10-08", "2023-10-10");
  auto refused = Step("jqstaff", c, {{"action", "serve"}, {"on", "2023-10-11"}}, 422);
  EXPECT_EQ(refused["code"], "transition_not_allowed");
  EXPECT_EQ(refused["field"], "action");
  EXPECT_NE(refused["message"].get<std::string>().find("案件处于「立案」阶段，不能「送达」"),
            std::string::npos)
      << refused["message"];
  auto investigating = Step("jqstaff", c, {{"action", "investigate"}, {"on", "2023-10-11"}});
  EXPECT_EQ(investigating["stage"], "investigation");
  auto stale = Step("jqstaff", c, {{"action", "submit_for_review"}, {"on", "2023-10-12"}}, 409);
  EXPECT_EQ(stale["code"], "stale_version");
  // A decision is the head's; staff may not make it even with a current version.
  Step("jqstaff", investigating,
       {{"action", "decide"},
        {"decision", {{"kind", "transfer_to_police"}, {"decided_on", "2023-10-13"}}}},
       403);
  // Another department's staff cannot see it (南翔所 has no staff account; the
  // inspector role has no cases.read at all).
  EXPECT_EQ(as("inspector").Get("/api/v1/cases/" + c["id"].dump()).status, 403);
}

TEST_P(CaseApi, ANoPenaltyDecisionCitesALenientRule) {
  auto c = FiledCase("2023-10-08", "2023-10-10");
  std::string path = "/api/v1/cases/" + c["id"].dump();
  auto facts = Send("jqstaff", "PUT", path,
                    {{"version", 1},
                     {"violated_law", "《中华人民共和国产品质量法》"},
                     {"violated_article", "第二十七条"},
                     {"facts", {{"first_violation", true}, {"no_harm", true}, {"corrected_in_time", true}}}},
                    200);
  auto matches = as("jqstaff").Get(path + "/lenient-matches").json()["items"];
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0]["rule"]["id"], "SH-06");
  EXPECT_EQ(matches[0]["verdict"], "all_met");
  EXPECT_FALSE(as("legal").Get("/api/v1/lenient-rules").json()["items"].empty());

  auto inv = Step("jqstaff", facts, {{"action", "investigate"}, {"on", "2023-10-11"}});
  auto review = Step("jqstaff", inv, {{"action", "submit_for_review"}, {"on", "2023-10-20"}});
  auto no_rule = Step("leader", review,
                      {{"action", "decide"}, {"on", "2023-10-30"},
                       {"decision", {{"kind", "no_penalty"}, {"decided_on", "2023-10-30"},
                                     {"lenient_rule_id", "SH-99"}}}},
                      400);
  EXPECT_EQ(no_rule["field"], "decision.lenient_rule_id");
  auto decided = Step("leader", review,
                      {{"action", "decide"}, {"on", "2023-10-30"},
                       {"decision", {{"kind", "no_penalty"}, {"decided_on", "2023-10-30"},
                                     {"lenient_rule_id", "SH-06"}}}});
  EXPECT_EQ(decided["stage"], "decided");
  EXPECT_EQ(decided["decision"]["kind"], "no_penalty");
  EXPECT_EQ(decided["decision"]["lenient_rule_id"], "SH-06");
  EXPECT_EQ(decided["decision_deadline"]["state"], nullptr);  // the period has ended
}

TEST_P(CaseApi, ATransferToThePoliceIsRecordedClosedAndAudited) {
  auto c = FiledCase("2023-10-08", "2023-10-10");
  auto inv = Step("jqstaff", c, {{"action", "investigate"}, {"on", "2023-10-11"}});
  auto no_unit = Step("leader", inv,
                      {{"action", "decide"}, {"on", "2023-11-01"},
                       {"decision", {{"kind", "transfer_to_police"}, {"decided_on", "2023-11-01"},
                                     {"transferred_on", "2023-11-02"}}}},
                      400);
  EXPECT_EQ(no_unit["field"], "decision.police_unit");
  auto decided = Step("leader", inv,
                      {{"action", "decide"}, {"on", "2023-11-01"},
                       {"decision", {{"kind", "transfer_to_police"}, {"decided_on", "2023-11-01"},
                                     {"police_unit", "上海市公安局嘉定分局"},
                                     {"transferred_on", "2023-11-02"}}}});
  EXPECT_EQ(decided["decision"]["police_unit"], "上海市公安局嘉定分局");
  EXPECT_EQ(decided["decision"]["transferred_on"], "2023-11-02");
  auto closed = Step("jqstaff", decided, {{"action", "close"}, {"on", "2023-11-03"}});
  EXPECT_EQ(closed["stage"], "closed");
  EXPECT_TRUE(closed["next_actions"].empty());

  auto events = as("legal").Get("/api/v1/cases/" + c["id"].dump() + "/events").json()["items"];
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0]["action"], "file");
  EXPECT_EQ(events[2]["action"], "decide");
  EXPECT_EQ(events[2]["by"], "leader");
  EXPECT_EQ(events[3]["to"], "closed");

  auto audit = as("admin").Get("/api/v1/audit?limit=100").json()["items"];
  std::set<std::string> actions;
  for (const auto& e : audit) actions.insert(e["action"].get<std::string>());
  for (const char* a : {"lead.create", "lead.file", "case.file", "case.investigate",
                        "case.decide", "case.close"})
    EXPECT_TRUE(actions.count(a)) << a;
  EXPECT_EQ(as("admin").Get("/api/v1/audit/verify").status, 200);
}

TEST_P(CaseApi, CasesAreListedByStageAndByTheirCountdown) {
  auto late = FiledCase("2023-07-28", "2023-08-01");  // due 2023-10-30: overdue
  auto recent = FiledCase("2023-10-08", "2023-10-10");
  auto overdue = as("legal").Get("/api/v1/cases?due=overdue").json()["items"];
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0]["id"], late["id"]);
  EXPECT_EQ(overdue[0]["decision_deadline"]["due"], "2023-10-30");
  EXPECT_EQ(as("jqstaff").Get("/api/v1/cases?stage=filed").json()["items"].size(), 2u);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/cases?stage=closed").json()["items"].size(), 0u);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/cases?due=soon").status, 400);
  EXPECT_EQ(as("leader").Get("/api/v1/leads?status=filed").json()["items"].size(), 2u);
  (void)recent;
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
