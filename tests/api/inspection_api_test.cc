// The inspection item list and the inspector roster over real HTTP on both stores.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;
using testing::ValidCreditCode;

class InspectionApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  long ItemId(const std::string& code) {
    auto list = as("admin").Get("/api/v1/inspection-items?include_inactive=1").json();
    for (const auto& i : list["items"]) {
      if (i["code"] == code) return i["id"].get<long>();
    }
    ADD_FAILURE() << "no item " << code;
    return 0;
  }
  nlohmann::json Officer(const std::string& cert, const char* dept) {
    return {{"name", "执法员" + cert.substr(cert.size() - 4)},
            {"department_id", server_->department(dept)},
            {"station_id", server_->department(dept)},
            {"certificate_no", cert},
            {"certificate_expires", "2027-12-31"},
            {"qualified_items", {"SP-001", "jg-001"}}};
  }
  long Create(const std::string& who, const nlohmann::json& body) {
    auto r = as(who).Post("/api/v1/inspectors", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<long>() : 0;
  }
  // The inspector's editable fields as read, for a PUT.
  nlohmann::json EditOf(long id) {
    auto j = as("admin").Get("/api/v1/inspectors/" + std::to_string(id)).json();
    return {{"version", j["version"]},
            {"name", j["name"]},
            {"department_id", j["department_id"]},
            {"station_id", j["station_id"]},
            {"user_id", j["user_id"]},
            {"certificate_no", j["certificate_no"]},
            {"certificate_expires", j["certificate_expires"]},
            {"available_from", j["available_from"]},
            {"available_to", j["available_to"]},
            {"active", j["active"]},
            {"qualified_items", j["qualified_items"]}};
  }
  HttpResult Put(const std::string& who, const std::string& path, const nlohmann::json& body) {
    return as(who).Request("PUT", path, body.dump());
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
};

TEST_P(InspectionApi, TheSeededItemListIsReadByEveryone) {
  auto items = as("inspector").Get("/api/v1/inspection-items");
  ASSERT_EQ(items.status, 200) << items.body;
  ASSERT_GE(items.json()["items"].size(), 8u);
  auto sp = as("inspector").Get("/api/v1/inspection-items/" + std::to_string(ItemId("SP-001"))).json();
  EXPECT_EQ(sp["importance"], "key");
  EXPECT_EQ(sp["importance_label"], "重点");
  EXPECT_EQ(sp["method"], "现场检查");
  EXPECT_TRUE(sp["department_id"].is_null());  // 未指定科室 until the legal department assigns it
  EXPECT_TRUE(sp["checklist"].is_array());
  EXPECT_GE(sp["checklist"].size(), 3u);
  EXPECT_NE(sp["legal_basis"].get<std::string>().find("食品安全法"), std::string::npos);
  EXPECT_EQ(as("inspector").Get("/api/v1/inspection-items/999999").status, 404);
}

TEST_P(InspectionApi, LegalEditsAnItemAndTheHistoryShowsBothVersions) {
  long id = ItemId("TS-001");
  const std::string path = "/api/v1/inspection-items/" + std::to_string(id);
  auto before = as("legal").Get(path).json();
  nlohmann::json edit = {{"version", before["version"]},
                         {"name", before["name"]},
                         {"sub_item", before["sub_item"]},
                         {"legal_basis", before["legal_basis"]},
                         {"department_id", server_->department("FZK")},
                         {"target", before["target"]},
                         {"checklist", {"电梯是否办理使用登记", "是否在检验有效期内"}},
                         {"method", "现场检查"},
                         {"importance", "general"},
                         {"inspector_requirements", "每户不少于2人"}};
  EXPECT_EQ(Put("jqstaff", path, edit).status, 403);
  EXPECT_EQ(Put("inspector", path, edit).status, 403);
  auto saved = Put("legal", path, edit);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], 2);
  EXPECT_EQ(saved.json()["importance"], "general");
  EXPECT_EQ(saved.json()["updated_by"], "legal");
  EXPECT_EQ(saved.json()["code"], "TS-001");
  // The same version again is stale.
  auto stale = Put("legal", path, edit);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "stale_version");

  auto history = as("inspector").Get(path + "/history").json()["items"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["version"], 2);
  EXPECT_EQ(history[0]["importance"], "general");
  EXPECT_EQ(history[0]["checklist"].size(), 2u);
  EXPECT_EQ(history[1]["version"], 1);
  EXPECT_EQ(history[1]["importance"], "key");
  EXPECT_TRUE(history[1]["department_id"].is_null());

  // An edit must name the inspecting body, and the code stays as created.
  edit["version"] = 2;
  edit.erase("department_id");
  EXPECT_EQ(Put("legal", path, edit).json()["field"], "department_id");
  edit["department_id"] = server_->department("FZK");
  edit["code"] = "TS-002";
  auto renamed = Put("legal", path, edit);
  EXPECT_EQ(renamed.status, 400);
  EXPECT_EQ(renamed.json()["code"], "code_immutable");

  // Deactivated items leave the default list.
  edit.erase("code");
  edit["active"] = false;
  ASSERT_EQ(Put("legal", path, edit).status, 200);
  auto active = as("legal").Get("/api/v1/inspection-items").json()["items"];
  for (const auto& i : active) EXPECT_NE(i["code"], "TS-001");
  EXPECT_EQ(as("legal").Get("/api/v1/inspection-items?include_inactive=1").json()["items"].size(),
            active.size() + 1);
}

TEST_P(InspectionApi, LegalAddsAnItemOthersCannot) {
  nlohmann::json item = {{"code", "zj-001"},
                         {"name", "直播带货经营行为检查"},
                         {"legal_basis", "《中华人民共和国电子商务法》第十七条"},
                         {"department_id", server_->department("FZK")},
                         {"target", "网络直播营销经营者"},
                         {"checklist", {"是否全面、真实、准确、及时地披露商品或者服务信息"}},
                         {"method", "online_monitoring"},
                         {"importance", "一般"}};
  EXPECT_EQ(as("jqstaff").Post("/api/v1/inspection-items", item).status, 403);
  EXPECT_EQ(as("inspector").Post("/api/v1/inspection-items", item).status, 403);
  auto created = as("legal").Post("/api/v1/inspection-items", item);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["code"], "ZJ-001");
  EXPECT_EQ(created.json()["method"], "网络监测");
  EXPECT_EQ(created.json()["importance"], "general");
  auto dup = as("legal").Post("/api/v1/inspection-items", item);
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.json()["field"], "code");
  EXPECT_EQ(as("legal").Get("/api/v1/inspection-items/" + created.json()["id"].dump() + "/history")
                .json()["items"].size(), 1u);
}

TEST_P(InspectionApi, StaffManageTheInspectorsOfTheirOwnStationOnly) {
  long own = Create("jqstaff", Officer("沪市监执2023-0001", "JQS"));
  auto other = as("jqstaff").Post("/api/v1/inspectors", Officer("沪市监执2023-0002", "NXS"));
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.json()["code"], "out_of_department_scope");
  long nxs = Create("admin", Officer("沪市监执2023-0002", "NXS"));

  auto edit = EditOf(nxs);
  edit["name"] = "改名";
  auto denied = Put("jqstaff", "/api/v1/inspectors/" + std::to_string(nxs), edit);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.json()["code"], "out_of_department_scope");
  EXPECT_EQ(Put("legal", "/api/v1/inspectors/" + std::to_string(nxs), edit).status, 403);

  edit = EditOf(own);
  edit["qualified_items"] = {"TS-001"};
  auto saved = Put("jqstaff", "/api/v1/inspectors/" + std::to_string(own), edit);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], 2);
  EXPECT_EQ(saved.json()["qualified_items"], nlohmann::json::array({"TS-001"}));
  // Moving one's inspector to another station is out of scope too.
  edit["version"] = 2;
  edit["department_id"] = server_->department("NXS");
  EXPECT_EQ(Put("jqstaff", "/api/v1/inspectors/" + std::to_string(own), edit).json()["code"],
            "out_of_department_scope");

  // Everyone reads the roster, with filters.
  auto all = as("inspector").Get("/api/v1/inspectors");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json()["items"].size(), 2u);
  auto at_nxs = as("inspector").Get("/api/v1/inspectors?station_id=" +
                                    std::to_string(server_->department("NXS"))).json()["items"];
  ASSERT_EQ(at_nxs.size(), 1u);
  EXPECT_EQ(at_nxs[0]["id"], nxs);
  EXPECT_EQ(at_nxs[0]["qualified_items"], nlohmann::json::array({"JG-001", "SP-001"}));
  auto food = as("inspector").Get("/api/v1/inspectors?item=SP-001&active=1").json()["items"];
  ASSERT_EQ(food.size(), 1u);
  EXPECT_EQ(food[0]["id"], nxs);
  EXPECT_EQ(as("inspector").Get("/api/v1/inspectors?department_id=x").status, 400);
}

TEST_P(InspectionApi, AnInspectorDeclaresTheirOwnConflictButNotAnothers) {
  auto mine = Officer("沪市监执2023-0003", "JQS");
  mine["user_id"] = server_->store().FindUserByUsername("inspector")->id;
  long own = Create("admin", mine);
  long other = Create("admin", Officer("沪市监执2023-0004", "JQS"));
  const std::string code = ValidCreditCode(42);
  nlohmann::json conflict = {{"credit_code", code}, {"reason", "配偶在该企业任职"}};

  auto declared = as("inspector").Post("/api/v1/inspectors/" + std::to_string(own) + "/conflicts", conflict);
  ASSERT_EQ(declared.status, 201) << declared.body;
  ASSERT_EQ(declared.json()["conflicts"].size(), 1u);
  EXPECT_EQ(declared.json()["conflicts"][0]["credit_code"], code);
  EXPECT_EQ(declared.json()["conflicts"][0]["declared_on"], "2023-11-15");  // China date of the clock
  EXPECT_EQ(declared.json()["version"], 1);
  auto again = as("inspector").Post("/api/v1/inspectors/" + std::to_string(own) + "/conflicts", conflict);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["field"], "credit_code");

  auto foreign = as("inspector").Post("/api/v1/inspectors/" + std::to_string(other) + "/conflicts", conflict);
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(as("legal").Post("/api/v1/inspectors/" + std::to_string(other) + "/conflicts", conflict).status, 403);
  EXPECT_EQ(as("jqstaff").Post("/api/v1/inspectors/" + std::to_string(other) + "/conflicts", conflict).status, 201);

  // Withdrawing is managing the roster, not self-service.
  const std::string del = "/api/v1/inspectors/" + std::to_string(own) + "/conflicts/" + code;
  EXPECT_EQ(as("inspector").Request("DELETE", del).status, 403);
  EXPECT_EQ(as("jqstaff").Request("DELETE", del).status, 204);
  EXPECT_EQ(as("jqstaff").Request("DELETE", del).status, 404);
  EXPECT_TRUE(as("admin").Get("/api/v1/inspectors/" + std::to_string(own)).json()["conflicts"].empty());

  // Every change is in the audit log.
  auto audit = as("admin").Get("/api/v1/audit?limit=50").json()["items"];
  int declares = 0, withdraws = 0;
  for (const auto& e : audit) {
    if (e["action"] == "inspector.conflict_declare") ++declares;
    if (e["action"] == "inspector.conflict_withdraw") ++withdraws;
  }
  EXPECT_EQ(declares, 2);
  EXPECT_EQ(withdraws, 1);
}

TEST_P(InspectionApi, BadInputNamesTheField) {
  auto item = [this](const char* code) {
    return nlohmann::json{{"code", code},          {"name", "事项"},
                          {"legal_basis", "依据"}, {"department_id", server_->department("FZK")},
                          {"target", "企业"},      {"method", "现场检查"},
                          {"importance", "key"}};
  };
  auto bad_code = as("legal").Post("/api/v1/inspection-items", item("SP001"));
  EXPECT_EQ(bad_code.status, 400);
  EXPECT_EQ(bad_code.json()["field"], "code");
  auto bad_method = item("SP-101");
  bad_method["method"] = "电话检查";
  EXPECT_EQ(as("legal").Post("/api/v1/inspection-items", bad_method).json()["field"], "method");
  auto no_dept = item("SP-102");
  no_dept["department_id"] = 999999;
  EXPECT_EQ(as("legal").Post("/api/v1/inspection-items", no_dept).json()["field"], "department_id");
  auto unknown = item("SP-103");
  unknown["colour"] = "red";
  EXPECT_EQ(as("legal").Post("/api/v1/inspection-items", unknown).json()["code"], "unknown_field");

  auto bad_date = Officer("沪市监执2023-0005", "JQS");
  bad_date["certificate_expires"] = "2027-02-30";
  auto r = as("admin").Post("/api/v1/inspectors", bad_date);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "certificate_expires");
  auto bad_item = Officer("沪市监执2023-0005", "JQS");
  bad_item["qualified_items"] = {"QQ-999"};
  EXPECT_EQ(as("admin").Post("/api/v1/inspectors", bad_item).json()["field"], "qualified_items");
  auto bad_station = Officer("沪市监执2023-0005", "JQS");
  bad_station["station_id"] = server_->department("FZK");  // a section, not a station
  EXPECT_EQ(as("admin").Post("/api/v1/inspectors", bad_station).json()["field"], "station_id");
  auto bad_range = Officer("沪市监执2023-0005", "JQS");
  bad_range["available_from"] = "2024-06-01";
  bad_range["available_to"] = "2024-01-01";
  EXPECT_EQ(as("admin").Post("/api/v1/inspectors", bad_range).json()["field"], "available_to");

  long id = Create("admin", Officer("沪市监执2023-0005", "JQS"));
  auto dup = as("admin").Post("/api/v1/inspectors", Officer("沪市监执2023-0005", "NXS"));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.json()["field"], "certificate_no");
  auto linked = Officer("沪市监执2023-0006", "JQS");
  linked["user_id"] = 999999;
  EXPECT_EQ(as("admin").Post("/api/v1/inspectors", linked).json()["field"], "user_id");

  auto bad_conflict = as("admin").Post("/api/v1/inspectors/" + std::to_string(id) + "/conflicts",
                                       {{"credit_code", "91310114MA1GT5K295"}, {"reason", "亲属"}});
  EXPECT_EQ(bad_conflict.status, 400);
  EXPECT_EQ(bad_conflict.json()["field"], "credit_code");
  EXPECT_EQ(as("admin").Post("/api/v1/inspectors/999999/conflicts",
                             {{"credit_code", ValidCreditCode(1)}, {"reason", "亲属"}}).status, 404);
}

TEST_P(InspectionApi, StaleVersionAndCertificateValidity) {
  auto expired = Officer("沪市监执2019-0001", "JQS");
  expired["certificate_expires"] = "2023-11-14";  // the day before the clock's China date
  long old = Create("admin", expired);
  long fresh = Create("admin", Officer("沪市监执2023-0007", "JQS"));
  EXPECT_EQ(as("admin").Get("/api/v1/inspectors/" + std::to_string(old)).json()["certificate_valid_today"], false);
  EXPECT_EQ(as("admin").Get("/api/v1/inspectors/" + std::to_string(fresh)).json()["certificate_valid_today"], true);

  auto edit = EditOf(old);
  edit["certificate_expires"] = "2028-12-31";
  auto renewed = Put("jqstaff", "/api/v1/inspectors/" + std::to_string(old), edit);
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(renewed.json()["certificate_valid_today"], true);
  auto stale = Put("jqstaff", "/api/v1/inspectors/" + std::to_string(old), edit);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "stale_version");
  // Taking another's certificate number on edit is a clash on that field.
  edit = EditOf(old);
  edit["certificate_no"] = "沪市监执2023-0007";
  auto clash = Put("admin", "/api/v1/inspectors/" + std::to_string(old), edit);
  EXPECT_EQ(clash.status, 409);
  EXPECT_EQ(clash.json()["field"], "certificate_no");
}

INSTANTIATE_TEST_SUITE_P(Backends, InspectionApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
