// /api/v1/departments.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"

namespace jg::http {

void RegisterDepartmentRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/departments", Access::kSession, [&s](Request& req) {
    auto ds = s.departments.List(req.actor());
    if (!ds.ok()) return Error(ds.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : *ds) items.push_back(ToJson(d));
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/departments", Access::kSession, [&s](Request& req) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return Error(body.status());
    JsonFields f(*body);
    NewDepartment in;
    in.code = f.String("code");
    in.name = f.String("name");
    in.kind = f.String("kind");
    in.parent_id = f.OptInt("parent_id");
    in.phone = f.OptString("phone").value_or("");
    in.address = f.OptString("address").value_or("");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto d = s.departments.Create(&req.actor(), in);
    if (!d.ok()) return Error(d.status());
    return Json(201, ToJson(*d));
  });

  r.Add("PATCH", "/api/v1/departments/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "department_not_found", "部门不存在");
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return Error(body.status());
    JsonFields f(*body);
    DepartmentPatch p;
    p.version = f.Int("version");
    p.code = f.OptString("code");
    p.name = f.OptString("name");
    p.parent_id = f.OptInt("parent_id");
    p.phone = f.OptString("phone");
    p.address = f.OptString("address");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto d = s.departments.Update(req.actor(), *id, p);
    if (!d.ok()) return Error(d.status());
    return Json(200, ToJson(*d));
  });
}

}  // namespace jg::http
