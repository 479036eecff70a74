// 双随机 plans, their draws and inspection tasks, in portable SQL.
#include <map>

#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kPlanCols =
    "name, year, period_from, period_to, lead_department_id, pop_kind, pop_street, "
    "pop_station_id, pop_industry_prefix, pop_tag, pop_holding_kind, pop_holding_item, "
    "exclude_recent_months, max_per_year, per_entity, workload_cap, cross_station, seed_mode, "
    "seed_source, status, approved_by, approved_at, cancel_reason, published_at, updated_at, "
    "updated_by";

Params PlanParams(const InspectionPlan& p) {
  const auto& pop = p.population;
  return {p.name,
          std::int64_t{p.year},
          p.period_from,
          p.period_to,
          p.lead_department_id,
          pop.kind ? std::string(EntityKindName(*pop.kind)) : std::string(),
          pop.street,
          OptId(pop.station_id),
          pop.industry_prefix,
          pop.tag,
          pop.holding_kind,
          pop.holding_item,
          std::int64_t{p.exclude_recent_months},
          std::int64_t{p.max_per_year},
          std::int64_t{p.per_entity},
          static_cast<std::int64_t>(p.workload_cap),
          std::int64_t{p.cross_station ? 1 : 0},
          std::string(draw::SeedModeName(p.seed_mode)),
          p.seed_source,
          std::string(PlanStatusName(p.status)),
          p.approved_by,
          p.approved_at,
          p.cancel_reason,
          p.published_at,
          p.updated_at,
          p.updated_by};
}

// Columns: id, version, then kPlanCols.
InspectionPlan ToPlan(const Row& r) {
  InspectionPlan p;
  p.id = r.Int(0);
  p.version = r.Int(1);
  p.name = r.Str(2);
  p.year = static_cast<int>(r.Int(3));
  p.period_from = r.Str(4);
  p.period_to = r.Str(5);
  p.lead_department_id = r.Int(6);
  p.population.kind = ParseEntityKind(r.Str(7));
  p.population.street = r.Str(8);
  p.population.station_id = r.OptInt(9);
  p.population.industry_prefix = r.Str(10);
  p.population.tag = r.Str(11);
  p.population.holding_kind = r.Str(12);
  p.population.holding_item = r.Str(13);
  p.exclude_recent_months = static_cast<int>(r.Int(14));
  p.max_per_year = static_cast<int>(r.Int(15));
  p.per_entity = static_cast<int>(r.Int(16));
  p.workload_cap = static_cast<std::uint64_t>(r.Int(17));
  p.cross_station = r.Int(18) != 0;
  p.seed_mode =
      r.Str(19) == "public-value" ? draw::SeedMode::kPublicValue : draw::SeedMode::kCommitReveal;
  p.seed_source = r.Str(20);
  p.status = ParsePlanStatus(r.Str(21)).value_or(PlanStatus::kDraft);
  p.approved_by = r.Str(22);
  p.approved_at = r.Int(23);
  p.cancel_reason = r.Str(24);
  p.published_at = r.Int(25);
  p.updated_at = r.Int(26);
  p.updated_by = r.Str(27);
  return p;
}

constexpr const char* kTaskCols =
    "t.id, t.plan_id, t.entity_id, t.credit_code, e.name, t.stratum, t.status, t.outcome, "
    "t.findings, t.inspected_on, t.version, t.updated_at, t.updated_by, t.corrected_on, "
    "t.correction_note, t.severity";

InspectionTask ToTask(const Row& r) {
  InspectionTask t;
  t.id = r.Int(0);
  t.plan_id = r.Int(1);
  t.entity_id = r.Int(2);
  t.credit_code = r.Str(3);
  t.entity_name = r.Str(4);
  t.stratum = r.Str(5);
  t.status = ParseTaskStatus(r.Str(6)).value_or(TaskStatus::kAssigned);
  t.outcome = ParseInspectionOutcome(r.Str(7));
  t.findings = r.Str(8);
  t.inspected_on = r.Str(9);
  t.version = r.Int(10);
  t.updated_at = r.Int(11);
  t.updated_by = r.Str(12);
  t.corrected_on = r.Str(13);
  t.correction_note = r.Str(14);
  t.severity = ParseFindingSeverity(r.Str(15));
  return t;
}

}  // namespace

Status SqlStore::WritePlanChildren(const InspectionPlan& p) {
  for (const char* table : {"plan_items", "plan_members", "plan_strata"}) {
    JG_RETURN_IF_ERROR(
        Exec(std::string("DELETE FROM ") + table + " WHERE plan_id = $1", {p.id}).status());
  }
  for (const auto& code : p.item_codes) {
    auto n = Exec("INSERT INTO plan_items (plan_id, item_code) VALUES ($1, $2)", {p.id, code});
    if (!n.ok()) return Field(n.status(), "item_codes", "抽查事项不存在");
  }
  for (Id d : p.member_department_ids) {
    auto n = Exec("INSERT INTO plan_members (plan_id, department_id) VALUES ($1, $2)", {p.id, d});
    if (!n.ok()) return Field(n.status(), "member_department_ids", "参与部门不存在");
  }
  for (const auto& s : p.strata) {
    JG_RETURN_IF_ERROR(Exec("INSERT INTO plan_strata (plan_id, stratum, by_ratio, count, ratio_ppm) "
                            "VALUES ($1, $2, $3, $4, $5)",
                            {p.id, s.stratum, std::int64_t{s.by_ratio ? 1 : 0},
                             static_cast<std::int64_t>(s.count), std::int64_t{s.ratio_ppm}})
                           .status());
  }
  return Status::Ok();
}

Status SqlStore::LoadPlanChildren(InspectionPlan& p) {
  auto items = Query("SELECT item_code FROM plan_items WHERE plan_id = $1 ORDER BY item_code " +
                         pool_->dialect().binary_collation,
                     {p.id});
  if (!items.ok()) return items.status();
  for (const auto& r : *items) p.item_codes.push_back(r.Str(0));
  auto members =
      Query("SELECT department_id FROM plan_members WHERE plan_id = $1 ORDER BY department_id",
            {p.id});
  if (!members.ok()) return members.status();
  for (const auto& r : *members) p.member_department_ids.push_back(r.Int(0));
  auto strata = Query("SELECT stratum, by_ratio, count, ratio_ppm FROM plan_strata "
                      "WHERE plan_id = $1 ORDER BY stratum " + pool_->dialect().binary_collation,
                      {p.id});
  if (!strata.ok()) return strata.status();
  for (const auto& r : *strata) {
    draw::StratumRule s;
    s.stratum = r.Str(0);
    s.by_ratio = r.Int(1) != 0;
    s.count = static_cast<std::uint64_t>(r.Int(2));
    s.ratio_ppm = static_cast<std::uint32_t>(r.Int(3));
    p.strata.push_back(std::move(s));
  }
  return Status::Ok();
}

Result<Id> SqlStore::InsertPlan(const InspectionPlan& p) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query(std::string("INSERT INTO inspection_plans (") + kPlanCols +
                             ", version) VALUES (" + Placeholders(kPlanCols) + ", 1) RETURNING id",
                         PlanParams(p));
    if (!rows.ok()) return Field(rows.status(), "lead_department_id", "部门不存在");
    InspectionPlan saved = p;
    saved.id = rows->front().Int(0);
    JG_RETURN_IF_ERROR(tx.WritePlanChildren(saved));
    return saved.id;
  });
}

Status SqlStore::UpdatePlan(const InspectionPlan& p) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           Params params = PlanParams(p);
           params.push_back(p.id);
           const std::string id_at = std::to_string(params.size());
           params.push_back(p.version);
           auto updated = tx.Exec("UPDATE inspection_plans SET " + Assignments(kPlanCols) +
                                      ", version = version + 1 WHERE id = $" + id_at +
                                      " AND version = $" + std::to_string(params.size()),
                                  params);
           if (!updated.ok()) return Field(updated.status(), "lead_department_id", "部门不存在");
           if (*updated != 1) {
             JG_RETURN_IF_ERROR(tx.GetPlan(p.id).status());
             return Stale();
           }
           JG_RETURN_IF_ERROR(tx.WritePlanChildren(p));
           return p.id;
         })
      .status();
}

Result<InspectionPlan> SqlStore::GetPlan(Id id) {
  auto rows = Query(std::string("SELECT id, version, ") + kPlanCols +
                        " FROM inspection_plans WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("plan_not_found", "抽查计划不存在");
  InspectionPlan p = ToPlan(rows->front());
  JG_RETURN_IF_ERROR(LoadPlanChildren(p));
  return p;
}

Result<std::vector<InspectionPlan>> SqlStore::ListPlans(const PlanQuery& q) {
  Params params;
  std::string where = " WHERE 1 = 1";
  if (q.year) where += " AND year = " + Bind(params, std::int64_t{*q.year});
  if (q.status) where += " AND status = " + Bind(params, std::string(PlanStatusName(*q.status)));
  if (q.department_id) {
    std::string d = Bind(params, *q.department_id);
    where += " AND (lead_department_id = " + d +
             " OR id IN (SELECT plan_id FROM plan_members WHERE department_id = " + d + "))";
  }
  auto rows = Query(std::string("SELECT id, version, ") + kPlanCols + " FROM inspection_plans" +
                        where + " ORDER BY period_from DESC, id DESC",
                    params);
  if (!rows.ok()) return rows.status();
  std::vector<InspectionPlan> out;
  for (const auto& r : *rows) {
    out.push_back(ToPlan(r));
    JG_RETURN_IF_ERROR(LoadPlanChildren(out.back()));
  }
  return out;
}

Result<std::vector<EligibleEntity>> SqlStore::ListEligibleEntities(const PlanPopulation& pop,
                                                                   const std::string& recent_since,
                                                                   int year, int max_per_year) {
  Params p;
  std::string where = " WHERE e.status = 'active'";
  if (pop.kind) where += " AND e.kind = " + Bind(p, std::string(EntityKindName(*pop.kind)));
  if (!pop.street.empty()) where += " AND e.street = " + Bind(p, pop.street);
  if (pop.station_id) where += " AND e.station_id = " + Bind(p, *pop.station_id);
  if (!pop.industry_prefix.empty())
    where += " AND e.industry LIKE " + Bind(p, LikeEscape(pop.industry_prefix) + "%") +
             " ESCAPE '\\'";
  if (!pop.tag.empty())
    where += " AND e.id IN (SELECT entity_id FROM entity_tags WHERE tag = " + Bind(p, pop.tag) + ")";
  if (!pop.holding_kind.empty()) {
    std::string sub = "SELECT h.entity_id FROM holdings h WHERE h.status = 'valid' AND h.kind = " +
                      Bind(p, pop.holding_kind);
    if (!pop.holding_item.empty())
      sub += " AND h.id IN (SELECT holding_id FROM holding_attributes WHERE key = 'business_items' "
             "AND value = " + Bind(p, pop.holding_item) + ")";
    where += " AND e.id IN (" + sub + ")";
  }
  if (!recent_since.empty())
    where += " AND e.id NOT IN (SELECT t.entity_id FROM inspection_tasks t JOIN inspection_plans pl "
             "ON pl.id = t.plan_id WHERE t.status <> 'cancelled' AND pl.period_to >= " +
             Bind(p, recent_since) + ")";
  if (max_per_year > 0)
    where += " AND e.id NOT IN (SELECT t.entity_id FROM inspection_tasks t JOIN inspection_plans pl "
             "ON pl.id = t.plan_id WHERE t.status <> 'cancelled' AND pl.year = " +
             Bind(p, std::int64_t{year}) + " GROUP BY t.entity_id HAVING COUNT(*) >= " +
             Bind(p, std::int64_t{max_per_year}) + ")";
  auto rows = Query("SELECT e.id, e.credit_code, e.risk_class, COALESCE(d.code, '') FROM entities e "
                    "LEFT JOIN departments d ON d.id = e.station_id" +
                        where + " ORDER BY e.credit_code " + pool_->dialect().binary_collation,
                    p);
  if (!rows.ok()) return rows.status();
  std::vector<EligibleEntity> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    out.push_back({r.Int(0), r.Str(1), ParseRiskClass(r.Str(2)).value_or(RiskClass::kNone), r.Str(3)});
  }
  return out;
}

Result<std::vector<std::pair<Id, std::int64_t>>> SqlStore::OpenTaskCounts() {
  auto rows = Query("SELECT ti.inspector_id, COUNT(*) FROM task_inspectors ti JOIN inspection_tasks t "
                    "ON t.id = ti.task_id WHERE t.status = 'assigned' GROUP BY ti.inspector_id",
                    {});
  if (!rows.ok()) return rows.status();
  std::vector<std::pair<Id, std::int64_t>> out;
  for (const auto& r : *rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Status SqlStore::InsertPlanDraw(const PlanDraw& d) {
  auto n = Exec("INSERT INTO plan_draws (plan_id, commitment_id, commitment_text, committed_at, "
                "committed_by, secret_seed_hex, input_file) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {d.plan_id, d.commitment_id, d.commitment_text, d.committed_at, d.committed_by,
                 d.secret_seed_hex, d.input_file});
  return n.status();
}

Result<PlanDraw> SqlStore::GetPlanDraw(Id plan_id) {
  auto rows = Query("SELECT plan_id, commitment_id, commitment_text, committed_at, committed_by, "
                    "secret_seed_hex, input_file, seed_hex, draw_file, drawn_at, drawn_by "
                    "FROM plan_draws WHERE plan_id = $1",
                    {plan_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("draw_not_found", "该计划尚未公示抽取承诺");
  const Row& r = rows->front();
  PlanDraw d;
  d.plan_id = r.Int(0);
  d.commitment_id = r.Str(1);
  d.commitment_text = r.Str(2);
  d.committed_at = r.Int(3);
  d.committed_by = r.Str(4);
  d.secret_seed_hex = r.Str(5);
  d.input_file = r.Str(6);
  d.seed_hex = r.Str(7);
  d.draw_file = r.Str(8);
  d.drawn_at = r.Int(9);
  d.drawn_by = r.Str(10);
  return d;
}

Status SqlStore::UpdatePlanDraw(const PlanDraw& d) {
  auto n = Exec("UPDATE plan_draws SET seed_hex = $1, draw_file = $2, drawn_at = $3, drawn_by = $4 "
                "WHERE plan_id = $5",
                {d.seed_hex, d.draw_file, d.drawn_at, d.drawn_by, d.plan_id});
  if (!n.ok()) return n.status();
  if (*n != 1) return NotFound("draw_not_found", "该计划尚未公示抽取承诺");
  return Status::Ok();
}

Status SqlStore::WriteTaskInspectors(const InspectionTask& t) {
  JG_RETURN_IF_ERROR(Exec("DELETE FROM task_inspectors WHERE task_id = $1", {t.id}).status());
  std::int64_t pos = 0;
  for (Id i : t.inspector_ids) {
    JG_RETURN_IF_ERROR(
        Exec("INSERT INTO task_inspectors (task_id, position, inspector_id) VALUES ($1, $2, $3)",
             {t.id, pos++, i})
            .status());
  }
  return Status::Ok();
}

Status SqlStore::LoadTaskInspectors(std::vector<InspectionTask>& ts) {
  for (auto& t : ts) {
    auto rows = Query("SELECT inspector_id FROM task_inspectors WHERE task_id = $1 ORDER BY position",
                      {t.id});
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) t.inspector_ids.push_back(r.Int(0));
  }
  return Status::Ok();
}

Result<Id> SqlStore::InsertTask(const InspectionTask& t) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    auto rows = tx.Query(
        "INSERT INTO inspection_tasks (plan_id, entity_id, credit_code, stratum, status, outcome, "
        "findings, inspected_on, version, updated_at, updated_by) "
        "VALUES ($1, $2, $3, $4, $5, '', '', '', 1, $6, $7) RETURNING id",
        {t.plan_id, t.entity_id, t.credit_code, t.stratum, std::string(TaskStatusName(t.status)),
         t.updated_at, t.updated_by});
    if (!rows.ok()) return rows.status();
    InspectionTask saved = t;
    saved.id = rows->front().Int(0);
    JG_RETURN_IF_ERROR(tx.WriteTaskInspectors(saved));
    return saved.id;
  });
}

namespace {
// The WHERE clause of a task query (tasks t joined with entities e).
Result<std::string> TaskWhere(const TaskQuery& q, Params& p) {
  std::string where = " WHERE 1 = 1";
  if (q.plan_id) where += " AND t.plan_id = " + Bind(p, *q.plan_id);
  if (q.entity_id) where += " AND t.entity_id = " + Bind(p, *q.entity_id);
  if (q.inspector_id)
    where += " AND t.id IN (SELECT task_id FROM task_inspectors WHERE inspector_id = " +
             Bind(p, *q.inspector_id) + ")";
  if (q.status) where += " AND t.status = " + Bind(p, std::string(TaskStatusName(*q.status)));
  if (q.published_only)
    where += " AND t.plan_id IN (SELECT id FROM inspection_plans WHERE status = 'published')";
  if (q.plan_year || q.lead_department_id) {
    where += " AND t.plan_id IN (SELECT id FROM inspection_plans WHERE 1 = 1";
    if (q.plan_year) where += " AND year = " + Bind(p, std::int64_t{*q.plan_year});
    if (q.lead_department_id)
      where += " AND lead_department_id = " + Bind(p, *q.lead_department_id);
    where += ")";
  }
  if (!q.inspected_month.empty())
    where += " AND SUBSTR(t.inspected_on, 1, 7) = " + Bind(p, q.inspected_month);
  if (q.street) where += " AND e.street = " + Bind(p, *q.street);
  if (!q.counted.empty()) {
    where += " AND t.status <> 'cancelled'";
    if (q.counted == "inspected") where += " AND t.outcome <> ''";
    else if (q.counted == "problem") where += std::string(" AND t.outcome IN ") + kProblemOutcomesSql;
    else if (q.counted == "case_filed") where += " AND t.outcome = 'case_filed'";
    else if (q.counted != "drawn")
      return InvalidArgument("invalid_value", "counted 须为 drawn、inspected、problem 或 case_filed", "counted");
  }
  return where;
}
}  // namespace

Result<std::vector<InspectionTask>> SqlStore::ListTasks(const TaskQuery& q) {
  Params p;
  JG_ASSIGN_OR_RETURN(std::string where, TaskWhere(q, p));
  const int limit = std::clamp(q.limit, 1, 100000);
  auto rows = Query(std::string("SELECT ") + kTaskCols +
                        " FROM inspection_tasks t JOIN entities e ON e.id = t.entity_id" + where +
                        " ORDER BY t.plan_id DESC, t.credit_code " +
                        pool_->dialect().binary_collation + " LIMIT " +
                        Bind(p, std::int64_t{limit}) + " OFFSET " +
                        Bind(p, std::int64_t{std::max(q.offset, 0)}),
                    p);
  if (!rows.ok()) return rows.status();
  std::vector<InspectionTask> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(ToTask(r));
  JG_RETURN_IF_ERROR(LoadTaskInspectors(out));
  return out;
}

Result<std::int64_t> SqlStore::CountTasks(const TaskQuery& q) {
  Params p;
  JG_ASSIGN_OR_RETURN(std::string where, TaskWhere(q, p));
  auto rows = Query("SELECT COUNT(*) FROM inspection_tasks t JOIN entities e ON e.id = t.entity_id" +
                        where,
                    p);
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<InspectionTask> SqlStore::GetTask(Id id) {
  auto rows = Query(std::string("SELECT ") + kTaskCols +
                        " FROM inspection_tasks t JOIN entities e ON e.id = t.entity_id "
                        "WHERE t.id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("task_not_found", "检查任务不存在");
  std::vector<InspectionTask> one{ToTask(rows->front())};
  JG_RETURN_IF_ERROR(LoadTaskInspectors(one));
  // The checklist comes with the single task only (lists stay cheap).
  auto marks = Query("SELECT item_code, point, answer FROM task_checklist WHERE task_id = $1 "
                     "ORDER BY position",
                     {id});
  if (!marks.ok()) return marks.status();
  for (const auto& m : *marks)
    one.front().checklist.push_back(
        {m.Str(0), m.Str(1), ParseChecklistAnswer(m.Str(2)).value_or(ChecklistAnswer::kConform)});
  return std::move(one.front());
}

Status SqlStore::UpdateTask(const InspectionTask& t) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
           auto n = tx.Exec(
               "UPDATE inspection_tasks SET status = $1, outcome = $2, findings = $3, "
               "inspected_on = $4, updated_at = $5, updated_by = $6, corrected_on = $9, "
               "correction_note = $10, severity = $11, version = version + 1 "
               "WHERE id = $7 AND version = $8",
               {std::string(TaskStatusName(t.status)),
                t.outcome ? std::string(InspectionOutcomeName(*t.outcome)) : std::string(),
                t.findings, t.inspected_on, t.updated_at, t.updated_by, t.id, t.version,
                t.corrected_on, t.correction_note,
                t.severity ? std::string(FindingSeverityName(*t.severity)) : std::string()});
           if (!n.ok()) return n.status();
           if (*n != 1) {
             JG_RETURN_IF_ERROR(tx.GetTask(t.id).status());
             return Stale();
           }
           JG_RETURN_IF_ERROR(tx.WriteTaskInspectors(t));
           // The checklist as recorded with this result (none = not filled in).
           JG_RETURN_IF_ERROR(tx.Exec("DELETE FROM task_checklist WHERE task_id = $1", {t.id}).status());
           for (std::size_t i = 0; i < t.checklist.size(); ++i) {
             const auto& m = t.checklist[i];
             JG_RETURN_IF_ERROR(tx.Exec("INSERT INTO task_checklist (task_id, position, item_code, point, "
                                        "answer) VALUES ($1, $2, $3, $4, $5)",
                                        {t.id, static_cast<std::int64_t>(i + 1), m.item_code, m.point,
                                         std::string(ChecklistAnswerName(m.answer))})
                                    .status());
           }
           return t.id;
         })
      .status();
}

Status SqlStore::InsertRecusal(Id plan_id, int n, Id task_id, Id recused, Id replacement,
                               const std::string& reason, UnixSeconds at, const std::string& by) {
  return Exec("INSERT INTO draw_recusals (plan_id, n, task_id, recused_inspector_id, "
              "replacement_inspector_id, reason, at, by_user) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              {plan_id, std::int64_t{n}, task_id, recused, replacement, reason, at, by})
      .status();
}

Result<std::vector<InspectionCounts>> SqlStore::CountInspections(int year,
                                                                 const std::string& group_by) {
  // From the trigger-kept inspection_counts (migration 0016), whose groups
  // already carry the month, the entity's street and the stratum.
  std::string key = "''";
  std::string join;
  if (group_by == "department") {
    key = "CAST(pl.lead_department_id AS TEXT)";
  } else if (group_by == "month") {
    key = "c.month";
  } else if (group_by == "street") {
    key = "c.street";
  } else if (group_by == "risk") {
    key = "c.stratum";
  } else if (group_by == "item") {
    key = "pi.item_code";
    join = " JOIN plan_items pi ON pi.plan_id = pl.id";
  } else if (!group_by.empty()) {
    return InvalidArgument("invalid_group_by",
                           "分组只能是 department、month、street、risk 或 item", "group_by");
  }
  auto rows = Query(
      "SELECT " + key + " AS k, COUNT(DISTINCT pl.id), COALESCE(SUM(c.tasks), 0), "
      "COALESCE(SUM(CASE WHEN c.outcome <> '' THEN c.tasks ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN c.outcome IN " + std::string(kProblemOutcomesSql) +
      " THEN c.tasks ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN c.outcome = 'case_filed' THEN c.tasks ELSE 0 END), 0) "
      "FROM inspection_plans pl JOIN inspection_counts c ON c.plan_id = pl.id" + join +
      " WHERE pl.year = $1 AND c.status <> 'cancelled'" +
          (group_by.empty() ? std::string() : " GROUP BY " + key + " ORDER BY 1"),
      {std::int64_t{year}});
  if (!rows.ok()) return rows.status();
  std::vector<InspectionCounts> out;
  for (const auto& r : *rows) {
    out.push_back({r.Str(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5)});
  }
  return out;
}

Status SqlStore::InsertPlanPopulation(
    Id plan_id, const std::vector<std::pair<std::string, std::int64_t>>& eligible) {
  for (const auto& [stratum, n] : eligible) {
    JG_RETURN_IF_ERROR(Exec("INSERT INTO plan_populations (plan_id, stratum, eligible) VALUES ($1, $2, $3)",
                            {plan_id, stratum, n})
                           .status());
  }
  return Status::Ok();
}

Result<std::vector<StratumSample>> SqlStore::ListStratumSamples(int year) {
  // Strata of the frozen population and strata of the tasks (a plan committed
  // before populations were kept has only the latter).
  auto rows = Query(
      "WITH pls AS (SELECT id FROM inspection_plans WHERE year = $1 AND status IN ('drawn', 'published')), "
      "tc AS (SELECT c.plan_id, c.stratum, "
      "  SUM(CASE WHEN c.outcome <> '' THEN c.tasks ELSE 0 END) AS inspected, "
      "  SUM(CASE WHEN c.outcome IN " + std::string(kProblemOutcomesSql) + " THEN c.tasks ELSE 0 END) AS problems "
      "  FROM inspection_counts c JOIN pls ON pls.id = c.plan_id WHERE c.status <> 'cancelled' "
      "  GROUP BY c.plan_id, c.stratum), "
      "ks AS (SELECT pp.plan_id, pp.stratum FROM plan_populations pp JOIN pls ON pls.id = pp.plan_id "
      "  UNION SELECT plan_id, stratum FROM tc) "
      "SELECT ks.plan_id, ks.stratum, COALESCE(pp.eligible, -1), COALESCE(tc.inspected, 0), "
      "COALESCE(tc.problems, 0) FROM ks "
      "LEFT JOIN plan_populations pp ON pp.plan_id = ks.plan_id AND pp.stratum = ks.stratum "
      "LEFT JOIN tc ON tc.plan_id = ks.plan_id AND tc.stratum = ks.stratum "
      "ORDER BY ks.plan_id, ks.stratum",
      {std::int64_t{year}});
  if (!rows.ok()) return rows.status();
  std::vector<StratumSample> out;
  for (const auto& r : *rows) out.push_back({r.Int(0), r.Str(1), r.Int(2), r.Int(3), r.Int(4)});
  return out;
}

Status SqlStore::InsertTaskResult(const TaskResultRecord& r) {
  return Exec("INSERT INTO task_result_history (task_id, version, outcome, findings, inspected_on, "
              "recorded_at, recorded_by, correction_note, severity) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
              {r.task_id, r.version, std::string(InspectionOutcomeName(r.outcome)), r.findings,
               r.inspected_on, r.recorded_at, r.recorded_by, r.correction_note,
               r.severity ? std::string(FindingSeverityName(*r.severity)) : std::string()})
      .status();
}

Result<std::vector<TaskResultRecord>> SqlStore::ListTaskResults(Id task_id) {
  auto rows = Query("SELECT task_id, version, outcome, findings, inspected_on, recorded_at, "
                    "recorded_by, correction_note, severity FROM task_result_history WHERE task_id = $1 "
                    "ORDER BY version",
                    {task_id});
  if (!rows.ok()) return rows.status();
  std::vector<TaskResultRecord> out;
  for (const auto& r : *rows) {
    TaskResultRecord t;
    t.task_id = r.Int(0);
    t.version = r.Int(1);
    t.outcome = ParseInspectionOutcome(r.Str(2)).value_or(InspectionOutcome::kNoProblem);
    t.findings = r.Str(3);
    t.inspected_on = r.Str(4);
    t.recorded_at = r.Int(5);
    t.recorded_by = r.Str(6);
    t.correction_note = r.Str(7);
    t.severity = ParseFindingSeverity(r.Str(8));
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace jg::sql
