// The verifiable draw of a plan: commitment, draw, recusal
// (docs/draw-algorithm.md; the engine is domain/draw).
#include <sodium.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/draw/draw_file.h"
#include "domain/draw/sm3_stream.h"
#include "domain/text_fields.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/plan_audit.h"
#include "service/plan_service.h"

namespace jg {
namespace {

// The engine's inputs from the plan and the records as they are now.
struct Frozen {
  draw::DrawInput input;
  std::map<std::string, Id> entity_ids;  // credit code → entity id
};

Result<Frozen> Freeze(Store& store, const InspectionPlan& plan) {
  Frozen f;
  JG_ASSIGN_OR_RETURN(auto departments, store.ListDepartments());
  std::map<Id, std::string> code_of;
  for (const auto& d : departments) code_of[d.id] = d.code;

  JG_ASSIGN_OR_RETURN(auto eligible,
                      store.ListEligibleEntities(plan.population, RecentSince(plan), plan.year,
                                                 plan.max_per_year));
  f.input.eligible.Reserve(eligible.size());
  for (const auto& e : eligible) {
    JG_RETURN_IF_ERROR(
        f.input.eligible.Add(e.credit_code, draw::StratumOf(e.risk_class), e.station_code));
    f.entity_ids[e.credit_code] = e.id;
  }

  auto& params = f.input.params;
  params.plan = "#" + std::to_string(plan.id) + " " + plan.name;
  params.exclusions = ExclusionsText(plan);
  params.items = plan.item_codes;
  params.strata = plan.strata;
  params.per_entity = plan.per_entity;
  params.workload_cap = plan.workload_cap;
  params.cross_station = plan.cross_station;
  params.mixed_departments = plan.joint();

  // The pool: active inspectors of the lead and participating departments
  // (and the departments below them), with a certificate valid through the
  // period and available on its first day. Qualification for the items and
  // conflicts are the engine's to apply, so they are visible in the file.
  std::vector<Id> roots = plan.member_department_ids;
  roots.push_back(plan.lead_department_id);
  InspectorQuery iq;
  iq.active_only = true;
  JG_ASSIGN_OR_RETURN(auto roster, store.ListInspectors(iq));
  JG_ASSIGN_OR_RETURN(auto open, store.OpenTaskCounts());
  std::map<Id, std::int64_t> workload(open.begin(), open.end());
  for (const auto& ins : roster) {
    bool in_scope = false;
    for (Id r : roots) in_scope = in_scope || IsInSubtree(departments, r, ins.department_id);
    if (!in_scope || !CertificateValidOn(ins, plan.period_to) ||
        !AvailableOn(ins, plan.period_from))
      continue;
    draw::Inspector d;
    d.id = std::to_string(ins.id);
    d.department = code_of[ins.department_id];
    d.station = ins.station_id ? code_of[*ins.station_id] : "";
    d.items = ins.qualified_items;
    d.workload = static_cast<std::uint64_t>(workload[ins.id]);
    f.input.inspectors.push_back(std::move(d));
    // Only conflicts with eligible entities matter (and only those are published).
    for (const auto& c : ins.conflicts) {
      if (f.entity_ids.count(c.credit_code))
        f.input.conflicts.push_back({std::to_string(ins.id), draw::ConflictKind::kEntity,
                                     c.credit_code});
    }
  }
  return f;
}

Id ParseId(const std::string& s) { return static_cast<Id>(std::stoll(s)); }

}  // namespace

// Eligible entities per stratum of a frozen snapshot, in stratum order.
std::vector<std::pair<std::string, std::int64_t>> StratumPopulations(const draw::Snapshot& eligible) {
  std::map<std::string, std::int64_t> n;
  for (std::size_t i = 0; i < eligible.size(); ++i) ++n[std::string(eligible.stratum(i))];
  return {n.begin(), n.end()};
}

namespace {

}  // namespace

Result<PlanDraw> PlanService::Commit(const Actor& actor, Id id, std::int64_t version) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan,
                      LoadForChange(actor, Permission::kManagePlans, id, version));
  if (plan.status != PlanStatus::kApproved)
    return FailedPrecondition("plan_not_approved", "计划须经审批后才能公示抽取承诺");
  JG_ASSIGN_OR_RETURN(Frozen f, Freeze(env_.store, plan));
  if (f.input.eligible.size() == 0)
    return FailedPrecondition("no_eligible_entities",
                              "按计划的范围和排除条件，没有可抽取的市场主体");
  std::string secret;
  if (plan.seed_mode == draw::SeedMode::kCommitReveal) {
    secret.resize(32);
    randombytes_buf(secret.data(), secret.size());
    f.input.seed = secret;
  } else {
    f.input.seed_source = plan.seed_source;
  }
  JG_ASSIGN_OR_RETURN(draw::DrawCommitment c, draw::Commit(f.input, plan.seed_mode));
  // The published input: everything but the seed, which is unknown (public
  // value) or secret (commit–reveal) until the draw.
  f.input.seed.clear();
  draw::DrawResult empty;
  empty.commitment = c;

  PlanDraw d;
  d.plan_id = id;
  d.commitment_id = draw::CommitmentId(c);
  d.commitment_text = draw::CommitmentText(c);
  d.committed_at = env_.clock.Now();
  d.committed_by = actor.username;
  d.secret_seed_hex = secret.empty() ? "" : draw::HexOf(secret);
  d.input_file = draw::ExportDrawFile(f.input, empty);

  InspectionPlan before = plan;
  plan.status = PlanStatus::kCommitted;
  plan.updated_at = d.committed_at;
  plan.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdatePlan(plan));
    JG_RETURN_IF_ERROR(tx.InsertPlanDraw(d));
    JG_RETURN_IF_ERROR(tx.InsertPlanPopulation(id, StratumPopulations(f.input.eligible)));
    nlohmann::json detail = {{"commitment_id", d.commitment_id},
                             {"eligible", c.eligible_count},
                             {"seed_mode", draw::SeedModeName(c.seed_mode)}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.commit", "inspection_plan", std::to_string(id),
                        plan_audit::PlanJson(before), plan_audit::PlanJson(plan), detail.dump()});
  }));
  d.secret_seed_hex.clear();
  return d;
}

Result<PlanDraw> PlanService::Draw(const Actor& actor, Id id, std::int64_t version,
                                   const std::string& public_seed) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan,
                      LoadForChange(actor, Permission::kManagePlans, id, version));
  if (plan.status != PlanStatus::kCommitted)
    return FailedPrecondition("plan_not_committed",
                              plan.status == PlanStatus::kDrawn || plan.status == PlanStatus::kPublished
                                  ? "该计划已经抽取，抽取结果不可重抽"
                                  : "计划须先公示抽取承诺，才能抽取");
  JG_ASSIGN_OR_RETURN(PlanDraw d, env_.store.GetPlanDraw(id));
  JG_ASSIGN_OR_RETURN(draw::DrawFile frozen, draw::ParseDrawFile(d.input_file));
  draw::DrawInput in = std::move(frozen.input);
  if (plan.seed_mode == draw::SeedMode::kCommitReveal) {
    if (!public_seed.empty())
      return InvalidArgument("seed_not_allowed", "本计划使用承诺—揭示随机种子，不能另行输入",
                             "seed");
    auto secret = draw::DecodeHex(d.secret_seed_hex);
    if (!secret) return Internal("stored secret seed is not hex");
    in.seed = *secret;
  } else {
    if (public_seed.empty())
      return InvalidArgument("required", "请输入事先确定的公开随机数（" + plan.seed_source + "）",
                             "seed");
    if (public_seed.size() > draw::kMaxSeedBytes)
      return InvalidArgument("too_long", "公开随机数过长", "seed");
    in.seed = public_seed;
  }
  JG_ASSIGN_OR_RETURN(draw::DrawResult result, draw::RunDraw(in, frozen.result.commitment));

  // Map the engine's rows to tasks.
  std::map<std::string, Id> entity_ids;
  std::vector<InspectionTask> tasks;
  tasks.reserve(result.selected.size());
  const UnixSeconds now = env_.clock.Now();
  for (const auto& s : result.selected) {
    JG_ASSIGN_OR_RETURN(Entity e, env_.store.FindEntityByCreditCode(s.credit_code));
    InspectionTask t;
    t.plan_id = id;
    t.entity_id = e.id;
    t.credit_code = s.credit_code;
    t.stratum = s.stratum;
    for (const auto& i : s.inspectors) t.inspector_ids.push_back(ParseId(i));
    t.updated_at = now;
    t.updated_by = actor.username;
    tasks.push_back(std::move(t));
  }
  d.seed_hex = draw::HexOf(in.seed);
  d.draw_file = draw::ExportDrawFile(in, result);
  d.drawn_at = now;
  d.drawn_by = actor.username;

  InspectionPlan before = plan;
  plan.status = PlanStatus::kDrawn;
  plan.updated_at = now;
  plan.updated_by = actor.username;
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdatePlan(plan));
    JG_RETURN_IF_ERROR(tx.UpdatePlanDraw(d));
    for (const auto& t : tasks) JG_RETURN_IF_ERROR(tx.InsertTask(t).status());
    nlohmann::json detail = {{"commitment_id", d.commitment_id},
                             {"seed_hex", d.seed_hex},
                             {"entities", result.selected.size()},
                             {"draw_file_sm3", draw::HexOf(draw::Sm3(d.draw_file))}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"plan.draw", "inspection_plan", std::to_string(id),
                        plan_audit::PlanJson(before), plan_audit::PlanJson(plan), detail.dump()});
  }));
  return d;
}

Result<InspectionTask> PlanService::Recuse(const Actor& actor, Id task_id, Id inspector_id,
                                           const std::string& reason_in) {
  JG_RETURN_IF_ERROR(RequireRole(actor, Permission::kManagePlans));
  JG_ASSIGN_OR_RETURN(InspectionTask task, env_.store.GetTask(task_id));
  JG_ASSIGN_OR_RETURN(InspectionPlan plan, env_.store.GetPlan(task.plan_id));
  JG_RETURN_IF_ERROR(RequireManage(actor, plan));
  const std::string reason = Trim(reason_in);
  if (reason.empty() || reason.size() > 2000)
    return InvalidArgument("required", "请写明回避理由", "reason");
  if (plan.status != PlanStatus::kDrawn || task.status != TaskStatus::kAssigned)
    return FailedPrecondition("task_closed", "只有已抽取、尚未检查的任务可以申请回避");
  auto pos = std::find(task.inspector_ids.begin(), task.inspector_ids.end(), inspector_id);
  if (pos == task.inspector_ids.end())
    return InvalidArgument("not_assigned", "该检查人员不在此任务中", "inspector_id");
  JG_ASSIGN_OR_RETURN(PlanDraw d, env_.store.GetPlanDraw(plan.id));
  JG_ASSIGN_OR_RETURN(draw::DrawFile file, draw::ParseDrawFile(d.draw_file));
  const int n = static_cast<int>(file.result.replacements.size()) + 1;
  JG_ASSIGN_OR_RETURN(draw::Replacement r,
                      draw::Recuse(file.input, file.result, task.credit_code,
                                   std::to_string(inspector_id), n));
  file.result.replacements.push_back(r);
  InspectionTask before = task;
  *pos = ParseId(r.replacement);
  task.updated_at = env_.clock.Now();
  task.updated_by = actor.username;
  d.draw_file = draw::ExportDrawFile(file.input, file.result);
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateTask(task));
    JG_RETURN_IF_ERROR(tx.UpdatePlanDraw(d));
    JG_RETURN_IF_ERROR(tx.InsertRecusal(plan.id, n, task.id, inspector_id, *pos, reason,
                                        task.updated_at, actor.username));
    nlohmann::json detail = {{"n", n},
                             {"recused", inspector_id},
                             {"replacement", *pos},
                             {"reason", reason}};
    return AppendAudit(tx, env_.clock, &actor,
                       {"task.recuse", "inspection_task", std::to_string(task.id),
                        plan_audit::TaskJson(before), plan_audit::TaskJson(task), detail.dump()});
  }));
  return env_.store.GetTask(task_id);
}

Result<PlanDraw> PlanService::DrawRecord(const Actor* actor, Id plan_id) {
  if (actor) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, *actor, Permission::kReadInspection, std::nullopt));
  }
  JG_ASSIGN_OR_RETURN(PlanDraw d, env_.store.GetPlanDraw(plan_id));
  d.secret_seed_hex.clear();  // revealed only as seed_hex, by the draw
  return d;
}

}  // namespace jg
