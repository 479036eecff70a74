// /api/v1/inspection-items (抽查事项清单) and /api/v1/inspectors (执法检查人员名录库).
#include <charconv>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace jg::http {
namespace {

Result<InspectionItem> ItemFrom(const std::string& body, bool update) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  InspectionItem i;
  if (update) {
    i.version = f.Int("version");
    i.code = f.OptString("code").value_or("");
  } else {
    i.code = f.String("code");
  }
  i.name = f.String("name");
  i.sub_item = f.OptString("sub_item").value_or("");
  i.legal_basis = f.String("legal_basis");
  i.department_id = f.OptInt("department_id");
  i.target = f.String("target");
  i.checklist = f.OptStringArray("checklist").value_or(std::vector<std::string>{});
  std::string method = f.String("method");
  std::string importance = f.String("importance");
  i.inspector_requirements = f.OptString("inspector_requirements").value_or("");
  i.active = f.OptBool("active").value_or(true);
  JG_RETURN_IF_ERROR(f.Finish());
  auto m = ParseInspectionMethod(method);
  if (!m)
    return InvalidArgument("invalid_method", "检查方式须为现场检查、书面检查、网络监测或抽样检测",
                           "method");
  i.method = *m;
  auto imp = ParseImportance(importance);
  if (!imp) return InvalidArgument("invalid_importance", "事项类别须为 key（重点）或 general（一般）",
                                   "importance");
  i.importance = *imp;
  return i;
}

Result<Inspector> InspectorFrom(const std::string& body, bool update) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  Inspector i;
  if (update) i.version = f.Int("version");
  i.name = f.String("name");
  i.department_id = f.Int("department_id");
  i.station_id = f.OptInt("station_id");
  i.user_id = f.OptInt("user_id");
  i.certificate_no = f.String("certificate_no");
  i.certificate_expires = f.String("certificate_expires");
  i.available_from = f.OptString("available_from").value_or("");
  i.available_to = f.OptString("available_to").value_or("");
  i.active = f.OptBool("active").value_or(true);
  i.qualified_items = f.OptStringArray("qualified_items").value_or(std::vector<std::string>{});
  JG_RETURN_IF_ERROR(f.Finish());
  return i;
}

nlohmann::json InspectorJson(const Inspector& i, const std::string& today) {
  auto j = ToJson(i);
  j["certificate_valid_today"] = CertificateValidOn(i, today);
  return j;
}

Response ItemsJson(const std::vector<InspectionItem>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : items) out.push_back(ToJson(i));
  return Json(200, {{"items", out}});
}

}  // namespace

void RegisterInspectionRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/inspection-items", Access::kSession, [&s](Request& req) {
    bool inactive = false;
    if (Status st = FlagQuery(req, "include_inactive", &inactive); !st.ok()) return Error(st);
    auto res = s.inspection.Items(req.actor(), inactive);
    if (!res.ok()) return Error(res.status());
    return ItemsJson(*res);
  });

  r.Add("GET", "/api/v1/inspection-items/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "inspection_item_not_found", "抽查事项不存在");
    auto res = s.inspection.Item(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    return Json(200, ToJson(*res));
  });

  r.Add("GET", "/api/v1/inspection-items/{id}/history", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "inspection_item_not_found", "抽查事项不存在");
    auto res = s.inspection.ItemHistory(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    return ItemsJson(*res);
  });

  r.Add("POST", "/api/v1/inspection-items", Access::kSession, [&s](Request& req) {
    auto item = ItemFrom(req.body, false);
    if (!item.ok()) return Error(item.status());
    auto res = s.inspection.CreateItem(req.actor(), std::move(item).value());
    if (!res.ok()) return Error(res.status());
    return Json(201, ToJson(*res));
  });

  r.Add("PUT", "/api/v1/inspection-items/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "inspection_item_not_found", "抽查事项不存在");
    auto item = ItemFrom(req.body, true);
    if (!item.ok()) return Error(item.status());
    auto res = s.inspection.UpdateItem(req.actor(), *id, std::move(item).value());
    if (!res.ok()) return Error(res.status());
    return Json(200, ToJson(*res));
  });

  r.Add("GET", "/api/v1/inspectors", Access::kSession, [&s](Request& req) {
    InspectorQuery q;
    for (Status st : {IdQuery(req, "department_id", &q.department_id),
                      IdQuery(req, "station_id", &q.station_id),
                      FlagQuery(req, "active", &q.active_only)}) {
      if (!st.ok()) return Error(st);
    }
    q.item_code = Param(req, "item");
    auto res = s.inspection.Inspectors(req.actor(), q);
    if (!res.ok()) return Error(res.status());
    const std::string today = s.inspection.Today();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : *res) items.push_back(InspectorJson(i, today));
    return Json(200, {{"items", items}});
  });

  r.Add("GET", "/api/v1/inspectors/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "inspector_not_found", "执法检查人员不存在");
    auto res = s.inspection.GetInspector(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    return Json(200, InspectorJson(*res, s.inspection.Today()));
  });

  r.Add("POST", "/api/v1/inspectors", Access::kSession, [&s](Request& req) {
    auto in = InspectorFrom(req.body, false);
    if (!in.ok()) return Error(in.status());
    auto res = s.inspection.CreateInspector(&req.actor(), std::move(in).value());
    if (!res.ok()) return Error(res.status());
    return Json(201, InspectorJson(*res, s.inspection.Today()));
  });

  r.Add("PUT", "/api/v1/inspectors/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "inspector_not_found", "执法检查人员不存在");
    auto in = InspectorFrom(req.body, true);
    if (!in.ok()) return Error(in.status());
    auto res = s.inspection.UpdateInspector(req.actor(), *id, std::move(in).value());
    if (!res.ok()) return Error(res.status());
    return Json(200, InspectorJson(*res, s.inspection.Today()));
  });

  r.Add("POST", "/api/v1/inspectors/{id}/conflicts", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "inspector_not_found", "执法检查人员不存在");
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    InspectorConflict c;
    c.credit_code = f.String("credit_code");
    c.reason = f.String("reason");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.inspection.DeclareConflict(req.actor(), *id, std::move(c));
    if (!res.ok()) return Error(res.status());
    return Json(201, InspectorJson(*res, s.inspection.Today()));
  });

  r.Add("DELETE", "/api/v1/inspectors/{id}/conflicts/{code}", Access::kSession,
        [&s](Request& req) {
          auto id = req.IdParam("id");
          if (!id) return Error(404, "inspector_not_found", "执法检查人员不存在");
          Status st = s.inspection.WithdrawConflict(req.actor(), *id, req.params["code"]);
          if (!st.ok()) return Error(st);
          return NoContent();
        });
}

}  // namespace jg::http
