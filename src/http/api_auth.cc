// /api/v1/auth: sign in, sign out, who am I, change password.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"

namespace jg::http {
namespace {

std::string SessionCookie(const std::string& token, std::int64_t max_age) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age);
}

nlohmann::json MeJson(const User& u, const Session& s) {
  return {{"user", ToJson(u)}, {"csrf_token", s.csrf_token}, {"expires_at", s.expires_at}};
}

}  // namespace

void RegisterAuthRoutes(Router& r, Services& s, std::int64_t session_seconds) {
  r.Add("POST", "/api/v1/auth/login", Access::kPublic, [&s, session_seconds](Request& req) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return Error(body.status());
    JsonFields f(*body);
    std::string username = f.String("username");
    std::string password = f.String("password");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.auth.Login(username, password, req.client);
    if (!res.ok()) return Error(res.status());
    Response out = Json(200, MeJson(res->user, res->session));
    out.headers.emplace_back("Set-Cookie", SessionCookie(res->session_token, session_seconds));
    return out;
  });

  r.Add("POST", "/api/v1/auth/logout", Access::kSession, [&s](Request& req) {
    if (Status st = s.auth.Logout(req.session_token); !st.ok()) return Error(st);
    Response out = NoContent();
    out.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
    return out;
  });

  r.Add("GET", "/api/v1/auth/me", Access::kSession,
        [](Request& req) { return Json(200, MeJson(req.auth->user, req.auth->session)); });

  r.Add("POST", "/api/v1/auth/password", Access::kSession, [&s](Request& req) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return Error(body.status());
    JsonFields f(*body);
    std::string old_password = f.String("old_password");
    std::string new_password = f.String("new_password");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    Status st = s.auth.ChangePassword(req.actor(), old_password, new_password, req.session_token);
    if (!st.ok()) return Error(st);
    return NoContent();
  });
}

}  // namespace jg::http
