#include "service/entity_service.h"

#include <map>

#include <nlohmann/json.hpp>

#include "domain/credit_code.h"
#include "domain/csv.h"
#include "service/access.h"
#include "service/audit_trail.h"

namespace jg {
namespace {

std::string CanonicalEntityJson(const Entity& e) {
  nlohmann::json j = {{"id", e.id},
                      {"credit_code", e.credit_code},
                      {"name", e.name},
                      {"kind", EntityKindName(e.kind)},
                      {"legal_representative", e.legal_representative},
                      {"address", e.address},
                      {"street", e.street},
                      {"station_id", e.station_id ? nlohmann::json(*e.station_id) : nlohmann::json()},
                      {"industry", e.industry},
                      {"registered_on", e.registered_on},
                      {"status", EntityStatusName(e.status)},
                      {"risk_class", RiskClassName(e.risk_class)},
                      {"risk_classified_on", e.risk_classified_on},
                      {"tags", e.tags},
                      {"version", e.version}};
  return j.dump();
}

}  // namespace

Status EntityService::CheckStation(const Entity& e) {
  if (!e.station_id) return Status::Ok();
  auto d = env_.store.GetDepartment(*e.station_id);
  if (!d.ok() || d->kind != DepartmentKind::kStation)
    return InvalidArgument("station_not_found", "管辖市场监管所不存在", "station_id");
  return Status::Ok();
}

Status EntityService::RequireEdit(const Actor& actor, const Entity& e) {
  return RequirePermission(env_.store, actor, Permission::kEditEntities, e.station_id);
}

Result<EntityPage> EntityService::Search(const Actor& actor, EntityQuery q) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  if (!q.credit_code.empty()) q.credit_code = NormalizeCreditCodeInput(q.credit_code);
  for (auto& c : q.industry_prefix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (q.limit < 1 || q.limit > 200) q.limit = 50;
  return env_.store.SearchEntities(q);
}

Result<Entity> EntityService::Get(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  return env_.store.GetEntity(id);
}

Result<std::vector<EntityVersion>> EntityService::History(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  JG_RETURN_IF_ERROR(env_.store.GetEntity(id).status());
  return env_.store.ListEntityVersions(id);
}

Result<Entity> EntityService::Create(const Actor& actor, Entity e) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kEditEntities));
  JG_RETURN_IF_ERROR(NormalizeEntity(e));
  JG_RETURN_IF_ERROR(CheckStation(e));
  JG_RETURN_IF_ERROR(RequireEdit(actor, e));
  e.updated_at = env_.clock.Now();
  e.updated_by = actor.username;
  e.version = 1;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(e.id, tx.InsertEntity(e, "create"));
    nlohmann::json detail = {{"credit_code", e.credit_code}, {"name", e.name}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"entity.create", "entity", std::to_string(e.id), "",
                        CanonicalEntityJson(e), detail.dump()});
  }));
  return e;
}

Result<Entity> EntityService::Update(const Actor& actor, Id id, Entity e) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kEditEntities));
  JG_ASSIGN_OR_RETURN(Entity before, env_.store.GetEntity(id));
  // Both the entity's current station and its new one must be in scope.
  JG_RETURN_IF_ERROR(RequireEdit(actor, before));
  if (e.version <= 0) return InvalidArgument("required", "缺少版本号", "version");
  e.id = id;
  JG_RETURN_IF_ERROR(NormalizeEntity(e));
  JG_RETURN_IF_ERROR(CheckStation(e));
  JG_RETURN_IF_ERROR(RequireEdit(actor, e));
  e.updated_at = env_.clock.Now();
  e.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateEntity(e, "edit"));
    Entity after = e;
    after.version = e.version + 1;
    nlohmann::json detail = {{"credit_code", e.credit_code}, {"name", e.name}};
    Status st = AppendAudit(tx, env_.clock, &actor,
                            {"entity.update", "entity", std::to_string(id),
                             CanonicalEntityJson(before), CanonicalEntityJson(after), detail.dump()});
    e = after;
    return st;
  }));
  return e;
}

const std::vector<std::string>& EntityService::ExportHeadings() {
  static const std::vector<std::string> k = {
      "统一社会信用代码", "名称", "主体类型", "法定代表人", "住所", "街镇", "管辖所",
      "行业代码", "成立日期", "登记状态", "信用风险分类", "分类日期", "标签", "版本"};
  return k;
}

Status EntityService::ForEachExported(
    const Actor& actor, EntityQuery q,
    const std::function<Status(const Entity&, const std::string&)>& row) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  JG_ASSIGN_OR_RETURN(auto depts, env_.store.ListDepartments());
  std::map<Id, std::string> station_name;
  for (const auto& d : depts) station_name[d.id] = d.name;
  q.offset = 0;
  q.limit = 5000;
  for (;;) {
    JG_ASSIGN_OR_RETURN(EntityPage page, env_.store.SearchEntities(q));
    for (const auto& e : page.items)
      JG_RETURN_IF_ERROR(row(e, e.station_id ? station_name[*e.station_id] : ""));
    if (page.items.size() < static_cast<size_t>(q.limit)) break;
    q.offset += q.limit;
  }
  return Status::Ok();
}

Result<std::string> EntityService::ExportCsv(const Actor& actor, EntityQuery q) {
  std::string out = "\xEF\xBB\xBF";
  out += CsvLine(ExportHeadings());
  JG_RETURN_IF_ERROR(ForEachExported(actor, q, [&](const Entity& e, const std::string& station) {
    std::string tags;
    for (const auto& t : e.tags) tags += (tags.empty() ? "" : ";") + t;
    out += CsvLine({e.credit_code, e.name, std::string(EntityKindLabel(e.kind)),
                    e.legal_representative, e.address, e.street, station, e.industry,
                    e.registered_on, std::string(EntityStatusLabel(e.status)),
                    std::string(RiskClassName(e.risk_class)), e.risk_classified_on, tags,
                    std::to_string(e.version)});
    return Status::Ok();
  }));
  return out;
}

std::string EntityService::ErrorReportCsv(const ImportReport& r) {
  std::string out = "\xEF\xBB\xBF";
  out += CsvLine({"行号", "列", "值", "原因"});
  for (const auto& e : r.errors) out += CsvLine({std::to_string(e.row), e.column, e.value, e.reason});
  return out;
}

}  // namespace jg
