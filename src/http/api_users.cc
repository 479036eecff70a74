// /api/v1/users and /api/v1/roles.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"

namespace jg::http {

void RegisterUserRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/roles", Access::kSession, [](Request&) {
    nlohmann::json items = nlohmann::json::array();
    for (Role role : AllRoles()) items.push_back(RoleName(role));
    return Json(200, {{"items", items}});
  });

  r.Add("GET", "/api/v1/users", Access::kSession, [&s](Request& req) {
    std::optional<Id> dept;
    if (auto it = req.query.find("department_id"); it != req.query.end() && !it->second.empty()) {
      try {
        dept = std::stoll(it->second);
      } catch (...) {
        return Error(400, "invalid_type", "department_id 须为整数", "department_id");
      }
    }
    auto users = s.users.List(req.actor(), dept);
    if (!users.ok()) return Error(users.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& u : *users) items.push_back(ToJson(u));
    return Json(200, {{"items", items}});
  });

  r.Add("GET", "/api/v1/users/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "user_not_found", "用户不存在");
    auto u = s.users.Get(req.actor(), *id);
    if (!u.ok()) return Error(u.status());
    return Json(200, ToJson(*u));
  });

  r.Add("POST", "/api/v1/users", Access::kSession, [&s](Request& req) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return Error(body.status());
    JsonFields f(*body);
    NewUser in;
    in.username = f.String("username");
    in.display_name = f.String("display_name");
    in.password = f.String("password");
    in.role = f.String("role");
    in.department_id = f.Int("department_id");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto u = s.users.Create(&req.actor(), in);
    if (!u.ok()) return Error(u.status());
    return Json(201, ToJson(*u));
  });

  r.Add("PATCH", "/api/v1/users/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "user_not_found", "用户不存在");
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return Error(body.status());
    JsonFields f(*body);
    UserPatch p;
    p.version = f.Int("version");
    p.display_name = f.OptString("display_name");
    p.role = f.OptString("role");
    p.department_id = f.OptInt("department_id");
    p.disabled = f.OptBool("disabled");
    p.password = f.OptString("password");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto u = s.users.Update(req.actor(), *id, p);
    if (!u.ok()) return Error(u.status());
    return Json(200, ToJson(*u));
  });
}

}  // namespace jg::http
