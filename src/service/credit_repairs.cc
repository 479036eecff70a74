// The abnormal-operation and serious-violation lists on an entity, and
// credit repair applications: assessed by the rules (domain/credit), refused
// with the reason or approved by credit.repair.approve, ending the publicity.
#include <set>

#include "service/access.h"
#include "service/audit_trail.h"
#include "service/credit_json.h"
#include "service/credit_service.h"

namespace jg {
using namespace jg::credit;
using namespace jg::enforcement;

Result<std::vector<CreditListEntry>> CreditService::CreditLists(const Actor& actor, Id entity_id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadEntities));
  JG_RETURN_IF_ERROR(env_.store.GetEntity(entity_id).status());
  return env_.store.ListCreditListEntries(entity_id);
}

Result<CreditListEntry> CreditService::AddListEntry(const Actor& actor, Id entity_id,
                                                    const ListEntryRequest& req) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageCases));
  JG_ASSIGN_OR_RETURN(Entity e, env_.store.GetEntity(entity_id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageCases, e.station_id));
  auto list = ParseCreditList(req.list);
  if (!list)
    return InvalidArgument("invalid_value", "名录须为 abnormal_operation 或 serious_violation", "list");
  JG_ASSIGN_OR_RETURN(Date on, DayOf(req.listed_on, "listed_on"));
  if (req.reason.empty()) return InvalidArgument("required", "请填写列入原因", "reason");
  if (req.basis.empty()) return InvalidArgument("required", "请填写列入依据", "basis");
  CreditListEntry x;
  x.entity_id = entity_id;
  x.list = *list;
  x.listed_on = on;
  x.reason = req.reason;
  x.basis = req.basis;
  x.updated_at = env_.clock.Now();
  x.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(x.id, tx.InsertCreditListEntry(x));
    return AppendAudit(tx, env_.clock, &actor,
                       {"credit_list.add", "credit_list_entry", std::to_string(x.id), "",
                        CreditListEntryJson(x).dump(), "{}"});
  }));
  return x;
}

Result<CreditListEntry> CreditService::RemoveListEntry(const Actor& actor, Id entry_id,
                                                       const RemovalRequest& req) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageCases));
  JG_ASSIGN_OR_RETURN(CreditListEntry x, env_.store.GetCreditListEntry(entry_id));
  JG_ASSIGN_OR_RETURN(Entity e, env_.store.GetEntity(x.entity_id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageCases, e.station_id));
  if (req.version != x.version)
    return Aborted("stale_version", "该名录记录已被他人修改，请刷新后重试");
  if (x.removed_on)
    return FailedPrecondition("already_removed", "该记录已移出名录", "removed_on");
  JG_ASSIGN_OR_RETURN(Date on, DayOf(req.removed_on, "removed_on"));
  if (on < x.listed_on) return InvalidArgument("invalid_date", "移出日期不能早于列入日期", "removed_on");
  if (req.reason.empty()) return InvalidArgument("required", "请填写移出原因", "reason");
  auto before = x;
  x.removed_on = on;
  x.removal_reason = req.reason;
  x.updated_at = env_.clock.Now();
  x.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateCreditListEntry(x));
    x.version += 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"credit_list.remove", "credit_list_entry", std::to_string(x.id),
                        CreditListEntryJson(before).dump(), CreditListEntryJson(x).dump(), "{}"});
  }));
  return x;
}

Result<RepairAssessment> CreditService::Assess(const credit::PublicityRecord& p,
                                               const CreditRepair& r, Date on) {
  RepairFacts f;
  f.decision = p.decision;
  f.violated_law = p.violated_law;
  f.published_on = p.published_on.value_or(on);
  f.applied_on = on;
  f.obligations_performed = r.obligations_performed;
  f.violation_corrected = r.violation_corrected;
  f.commitment_ref = r.commitment_ref;
  // Another penalty of the same kind (the same violated law) since publication.
  if (!p.credit_code.empty()) {
    PublicityQuery q;
    q.credit_code = p.credit_code;
    JG_ASSIGN_OR_RETURN(auto others, env_.store.ListPublicity(q));
    for (const auto& o : others) {
      if (o.id == p.id || o.status == PublicityStatus::kWithdrawn) continue;
      if (o.decision.decided_on <= f.published_on || o.decision.decided_on > on) continue;
      if (!o.violated_law.empty() && !p.violated_law.empty() && o.violated_law != p.violated_law)
        continue;
      f.new_penalty_in_window = true;
      f.new_penalty_detail = o.case_number + "（" + o.decision.decided_on.ToString() + "）";
    }
  }
  std::optional<Id> entity = p.entity_id;
  if (!entity && !p.credit_code.empty()) {
    if (auto e = env_.store.FindEntityByCreditCode(p.credit_code); e.ok()) entity = e->id;
  }
  if (entity) {
    JG_ASSIGN_OR_RETURN(auto entries, env_.store.ListCreditListEntries(*entity));
    for (const auto& x : entries) {
      if (x.removed_on && *x.removed_on <= on) continue;
      if (x.listed_on > on) continue;
      std::string why = x.listed_on.ToString() + " 列入，" + x.reason;
      if (x.list == CreditList::kAbnormalOperation) f.abnormal_list_reason = why;
      else f.serious_list_reason = why;
    }
  }
  return AssessRepair(credit_, f);
}

Result<RepairView> CreditService::RepairViewOf(CreditRepair r) {
  JG_ASSIGN_OR_RETURN(auto p, env_.store.GetPublicity(r.publicity_id));
  return RepairView{std::move(r), ViewOf(std::move(p))};
}

Result<RepairView> CreditService::Apply(const Actor& actor, const RepairApplication& a) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManageCases));
  auto got = env_.store.GetPublicity(a.publicity_id);
  if (!got.ok()) return InvalidArgument("publicity_not_found", "公示记录不存在", "publicity_id");
  credit::PublicityRecord p = std::move(got).value();
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kManageCases, p.department_id));
  if (a.applicant.empty()) return InvalidArgument("required", "请填写申请人", "applicant");
  JG_ASSIGN_OR_RETURN(Date on, DayOf(a.applied_on, "applied_on"));
  PublicityView v = ViewOf(p);
  if (v.state != "published")
    return FailedPrecondition("publicity_not_published",
                              "只有正在公示的行政处罚信息可以申请信用修复", "publicity_id");
  if (on < *p.published_on)
    return InvalidArgument("invalid_date", "申请日期不能早于公示日期", "applied_on");
  JG_ASSIGN_OR_RETURN(auto open, env_.store.ListCreditRepairs({RepairStatus::kPending, std::nullopt, p.id, std::nullopt}));
  if (!open.empty())
    return AlreadyExists("repair_pending", "该公示记录已有待审核的信用修复申请", "publicity_id");
  CreditRepair r;
  r.publicity_id = p.id;
  r.department_id = p.department_id;
  r.applicant = a.applicant;
  r.commitment_ref = a.commitment_ref;
  r.applied_on = on;
  r.obligations_performed = a.obligations_performed;
  r.violation_corrected = a.violation_corrected;
  JG_ASSIGN_OR_RETURN(auto assessment, Assess(p, r, on));
  r.conditions = assessment.conditions;
  if (!assessment.eligible) {
    // The rules refuse it: no discretion is left, so it is decided at once.
    r.status = RepairStatus::kRefused;
    r.decided_on = on;
    r.decided_by = actor.username;
    r.refusal_reason = assessment.refusal;
  }
  r.updated_at = env_.clock.Now();
  r.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(r.id, tx.InsertCreditRepair(r));
    return AppendAudit(tx, env_.clock, &actor,
                       {"credit_repair.apply", "credit_repair", std::to_string(r.id), "",
                        CreditRepairJson(r).dump(),
                        nlohmann::json{{"publicity_id", p.id}, {"eligible", assessment.eligible}}.dump()});
  }));
  return RepairView{std::move(r), std::move(v)};
}

Result<std::vector<RepairView>> CreditService::Repairs(const Actor& actor,
                                                       std::optional<RepairStatus> s,
                                                       std::optional<int> decided_year,
                                                       std::optional<Id> department_id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  RepairQuery q{s, std::nullopt, std::nullopt, decided_year};
  if (department_id) {
    JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadCases, department_id));
    q.department_id = department_id;
  } else if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) {
    q.department_id = actor.department_id;
  }
  JG_ASSIGN_OR_RETURN(auto repairs, env_.store.ListCreditRepairs(q));
  std::vector<RepairView> out;
  for (auto& r : repairs) {
    JG_ASSIGN_OR_RETURN(auto v, RepairViewOf(std::move(r)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<RepairView> CreditService::Repair(const Actor& actor, Id id) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  JG_ASSIGN_OR_RETURN(auto r, env_.store.GetCreditRepair(id));
  JG_RETURN_IF_ERROR(RequirePermission(env_.store, actor, Permission::kReadCases, r.department_id));
  return RepairViewOf(std::move(r));
}

Result<RepairView> CreditService::Decide(const Actor& actor, Id id, const RepairDecision& d) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kApproveCreditRepair));
  JG_ASSIGN_OR_RETURN(auto r, env_.store.GetCreditRepair(id));
  JG_RETURN_IF_ERROR(
      RequirePermission(env_.store, actor, Permission::kApproveCreditRepair, r.department_id));
  if (d.version != r.version)
    return Aborted("stale_version", "该信用修复申请已被他人处理，请刷新后重试");
  if (r.status != RepairStatus::kPending)
    return FailedPrecondition("repair_decided", "该申请已作出决定", "status");
  JG_ASSIGN_OR_RETURN(Date on, DayOf(d.on, "on"));
  if (on < r.applied_on) return InvalidArgument("invalid_date", "决定日期不能早于申请日期", "on");
  JG_ASSIGN_OR_RETURN(auto p, env_.store.GetPublicity(r.publicity_id));
  auto before_r = r;
  auto before_p = p;
  if (d.approve) {
    if (ViewOf(p).state != "published")
      return FailedPrecondition("publicity_not_published", "该公示已结束、撤回或已修复", "status");
    // Facts may have changed since the application (a new listing, a new penalty).
    JG_ASSIGN_OR_RETURN(auto assessment, Assess(p, r, on));
    r.conditions = assessment.conditions;
    if (!assessment.eligible)
      return FailedPrecondition("repair_not_eligible", "不符合信用修复条件：" + assessment.refusal,
                                "approve");
    r.status = RepairStatus::kApproved;
    p.status = PublicityStatus::kRepaired;
    p.repaired_on = on;
    p.updated_at = env_.clock.Now();
    p.updated_by = actor.username;
  } else {
    if (d.reason.empty()) return InvalidArgument("required", "请填写不予修复的理由", "reason");
    r.status = RepairStatus::kRefused;
    r.refusal_reason = d.reason;
  }
  r.decided_on = on;
  r.decided_by = actor.username;
  r.updated_at = env_.clock.Now();
  r.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateCreditRepair(r));
    r.version += 1;
    JG_RETURN_IF_ERROR(AppendAudit(
        tx, env_.clock, &actor,
        {d.approve ? "credit_repair.approve" : "credit_repair.refuse", "credit_repair",
         std::to_string(r.id), CreditRepairJson(before_r).dump(), CreditRepairJson(r).dump(),
         nlohmann::json{{"on", on.ToString()}}.dump()}));
    if (!d.approve) return Status::Ok();
    JG_RETURN_IF_ERROR(tx.UpdatePublicity(p));
    p.version += 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"publicity.repair", "publicity", std::to_string(p.id),
                        PublicityJson(before_p).dump(), PublicityJson(p).dump(),
                        nlohmann::json{{"credit_repair_id", r.id}}.dump()});
  }));
  return RepairView{std::move(r), ViewOf(std::move(p))};
}

Result<RepairStats> CreditService::Stats(const Actor& actor, int year) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kReadCases));
  if (year < 2000 || year > 9999) return InvalidArgument("invalid_value", "year 不正确", "year");
  RepairQuery q;
  if (ScopeOf(actor.role, Permission::kReadCases) != Scope::kAll) q.department_id = actor.department_id;
  JG_ASSIGN_OR_RETURN(auto repairs, env_.store.ListCreditRepairs(q));
  RepairStats s;
  s.year = year;
  std::set<std::string> parties;
  for (const auto& r : repairs) {
    if (r.applied_on.year() == year) ++s.applied;
    if (r.status == RepairStatus::kPending && r.applied_on.year() == year) ++s.pending;
    if (!r.decided_on || r.decided_on->year() != year) continue;
    if (r.status == RepairStatus::kRefused) ++s.refused;
    if (r.status != RepairStatus::kApproved) continue;
    ++s.approved;
    JG_ASSIGN_OR_RETURN(auto p, env_.store.GetPublicity(r.publicity_id));
    parties.insert(p.credit_code.empty() ? p.party_name : p.credit_code);
  }
  s.entities = static_cast<int>(parties.size());
  return s;
}

}  // namespace jg
