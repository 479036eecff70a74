// The lenient-treatment rules (免罚清单) kept by the legal department over
// real HTTP on both stores: the built-in list seeded as version 1, a hand edit
// with its reason changing what a case is offered, a stale edit refused, the
// history, a retired rule neither suggested nor citable, a new rule, the audit
// log. The test clock reads 2023-11-14 (UTC).
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class LenientRuleApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    auto e = as("admin").Post("/api/v1/entities", {{"credit_code", testing::ValidCreditCode(902)},
                                                   {"name", "嘉定某某五金商店"},
                                                   {"station_id", server_->department("JQS")}});
    ASSERT_EQ(e.status, 201) << e.body;
    entity_ = e.json()["id"].get<long>();
    for (const char* cert : {"沪执-3001", "沪执-3002"}) {
      Inspector i;
      i.name = std::string("办案人") + cert;
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
  // A case under review whose facts meet SH-06 (产品质量法第二十七条) as shipped.
  nlohmann::json CaseUnderReview() {
    auto lead = Send("jqstaff", "POST", "/api/v1/leads",
                     {{"source", "complaint"}, {"entity_id", entity_}, {"description", "产品标识不规范"},
                      {"found_on", "2023-10-08"}, {"department_id", server_->department("JQS")}},
                     201);
    auto c = Send("leader", "POST", "/api/v1/leads/" + lead["id"].dump() + "/file",
                  {{"version", 1}, {"on", "2023-10-10"}, {"officer_ids", officers_}}, 201);
    const std::string path = "/api/v1/cases/" + c["id"].dump();
    c = Send("jqstaff", "PUT", path,
             {{"version", c["version"]}, {"violated_law", "《中华人民共和国产品质量法》"},
              {"violated_article", "第二十七条"},
              {"facts", {{"first_violation", true}, {"no_harm", true}, {"corrected_in_time", true}}}},
             200);
    c = Send("jqstaff", "POST", path + "/transitions",
             {{"version", c["version"]}, {"action", "investigate"}, {"on", "2023-10-11"}}, 200);
    return Send("jqstaff", "POST", path + "/transitions",
                {{"version", c["version"]}, {"action", "submit_for_review"}, {"on", "2023-10-20"}}, 200);
  }
  nlohmann::json Verdicts(const nlohmann::json& c) {
    nlohmann::json out = nlohmann::json::object();
    const nlohmann::json matches = as("jqstaff").Get("/api/v1/cases/" + c["id"].dump() + "/lenient-matches").json();
    for (const auto& m : matches["items"]) out[m["rule"]["id"].get<std::string>()] = m["verdict"];
    return out;
  }
  static nlohmann::json Body(const nlohmann::json& rule) {
    std::vector<std::string> facts;
    for (const auto& c : rule["conditions"]) facts.push_back(c["fact"]);
    return {{"version", rule["version"]}, {"list", rule["list"]}, {"law", rule["provision"]["law"]},
            {"article", rule["provision"]["article"]}, {"conduct", rule["conduct"]},
            {"conditions", facts}, {"outcome", rule["outcome"]}, {"basis", rule["basis"]},
            {"retired", rule["retired"]}};
  }
  nlohmann::json Rule(const std::string& id) {
    const nlohmann::json list = as("legal").Get("/api/v1/lenient-rules").json();
    for (const auto& r : list["items"])
      if (r["id"] == id) return r;
    return nullptr;
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  long entity_ = 0;
  std::vector<Id> officers_;
};

TEST_P(LenientRuleApi, TheBuiltInListIsVersionOneAndNamesItsFacts) {
  auto list = as("jqstaff").Get("/api/v1/lenient-rules").json();
  ASSERT_GE(list["items"].size(), 20u);
  EXPECT_EQ(list["items"][0]["id"], "SH-01");
  for (const auto& r : list["items"]) {
    EXPECT_EQ(r["version"], 1) << r["id"];
    EXPECT_EQ(r["retired"], false) << r["id"];
    EXPECT_EQ(r["edited_by"], "") << r["id"];
  }
  EXPECT_GE(list["facts"].size(), 10u);
  EXPECT_EQ(list["facts"][0]["fact"], "first_violation");
  EXPECT_EQ(list["facts"][0]["label"], "初次违法");
}

TEST_P(LenientRuleApi, AnEditWithItsReasonChangesWhatACaseIsOfferedAndIsKeptInTheHistory) {
  auto c = CaseUnderReview();
  EXPECT_EQ(Verdicts(c)["SH-06"], "all_met");

  auto rule = Rule("SH-06");
  ASSERT_FALSE(rule.is_null());
  auto body = Body(rule);
  body["conditions"].push_back("no_fault");
  EXPECT_EQ(Send("jqstaff", "PUT", "/api/v1/lenient-rules/SH-06", body, 403)["code"], "forbidden");
  EXPECT_EQ(Send("legal", "PUT", "/api/v1/lenient-rules/SH-06", body, 400)["field"], "reason");
  body["reason"] = "依据2023年第5次法制工作会议纪要补充条件";
  auto saved = Send("legal", "PUT", "/api/v1/lenient-rules/SH-06", body, 200);
  EXPECT_EQ(saved["version"], 2);
  EXPECT_EQ(saved["edited_by"], "legal");
  EXPECT_EQ(Verdicts(c)["SH-06"], "undetermined");  // no_fault is not recorded on the case

  auto stale = Send("legal", "PUT", "/api/v1/lenient-rules/SH-06", body, 409);
  EXPECT_EQ(stale["code"], "stale_version");
  body["version"] = 2;
  body["conditions"] = {"first_time"};
  EXPECT_EQ(Send("legal", "PUT", "/api/v1/lenient-rules/SH-06", body, 400)["field"], "conditions");
  body["conditions"] = {"first_violation"};
  EXPECT_EQ(Send("legal", "PUT", "/api/v1/lenient-rules/NO-99", body, 404)["code"], "lenient_rule_not_found");

  auto history = as("jqstaff").Get("/api/v1/lenient-rules/SH-06/history").json()["items"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["version"], 2);
  EXPECT_EQ(history[0]["reason"], "依据2023年第5次法制工作会议纪要补充条件");
  EXPECT_EQ(history[0]["conditions"].size(), 4u);
  EXPECT_EQ(history[1]["version"], 1);
  EXPECT_EQ(history[1]["conditions"].size(), 3u);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/lenient-rules/NO-99/history").status, 404);

  auto log = as("admin").Get("/api/v1/audit?limit=5").json()["items"];
  bool audited = false;
  for (const auto& e : log) audited |= e["action"] == "lenient_rule.update" && e["record_id"] == "SH-06";
  EXPECT_TRUE(audited) << log.dump();
}

TEST_P(LenientRuleApi, ARetiredRuleIsNotOfferedNorCitableAndANewRuleIs) {
  auto c = CaseUnderReview();
  auto body = Body(Rule("SH-06"));
  body["retired"] = true;
  body["reason"] = "清单修订后删除";
  Send("legal", "PUT", "/api/v1/lenient-rules/SH-06", body, 200);
  EXPECT_FALSE(Verdicts(c).contains("SH-06"));
  auto refused = Send("leader", "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions",
                      {{"version", c["version"]}, {"action", "decide"}, {"on", "2023-10-30"},
                       {"decision", {{"kind", "no_penalty"}, {"decided_on", "2023-10-30"},
                                     {"lenient_rule_id", "SH-06"}}}},
                      400);
  EXPECT_EQ(refused["code"], "retired_lenient_rule");
  EXPECT_EQ(refused["field"], "decision.lenient_rule_id");

  nlohmann::json fresh = {{"id", "JD-01"}, {"list", "嘉定区局补充清单"},
                          {"law", "《中华人民共和国产品质量法》"}, {"article", "第二十七条"},
                          {"conduct", "产品标识不规范，初次违法且及时改正"},
                          {"conditions", {"first_violation", "corrected_in_time"}},
                          {"outcome", "no_penalty"}, {"basis", "《中华人民共和国行政处罚法》第三十三条第一款"},
                          {"reason", "局务会审议通过"}};
  EXPECT_EQ(Send("jqstaff", "POST", "/api/v1/lenient-rules", fresh, 403)["code"], "forbidden");
  auto created = Send("legal", "POST", "/api/v1/lenient-rules", fresh, 201);
  EXPECT_EQ(created["version"], 1);
  EXPECT_EQ(Send("legal", "POST", "/api/v1/lenient-rules", fresh, 409)["field"], "id");
  EXPECT_EQ(Verdicts(c)["JD-01"], "all_met");
  auto decided = Send("leader", "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions",
                      {{"version", c["version"]}, {"action", "decide"}, {"on", "2023-10-30"},
                       {"decision", {{"kind", "no_penalty"}, {"decided_on", "2023-10-30"},
                                     {"lenient_rule_id", "JD-01"}}}},
                      200);
  EXPECT_EQ(decided["decision"]["lenient_rule_id"], "JD-01");
}

INSTANTIATE_TEST_SUITE_P(Backends, LenientRuleApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
