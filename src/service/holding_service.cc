#include "service/holding_service.h"

#include <nlohmann/json.hpp>

#include "domain/civil_date.h"
#include "service/access.h"
#include "service/audit_trail.h"

namespace jg {
namespace {

std::string CanonicalHoldingJson(const Holding& h) {
  nlohmann::json attrs = nlohmann::json::array();
  for (const auto& [k, v] : h.attributes) attrs.push_back({k, v});
  nlohmann::json j = {{"id", h.id},
                      {"kind", h.kind},
                      {"identifier", h.identifier},
                      {"entity_id", h.entity_id},
                      {"valid_from", h.valid_from},
                      {"valid_until", h.valid_until},
                      {"status", HoldingStatusName(h.status)},
                      {"attributes", attrs},
                      {"version", h.version}};
  return j.dump();
}

}  // namespace

std::string HoldingService::Today() const { return DateInChina(env_.clock.Now()).ToString(); }

Result<HoldingKind> HoldingService::KindOf(const std::string& code) {
  JG_ASSIGN_OR_RETURN(auto kinds, env_.store.ListHoldingKinds());
  for (auto& k : kinds) {
    if (k.code == code) return k;
  }
  return InvalidArgument("invalid_kind", "证照（持有物）种类不存在：" + code, "kind");
}

Status HoldingService::RequireEditFor(const Actor& actor, Id entity_id) {
  auto e = env_.store.GetEntity(entity_id);
  if (!e.ok()) return InvalidArgument("entity_not_found", "持有主体不存在", "entity_id");
  return RequirePermission(env_.store, actor, Permission::kEditHoldings, e->station_id);
}

Result<std::vector<HoldingKind>> HoldingService::Kinds(const Actor& actor) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  return env_.store.ListHoldingKinds();
}

Result<HoldingPage> HoldingService::Search(const Actor& actor, HoldingQuery q) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  if (q.limit < 1 || q.limit > 200) q.limit = 50;
  return env_.store.SearchHoldings(q);
}

Result<HoldingPage> HoldingService::Expiring(const Actor& actor, int days, int offset, int limit) {
  if (days < 0 || days > 3650) return InvalidArgument("invalid_days", "天数须为 0–3650", "days");
  auto end = DateInChina(env_.clock.Now()).AddDays(days);
  HoldingQuery q;
  q.status = HoldingStatus::kValid;
  q.valid_until_to = end ? end->ToString() : "9999-12-31";
  q.offset = offset;
  q.limit = limit;
  return Search(actor, q);
}

Result<Holding> HoldingService::Get(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  return env_.store.GetHolding(id);
}

Result<Holding> HoldingService::Create(const Actor& actor, Holding h) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kEditHoldings));
  JG_ASSIGN_OR_RETURN(HoldingKind kind, KindOf(h.kind));
  JG_RETURN_IF_ERROR(NormalizeHolding(kind, h));
  JG_RETURN_IF_ERROR(RequireEditFor(actor, h.entity_id));
  h.updated_at = env_.clock.Now();
  h.updated_by = actor.username;
  h.version = 1;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(h.id, tx.InsertHolding(h));
    nlohmann::json detail = {{"kind", h.kind}, {"identifier", h.identifier}, {"entity_id", h.entity_id}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"holding.create", "holding", std::to_string(h.id), "",
                        CanonicalHoldingJson(h), detail.dump()});
  }));
  return h;
}

Result<Holding> HoldingService::Update(const Actor& actor, Id id, Holding h) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kEditHoldings));
  JG_ASSIGN_OR_RETURN(Holding before, env_.store.GetHolding(id));
  JG_RETURN_IF_ERROR(RequireEditFor(actor, before.entity_id));
  if (h.version <= 0) return InvalidArgument("required", "缺少版本号", "version");
  h.id = id;
  h.kind = before.kind;  // a licence does not change its kind
  JG_ASSIGN_OR_RETURN(HoldingKind kind, KindOf(h.kind));
  JG_RETURN_IF_ERROR(NormalizeHolding(kind, h));
  JG_RETURN_IF_ERROR(RequireEditFor(actor, h.entity_id));
  h.updated_at = env_.clock.Now();
  h.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateHolding(h));
    Holding after = h;
    after.version = h.version + 1;
    nlohmann::json detail = {{"identifier", h.identifier}, {"status", HoldingStatusName(h.status)}};
    Status st = AppendAudit(tx, env_.clock, &actor,
                            {"holding.update", "holding", std::to_string(id),
                             CanonicalHoldingJson(before), CanonicalHoldingJson(after), detail.dump()});
    h = after;
    return st;
  }));
  return h;
}

Result<Registration> HoldingService::Record(const Actor& actor, Registration r) {
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kRecordRegistrations, std::nullopt));
  JG_RETURN_IF_ERROR(NormalizeRegistration(r));
  if (!env_.store.GetEntity(r.entity_id).ok())
    return InvalidArgument("entity_not_found", "市场主体不存在", "entity_id");
  r.recorded_at = env_.clock.Now();
  r.recorded_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(r.id, tx.InsertRegistration(r));
    nlohmann::json j = {{"entity_id", r.entity_id},
                        {"kind", RegistrationKindName(r.kind)},
                        {"service_point", r.service_point},
                        {"handled_on", r.handled_on},
                        {"fully_electronic", r.fully_electronic}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"registration.record", "registration", std::to_string(r.id), "", j.dump(),
                        j.dump()});
  }));
  return r;
}

Result<std::vector<Registration>> HoldingService::Registrations(const Actor& actor,
                                                                RegistrationQuery q) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  if (q.limit < 1 || q.limit > 200) q.limit = 50;
  return env_.store.ListRegistrations(q);
}

Result<std::vector<RegistrationCount>> HoldingService::RegistrationCounts(const Actor& actor,
                                                                          const std::string& from,
                                                                          const std::string& to) {
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadEntities, std::nullopt));
  JG_RETURN_IF_ERROR(Date::Parse(from, "from").status());
  JG_RETURN_IF_ERROR(Date::Parse(to, "to").status());
  return env_.store.CountRegistrations(from, to);
}

}  // namespace jg
