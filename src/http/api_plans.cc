// /api/v1/plans (双随机 抽查计划), /api/v1/inspection-tasks, /api/v1/inspection-stats
// and the public pages of plans and their draws under /api/v1/public/plans.
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "domain/csv.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace jg::http {
namespace {

Status PopulationFrom(const nlohmann::json& obj, PlanPopulation& pop) {
  JsonFields f(obj);
  std::string kind = f.OptString("kind").value_or("");
  pop.street = f.OptString("street").value_or("");
  pop.station_id = f.OptInt("station_id");
  pop.industry_prefix = f.OptString("industry_prefix").value_or("");
  pop.tag = f.OptString("tag").value_or("");
  pop.holding_kind = f.OptString("holding_kind").value_or("");
  pop.holding_item = f.OptString("holding_item").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  if (!kind.empty()) {
    pop.kind = ParseEntityKind(kind);
    if (!pop.kind) return InvalidArgument("invalid_kind", "主体类型不正确", "kind");
  }
  return Status::Ok();
}

Status StratumFrom(const nlohmann::json& obj, draw::StratumRule& r) {
  JsonFields f(obj);
  r.stratum = f.OptString("stratum").value_or("");
  auto count = f.OptInt("count");
  auto pct = f.OptNumber("ratio_percent");
  JG_RETURN_IF_ERROR(f.Finish());
  if (count && pct)
    return InvalidArgument("ambiguous_rule", "每个分层只能设定户数或比例之一", "count");
  if (pct) {
    if (!(*pct > 0 && *pct <= 100))
      return InvalidArgument("invalid_ratio", "抽取比例应大于 0% 且不超过 100%", "ratio_percent");
    r.by_ratio = true;
    r.ratio_ppm = static_cast<std::uint32_t>(std::llround(*pct * 10000));
  } else if (count) {
    if (*count < 1) return InvalidArgument("invalid_count", "抽取户数应为正整数", "count");
    r.count = static_cast<std::uint64_t>(*count);
  } else {
    return InvalidArgument("required", "请设定该分层的抽取户数或比例", "count");
  }
  return Status::Ok();
}

Result<InspectionPlan> PlanFrom(const std::string& body, bool update) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  InspectionPlan p;
  if (update) p.version = f.Int("version");
  p.name = f.String("name");
  p.period_from = f.String("period_from");
  p.period_to = f.String("period_to");
  p.lead_department_id = f.Int("lead_department_id");
  p.member_department_ids = f.OptIntArray("member_department_ids").value_or(std::vector<Id>{});
  p.item_codes = f.OptStringArray("item_codes").value_or(std::vector<std::string>{});
  if (const auto* pop = f.OptObject("population"))
    f.Nested("population", PopulationFrom(*pop, p.population));
  if (auto strata = f.OptObjectArray("strata")) {
    for (size_t i = 0; i < strata->size(); ++i) {
      draw::StratumRule r;
      Status st = StratumFrom(*(*strata)[i], r);
      if (!st.ok())
        st = Status(st.code(), st.reason(), "第" + std::to_string(i + 1) + "个分层：" + st.message(),
                    st.field());
      f.Nested("strata", st);
      p.strata.push_back(std::move(r));
    }
  }
  p.exclude_recent_months = static_cast<int>(f.OptInt("exclude_recent_months").value_or(0));
  p.max_per_year = static_cast<int>(f.OptInt("max_per_year").value_or(0));
  p.per_entity = static_cast<int>(f.OptInt("per_entity").value_or(2));
  auto cap = f.OptInt("workload_cap").value_or(0);
  p.cross_station = f.OptBool("cross_station").value_or(false);
  std::string mode = f.OptString("seed_mode").value_or("commit-reveal");
  p.seed_source = f.OptString("seed_source").value_or("");
  JG_RETURN_IF_ERROR(f.Finish());
  if (cap < 0) return InvalidArgument("invalid_workload_cap", "工作量上限不能为负数", "workload_cap");
  p.workload_cap = static_cast<std::uint64_t>(cap);
  if (mode == "commit-reveal") p.seed_mode = draw::SeedMode::kCommitReveal;
  else if (mode == "public-value") p.seed_mode = draw::SeedMode::kPublicValue;
  else return InvalidArgument("invalid_seed_mode", "随机种子方式须为 commit-reveal 或 public-value", "seed_mode");
  return p;
}

// {"version": n} plus the named optional string fields.
Status VersionBody(const std::string& body, std::int64_t* version,
                   std::initializer_list<std::pair<const char*, std::string*>> strings) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  *version = f.Int("version");
  for (auto [name, out] : strings) *out = f.OptString(name).value_or("");
  return f.Finish();
}

nlohmann::json PlanView(Services& s, const InspectionPlan& p) {
  nlohmann::json j = ToJson(p);
  j["publication_due"] = s.plans.PublicationDue(p);
  auto d = s.plans.DrawRecord(nullptr, p.id);
  j["draw"] = d.ok() ? ToJson(*d) : nlohmann::json();
  return j;
}

Response PlanResult(Services& s, const Result<InspectionPlan>& r, int status = 200) {
  if (!r.ok()) return Error(r.status());
  return Json(status, PlanView(s, *r));
}

Response TasksJson(const std::vector<InspectionTask>& tasks) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : tasks) out.push_back(ToJson(t));
  return Json(200, {{"items", out}});
}

// Before the draw the frozen input (no seed), after it the verification file.
Response DrawFileText(Id plan_id, const PlanDraw& d) {
  Response out;
  out.content_type = "text/plain; charset=utf-8";
  out.body = d.drawn() ? d.draw_file : d.input_file;
  const std::string name =
      "plan-" + std::to_string(plan_id) + (d.drawn() ? ".draw" : "-input.draw");
  out.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return out;
}

// The fields of a result (PUT …/result and POST …/correction): outcome,
// findings, inspected_on, severity (with a problem), checklist marks.
Status ResultFrom(JsonFields& f, InspectionTask& t) {
  t.version = f.Int("version");
  std::string outcome = f.String("outcome");
  t.findings = f.OptString("findings").value_or("");
  t.inspected_on = f.String("inspected_on");
  std::string severity = f.OptString("severity").value_or("");
  if (auto marks = f.OptObjectArray("checklist")) {
    for (std::size_t i = 0; i < marks->size(); ++i) {
      JsonFields m(*(*marks)[i]);
      ChecklistMark mark;
      mark.item_code = m.String("item_code");
      mark.point = m.String("point");
      std::string answer = m.String("answer");
      Status st = m.Finish();
      auto a = ParseChecklistAnswer(answer);
      if (st.ok() && !a)
        st = InvalidArgument("invalid_answer", "检查要点的结论须为 符合、不符合 或 不涉及", "answer");
      if (!st.ok())
        st = Status(st.code(), st.reason(), "第" + std::to_string(i + 1) + "项检查要点：" + st.message(),
                    st.field());
      f.Nested("checklist", st);
      if (a) mark.answer = *a;
      t.checklist.push_back(std::move(mark));
    }
  }
  t.outcome = ParseInspectionOutcome(outcome);
  if (!t.outcome && !outcome.empty()) return InvalidArgument("invalid_outcome", "检查结果不正确", "outcome");
  if (!severity.empty()) {
    t.severity = ParseFindingSeverity(severity);
    if (!t.severity)
      return InvalidArgument("invalid_severity", "问题严重程度须为 一般、较重 或 严重", "severity");
  }
  return Status::Ok();
}

nlohmann::json CountsJson(const InspectionCounts& c) {
  double rate = c.inspected > 0 ? static_cast<double>(c.problems) / static_cast<double>(c.inspected) : 0;
  return {{"key", c.key},          {"plans", c.plans},       {"drawn", c.drawn},
          {"inspected", c.inspected}, {"problems", c.problems}, {"cases", c.cases},
          {"discovery_rate", std::round(rate * 10000) / 10000}};
}

}  // namespace

void RegisterPlanRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/plans", Access::kSession, [&s](Request& req) {
    PlanQuery q;
    std::optional<std::int64_t> year, dept;
    if (Status st = IdQuery(req, "year", &year); !st.ok()) return Error(st);
    if (Status st = IdQuery(req, "department_id", &dept); !st.ok()) return Error(st);
    if (year) q.year = static_cast<int>(*year);
    q.department_id = dept;
    if (auto st = Param(req, "status"); !st.empty()) {
      q.status = ParsePlanStatus(st);
      if (!q.status) return Error(400, "invalid_value", "status 不正确", "status");
    }
    auto res = s.plans.Plans(req.actor(), q);
    if (!res.ok()) return Error(res.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : *res) out.push_back(PlanView(s, p));
    return Json(200, {{"items", out}});
  });

  r.Add("GET", "/api/v1/plans/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "plan_not_found", "抽查计划不存在");
    return PlanResult(s, s.plans.Plan(req.actor(), *id));
  });

  r.Add("POST", "/api/v1/plans", Access::kSession, [&s](Request& req) {
    auto in = PlanFrom(req.body, false);
    if (!in.ok()) return Error(in.status());
    return PlanResult(s, s.plans.Create(req.actor(), std::move(in).value()), 201);
  });

  r.Add("PUT", "/api/v1/plans/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "plan_not_found", "抽查计划不存在");
    auto in = PlanFrom(req.body, true);
    if (!in.ok()) return Error(in.status());
    return PlanResult(s, s.plans.Update(req.actor(), *id, std::move(in).value()));
  });

  // State changes: {"version": n}, plus a reason (cancel) or a seed (draw).
  using Step = std::function<Status(Request&, Id, std::int64_t, const std::string&)>;
  auto step = [&r, &s](const std::string& name, const char* extra, Step fn) {
    r.Add("POST", "/api/v1/plans/{id}/" + name, Access::kSession, [&s, extra, fn](Request& req) {
      auto id = req.IdParam("id");
      if (!id) return Error(404, "plan_not_found", "抽查计划不存在");
      std::int64_t v = 0;
      std::string text;
      Status st = extra ? VersionBody(req.body, &v, {{extra, &text}}) : VersionBody(req.body, &v, {});
      if (st.ok()) st = fn(req, *id, v, text);
      if (!st.ok()) return Error(st);
      return PlanResult(s, s.plans.Plan(req.actor(), *id));
    });
  };
  step("approve", nullptr, [&s](Request& req, Id id, std::int64_t v, const std::string&) {
    return s.plans.Approve(req.actor(), id, v).status();
  });
  step("cancel", "reason", [&s](Request& req, Id id, std::int64_t v, const std::string& reason) {
    return s.plans.Cancel(req.actor(), id, v, reason).status();
  });
  step("commit", nullptr, [&s](Request& req, Id id, std::int64_t v, const std::string&) {
    return s.plans.Commit(req.actor(), id, v).status();
  });
  step("draw", "seed", [&s](Request& req, Id id, std::int64_t v, const std::string& seed) {
    return s.plans.Draw(req.actor(), id, v, seed).status();
  });
  step("publish", nullptr, [&s](Request& req, Id id, std::int64_t v, const std::string&) {
    return s.plans.Publish(req.actor(), id, v).status();
  });

  r.Add("GET", "/api/v1/plans/{id}/tasks", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "plan_not_found", "抽查计划不存在");
    TaskQuery q;
    q.plan_id = *id;
    q.limit = 100000;
    auto res = s.plans.Tasks(req.actor(), q);
    if (!res.ok()) return Error(res.status());
    return TasksJson(*res);
  });

  r.Add("GET", "/api/v1/plans/{id}/draw-file", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "plan_not_found", "抽查计划不存在");
    auto d = s.plans.DrawRecord(&req.actor(), *id);
    if (!d.ok()) return Error(d.status());
    return DrawFileText(*id, *d);
  });

  r.Add("GET", "/api/v1/inspection-tasks", Access::kSession, [&s](Request& req) {
    std::optional<TaskStatus> status;
    if (auto st = Param(req, "status"); !st.empty()) {
      status = ParseTaskStatus(st);
      if (!status) return Error(400, "invalid_value", "status 须为 assigned、done 或 cancelled", "status");
    }
    if (Param(req, "mine") == "1") {
      auto res = s.plans.MyTasks(req.actor(), status);
      if (!res.ok()) return Error(res.status());
      return TasksJson(*res);
    }
    TaskQuery q;
    q.status = status;
    std::optional<std::int64_t> plan, entity, inspector;
    if (Status st = IdQuery(req, "plan_id", &plan); !st.ok()) return Error(st);
    if (Status st = IdQuery(req, "entity_id", &entity); !st.ok()) return Error(st);
    if (Status st = IdQuery(req, "inspector_id", &inspector); !st.ok()) return Error(st);
    q.plan_id = plan;
    q.entity_id = entity;
    q.inspector_id = inspector;
    // The dashboard's drill-down: plans of `year` led by `department_id`,
    // results of `month`, entities of `street`, and `counted` (which figure).
    if (Status st = YearQuery(req, "year", &q.plan_year); !st.ok()) return Error(st);
    if (Status st = IdQuery(req, "department_id", &q.lead_department_id); !st.ok()) return Error(st);
    if (Status st = MonthQuery(req, "month", &q.inspected_month); !st.ok()) return Error(st);
    if (req.query.count("street")) q.street = Param(req, "street");
    q.counted = Param(req, "counted");
    if (!q.counted.empty() && q.counted != "drawn" && q.counted != "inspected" &&
        q.counted != "problem" && q.counted != "case_filed")
      return Error(400, "invalid_value", "counted 须为 drawn、inspected、problem 或 case_filed", "counted");
    std::optional<int> page, size;
    if (Status st = PageQuery(req, "page", 1, 1000000, &page); !st.ok()) return Error(st);
    if (Status st = PageQuery(req, "page_size", 1, 200, &size); !st.ok()) return Error(st);
    if (page || size) {
      q.limit = size.value_or(50);
      q.offset = (page.value_or(1) - 1) * q.limit;
    }
    auto res = s.plans.Tasks(req.actor(), q);
    if (!res.ok()) return Error(res.status());
    auto total = s.plans.CountTasks(req.actor(), q);
    if (!total.ok()) return Error(total.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : *res) out.push_back(ToJson(t));
    return Json(200, {{"items", out}, {"total", *total}});
  });

  r.Add("GET", "/api/v1/inspection-tasks/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "task_not_found", "检查任务不存在");
    auto res = s.plans.Task(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    return Json(200, ToJson(*res));
  });

  r.Add("PUT", "/api/v1/inspection-tasks/{id}/result", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "task_not_found", "检查任务不存在");
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    InspectionTask t;
    if (Status st = ResultFrom(f, t); !st.ok()) return Error(st);
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.plans.RecordResult(req.actor(), *id, std::move(t));
    if (!res.ok()) return Error(res.status());
    return Json(200, ToJson(*res));
  });

  // 一公开: a published result corrected, with the note published beside it.
  r.Add("POST", "/api/v1/inspection-tasks/{id}/correction", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "task_not_found", "检查任务不存在");
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    InspectionTask t;
    if (Status st = ResultFrom(f, t); !st.ok()) return Error(st);
    std::string note = f.String("correction_note");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.plans.CorrectResult(req.actor(), *id, std::move(t), note);
    if (!res.ok()) return Error(res.status());
    return Json(200, ToJson(*res));
  });

  r.Add("GET", "/api/v1/inspection-tasks/{id}/history", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "task_not_found", "检查任务不存在");
    auto res = s.plans.ResultHistory(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& h : *res) {
      items.push_back({{"version", h.version},
                       {"outcome", InspectionOutcomeName(h.outcome)},
                       {"outcome_label", InspectionOutcomeLabel(h.outcome)},
                       {"findings", h.findings},
                       {"inspected_on", h.inspected_on},
                       {"severity", h.severity ? std::string(FindingSeverityName(*h.severity)) : ""},
                       {"recorded_at", h.recorded_at},
                       {"recorded_by", h.recorded_by},
                       {"correction_note", h.correction_note}});
    }
    return Json(200, {{"items", items}});
  });

  r.Add("POST", "/api/v1/inspection-tasks/{id}/recusals", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "task_not_found", "检查任务不存在");
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    Id inspector = f.Int("inspector_id");
    std::string reason = f.String("reason");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.plans.Recuse(req.actor(), *id, inspector, reason);
    if (!res.ok()) return Error(res.status());
    return Json(201, ToJson(*res));
  });

  r.Add("GET", "/api/v1/inspection-stats", Access::kSession, [&s](Request& req) {
    std::optional<std::int64_t> year;
    if (Status st = IdQuery(req, "year", &year); !st.ok()) return Error(st);
    if (!year) return Error(400, "required", "请指定年度", "year");
    auto res = s.plans.Stats(req.actor(), static_cast<int>(*year));
    if (!res.ok()) return Error(res.status());
    auto rows = [](const std::vector<InspectionCounts>& v) {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& c : v) a.push_back(CountsJson(c));
      return a;
    };
    nlohmann::json estimates = nlohmann::json::array();
    for (const auto& p : res->estimates) {
      const auto& e = p.estimate;
      estimates.push_back({{"plan_id", p.plan_id},
                           {"plan_name", p.plan_name},
                           {"lead_department_id", p.lead_department_id},
                           {"item_codes", p.item_codes},
                           {"population", e.population},
                           {"covered", e.covered},
                           {"inspected", e.inspected},
                           {"problems", e.problems},
                           {"rate", e.rate},
                           {"low", e.low},
                           {"high", e.high},
                           {"standard_error", e.standard_error}});
    }
    return Json(200, {{"year", *year},
                      {"total", CountsJson(res->total)},
                      {"by_department", rows(res->by_department)},
                      {"by_month", rows(res->by_month)},
                      {"by_street", rows(res->by_street)},
                      {"by_risk", rows(res->by_risk)},
                      {"by_item", rows(res->by_item)},
                      {"estimates", estimates}});
  });
}

void RegisterPublicPlanRoutes(Router& r, Services& s,
                              const std::function<Handler(Handler)>& publicly) {
  r.Add("GET", "/api/v1/public/plans", Access::kPublic, publicly([&s](Request& req) {
          std::optional<std::int64_t> year;
          if (Status st = IdQuery(req, "year", &year); !st.ok()) return Error(st);
          auto res = s.plans.PublicPlans(year ? std::optional<int>(static_cast<int>(*year))
                                              : std::nullopt);
          if (!res.ok()) return Error(res.status());
          nlohmann::json out = nlohmann::json::array();
          for (const auto& p : *res) out.push_back(PublicPlanJson(p));
          return Json(200, {{"items", out}});
        }));

  r.Add("GET", "/api/v1/public/plans/{id}", Access::kPublic, publicly([&s](Request& req) {
          auto id = req.IdParam("id");
          if (!id) return Error(404, "plan_not_found", "抽查计划不存在或尚未公示");
          auto p = s.plans.PublicPlan(*id);
          if (!p.ok()) return Error(p.status());
          auto d = s.plans.DrawRecord(nullptr, *id);
          if (!d.ok()) return Error(d.status());
          nlohmann::json j = PublicPlanJson(*p);
          j["draw"] = PublicDrawJson(*d);
          auto results = s.plans.PublicResults(*p);
          if (!results.ok()) return Error(results.status());
          nlohmann::json rows = nlohmann::json::array();
          for (const auto& t : *results) rows.push_back(PublicInspectionResult(t));
          j["results"] = rows;
          return Json(200, j);
        }));

  // Bulk download of every published result of a year (UTF-8 with BOM for
  // Excel; formula-safe cells), so nobody has to scrape the pages.
  r.Add("GET", "/api/v1/public/inspection-results.csv", Access::kPublic,
        publicly([&s](Request& req) {
          std::optional<std::int64_t> year;
          if (Status st = IdQuery(req, "year", &year); !st.ok()) return Error(st);
          if (!year) return Error(400, "required", "请指定年度", "year");
          auto plans = s.plans.PublicPlans(static_cast<int>(*year));
          if (!plans.ok()) return Error(plans.status());
          Response out;
          out.content_type = "text/csv; charset=utf-8";
          out.body = "\xEF\xBB\xBF" + CsvLine({"计划编号", "抽查计划", "统一社会信用代码", "名称",
                                                "检查日期", "检查结果"});
          for (const auto& p : *plans) {
            if (p.status != PlanStatus::kPublished) continue;
            auto results = s.plans.PublicResults(p);
            if (!results.ok()) return Error(results.status());
            for (const auto& t : *results) {
              out.body += CsvLine({std::to_string(p.id), p.name, t.credit_code, t.entity_name,
                                   t.inspected_on,
                                   t.outcome ? std::string(InspectionOutcomeLabel(*t.outcome)) : ""});
            }
          }
          out.headers.emplace_back("Content-Disposition",
                                   "attachment; filename=\"inspection-results-" +
                                       std::to_string(*year) + ".csv\"");
          return out;
        }));

  // Before the draw: the frozen input (no seed); after: the full verification file.
  r.Add("GET", "/api/v1/public/plans/{id}/draw-file", Access::kPublic, publicly([&s](Request& req) {
          auto id = req.IdParam("id");
          if (!id) return Error(404, "plan_not_found", "抽查计划不存在或尚未公示");
          auto p = s.plans.PublicPlan(*id);
          if (!p.ok()) return Error(p.status());
          auto d = s.plans.DrawRecord(nullptr, *id);
          if (!d.ok()) return Error(d.status());
          return DrawFileText(*id, *d);
        }));
}

}  // namespace jg::http
