// Sign-in, sessions, CSRF, lockout and bad input over real HTTP, on both stores.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class AuthApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
  }
  HttpClient Client() { return HttpClient(server_->port()); }
  std::unique_ptr<TestServer> server_;
};

TEST_P(AuthApi, HealthzAndMetricsAnswer) {
  auto c = Client();
  EXPECT_EQ(c.Get("/healthz").status, 200);
  auto m = c.Get("/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("jianguan_http_requests_total"), std::string::npos);
}

TEST_P(AuthApi, LoginSetsAStrictHttpOnlyCookieAndMeWorks) {
  auto c = Client();
  auto r = c.Login("admin");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& cookie = r.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.json()["user"].count("password_hash"), 0u);
  auto me = c.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["user"]["username"], "admin");
}

TEST_P(AuthApi, WrongPasswordAndUnknownUserLookTheSame) {
  auto c = Client();
  auto a = c.Login("admin", "Wrong-password-1");
  auto b = c.Login("nobody", "Wrong-password-1");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(b.status, 401);
  EXPECT_EQ(a.json()["code"], "invalid_credentials");
  EXPECT_EQ(b.json()["code"], "invalid_credentials");
}

TEST_P(AuthApi, FiveFailuresLockTheAccountEvenForTheRightPassword) {
  auto c = Client();
  for (int i = 0; i < 4; ++i) EXPECT_EQ(c.Login("jqstaff", "Wrong-password-1").status, 401);
  auto fifth = c.Login("jqstaff", "Wrong-password-1");
  EXPECT_EQ(fifth.status, 429);
  EXPECT_EQ(fifth.json()["code"], "account_locked");
  auto right = c.Login("jqstaff");
  EXPECT_EQ(right.status, 429);
  EXPECT_EQ(right.json()["code"], "account_locked");
  server_->clock().Advance(15 * 60 + 1);
  EXPECT_EQ(c.Login("jqstaff").status, 200);
}

TEST_P(AuthApi, ManyAttemptsFromOneClientAreThrottled) {
  auto c = Client();
  // Successful sign-ins do not count (an office shares one address).
  for (int i = 0; i < 25; ++i) ASSERT_EQ(c.Login("jqstaff").status, 200) << i;
  int throttled = 0;
  for (int i = 0; i < 25; ++i) {
    auto r = c.Login("user" + std::to_string(i), "Wrong-password-1");
    if (r.status == 429 && r.json()["code"] == "login_throttled") ++throttled;
  }
  EXPECT_EQ(throttled, 5);
  EXPECT_EQ(c.Login("jqstaff").json()["code"], "login_throttled");  // until the window ends
  server_->clock().Advance(5 * 60);
  EXPECT_EQ(c.Login("jqstaff").status, 200);
}

TEST_P(AuthApi, ExpiredSessionIsRefused) {
  auto c = Client();
  ASSERT_EQ(c.Login("admin").status, 200);
  server_->clock().Advance(8 * 3600 + 1);
  auto me = c.Get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 401);
  EXPECT_EQ(me.json()["code"], "session_expired");
}

TEST_P(AuthApi, NoSessionIsUnauthenticated) {
  auto c = Client();
  auto r = c.Get("/api/v1/users");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json()["code"], "unauthenticated");
}

TEST_P(AuthApi, WritesWithoutOrWithWrongCsrfAreRefusedAndWriteNothing) {
  auto c = Client();
  ASSERT_EQ(c.Login("admin").status, 200);
  nlohmann::json body = {{"username", "newuser"}, {"display_name", "新用户"},
                         {"password", "Password1234"}, {"role", "staff"},
                         {"department_id", server_->department("JQS")}};
  c.send_csrf = false;
  auto missing = c.Post("/api/v1/users", body);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.json()["code"], "csrf_missing");
  c.send_csrf = true;
  std::string good = c.csrf;
  c.csrf = std::string(64, 'a');
  auto wrong = c.Post("/api/v1/users", body);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.json()["code"], "csrf_invalid");
  c.csrf = good;
  EXPECT_EQ(server_->store().FindUserByUsername("newuser").status().code(), ErrorCode::kNotFound);
}

TEST_P(AuthApi, ForeignOriginIsRefused) {
  auto c = Client();
  ASSERT_EQ(c.Login("admin").status, 200);
  auto r = c.Request("POST", "/api/v1/auth/logout", "", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["code"], "origin_mismatch");
}

TEST_P(AuthApi, MalformedJsonUnknownFieldsWrongTypesAndOversizedBodies) {
  auto c = Client();
  auto bad = c.Request("POST", "/api/v1/auth/login", "{\"username\":");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["code"], "malformed_json");
  auto unknown = c.Post("/api/v1/auth/login", {{"username", "admin"}, {"password", "x"}, {"admin", true}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json()["code"], "unknown_field");
  EXPECT_EQ(unknown.json()["field"], "admin");
  auto type = c.Post("/api/v1/auth/login", {{"username", 5}, {"password", "x"}});
  EXPECT_EQ(type.status, 400);
  EXPECT_EQ(type.json()["field"], "username");
  std::string deep(100, '[');
  deep = "{\"username\":" + deep + std::string(100, ']') + "}";
  auto nested = c.Request("POST", "/api/v1/auth/login", deep);
  EXPECT_EQ(nested.status, 400);
  EXPECT_EQ(nested.json()["code"], "json_too_deep");
  auto big = c.Request("POST", "/api/v1/auth/login", std::string(100 * 1024, 'x'));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.json()["code"], "payload_too_large");
  auto utf = c.Request("POST", "/api/v1/auth/login", "{\"username\":\"\xC0\xAF\"}");
  EXPECT_EQ(utf.status, 400);
  EXPECT_EQ(utf.json()["code"], "invalid_utf8");
}

TEST_P(AuthApi, PasswordChangeEndsOtherSessions) {
  auto a = Client(), b = Client();
  ASSERT_EQ(a.Login("inspector").status, 200);
  ASSERT_EQ(b.Login("inspector").status, 200);
  auto wrong = a.Post("/api/v1/auth/password",
                      {{"old_password", "nope-nope-1"}, {"new_password", "Newpassword99"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.json()["field"], "old_password");
  auto weak = a.Post("/api/v1/auth/password", {{"old_password", "Jianguan2024"}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.json()["field"], "new_password");
  auto ok = a.Post("/api/v1/auth/password",
                   {{"old_password", "Jianguan2024"}, {"new_password", "Newpassword99"}});
  ASSERT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(a.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(b.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(Client().Login("inspector").status, 401);
  EXPECT_EQ(Client().Login("inspector", "Newpassword99").status, 200);
}

TEST_P(AuthApi, LogoutEndsTheSession) {
  auto c = Client();
  ASSERT_EQ(c.Login("leader").status, 200);
  EXPECT_EQ(c.Request("POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
}

TEST_P(AuthApi, UnknownRouteAndWrongMethod) {
  auto c = Client();
  EXPECT_EQ(c.Get("/api/v1/nothing").status, 404);
  EXPECT_EQ(c.Request("DELETE", "/api/v1/auth/login").status, 405);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
