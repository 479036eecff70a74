// Users, departments and the audit log over real HTTP, on both stores.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class AdminApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
  }
  HttpClient As(const std::string& user) {
    HttpClient c(server_->port());
    EXPECT_EQ(c.Login(user).status, 200);
    return c;
  }
  nlohmann::json NewUserBody(const std::string& username) {
    return {{"username", username},
            {"display_name", "新同事"},
            {"password", "Password1234"},
            {"role", "inspector"},
            {"department_id", server_->department("JQS")}};
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(AdminApi, AdminCreatesDisablesAndReRolesAUser) {
  auto admin = As("admin");
  auto created = admin.Post("/api/v1/users", NewUserBody("wang.wu"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto u = created.json();
  EXPECT_EQ(u["role"], "inspector");
  EXPECT_EQ(u["version"], 1);
  auto id = std::to_string(u["id"].get<long>());

  HttpClient newcomer(server_->port());
  ASSERT_EQ(newcomer.Login("wang.wu", "Password1234").status, 200);

  auto rerole = admin.Patch("/api/v1/users/" + id, {{"version", 1}, {"role", "staff"}});
  ASSERT_EQ(rerole.status, 200) << rerole.body;
  EXPECT_EQ(rerole.json()["role"], "staff");
  auto disable = admin.Patch("/api/v1/users/" + id, {{"version", 2}, {"disabled", true}});
  ASSERT_EQ(disable.status, 200) << disable.body;
  EXPECT_EQ(newcomer.Get("/api/v1/auth/me").status, 401);
  auto again = HttpClient(server_->port()).Login("wang.wu", "Password1234");
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.json()["code"], "account_disabled");
}

TEST_P(AdminApi, StaleEditIsRefusedNotOverwritten) {
  auto admin = As("admin");
  auto created = admin.Post("/api/v1/users", NewUserBody("li.si"));
  auto id = std::to_string(created.json()["id"].get<long>());
  ASSERT_EQ(admin.Patch("/api/v1/users/" + id, {{"version", 1}, {"display_name", "李四"}}).status, 200);
  auto stale = admin.Patch("/api/v1/users/" + id, {{"version", 1}, {"display_name", "李肆"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "stale_version");
  EXPECT_EQ(admin.Get("/api/v1/users/" + id).json()["display_name"], "李四");
}

TEST_P(AdminApi, BadUserInputNamesTheFieldAndWritesNothing) {
  auto admin = As("admin");
  struct Case {
    const char* field;
    nlohmann::json value;
    const char* code;
  } cases[] = {{"username", "X", "invalid_username"},
               {"password", "short", "weak_password"},
               {"role", "superuser", "invalid_role"},
               {"department_id", 99999, "department_not_found"},
               {"display_name", "", "invalid_display_name"}};
  for (const auto& c : cases) {
    auto body = NewUserBody("zhao.liu");
    body[c.field] = c.value;
    auto r = admin.Post("/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << c.field;
    EXPECT_EQ(r.json()["field"], c.field);
    EXPECT_EQ(r.json()["code"], c.code);
  }
  EXPECT_EQ(server_->store().FindUserByUsername("zhao.liu").status().code(), ErrorCode::kNotFound);
  auto dup = admin.Post("/api/v1/users", NewUserBody("admin"));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.json()["field"], "username");
}

TEST_P(AdminApi, OnlyAdminsManageUsers) {
  for (const char* who : {"leader", "legal", "jqstaff", "inspector"}) {
    auto c = As(who);
    auto r = c.Post("/api/v1/users", NewUserBody("nobody.new"));
    EXPECT_EQ(r.status, 403) << who;
  }
}

TEST_P(AdminApi, AdminCannotDemoteThemselves) {
  auto admin = As("admin");
  auto me = admin.Get("/api/v1/auth/me").json()["user"];
  auto id = std::to_string(me["id"].get<long>());
  auto r = admin.Patch("/api/v1/users/" + id, {{"version", me["version"]}, {"role", "staff"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.json()["code"], "cannot_demote_self");
}

TEST_P(AdminApi, StaffEditOwnDepartmentContactButNotAnothers) {
  auto staff = As("jqstaff");
  auto own = std::to_string(server_->department("JQS"));
  auto other = std::to_string(server_->department("NXS"));
  auto ok = staff.Patch("/api/v1/departments/" + own, {{"version", 1}, {"phone", "021-59110000"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["phone"], "021-59110000");
  auto denied = staff.Patch("/api/v1/departments/" + other, {{"version", 1}, {"phone", "021-1"}});
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.json()["code"], "out_of_department_scope");
  EXPECT_EQ(server_->store().GetDepartment(server_->department("NXS"))->phone, "");
  auto rename = staff.Patch("/api/v1/departments/" + own, {{"version", 2}, {"name", "江桥所新名"}});
  EXPECT_EQ(rename.status, 403);
}

TEST_P(AdminApi, StaffSeeOnlyTheirDepartmentsUsers) {
  auto staff = As("jqstaff");
  auto list = staff.Get("/api/v1/users");
  ASSERT_EQ(list.status, 200);
  const auto body = list.json();
  for (const auto& u : body["items"]) EXPECT_EQ(u["department_id"], server_->department("JQS"));
  auto other = staff.Get("/api/v1/users?department_id=" + std::to_string(server_->department("FZK")));
  EXPECT_EQ(other.status, 403);
}

TEST_P(AdminApi, DepartmentTreeRules) {
  auto admin = As("admin");
  auto created = admin.Post("/api/v1/departments", {{"code", "MLS"},
                                                    {"name", "马陆市场监管所"},
                                                    {"kind", "station"},
                                                    {"parent_id", server_->department("JDSJ")}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto noparent = admin.Post("/api/v1/departments", {{"code", "X1"}, {"name", "无上级"}, {"kind", "section"}});
  EXPECT_EQ(noparent.status, 400);
  EXPECT_EQ(noparent.json()["field"], "parent_id");
  auto root = std::to_string(server_->department("JDSJ"));
  auto cycle = admin.Patch("/api/v1/departments/" + std::to_string(server_->department("JQS")),
                           {{"version", 1}, {"parent_id", created.json()["id"]}});
  EXPECT_EQ(cycle.status, 200);  // moving a station under another station is allowed
  auto back = admin.Patch("/api/v1/departments/" + created.json()["id"].dump(),
                          {{"version", 1}, {"parent_id", server_->department("JQS")}});
  EXPECT_EQ(back.status, 400);
  EXPECT_EQ(back.json()["code"], "parent_cycle");
  auto list = admin.Get("/api/v1/departments");
  EXPECT_EQ(list.json()["items"].size(), 5u);
}

TEST_P(AdminApi, EveryWriteIsAuditedAndTheChainVerifies) {
  auto admin = As("admin");
  auto before = admin.Get("/api/v1/audit?limit=1").json()["items"][0]["seq"].get<long>();
  ASSERT_EQ(admin.Post("/api/v1/users", NewUserBody("audit.me")).status, 201);
  auto log = admin.Get("/api/v1/audit?limit=5").json()["items"];
  EXPECT_EQ(log[0]["action"], "user.create");
  EXPECT_EQ(log[0]["actor"], "admin");
  EXPECT_GT(log[0]["seq"].get<long>(), before);
  auto verify = admin.Get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200);
  EXPECT_TRUE(verify.json()["ok"].get<bool>()) << verify.body;
  EXPECT_EQ(As("inspector").Get("/api/v1/audit").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
