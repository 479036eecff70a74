#include "service/inspection_registry_service.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "domain/civil_date.h"
#include "domain/credit_code.h"
#include "service/access.h"
#include "service/audit_trail.h"

namespace jg {
namespace {

nlohmann::json OptIdJson(const std::optional<Id>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

std::string CanonicalItemJson(const InspectionItem& i) {
  nlohmann::json j = {{"id", i.id},
                      {"code", i.code},
                      {"name", i.name},
                      {"sub_item", i.sub_item},
                      {"legal_basis", i.legal_basis},
                      {"department_id", OptIdJson(i.department_id)},
                      {"target", i.target},
                      {"checklist", i.checklist},
                      {"method", InspectionMethodName(i.method)},
                      {"importance", ImportanceName(i.importance)},
                      {"inspector_requirements", i.inspector_requirements},
                      {"active", i.active},
                      {"version", i.version}};
  return j.dump();
}

std::string CanonicalInspectorJson(const Inspector& i) {
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& c : i.conflicts) {
    conflicts.push_back(
        {{"credit_code", c.credit_code}, {"reason", c.reason}, {"declared_on", c.declared_on}});
  }
  nlohmann::json j = {{"id", i.id},
                      {"user_id", OptIdJson(i.user_id)},
                      {"name", i.name},
                      {"department_id", i.department_id},
                      {"station_id", OptIdJson(i.station_id)},
                      {"certificate_no", i.certificate_no},
                      {"certificate_expires", i.certificate_expires},
                      {"available_from", i.available_from},
                      {"available_to", i.available_to},
                      {"active", i.active},
                      {"qualified_items", i.qualified_items},
                      {"conflicts", conflicts},
                      {"version", i.version}};
  return j.dump();
}

}  // namespace

std::string InspectionRegistryService::Today() const {
  return DateInChina(env_.clock.Now()).ToString();
}

// ---- the inspection item list ----

Status InspectionRegistryService::CheckItemReferences(const InspectionItem& item) {
  if (!item.department_id)
    return InvalidArgument("required", "请选择检查实施主体", "department_id");
  if (!env_.store.GetDepartment(*item.department_id).ok())
    return InvalidArgument("department_not_found", "检查实施主体不存在", "department_id");
  return Status::Ok();
}

Result<std::vector<InspectionItem>> InspectionRegistryService::Items(const Actor& actor,
                                                                     bool include_inactive) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.ListInspectionItems(include_inactive);
}

Result<InspectionItem> InspectionRegistryService::Item(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.GetInspectionItem(id);
}

Result<std::vector<InspectionItem>> InspectionRegistryService::ItemHistory(const Actor& actor,
                                                                           Id id) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  JG_RETURN_IF_ERROR(env_.store.GetInspectionItem(id).status());
  return env_.store.ListInspectionItemVersions(id);
}

Result<InspectionItem> InspectionRegistryService::CreateItem(const Actor& actor,
                                                             InspectionItem item) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageInspectionItems));
  JG_RETURN_IF_ERROR(NormalizeInspectionItem(item));
  JG_RETURN_IF_ERROR(CheckItemReferences(item));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageInspectionItems,
                                       item.department_id));
  item.version = 1;
  item.updated_at = env_.clock.Now();
  item.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(item.id, tx.InsertInspectionItem(item));
    nlohmann::json detail = {{"code", item.code},
                             {"name", item.name},
                             {"importance", ImportanceName(item.importance)}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"inspection_item.create", "inspection_item", std::to_string(item.id), "",
                        CanonicalItemJson(item), detail.dump()});
  }));
  return item;
}

Result<InspectionItem> InspectionRegistryService::UpdateItem(const Actor& actor, Id id,
                                                             InspectionItem item) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageInspectionItems));
  JG_ASSIGN_OR_RETURN(InspectionItem before, env_.store.GetInspectionItem(id));
  if (item.version <= 0) return InvalidArgument("required", "缺少版本号", "version");
  if (item.code.empty()) item.code = before.code;
  JG_RETURN_IF_ERROR(NormalizeInspectionItem(item));
  if (item.code != before.code)
    return InvalidArgument("code_immutable", "事项编码创建后不能修改", "code");
  JG_RETURN_IF_ERROR(CheckItemReferences(item));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageInspectionItems,
                                       item.department_id));
  item.id = id;
  item.updated_at = env_.clock.Now();
  item.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateInspectionItem(item));
    InspectionItem after = item;
    after.version = item.version + 1;
    nlohmann::json detail = {{"code", item.code}, {"active", item.active}};
    Status st = AppendAudit(tx, env_.clock, &actor,
                            {"inspection_item.update", "inspection_item", std::to_string(id),
                             CanonicalItemJson(before), CanonicalItemJson(after), detail.dump()});
    item = after;
    return st;
  }));
  return item;
}

// ---- the inspector roster ----

Status InspectionRegistryService::CheckInspectorReferences(const Inspector& in) {
  if (!env_.store.GetDepartment(in.department_id).ok())
    return InvalidArgument("department_not_found", "所属部门不存在", "department_id");
  if (in.station_id) {
    auto st = env_.store.GetDepartment(*in.station_id);
    if (!st.ok() || st->kind != DepartmentKind::kStation)
      return InvalidArgument("invalid_station", "所在单位须为市场监管所", "station_id");
  }
  if (in.user_id && !env_.store.GetUser(*in.user_id).ok())
    return InvalidArgument("user_not_found", "关联的用户不存在", "user_id");
  if (!in.qualified_items.empty()) {
    JG_ASSIGN_OR_RETURN(auto items, env_.store.ListInspectionItems(true));
    for (const auto& code : in.qualified_items) {
      bool known = std::any_of(items.begin(), items.end(),
                               [&](const InspectionItem& i) { return i.code == code; });
      if (!known)
        return InvalidArgument("inspection_item_not_found", "抽查事项不存在：" + code,
                               "qualified_items");
    }
  }
  return Status::Ok();
}

Result<std::vector<Inspector>> InspectionRegistryService::Inspectors(const Actor& actor,
                                                                     const InspectorQuery& in) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  InspectorQuery q = in;
  for (auto& c : q.item_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return env_.store.ListInspectors(q);
}

Result<Inspector> InspectionRegistryService::GetInspector(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kReadInspection, std::nullopt));
  return env_.store.GetInspector(id);
}

Result<Inspector> InspectionRegistryService::CreateInspector(const Actor* actor, Inspector in) {
  if (actor) JG_RETURN_IF_ERROR(RequireRole(*actor, Permission::kManageInspectors));
  in.id = 0;
  in.conflicts.clear();  // declared one by one, dated
  JG_RETURN_IF_ERROR(NormalizeInspector(in));
  JG_RETURN_IF_ERROR(CheckInspectorReferences(in));
  if (actor) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, *actor, Permission::kManageInspectors, in.department_id));
  }
  in.version = 1;
  in.updated_at = env_.clock.Now();
  in.updated_by = actor ? actor->username : "system";
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(in.id, tx.InsertInspector(in));
    nlohmann::json detail = {{"name", in.name},
                             {"certificate_no", in.certificate_no},
                             {"department_id", in.department_id}};
    return AppendAudit(tx, env_.clock, actor,
                       {"inspector.create", "inspector", std::to_string(in.id), "",
                        CanonicalInspectorJson(in), detail.dump()});
  }));
  return in;
}

Result<Inspector> InspectionRegistryService::UpdateInspector(const Actor& actor, Id id,
                                                             Inspector in) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageInspectors));
  JG_ASSIGN_OR_RETURN(Inspector before, env_.store.GetInspector(id));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kManageInspectors, before.department_id));
  if (in.version <= 0) return InvalidArgument("required", "缺少版本号", "version");
  in.id = id;
  in.conflicts = before.conflicts;
  JG_RETURN_IF_ERROR(NormalizeInspector(in));
  JG_RETURN_IF_ERROR(CheckInspectorReferences(in));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kManageInspectors, in.department_id));
  in.updated_at = env_.clock.Now();
  in.updated_by = actor.username;
  Inspector after;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateInspector(in));
    JG_ASSIGN_OR_RETURN(after, tx.GetInspector(id));
    nlohmann::json detail = {{"certificate_no", after.certificate_no},
                             {"active", after.active},
                             {"qualified_items", after.qualified_items}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"inspector.update", "inspector", std::to_string(id),
                        CanonicalInspectorJson(before), CanonicalInspectorJson(after),
                        detail.dump()});
  }));
  return after;
}

Result<Inspector> InspectionRegistryService::DeclareConflict(const Actor& actor, Id id,
                                                             InspectorConflict c) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadInspection));
  JG_ASSIGN_OR_RETURN(Inspector before, env_.store.GetInspector(id));
  // Declaring one's own conflict of interest is every inspector's duty;
  // declaring another's is managing the roster.
  const bool self = before.user_id && *before.user_id == actor.user_id;
  if (!self) {
    JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageInspectors,
                                         before.department_id));
  }
  c.declared_on = Today();
  JG_RETURN_IF_ERROR(NormalizeInspectorConflict(c));
  Inspector after;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.AddInspectorConflict(id, c));
    JG_ASSIGN_OR_RETURN(after, tx.GetInspector(id));
    nlohmann::json detail = {{"credit_code", c.credit_code}, {"self_declared", self}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"inspector.conflict_declare", "inspector", std::to_string(id),
                        CanonicalInspectorJson(before), CanonicalInspectorJson(after),
                        detail.dump()});
  }));
  return after;
}

Status InspectionRegistryService::WithdrawConflict(const Actor& actor, Id id,
                                                   const std::string& credit_code) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageInspectors));
  JG_ASSIGN_OR_RETURN(Inspector before, env_.store.GetInspector(id));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kManageInspectors, before.department_id));
  const std::string code = NormalizeCreditCodeInput(credit_code);
  return env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.RemoveInspectorConflict(id, code));
    JG_ASSIGN_OR_RETURN(Inspector after, tx.GetInspector(id));
    nlohmann::json detail = {{"credit_code", code}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"inspector.conflict_withdraw", "inspector", std::to_string(id),
                        CanonicalInspectorJson(before), CanonicalInspectorJson(after),
                        detail.dump()});
  });
}

}  // namespace jg
