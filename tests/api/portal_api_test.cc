// The public portal: no sign-in, only allow-listed fields, a per-client rate
// limit with a clear 429, on both stores.
#include <gtest/gtest.h>

#include <chrono>

#include <thread>

#include <set>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;
using testing::ValidCreditCode;

// Every key the portal may publish, at any depth.
const std::set<std::string> kAllowed = {
    "items", "total", "page", "page_size",                                   // paging
    "credit_code", "name", "kind", "legal_representative", "address",        // entity
    "registered_on", "status", "licences",                                   //
    "identifier", "valid_from", "valid_until", "attributes",                 // licence
    "business_form", "business_items", "business_scope", "product_category", "product_unit",
    "code", "message", "field",                                              // errors
    "inspections", "plan_id", "entity_name", "inspected_on", "outcome", "outcome_label",  // results
    "corrected_on", "correction_note",
    "id", "year", "period_from", "period_to", "lead_department_id", "joint",  // plans
    "item_codes", "strata", "stratum", "by_ratio", "count", "ratio_percent", "per_entity",
    "cross_station", "seed_mode", "seed_source", "status_label", "cancel_reason",
    "published_at", "results",
    "draw", "commitment_id", "commitment_text", "committed_at", "drawn", "seed_hex",  // draw
    "drawn_at",
    "party_name", "case_number", "document_number", "violated_provision", "penalty_types", "fine_fen",  // penalty
    "confiscated_gains_fen", "decided_on", "authority", "published_on", "publicity_until",
    "penalties"};

void CheckKeys(const nlohmann::json& j, const std::string& where) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      EXPECT_TRUE(kAllowed.count(k)) << "field '" << k << "' is not on the portal allow-list (" << where << ")";
      CheckKeys(v, where);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) CheckKeys(v, where);
  }
}

class PortalApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    HttpClient admin(server_->port());
    ASSERT_EQ(admin.Login("admin").status, 200);
    auto e = admin.Post("/api/v1/entities", {{"credit_code", ValidCreditCode(7)},
                                             {"name", "上海马陆葡萄专业合作社"},
                                             {"kind", "cooperative"},
                                             {"legal_representative", "张三"},
                                             {"station_id", server_->department("JQS")},
                                             {"risk_class", "D"},
                                             {"risk_classified_on", "2023-05-01"},
                                             {"tags", {"重点监管"}}});
    ASSERT_EQ(e.status, 201) << e.body;
    long id = e.json()["id"].get<long>();
    auto lic = admin.Post("/api/v1/holdings", {{"kind", "drug_retail_licence"},
                                               {"identifier", "沪CB0210001"},
                                               {"entity_id", id},
                                               {"valid_from", "2022-01-01"},
                                               {"valid_until", "2027-12-31"},
                                               {"attributes", {{"business_scope", "中成药"}, {"pharmacist", "李药师"}}}});
    ASSERT_EQ(lic.status, 201) << lic.body;
    auto old = admin.Post("/api/v1/holdings", {{"kind", "food_operation_licence"},
                                               {"identifier", "JY13101140000099"},
                                               {"entity_id", id},
                                               {"valid_from", "2018-01-01"},
                                               {"valid_until", "2023-01-01"}});
    ASSERT_EQ(old.status, 201) << old.body;
    // A published 双随机 plan that inspected this entity.
    for (const char* cert : {"公示证1", "公示证2"}) {
      auto r = admin.Post("/api/v1/inspectors",
                          {{"name", "执法员"}, {"department_id", server_->department("JQS")},
                           {"certificate_no", cert}, {"certificate_expires", "2027-12-31"},
                           {"qualified_items", {"SP-001"}}});
      ASSERT_EQ(r.status, 201) << r.body;
    }
    auto plan = admin.Post("/api/v1/plans",
                           {{"name", "公示计划"}, {"period_from", "2023-09-01"},
                            {"period_to", "2023-10-31"},
                            {"lead_department_id", server_->department("JQS")},
                            {"item_codes", {"SP-001"}},
                            {"strata", {{{"stratum", "D"}, {"count", 1}}}}});
    ASSERT_EQ(plan.status, 201) << plan.body;
    plan_id_ = plan.json()["id"].get<long>();
    const std::string p = "/api/v1/plans/" + std::to_string(plan_id_);
    for (const char* step : {"approve", "commit", "draw"}) {
      auto r = admin.Post(p + "/" + step, {{"version", admin.Get(p).json()["version"]}});
      ASSERT_EQ(r.status, 200) << step << r.body;
    }
    auto task = admin.Get(p + "/tasks").json()["items"][0];
    auto done = admin.Request("PUT", "/api/v1/inspection-tasks/" + task["id"].dump() + "/result",
                              nlohmann::json{{"version", task["version"]},
                                             {"outcome", "corrected"},
                                             {"findings", "内部记录：未公示的检查情况"},
                                             {"severity", "moderate"},
                                             {"inspected_on", "2023-09-10"}}
                                  .dump());
    ASSERT_EQ(done.status, 200) << done.body;
    ASSERT_EQ(admin.Post(p + "/publish", {{"version", admin.Get(p).json()["version"]}}).status, 200);
    // A published penalty (行政处罚信息公示) of this entity, straight into the store.
    enforcement::Lead lead;
    lead.entity_id = id;
    lead.description = "内部记录：案件线索";
    lead.found_on = *Date::Parse("2023-09-01");
    lead.department_id = server_->department("JQS");
    lead.updated_at = 1;
    Id lead_id = server_->store().InsertLead(lead).value();
    enforcement::EnforcementCase c;
    c.case_number = "沪市监嘉处〔2023〕第000077号";
    c.case_year = 2023;
    c.case_seq = 77;
    c.lead_id = lead_id;
    c.department_id = lead.department_id;
    c.filed_on = lead.found_on;
    c.updated_at = 1;
    credit::PublicityRecord pub;
    pub.case_id = server_->store().InsertCase(c).value();
    pub.department_id = lead.department_id;
    pub.entity_id = id;
    pub.credit_code = ValidCreditCode(7);
    pub.party_name = "上海马陆葡萄专业合作社";
    pub.case_number = c.case_number;
    pub.decision.decided_on = *Date::Parse("2023-10-09");
    pub.decision.penalties = {enforcement::PenaltyType::kFine};
    pub.decision.fine = 500000;
    pub.status = credit::PublicityStatus::kPublished;
    pub.published_on = *Date::Parse("2023-11-01");
    pub.updated_by = "执法员";
    pub.updated_at = 1;
    ASSERT_TRUE(server_->store().InsertPublicity(pub).ok());
  }
  long plan_id_ = 0;
  std::unique_ptr<TestServer> server_;
};

TEST_P(PortalApi, SearchAndRecordPublishOnlyAllowListedFields) {
  HttpClient anon(server_->port());
  auto search = anon.Get("/api/v1/public/entities?q=%E9%A9%AC%E9%99%86");  // 马陆
  ASSERT_EQ(search.status, 200) << search.body;
  EXPECT_EQ(search.json()["total"], 1);
  CheckKeys(search.json(), "search");
  auto rec = anon.Get("/api/v1/public/entities/" + ValidCreditCode(7));
  ASSERT_EQ(rec.status, 200) << rec.body;
  CheckKeys(rec.json(), "record");
  EXPECT_EQ(rec.json()["kind"], "农民专业合作社");
  ASSERT_EQ(rec.json()["licences"].size(), 1u);  // the expired food licence is not shown
  EXPECT_EQ(rec.json()["licences"][0]["kind"], "药品经营许可证（零售）");
  EXPECT_EQ(rec.body.find("李药师"), std::string::npos);  // personal data stays internal
  EXPECT_EQ(rec.body.find("重点监管"), std::string::npos);
  EXPECT_EQ(rec.body.find("\"D\""), std::string::npos);
  // Lower-case and full-width input is normalised like everywhere else.
  std::string lower = ValidCreditCode(7);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(anon.Get("/api/v1/public/entities/" + lower).status, 200);
}

// Every public route, with its parameters filled in, publishes only allow-listed fields.
TEST_P(PortalApi, EveryPublicRoutePublishesOnlyAllowListedFields) {
  HttpClient anon(server_->port());
  auto spec = anon.Get("/api/v1/public/openapi.yaml");
  ASSERT_EQ(spec.status, 200);
  const std::string openapi = spec.body;
  EXPECT_NE(openapi.find("openapi: 3."), std::string::npos);
  int walked = 0;
  for (const auto& [method, pattern] : server_->routes()) {
    if (pattern.rfind("/api/v1/public/", 0) != 0) continue;
    std::string path = pattern;
    auto fill = [&](const std::string& key, const std::string& value) {
      if (auto at = path.find(key); at != std::string::npos) path.replace(at, key.size(), value);
    };
    fill("{id}", std::to_string(plan_id_));
    fill("{code}", ValidCreditCode(7));
    if (path == "/api/v1/public/entities") path += "?q=%E9%A9%AC%E9%99%86";
    if (path == "/api/v1/public/inspection-results.csv") path += "?year=2023";
    auto r = anon.Request(method, path);
    ASSERT_EQ(r.status, 200) << path << " " << r.body;
    ++walked;
    // The open API description lists every public route (as its pattern).
    EXPECT_NE(openapi.find("\n  " + pattern + ":\n"), std::string::npos)
        << pattern << " is missing from docs/openapi-public.yaml";
    if (r.headers["content-type"].rfind("application/json", 0) == 0) CheckKeys(r.json(), path);
    EXPECT_EQ(r.body.find("内部记录"), std::string::npos) << path;  // findings stay internal
    EXPECT_EQ(r.body.find("执法员"), std::string::npos) << path;   // inspector names too
  }
  EXPECT_GE(walked, 6);
  auto penalties = anon.Get("/api/v1/public/penalty-publicity").json();
  ASSERT_EQ(penalties["total"], 1);
  EXPECT_EQ(penalties["items"][0]["publicity_until"], "2024-02-01");
  auto rec = anon.Get("/api/v1/public/entities/" + ValidCreditCode(7)).json();
  ASSERT_EQ(rec["inspections"].size(), 1u);
  EXPECT_EQ(rec["inspections"][0]["outcome_label"], "发现问题已责令改正");
  // The entity's record carries its penalty under publicity.
  ASSERT_EQ(rec["penalties"].size(), 1u);
  EXPECT_EQ(rec["penalties"][0]["case_number"], "沪市监嘉处〔2023〕第000077号");
  EXPECT_EQ(rec["penalties"][0]["fine_fen"], 500000);
  // The bulk download has the same published row, and nothing of another year.
  auto csv = anon.Get("/api/v1/public/inspection-results.csv?year=2023");
  EXPECT_NE(csv.body.find(ValidCreditCode(7) + ",上海马陆葡萄专业合作社,2023-09-10,发现问题已责令改正"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(anon.Get("/api/v1/public/inspection-results.csv?year=2022").body.find(ValidCreditCode(7)),
            std::string::npos);
}

TEST_P(PortalApi, BadQueriesAreClearErrors) {
  HttpClient anon(server_->port());
  auto none = anon.Get("/api/v1/public/entities");
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.json()["field"], "q");
  auto bad = anon.Get("/api/v1/public/entities/91310114MA000501XX");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["field"], "credit_code");
  CheckKeys(bad.json(), "error");
  EXPECT_EQ(anon.Get("/api/v1/public/entities/" + ValidCreditCode(8)).status, 404);
}

TEST_P(PortalApi, EachClientIsRateLimitedWithRetryAfter) {
  HttpClient anon(server_->port());
  int limited = 0;
  std::string retry;
  for (int i = 0; i < 60; ++i) {
    auto r = anon.Get("/api/v1/public/entities?q=%E8%91%A1%E8%90%84");
    if (r.status == 429) {
      ++limited;
      retry = r.headers["retry-after"];
      EXPECT_EQ(r.json()["code"], "rate_limited");
    }
  }
  EXPECT_GT(limited, 0);
  EXPECT_FALSE(retry.empty());
}

// The public answers' cache (http/public_cache.h): a repeated request is
// answered from memory, a write through the server shows at once, and one
// made behind the server's back (another process) within the cache time.
TEST_P(PortalApi, CachedAnswersShowAWriteAtOnceAndAnotherProcesssWithinTheCacheTime) {
  HttpClient anon(server_->port()), admin(server_->port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  const std::string page = "/api/v1/public/entities/" + ValidCreditCode(7);
  auto first = anon.Get(page);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.headers.count("x-cache"), 0u);
  bool hit = false;
  for (int i = 0; i < 3 && !hit; ++i) {
    auto again = anon.Get(page);
    EXPECT_EQ(again.body, first.body);
    hit = again.headers["x-cache"] == "hit";
  }
  EXPECT_TRUE(hit) << "a repeated public request was never answered from the cache";

  // Through the server: the next answer has it.
  auto e = admin.Get("/api/v1/entities?credit_code=" + ValidCreditCode(7)).json()["items"][0];
  auto put = admin.Request("PUT", "/api/v1/entities/" + e["id"].dump(),
                           nlohmann::json{{"version", e["version"]},
                                          {"credit_code", ValidCreditCode(7)},
                                          {"name", "上海马陆葡萄新名专业合作社"},
                                          {"kind", "cooperative"}}
                               .dump());
  ASSERT_EQ(put.status, 200) << put.body;
  auto after = anon.Get(page);
  EXPECT_EQ(after.json()["name"], "上海马陆葡萄新名专业合作社");
  EXPECT_EQ(after.headers.count("x-cache"), 0u);

  // Behind the server's back: shown once the cache time (1 s) has passed.
  Entity changed = server_->store().GetEntity(e["id"].get<Id>()).value();
  changed.name = "上海马陆葡萄再改名专业合作社";
  ASSERT_TRUE(server_->store().UpdateEntity(changed, "other process").ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(anon.Get(page).json()["name"], "上海马陆葡萄再改名专业合作社");
}

INSTANTIATE_TEST_SUITE_P(Backends, PortalApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
