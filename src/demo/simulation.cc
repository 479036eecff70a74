#include "demo/simulation.h"

#include <cmath>

#include "service/case_stats_service.h"
#include "service/enforcement_rules.h"
#include "service/report_service.h"
#include "service/work_calendar.h"

namespace jg::demo {

Simulation::Simulation(Store& tx, ManualClock& clock, const Calibration& cal, const DemoOptions& o)
    : tx_(tx),
      clock_(clock),
      cal_(cal),
      o_(o),
      rng_(o.seed),
      calendar_(BuiltInWorkCalendar()),
      // Generated accounts are not signed into: the cheapest hashing will do.
      env_{tx, clock, PasswordCost::Minimum()},
      entities_svc_(env_),
      holdings_(env_),
      registry_(env_),
      plans_(env_, calendar_),
      lenient_(env_, BuiltInEnforcementRules()),
      cases_svc_(env_, calendar_, BuiltInEnforcementRules(), lenient_),
      credit_(env_, calendar_, BuiltInEnforcementRules(), BuiltInCreditRules()),
      records_(env_, calendar_, BuiltInEnforcementRules(), BuiltInDocumentRules(), lenient_) {}

void Simulation::At(Date day, int order, Step run) {
  events_.push(Event{day.ToDays(), order, seq_++, std::move(run)});
}

Status Simulation::RunEvents() {
  std::int64_t done = 0;
  int reported_month = 0;
  while (!events_.empty()) {
    Event e = events_.top();
    events_.pop();
    if (e.day != current_day_) {
      current_day_ = e.day;
      day_seq_ = 0;
    }
    // 09:00 China time, a second later for each act of the day: the audit
    // trail reads as a working day.
    clock_.Set(e.day * 86400 + 3600 + std::min<std::int64_t>(day_seq_++, 28000));
    Status st = e.run();
    if (!st.ok()) {
      Date d = *Date::FromDays(e.day);
      return Status(st.code(), st.reason(), d.ToString() + "：" + st.message(), st.field());
    }
    ++done;
    Date d = *Date::FromDays(e.day);
    int month = d.year() * 12 + d.month();
    if (o_.progress && month != reported_month) {
      reported_month = month;
      if (d.month() == 1 || d.month() == 7)
        o_.progress("  模拟至 " + d.ToString().substr(0, 7) + "（已执行 " + std::to_string(done) + " 项）");
    }
  }
  return Status::Ok();
}

Date Simulation::Ymd(int y, int m, int d) const { return *Date::FromYmd(y, m, d); }

Date Simulation::Wd(Date d, int n) const {
  if (n <= 0) return calendar_.RollToWorkingDay(d).value();
  return calendar_.AddWorkingDays(d, n).value();
}

Date Simulation::RandomWorkday(Date from, Date to) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto d = *from.AddDays(static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(DaysBetween(from, to) + 1))));
    if (calendar_.IsWorkingDay(d)) return d;
  }
  return Wd(from, 0);
}

Status Simulation::Setup() {
  JG_ASSIGN_OR_RETURN(auto plans, tx_.ListPlans({}));
  if (!plans.empty())
    return FailedPrecondition("demo_database_not_empty",
                              "数据库中已有抽查计划：演示数据只生成到新建的演示库（先运行 demo-init）",
                              "db");
  JG_ASSIGN_OR_RETURN(auto depts, tx_.ListDepartments());
  for (const auto& d : depts) dept_[d.code] = d.id;
  for (const auto& s : DemoStreets()) {
    if (!dept_.count(s.station))
      return FailedPrecondition("demo_departments_missing",
                                std::string("缺少部门 ") + s.station + "：先运行 jianguan demo-init",
                                "departments");
  }
  for (const char* code : {"JDSJ", "ZFDD", "SPAQK", "SPXKK", "YPJGK", "JLK", "JJDCK", "DJZCK", "FZK",
                           "XYJGK", "LMD16"}) {
    if (!dept_.count(code))
      return FailedPrecondition("demo_departments_missing",
                                std::string("缺少部门 ") + code + "：先运行 jianguan demo-init",
                                "departments");
  }
  auto actor = [&](const char* username, Actor& a) -> Status {
    auto u = tx_.FindUserByUsername(username);
    if (!u.ok())
      return FailedPrecondition("demo_accounts_missing",
                                std::string("缺少演示账号 ") + username + "：先运行 jianguan demo-init",
                                "users");
    a = Actor{u->id, u->username, u->role, u->department_id};
    return Status::Ok();
  };
  JG_RETURN_IF_ERROR(actor("admin", admin_));
  JG_RETURN_IF_ERROR(actor("leader", leader_));
  JG_RETURN_IF_ERROR(actor("legal", legal_));
  CaseFilter f;
  f.page_size = 1;
  JG_ASSIGN_OR_RETURN(auto existing, cases_svc_.CaseList(admin_, f));
  if (existing.total > 0)
    return FailedPrecondition("demo_database_not_empty",
                              "数据库中已有案件：演示数据只生成到新建的演示库（先运行 demo-init）", "db");
  JG_ASSIGN_OR_RETURN(auto items, tx_.ListInspectionItems(true));
  for (const auto& i : items) checklists_[i.code] = i.checklist;
  JG_ASSIGN_OR_RETURN(auto rules, lenient_.Current());
  for (const auto& r : rules->rules) {
    if (r.retired) continue;
    (r.outcome == enforcement::LenientOutcome::kNoPenalty ? no_penalty_rules_ : reduced_rules_).push_back(r);
  }
  if (no_penalty_rules_.empty())
    return FailedPrecondition("demo_rules_missing", "免罚清单中没有不予处罚的规则", "lenient_rules");
  return Status::Ok();
}

// The roster (执法检查人员名录库): ten inspectors per station, the brigade,
// the sector sections and two member units, qualified by sector.
Status Simulation::Roster() {
  struct Unit {
    const char* dept;
    int count;
    std::vector<std::string> items;
    bool station;
  };
  const std::vector<std::string> all = {"GG-001", "GS-001", "JG-001", "JL-001",
                                        "SP-001", "TS-001", "YP-001", "ZL-001"};
  std::vector<Unit> units;
  for (const auto& s : DemoStreets()) units.push_back({s.station, 10, all, true});
  units.push_back({"ZFDD", 12, all, false});
  units.push_back({"SPAQK", 4, {"GS-001", "SP-001"}, false});
  units.push_back({"SPXKK", 3, {"SP-001"}, false});
  units.push_back({"YPJGK", 4, {"GS-001", "YP-001"}, false});
  units.push_back({"JLK", 3, {"JL-001", "ZL-001"}, false});
  units.push_back({"JJDCK", 4, {"GG-001", "JG-001"}, false});
  units.push_back({"LMD16", 3, {"SP-001"}, false});
  int serial = 100;
  for (const auto& u : units) {
    Id dept = dept_.at(u.dept);
    for (int i = 0; i < u.count; ++i) {
      Inspector in;
      in.name = PersonName(rng_);
      in.department_id = dept;
      if (u.station) in.station_id = dept;
      in.certificate_no = "沪市监嘉执-" + std::to_string(++serial);
      in.certificate_expires = "2027-12-31";
      in.qualified_items = u.items;
      JG_ASSIGN_OR_RETURN(auto created, registry_.CreateInspector(&admin_, in));
      officers_[dept].push_back(created.id);
    }
  }
  // The inspectors demo-init put on the roster act in cases of their departments too.
  JG_ASSIGN_OR_RETURN(auto roster, tx_.ListInspectors({}));
  for (const auto& in : roster) {
    auto& v = officers_[in.department_id];
    if (std::find(v.begin(), v.end(), in.id) == v.end()) v.push_back(in.id);
  }
  return Status::Ok();
}

Result<std::vector<FigureCheck>> Simulation::Check() {
  CaseStatsService stats(env_, lenient_);
  ReportService reports(env_, BuiltInReportFigures(), {plans_, stats, credit_, records_, holdings_});
  JG_ASSIGN_OR_RETURN(auto rep, reports.Annual(admin_, o_.year));
  std::vector<FigureCheck> out;
  for (const auto& [key, target] : cal_.values) {
    const auto& [figure, year] = key;
    if (year != o_.year && year != o_.year - 1) continue;
    const bool at_point = figure == "establishments_at";
    const std::string id = at_point ? "establishments" : figure;
    FigureCheck c{figure, year, target, -1};
    for (const auto& f : rep.figures) {
      if (f.definition.id != id) continue;
      const report::FigureLine* line = &f.total;
      if (at_point) {
        line = nullptr;
        for (const auto& b : f.breakdown)
          if (b.key == kBeihongqiaoServicePoint) line = &b;
      }
      if (!line) break;
      const auto& v = year == o_.year ? line->value : line->previous;
      if (v) c.computed = std::llround(*v);
    }
    out.push_back(c);
  }
  return out;
}

Result<DemoSummary> Simulation::Run() {
  JG_RETURN_IF_ERROR(Setup());
  JG_RETURN_IF_ERROR(Roster());
  if (o_.progress) o_.progress("名录库：生成市场主体、许可证与登记");
  JG_RETURN_IF_ERROR(PlanDirectory());
  const int y = o_.year;
  // The year before: no target, the calibrated year's shape a little smaller.
  const std::int64_t tasks = cal_.Get("random_inspections", y, 0);
  const std::int64_t problems = cal_.Get("problems_found", y, 0);
  const std::int64_t from_tasks = cal_.Get("cases_from_inspections", y, 0);
  JG_RETURN_IF_ERROR(PlanInspections(y - 1, std::llround(tasks / 1.08), std::llround(problems / 1.12),
                                     std::llround(from_tasks / 1.1)));
  JG_RETURN_IF_ERROR(PlanInspections(y, tasks, problems, from_tasks));
  JG_RETURN_IF_ERROR(PlanCases());
  JG_RETURN_IF_ERROR(PlanRepairsAndReviews());
  if (o_.progress)
    o_.progress("按日期执行：" + std::to_string(plans_list_.size()) + " 个抽查计划、" +
                std::to_string(cases_.size()) + " 件案件");
  JG_RETURN_IF_ERROR(RunEvents());
  summary_.plans = static_cast<int>(plans_list_.size());
  summary_.cases = static_cast<int>(cases_.size());
  if (o_.progress) o_.progress("核对：用年度报告从记录重新计算");
  JG_ASSIGN_OR_RETURN(summary_.checks, Check());
  std::string diff;
  for (const auto& c : summary_.checks) {
    if (c.computed != c.target)
      diff += "\n  " + c.figure + " " + std::to_string(c.year) + "：目标 " + std::to_string(c.target) +
              "，记录算得 " + std::to_string(c.computed);
  }
  if (!diff.empty())
    return FailedPrecondition("demo_not_reproduced", "生成的记录未能复现目标数字：" + diff, "calibration");
  return summary_;
}

Result<DemoSummary> GenerateDemoDistrict(Store& store, const Calibration& calibration,
                                         const DemoOptions& options) {
  DemoSummary out;
  ManualClock clock(0);
  JG_RETURN_IF_ERROR(store.Transaction([&](Store& tx) -> Status {
    Simulation sim(tx, clock, calibration, options);
    JG_ASSIGN_OR_RETURN(out, sim.Run());
    return Status::Ok();
  }));
  return out;
}

}  // namespace jg::demo
