// /api/v1/entities: the directory of market entities.
#include <charconv>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"

namespace jg::http {
namespace {

// Query-string filters; a bad value is an error naming the parameter.
Result<EntityQuery> QueryFrom(const Request& req) {
  EntityQuery q;
  auto get = [&](const char* k) -> std::string {
    auto it = req.query.find(k);
    return it == req.query.end() ? "" : it->second;
  };
  auto int_param = [&](const char* k, int fallback, int* out) -> Status {
    std::string v = get(k);
    if (v.empty()) return (*out = fallback), Status::Ok();
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
    if (ec != std::errc() || p != v.data() + v.size())
      return InvalidArgument("invalid_type", std::string(k) + " 须为整数", k);
    return Status::Ok();
  };
  q.credit_code = get("credit_code");
  q.name = get("q");
  q.street = get("street");
  q.industry_prefix = get("industry");
  q.tag = get("tag");
  q.holding_kind = get("holding_kind");
  if (auto v = get("kind"); !v.empty()) {
    if (!(q.kind = ParseEntityKind(v))) return InvalidArgument("invalid_kind", "主体类型无效", "kind");
  }
  if (auto v = get("status"); !v.empty()) {
    if (!(q.status = ParseEntityStatus(v))) return InvalidArgument("invalid_status", "登记状态无效", "status");
  }
  if (auto v = get("risk_class"); !v.empty()) {
    if (!(q.risk_class = ParseRiskClass(v)))
      return InvalidArgument("invalid_risk_class", "信用风险分类须为 A–D", "risk_class");
  }
  int station = 0, page = 1, size = 20;
  JG_RETURN_IF_ERROR(int_param("station_id", 0, &station));
  if (station > 0) q.station_id = station;
  JG_RETURN_IF_ERROR(int_param("page", 1, &page));
  JG_RETURN_IF_ERROR(int_param("page_size", 20, &size));
  if (page < 1) return InvalidArgument("invalid_page", "page 从 1 开始", "page");
  if (size < 1 || size > 200) return InvalidArgument("invalid_page_size", "page_size 须为 1–200", "page_size");
  q.limit = size;
  q.offset = (page - 1) * size;
  std::string sort = get("sort");
  if (!sort.empty() && sort[0] == '-') {
    q.descending = true;
    sort.erase(0, 1);
  }
  if (sort.empty() || sort == "name") q.sort = EntityQuery::Sort::kName;
  else if (sort == "credit_code") q.sort = EntityQuery::Sort::kCreditCode;
  else if (sort == "registered_on") q.sort = EntityQuery::Sort::kRegisteredOn;
  else if (sort == "updated_at") q.sort = EntityQuery::Sort::kUpdatedAt;
  else return InvalidArgument("invalid_sort", "sort 须为 name、credit_code、registered_on 或 updated_at（前加 - 为降序）", "sort");
  return q;
}

// The editable fields of an entity from a JSON body.
Result<Entity> EntityFrom(const std::string& body, bool need_version) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  Entity e;
  e.credit_code = f.String("credit_code");
  e.name = f.String("name");
  std::string kind = f.OptString("kind").value_or("enterprise");
  e.legal_representative = f.OptString("legal_representative").value_or("");
  e.address = f.OptString("address").value_or("");
  e.street = f.OptString("street").value_or("");
  if (auto s = f.OptInt("station_id")) e.station_id = *s;
  e.industry = f.OptString("industry").value_or("");
  e.registered_on = f.OptString("registered_on").value_or("");
  std::string status = f.OptString("status").value_or("active");
  std::string risk = f.OptString("risk_class").value_or("");
  e.risk_classified_on = f.OptString("risk_classified_on").value_or("");
  e.tags = f.OptStringArray("tags").value_or(std::vector<std::string>{});
  if (need_version) e.version = f.Int("version");
  JG_RETURN_IF_ERROR(f.Finish());
  auto k = ParseEntityKind(kind);
  if (!k) return InvalidArgument("invalid_kind", "主体类型无效：" + kind, "kind");
  e.kind = *k;
  auto s = ParseEntityStatus(status);
  if (!s) return InvalidArgument("invalid_status", "登记状态无效：" + status, "status");
  e.status = *s;
  auto r = ParseRiskClass(risk);
  if (!r) return InvalidArgument("invalid_risk_class", "信用风险分类须为 A–D", "risk_class");
  e.risk_class = *r;
  return e;
}

nlohmann::json ErrorsJson(const ImportReport& r) {
  nlohmann::json errs = nlohmann::json::array();
  for (const auto& e : r.errors)
    errs.push_back({{"row", e.row}, {"column", e.column}, {"value", e.value}, {"reason", e.reason}});
  return errs;
}

}  // namespace

void RegisterEntityRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/entities", Access::kSession, [&s](Request& req) {
    auto q = QueryFrom(req);
    if (!q.ok()) return Error(q.status());
    auto page = s.entities.Search(req.actor(), *q);
    if (!page.ok()) return Error(page.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : page->items) items.push_back(ToJson(e));
    return Json(200, {{"items", items},
                      {"total", page->total},
                      {"page", q->offset / q->limit + 1},
                      {"page_size", q->limit}});
  });

  r.Add("GET", "/api/v1/entities/export.csv", Access::kSession, [&s](Request& req) {
    auto q = QueryFrom(req);
    if (!q.ok()) return Error(q.status());
    auto csv = s.entities.ExportCsv(req.actor(), *q);
    if (!csv.ok()) return Error(csv.status());
    Response out;
    out.content_type = "text/csv; charset=utf-8";
    out.body = std::move(csv).value();
    out.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"entities.csv\"; filename*=UTF-8''%E5%B8%82%E5%9C%BA%E4%B8%BB%E4%BD%93.csv");
    return out;
  });

  r.Add("GET", "/api/v1/entities/export.xlsx", Access::kSession, [&s](Request& req) {
    auto q = QueryFrom(req);
    if (!q.ok()) return Error(q.status());
    auto xlsx = s.entities.ExportXlsx(req.actor(), *q);
    if (!xlsx.ok()) return Error(xlsx.status());
    Response out;
    out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    out.body = std::move(xlsx).value();
    out.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"entities.xlsx\"; filename*=UTF-8''%E5%B8%82%E5%9C%BA%E4%B8%BB%E4%BD%93.xlsx");
    return out;
  });

  r.Add("GET", "/api/v1/entities/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "entity_not_found", "市场主体不存在");
    auto e = s.entities.Get(req.actor(), *id);
    if (!e.ok()) return Error(e.status());
    return Json(200, ToJson(*e));
  });

  r.Add("GET", "/api/v1/entities/{id}/history", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "entity_not_found", "市场主体不存在");
    auto h = s.entities.History(req.actor(), *id);
    if (!h.ok()) return Error(h.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : *h) {
      auto j = ToJson(v.entity);
      j["source"] = v.source;
      items.push_back(j);
    }
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/entities", Access::kSession, [&s](Request& req) {
    auto e = EntityFrom(req.body, false);
    if (!e.ok()) return Error(e.status());
    auto created = s.entities.Create(req.actor(), std::move(e).value());
    if (!created.ok()) return Error(created.status());
    return Json(201, ToJson(*created));
  });

  r.Add("PUT", "/api/v1/entities/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "entity_not_found", "市场主体不存在");
    auto e = EntityFrom(req.body, true);
    if (!e.ok()) return Error(e.status());
    auto updated = s.entities.Update(req.actor(), *id, std::move(e).value());
    if (!updated.ok()) return Error(updated.status());
    return Json(200, ToJson(*updated));
  });

  // The body is the file itself: CSV (UTF-8 or GB18030) or .xlsx, told apart
  // by content. ?dry_run=1 checks only; ?report=csv answers a refused file
  // with the error report as CSV.
  r.Add(
      "POST", "/api/v1/entities/import", Access::kSession,
      [&s](Request& req) {
        const bool dry = req.query.count("dry_run") && req.query["dry_run"] == "1";
        auto rep = s.entities.ImportFile(&req.actor(), req.body, dry);
        if (!rep.ok()) return Error(rep.status());
        if (!rep->errors.empty()) {
          if (req.query.count("report") && req.query["report"] == "csv") {
            Response out;
            out.status = 422;
            out.content_type = "text/csv; charset=utf-8";
            out.body = EntityService::ErrorReportCsv(*rep);
            out.headers.emplace_back("Content-Disposition", "attachment; filename=\"import-errors.csv\"");
            return out;
          }
          return Json(422, {{"code", "import_rejected"},
                            {"message", "文件中有 " + std::to_string(rep->errors.size()) +
                                            " 处错误，未导入任何数据"},
                            {"rows", rep->rows},
                            {"format", rep->format},
                            {"encoding", rep->encoding},
                            {"errors", ErrorsJson(*rep)}});
        }
        return Json(200, {{"applied", rep->applied},
                          {"dry_run", dry},
                          {"rows", rep->rows},
                          {"inserted", rep->inserted},
                          {"updated", rep->updated},
                          {"format", rep->format},
                          {"encoding", rep->encoding},
                          {"file_sm3", rep->file_sm3}});
      },
      BodyKind::kRaw);
}

}  // namespace jg::http
