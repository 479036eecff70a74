// Licences (holdings) and registrations over real HTTP on both stores.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;
using testing::ValidCreditCode;

class HoldingApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    admin_ = std::make_unique<HttpClient>(server_->port());
    ASSERT_EQ(admin_->Login("admin").status, 200);
    for (auto [n, station] : {std::pair{1, "JQS"}, std::pair{2, "NXS"}}) {
      auto e = admin_->Post("/api/v1/entities", {{"credit_code", ValidCreditCode(n)},
                                                 {"name", "食品店" + std::to_string(n)},
                                                 {"station_id", server_->department(station)}});
      ASSERT_EQ(e.status, 201) << e.body;
      entity_[n] = e.json()["id"].get<long>();
    }
  }
  nlohmann::json Licence(const std::string& number, long entity, const std::string& until,
                         nlohmann::json items) {
    return {{"kind", "food_operation_licence"}, {"identifier", number},   {"entity_id", entity},
            {"valid_from", "2023-01-10"},       {"valid_until", until},
            {"attributes", {{"business_form", "食品销售经营者"}, {"business_items", items}}}};
  }
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<HttpClient> admin_;
  std::map<int, long> entity_;
};

TEST_P(HoldingApi, KindsAreDataWithTheirLegalBasis) {
  auto kinds = admin_->Get("/api/v1/holding-kinds").json()["items"];
  ASSERT_EQ(kinds.size(), 3u);
  bool food = false;
  for (const auto& k : kinds) {
    if (k["code"] == "food_operation_licence") {
      food = true;
      EXPECT_NE(k["legal_basis"].get<std::string>().find("食品安全法"), std::string::npos);
    }
  }
  EXPECT_TRUE(food);
}

TEST_P(HoldingApi, FoodLicenceWithAlcoholIsRecordedAndFound) {
  auto ok = admin_->Post("/api/v1/holdings",
                         Licence("jy13101140012345", entity_[1], "2028-01-09", {"预包装食品销售", "含酒类"}));
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["identifier"], "JY13101140012345");
  ASSERT_EQ(admin_->Post("/api/v1/holdings", Licence("JY13101140012346", entity_[2], "2028-01-09",
                                                     {"预包装食品销售"})).status, 201);
  auto alcohol = admin_->Get("/api/v1/holdings?item=%E5%90%AB%E9%85%92%E7%B1%BB");  // 含酒类
  ASSERT_EQ(alcohol.status, 200);
  EXPECT_EQ(alcohol.json()["total"], 1);
  EXPECT_EQ(alcohol.json()["items"][0]["entity_id"], entity_[1]);
  auto dup = admin_->Post("/api/v1/holdings", Licence("JY13101140012345", entity_[2], "", {"热食类食品制售"}));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.json()["field"], "identifier");
  auto holders = admin_->Get("/api/v1/entities?holding_kind=food_operation_licence");
  EXPECT_EQ(holders.json()["total"], 2);
}

TEST_P(HoldingApi, BadLicencesNameTheField) {
  struct Case {
    nlohmann::json body;
    const char* field;
  } cases[] = {
      {Licence("JY1310114001234", entity_[1], "", {"x"}), "identifier"},      // 13 digits
      {Licence("JY93101140012345", entity_[1], "", {"x"}), "identifier"},     // form digit 9
      {Licence("JY13101140012345", entity_[1], "2022-01-01", {"x"}), "valid_until"},
      {Licence("JY13101140012345", 999999, "", {"x"}), "entity_id"},
  };
  for (const auto& c : cases) {
    auto r = admin_->Post("/api/v1/holdings", c.body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.json()["field"], c.field) << r.body;
  }
  auto body = Licence("JY13101140012345", entity_[1], "", {"x"});
  body["attributes"]["colour"] = "red";
  EXPECT_EQ(admin_->Post("/api/v1/holdings", body).json()["code"], "unknown_attribute");
  EXPECT_EQ(admin_->Get("/api/v1/holdings").json()["total"], 0);
}

TEST_P(HoldingApi, ExpiringListUsesTheClockAndStaffScope) {
  // The test clock is 2023-11-14 (1700000000).
  ASSERT_EQ(admin_->Post("/api/v1/holdings", Licence("JY13101140000001", entity_[1], "2023-11-20", {"a"})).status, 201);
  ASSERT_EQ(admin_->Post("/api/v1/holdings", Licence("JY13101140000002", entity_[1], "2023-10-01", {"a"})).status, 201);
  ASSERT_EQ(admin_->Post("/api/v1/holdings", Licence("JY13101140000003", entity_[2], "2025-01-01", {"a"})).status, 201);
  auto expiring = admin_->Get("/api/v1/holdings/expiring?days=30").json();
  ASSERT_EQ(expiring["total"], 2);
  EXPECT_EQ(expiring["items"][0]["expiry_state"], "expired");
  EXPECT_EQ(expiring["items"][1]["expiry_state"], "expiring");
  HttpClient staff(server_->port());
  ASSERT_EQ(staff.Login("jqstaff").status, 200);
  auto other = staff.Post("/api/v1/holdings", Licence("JY13101140000004", entity_[2], "", {"a"}));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(staff.Post("/api/v1/holdings", Licence("JY13101140000004", entity_[1], "", {"a"})).status, 201);
  auto h = admin_->Get("/api/v1/holdings?entity_id=" + std::to_string(entity_[1])).json()["items"][0];
  nlohmann::json edit = {{"version", h["version"]}, {"identifier", h["identifier"]},
                         {"entity_id", h["entity_id"]}, {"valid_from", h["valid_from"]},
                         {"valid_until", "2026-11-20"}, {"attributes", h["attributes"]}};
  auto renewed = admin_->Request("PUT", "/api/v1/holdings/" + h["id"].dump(), edit.dump());
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(admin_->Request("PUT", "/api/v1/holdings/" + h["id"].dump(), edit.dump()).status, 409);
}

TEST_P(HoldingApi, RegistrationsAreCountedByServicePointAndMonth) {
  const char* bhq = "北虹桥企业登记注册服务点";
  for (auto [day, electronic] : {std::pair{"2023-03-02", true}, std::pair{"2023-03-15", true},
                                 std::pair{"2023-04-01", false}}) {
    auto r = admin_->Post("/api/v1/registrations", {{"entity_id", entity_[1]},
                                                    {"kind", "establishment"},
                                                    {"service_point", bhq},
                                                    {"handled_on", day},
                                                    {"fully_electronic", electronic}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  ASSERT_EQ(admin_->Post("/api/v1/registrations", {{"entity_id", entity_[2]},
                                                   {"kind", "change"},
                                                   {"service_point", "区政务服务中心"},
                                                   {"handled_on", "2023-03-09"}}).status, 201);
  auto counts = admin_->Get("/api/v1/registrations/counts?from=2023-01-01&to=2023-12-31").json()["items"];
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0]["service_point"], bhq);
  EXPECT_EQ(counts[0]["month"], "2023-03");
  EXPECT_EQ(counts[0]["count"], 2);
  EXPECT_EQ(counts[0]["fully_electronic"], 2);
  EXPECT_EQ(counts[1]["month"], "2023-04");
  EXPECT_EQ(counts[1]["fully_electronic"], 0);
  auto bad = admin_->Post("/api/v1/registrations", {{"entity_id", entity_[1]},
                                                    {"kind", "establishment"},
                                                    {"service_point", bhq},
                                                    {"handled_on", "2023-02-30"}});
  EXPECT_EQ(bad.json()["field"], "handled_on");
  HttpClient inspector(server_->port());
  ASSERT_EQ(inspector.Login("inspector").status, 200);
  EXPECT_EQ(inspector.Post("/api/v1/registrations", {{"entity_id", entity_[1]},
                                                     {"kind", "change"},
                                                     {"service_point", bhq},
                                                     {"handled_on", "2023-05-01"}}).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, HoldingApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
