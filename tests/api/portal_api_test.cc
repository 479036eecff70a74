// The public portal: no sign-in, only allow-listed fields, a per-client rate
// limit with a clear 429, on both stores.
#include <gtest/gtest.h>

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
    "code", "message", "field"};                                             // errors

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
  }
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

INSTANTIATE_TEST_SUITE_P(Backends, PortalApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
