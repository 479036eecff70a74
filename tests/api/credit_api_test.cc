// Penalty publicity and credit repair over real HTTP on both stores: a
// publicity record falls due on a penalty decision (not on a warning alone),
// with its 20-working-day due date across holidays; late publication is
// flagged; withdrawal within 3 working days; the period ends after 3 months
// for a low fine and 3 years otherwise; repair is refused with its reason
// (too early, an ineligible penalty, on the abnormal-operation list) and an
// approved repair takes the record off the public list. The test clock reads
// 2023-11-15 in China.
#include <gtest/gtest.h>

#include <set>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class CreditApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    auto e = as("admin").Post("/api/v1/entities",
                              {{"credit_code", testing::ValidCreditCode(931)},
                               {"name", "嘉定某某广告有限公司"},
                               {"station_id", server_->department("JQS")}});
    ASSERT_EQ(e.status, 201) << e.body;
    entity_ = e.json()["id"].get<long>();
    for (const char* cert : {"沪执-3001", "沪执-3002"}) {
      Inspector i;
      i.name = std::string("公示办案人") + cert;
      i.department_id = server_->department("JQS");
      i.certificate_no = cert;
      i.certificate_expires = "2027-12-31";
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
  nlohmann::json Step(const nlohmann::json& c, nlohmann::json body) {
    body["version"] = c["version"];
    return Send("admin", "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions", body, 200);
  }
  // A case decided on `on` (notice served 10 days before, statements waived).
  nlohmann::json Decided(const std::string& filed, const std::string& notice,
                         const std::string& on, nlohmann::json decision,
                         const std::string& law = "《中华人民共和国广告法》") {
    auto lead = Send("jqstaff", "POST", "/api/v1/leads",
                     {{"source", "complaint"}, {"entity_id", entity_}, {"description", "虚假广告"},
                      {"found_on", filed}, {"department_id", server_->department("JQS")}},
                     201);
    auto c = Send("admin", "POST", "/api/v1/leads/" + lead["id"].dump() + "/file",
                  {{"version", 1}, {"on", filed}, {"officer_ids", officers_},
                   {"violated_law", law}, {"violated_article", "第五十五条"}},
                  201);
    c = Step(c, {{"action", "investigate"}, {"on", filed}});
    c = Step(c, {{"action", "submit_for_review"}, {"on", notice}});
    c = Step(c, {{"action", "notify"}, {"on", notice}, {"notice_served_on", notice},
                 {"statements_waived", true}});
    decision["decided_on"] = on;
    return Step(c, {{"action", "decide"}, {"on", on}, {"decision", decision}});
  }
  // The publicity record of case `c` (there must be exactly one).
  nlohmann::json PublicityOf(const nlohmann::json& c) {
    auto all = as("legal").Get("/api/v1/credit/publicity").json();
    for (const auto& p : all["items"])
      if (p["case_id"] == c["id"]) return p;
    return nullptr;
  }
  nlohmann::json Publish(const nlohmann::json& p, const std::string& on) {
    return Send("jqstaff", "POST", "/api/v1/credit/publicity/" + p["id"].dump() + "/publish",
                {{"version", p["version"]}, {"on", on}, {"document_number", "沪市监嘉处罚〔2023〕1号"}},
                200);
  }
  std::set<std::string> PublicCaseNumbers() {
    HttpClient anon(server_->port());
    auto r = anon.Get("/api/v1/public/penalty-publicity?q=%E5%98%89%E5%AE%9A");  // 嘉定
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> out;
    auto page = r.json();
    for (const auto& i : page["items"]) out.insert(i["case_number"].get<std::string>());
    return out;
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  long entity_ = 0;
  std::vector<Id> officers_;
};

const nlohmann::json kWarning = {{"kind", "penalty"}, {"penalties", {"warning"}}};
nlohmann::json Fine(long fen) {
  return {{"kind", "penalty"}, {"penalties", {"fine"}}, {"fine_fen", fen}};
}

TEST_P(CreditApi, APenaltyDecisionFallsDueForPublicityAndAWarningAloneDoesNot) {
  auto warned = Decided("2023-09-01", "2023-09-10", "2023-09-20", kWarning);
  EXPECT_EQ(PublicityOf(warned), nullptr);
  auto fined = Decided("2023-09-01", "2023-09-10", "2023-09-20", Fine(2'000'000));
  auto p = PublicityOf(fined);
  ASSERT_TRUE(p.is_object());
  EXPECT_EQ(p["status"], "due");
  // 20 working days from 20 September 2023 across 国庆 (09-29..10-06 off, 10-07/08 worked).
  EXPECT_EQ(p["publish_due"], "2023-10-24");
  EXPECT_EQ(p["state"], "overdue");
  EXPECT_EQ(p["countdown"]["state"], "overdue");
  EXPECT_EQ(p["authority"], "嘉定区市场监督管理局");
  EXPECT_EQ(as("jqstaff").Get("/api/v1/credit/publicity?status=overdue").json()["items"].size(), 1u);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/credit/publicity?status=soon").status, 400);

  std::string path = "/api/v1/credit/publicity/" + p["id"].dump();
  auto stale = Send("jqstaff", "POST", path + "/publish", {{"version", 9}, {"on", "2023-10-25"}}, 409);
  EXPECT_EQ(stale["code"], "stale_version");
  auto early = Send("jqstaff", "POST", path + "/publish", {{"version", 1}, {"on", "2023-09-19"}}, 400);
  EXPECT_EQ(early["field"], "on");
  auto published = Publish(p, "2023-10-25");
  EXPECT_EQ(published["status"], "published");
  EXPECT_TRUE(published["published_late"]);  // one working day after the due date
  EXPECT_EQ(published["document_number"], "沪市监嘉处罚〔2023〕1号");
  EXPECT_EQ(published["last_day"], "2026-10-25");  // 20,000 yuan: above the low-fine threshold
  auto again = Send("jqstaff", "POST", path + "/publish", {{"version", published["version"]}}, 422);
  EXPECT_EQ(again["code"], "publicity_not_due");
  EXPECT_TRUE(PublicCaseNumbers().count(published["case_number"].get<std::string>()));

  // The decision revoked on Friday 10 November: withdrawn by Wednesday 15 November.
  auto no_reason = Send("jqstaff", "POST", path + "/withdraw",
                        {{"version", published["version"]}, {"changed_on", "2023-11-10"}}, 400);
  EXPECT_EQ(no_reason["field"], "reason");
  auto withdrawn = Send("jqstaff", "POST", path + "/withdraw",
                        {{"version", published["version"]}, {"changed_on", "2023-11-10"},
                         {"on", "2023-11-15"}, {"reason", "行政复议决定撤销原处罚决定"}},
                        200);
  EXPECT_EQ(withdrawn["state"], "withdrawn");
  EXPECT_EQ(withdrawn["withdrawal_due"], "2023-11-15");
  EXPECT_FALSE(withdrawn["withdrawn_late"]);
  EXPECT_FALSE(PublicCaseNumbers().count(published["case_number"].get<std::string>()));

  auto audit = as("admin").Get("/api/v1/audit?limit=200").json()["items"];
  std::set<std::string> actions;
  for (const auto& e : audit) actions.insert(e["action"].get<std::string>());
  for (const char* a : {"publicity.due", "publicity.publish", "publicity.withdraw"})
    EXPECT_TRUE(actions.count(a)) << a;
  EXPECT_EQ(as("admin").Get("/api/v1/audit/verify").json()["ok"], true);
}

TEST_P(CreditApi, PublicityEndsAfterThreeMonthsForALowFineAndThreeYearsOtherwise) {
  auto low = PublicityOf(Decided("2023-03-01", "2023-03-10", "2023-03-20", Fine(500'000)));
  auto high = PublicityOf(Decided("2023-03-01", "2023-03-10", "2023-03-20", Fine(2'000'000)));
  // 20 working days from 20 March 2023 skip 清明 (5 April): due 18 April.
  EXPECT_EQ(low["publish_due"], "2023-04-18");
  low = Publish(low, "2023-04-10");
  high = Publish(high, "2023-04-10");
  EXPECT_FALSE(low["published_late"]);
  EXPECT_EQ(low["period_months"], 3);
  EXPECT_EQ(low["last_day"], "2023-07-10");
  EXPECT_EQ(low["state"], "ended");
  EXPECT_EQ(high["period_months"], 36);
  EXPECT_EQ(high["last_day"], "2026-04-10");
  EXPECT_EQ(high["state"], "published");
  auto shown = PublicCaseNumbers();
  EXPECT_FALSE(shown.count(low["case_number"].get<std::string>()));
  EXPECT_TRUE(shown.count(high["case_number"].get<std::string>()));
  auto ended = as("jqstaff").Get("/api/v1/credit/publicity?status=ended").json()["items"];
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0]["id"], low["id"]);

  // The portal publishes only what the rules allow: no officers, no facts.
  HttpClient anon(server_->port());
  auto page = anon.Get("/api/v1/public/penalty-publicity?q=" +
                       testing::ValidCreditCode(931)).json();
  ASSERT_EQ(page["total"], 1);
  auto item = page["items"][0];
  EXPECT_EQ(item["party_name"], "嘉定某某广告有限公司");
  EXPECT_EQ(item["violated_provision"], "《中华人民共和国广告法》第五十五条");
  EXPECT_EQ(item["penalty_types"][0], "罚款");
  EXPECT_EQ(item["fine_fen"], 2'000'000);
  EXPECT_EQ(item["decided_on"], "2023-03-20");
  std::string body = page.dump();
  EXPECT_EQ(body.find("公示办案人"), std::string::npos);
  EXPECT_EQ(body.find("虚假广告"), std::string::npos);
  EXPECT_EQ(body.find("department_id"), std::string::npos);
}

TEST_P(CreditApi, RepairIsRefusedWithItsReasonAndAnApprovedRepairLeavesThePublicList) {
  // Under another law, so it is not a "new penalty of the same kind" for the others.
  auto soon = Publish(PublicityOf(Decided("2023-05-01", "2023-05-10", "2023-05-20",
                                          Fine(2'000'000), "《中华人民共和国反不正当竞争法》")),
                      "2023-06-01");
  auto revoked = Publish(PublicityOf(Decided("2023-03-01", "2023-03-10", "2023-03-20",
                                             {{"kind", "penalty"},
                                              {"penalties", {"fine", "revoke_licence"}},
                                              {"fine_fen", 2'000'000}})),
                         "2023-04-10");
  auto food = Publish(PublicityOf(Decided("2023-03-01", "2023-03-10", "2023-03-20", Fine(2'000'000),
                                          "《中华人民共和国食品安全法》")),
                      "2023-04-10");
  auto ok = Publish(PublicityOf(Decided("2023-03-01", "2023-03-10", "2023-03-21", Fine(3'000'000))),
                    "2023-04-10");
  EXPECT_EQ(ok["repair_from"], "2023-10-11");
  nlohmann::json application = {{"applicant", "王经理（授权委托）"},
                                {"commitment_ref", "信用修复承诺书 2023-118"},
                                {"applied_on", "2023-11-15"},
                                {"obligations_performed", true},
                                {"violation_corrected", true}};
  auto apply = [&](const nlohmann::json& p, int expect = 201) {
    nlohmann::json body = application;
    body["publicity_id"] = p["id"];
    return Send("jqstaff", "POST", "/api/v1/credit/repairs", body, expect);
  };
  auto too_early = apply(soon);
  EXPECT_EQ(too_early["status"], "refused");
  EXPECT_NE(too_early["refusal_reason"].get<std::string>().find("2023-12-02 起可申请"),
            std::string::npos) << too_early["refusal_reason"];
  auto ineligible = apply(revoked);
  EXPECT_NE(ineligible["refusal_reason"].get<std::string>().find("吊销许可证件"), std::string::npos);
  auto food_year = apply(food);
  EXPECT_NE(food_year["refusal_reason"].get<std::string>().find("满12个月"), std::string::npos);

  // On the abnormal-operation list: refused, naming the list.
  auto listed = Send("jqstaff", "POST", "/api/v1/entities/" + std::to_string(entity_) + "/credit-lists",
                     {{"list", "abnormal_operation"}, {"listed_on", "2023-10-01"},
                      {"reason", "通过登记的住所无法联系"},
                      {"basis", "《市场监督管理严重违法失信名单管理办法》"}},
                     201);
  auto on_list = apply(ok);
  EXPECT_EQ(on_list["status"], "refused");
  EXPECT_NE(on_list["refusal_reason"].get<std::string>().find("经营异常名录"), std::string::npos);
  std::string removal = "/api/v1/credit-list-entries/" + listed["id"].dump() + "/removal";
  EXPECT_EQ(Send("jqstaff", "POST", removal, {{"version", 5}, {"reason", "已补报"}}, 409)["code"],
            "stale_version");
  Send("jqstaff", "POST", removal,
       {{"version", listed["version"]}, {"removed_on", "2023-11-14"}, {"reason", "已补报年度报告"}}, 200);
  auto lists = as("jqstaff").Get("/api/v1/entities/" + std::to_string(entity_) + "/credit-lists").json();
  EXPECT_EQ(lists["items"][0]["active"], false);

  auto pending = apply(ok);
  EXPECT_EQ(pending["status"], "pending");
  for (const auto& c : pending["conditions"]) EXPECT_TRUE(c["met"]) << c;
  EXPECT_EQ(pending["conditions"].size(), 8u);
  EXPECT_EQ(apply(ok, 409)["code"], "repair_pending");
  std::string decision = "/api/v1/credit/repairs/" + pending["id"].dump() + "/decision";
  Send("jqstaff", "POST", decision, {{"version", 1}, {"outcome", "approve"}}, 403);
  Send("legal", "POST", decision, {{"version", 3}, {"outcome", "approve"}}, 409);
  auto approved = Send("legal", "POST", decision, {{"version", 1}, {"outcome", "approve"}}, 200);
  EXPECT_EQ(approved["status"], "approved");
  EXPECT_EQ(approved["decided_by"], "legal");
  EXPECT_EQ(approved["publicity"]["state"], "repaired");
  EXPECT_EQ(approved["publicity"]["repaired_on"], "2023-11-15");
  auto shown = PublicCaseNumbers();
  EXPECT_FALSE(shown.count(ok["case_number"].get<std::string>()));
  EXPECT_TRUE(shown.count(food["case_number"].get<std::string>()));

  auto stats = as("leader").Get("/api/v1/credit/stats?year=2023").json();
  EXPECT_EQ(stats["approved"], 1);
  EXPECT_EQ(stats["refused"], 4);
  EXPECT_EQ(stats["entities_repaired"], 1);
  EXPECT_EQ(as("leader").Get("/api/v1/credit/stats?year=2022").json()["approved"], 0);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/credit/repairs?status=refused").json()["items"].size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CreditApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
