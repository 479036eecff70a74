// 双随机、一公开 of one year: per station a food plan and a price plan in the
// first half and a public-information plan in the second; bureau-wide a drug
// plan, a metrology plan, a joint plan with the commerce commission on
// alcohol sellers, and a last public-information plan that takes what is left
// of the year's total. Each plan is drafted, approved, committed, drawn with
// a public value, inspected and published through PlanService; the results
// are dealt so that the year's totals are exactly the targets.
#include <algorithm>
#include <cmath>

#include "demo/simulation.h"
#include "service/report_service.h"

namespace jg::demo {
namespace {

// 检查情况 written for a problem, by inspection item.
const char* Finding(const std::string& item, InspectionOutcome o) {
  if (o == InspectionOutcome::kUncooperative) return "经营者拒绝提供进货查验记录，不配合检查";
  if (o == InspectionOutcome::kCaseFiled) {
    if (item == "SP-001") return "发现超过保质期的预包装食品在售，涉嫌违法，已移送立案";
    if (item == "YP-001") return "发现从非法渠道购进的药品，涉嫌违法，已移送立案";
    return "发现涉嫌违法行为，已移送立案";
  }
  if (item == "SP-001") return "进货查验记录不全，从业人员健康证明过期，已责令改正";
  if (item == "YP-001") return "处方药未凭处方销售，已责令改正";
  if (item == "JG-001") return "部分商品未明码标价，已责令改正";
  if (item == "JL-001") return "电子秤未按期申请强制检定，已责令改正";
  return "年度报告公示信息与登记信息不一致，已责令改正";
}

}  // namespace

Status Simulation::PlanInspections(int year, std::int64_t tasks, std::int64_t problems,
                                   std::int64_t cases_filed) {
  struct Template {
    std::string name;
    std::string item;
    std::string lead;
    std::string member;
    PlanPopulation pop;
    int share;  // per mille of the year's tasks
    int batch;  // 1: March–June, 2: July–October
  };
  std::vector<Template> ts;
  int weights = 0;
  for (const auto& s : DemoStreets()) weights += s.weight;
  JG_ASSIGN_OR_RETURN(auto depts, tx_.ListDepartments());
  auto name_of = [&](const std::string& code) {
    for (const auto& d : depts)
      if (d.code == code) return d.name;
    return code;
  };
  for (const auto& s : DemoStreets()) {
    const Id station = dept_.at(s.station);
    const std::string who = name_of(s.station);
    PlanPopulation food;
    food.station_id = station;
    food.holding_kind = "food_operation_licence";
    PlanPopulation retail;
    retail.station_id = station;
    retail.industry_prefix = "F52";
    PlanPopulation firms;
    firms.station_id = station;
    firms.kind = EntityKind::kEnterprise;
    ts.push_back({who + "食品经营者双随机抽查", "SP-001", s.station, "", food, 350 * s.weight / weights, 1});
    ts.push_back({who + "商品零售经营者价格行为双随机抽查", "JG-001", s.station, "", retail,
                  150 * s.weight / weights, 1});
    ts.push_back({who + "企业公示信息双随机抽查", "GS-001", s.station, "", firms, 250 * s.weight / weights, 2});
  }
  PlanPopulation drug;
  drug.holding_kind = "drug_retail_licence";
  ts.push_back({"嘉定区药品零售企业双随机抽查", "YP-001", "YPJGK", "", drug, 20, 1});
  PlanPopulation scales;
  scales.industry_prefix = "F5212";
  ts.push_back({"嘉定区超市计量器具双随机抽查", "JL-001", "JLK", "", scales, 30, 2});
  PlanPopulation alcohol;
  alcohol.holding_kind = "food_operation_licence";
  alcohol.holding_item = kAlcoholBusinessItem;
  ts.push_back({"嘉定区含酒类食品经营者部门联合双随机抽查", "SP-001", "SPXKK", "LMD16", alcohol, 80, 2});
  PlanPopulation all_firms;
  all_firms.kind = EntityKind::kEnterprise;
  ts.push_back({"嘉定区企业公示信息双随机抽查（补充批次）", "GS-001", "JDSJ", "", all_firms, 0, 2});

  // Sizes: each its share, the last plan what is left, so the year is exact.
  std::vector<std::int64_t> sizes;
  std::int64_t assigned = 0;
  for (std::size_t k = 0; k + 1 < ts.size(); ++k) {
    sizes.push_back(std::max<std::int64_t>(1, std::llround(static_cast<double>(tasks) * ts[k].share / 1000.0)));
    assigned += sizes.back();
  }
  if (assigned >= tasks)
    return InvalidArgument("demo_too_small", "抽查目标过小，不足以分配到各计划", "scale");
  sizes.push_back(tasks - assigned);

  const std::size_t first = plans_list_.size();
  for (std::size_t k = 0; k < ts.size(); ++k) {
    const Template& t = ts[k];
    DemoPlan p;
    InspectionPlan& plan = p.plan;
    plan.name = std::to_string(year) + "年" + t.name;
    plan.year = year;
    p.created_on = t.batch == 1 ? Wd(Ymd(year, 2, 13), rng_.Between(0, 4)) : Wd(Ymd(year, 6, 5), rng_.Between(0, 4));
    p.draw_on = Wd(p.created_on, 6);
    Date from = t.batch == 1 ? Wd(Ymd(year, 3, 1), rng_.Between(0, 5)) : Wd(Ymd(year, 7, 3), rng_.Between(0, 5));
    Date to = t.batch == 1 ? Ymd(year, 6, 30) : Ymd(year, 10, 31);
    plan.period_from = from.ToString();
    plan.period_to = to.ToString();
    plan.lead_department_id = dept_.at(t.lead);
    if (!t.member.empty()) plan.member_department_ids = {dept_.at(t.member)};
    plan.item_codes = {t.item};
    plan.population = t.pop;
    plan.per_entity = 2;
    plan.seed_mode = draw::SeedMode::kPublicValue;
    plan.seed_source = "中国福利彩票“双色球” " + std::to_string(year) + "年第" +
                       std::to_string(100 + static_cast<int>(k)) + "期开奖号码（计划批准时确定）";
    p.publish_on = Wd(to, rng_.Between(4, 12));
    p.slots.resize(static_cast<std::size_t>(sizes[k]));
    for (auto& s : p.slots) s.day = RandomWorkday(from, std::min(to, Ymd(year, 10, 31)));
    plans_list_.push_back(std::move(p));
  }

  // The results: `cases_filed` among inspections up to the end of August
  // (their cases can run their course within the year), the other problems
  // and the rest dealt at random over all.
  std::vector<std::pair<std::size_t, std::size_t>> early, all;
  for (std::size_t k = first; k < plans_list_.size(); ++k) {
    for (std::size_t j = 0; j < plans_list_[k].slots.size(); ++j) {
      all.emplace_back(k, j);
      if (plans_list_[k].slots[j].day <= Ymd(year, 8, 31)) early.emplace_back(k, j);
    }
  }
  if (static_cast<std::int64_t>(early.size()) < cases_filed || problems > tasks || cases_filed > problems)
    return InvalidArgument("demo_targets_inconsistent", "抽查的问题数或立案数与检查数不相容", "calibration");
  rng_.Shuffle(early);
  for (std::int64_t k = 0; k < cases_filed; ++k) {
    auto [pi, si] = early[k];
    DemoSlot& s = plans_list_[pi].slots[si];
    s.outcome = InspectionOutcome::kCaseFiled;
    DemoCase c;
    c.from_inspection = true;
    c.found_on = s.day;
    c.department_id = plans_list_[pi].plan.lead_department_id;
    s.demo_case = static_cast<int>(cases_.size());
    cases_.push_back(c);
  }
  rng_.Shuffle(all);
  std::int64_t other_problems = problems - cases_filed;
  for (auto [pi, si] : all) {
    DemoSlot& s = plans_list_[pi].slots[si];
    if (s.outcome == InspectionOutcome::kCaseFiled) continue;
    if (other_problems > 0) {
      --other_problems;
      int r = rng_.Between(0, 999);
      s.outcome = r < 20 ? InspectionOutcome::kUncooperative
                  : r < 60 ? InspectionOutcome::kProblemOther
                           : InspectionOutcome::kCorrected;
    } else {
      int r = rng_.Between(0, 999);
      s.outcome = r < 50 ? InspectionOutcome::kUnreachable
                  : r < 90 ? InspectionOutcome::kNotOperating
                           : InspectionOutcome::kNoProblem;
    }
  }
  for (std::size_t k = first; k < plans_list_.size(); ++k) {
    At(plans_list_[k].created_on, 2, [this, k] { return CreatePlan(plans_list_[k]); });
  }
  return Status::Ok();
}

// Drafted, with counts per credit-risk stratum that oversample the higher
// risks (A×1, B×2, C×4, D×8) and add up to the plan's size exactly.
Status Simulation::CreatePlan(DemoPlan& p) {
  InspectionPlan& plan = p.plan;
  JG_ASSIGN_OR_RETURN(auto eligible, tx_.ListEligibleEntities(plan.population, "", 0, 0));
  const std::vector<std::pair<std::string, int>> strata = {{"A", 1}, {"B", 2}, {"C", 4}, {"D", 8}, {"", 2}};
  std::map<std::string, std::int64_t> n;
  for (const auto& e : eligible) n[std::string(RiskClassName(e.risk_class))]++;
  const auto size = static_cast<std::int64_t>(p.slots.size());
  std::int64_t available = 0;
  for (auto& [s, c] : n) available += c;
  if (available < size)
    return FailedPrecondition("demo_population_too_small",
                              plan.name + "：可抽取 " + std::to_string(available) + " 户，少于计划的 " +
                                  std::to_string(size) + " 户",
                              "population");
  std::map<std::string, std::int64_t> count;
  std::int64_t left = size;
  // Largest remainder over the weighted populations, capped by each stratum.
  while (left > 0) {
    double total = 0;
    for (const auto& [s, w] : strata)
      if (n[s] > count[s]) total += static_cast<double>(n[s]) * w;
    std::int64_t given = 0;
    std::vector<std::pair<double, std::string>> rem;
    for (const auto& [s, w] : strata) {
      if (n[s] <= count[s]) continue;
      double ideal = static_cast<double>(left) * static_cast<double>(n[s]) * w / total;
      auto add = std::min<std::int64_t>(static_cast<std::int64_t>(ideal), n[s] - count[s]);
      count[s] += add;
      given += add;
      rem.emplace_back(ideal - std::floor(ideal), s);
    }
    left -= given;
    std::sort(rem.rbegin(), rem.rend());
    for (const auto& [r, s] : rem) {
      if (left == 0) break;
      if (n[s] > count[s]) {
        ++count[s];
        --left;
      }
    }
  }
  for (const auto& [s, w] : strata) {
    if (count[s] == 0) continue;
    draw::StratumRule r;
    r.stratum = s;
    r.count = static_cast<std::uint64_t>(count[s]);
    plan.strata.push_back(r);
  }
  JG_ASSIGN_OR_RETURN(plan, plans_.Create(admin_, plan));
  At(Wd(p.created_on, 2), 2, [this, &p]() -> Status {
    JG_ASSIGN_OR_RETURN(p.plan, plans_.Approve(leader_, p.plan.id, p.plan.version));
    return Status::Ok();
  });
  At(Wd(p.created_on, 3), 2, [this, &p]() -> Status {
    JG_RETURN_IF_ERROR(plans_.Commit(admin_, p.plan.id, p.plan.version).status());
    JG_ASSIGN_OR_RETURN(p.plan, plans_.Plan(admin_, p.plan.id));
    return Status::Ok();
  });
  At(p.draw_on, 2, [this, &p] { return DrawPlan(p); });
  return Status::Ok();
}

Status Simulation::DrawPlan(DemoPlan& p) {
  // The public value: six red balls and a blue one, as the lottery draws them.
  std::string seed;
  for (int b = 0; b < 6; ++b) seed += std::to_string(rng_.Between(1, 33)) + " ";
  seed += "+ " + std::to_string(rng_.Between(1, 16));
  JG_RETURN_IF_ERROR(plans_.Draw(admin_, p.plan.id, p.plan.version, seed).status());
  JG_ASSIGN_OR_RETURN(p.plan, plans_.Plan(admin_, p.plan.id));
  TaskQuery q;
  q.plan_id = p.plan.id;
  q.limit = 1000;
  std::vector<InspectionTask> tasks;
  for (q.offset = 0;; q.offset += q.limit) {
    JG_ASSIGN_OR_RETURN(auto page, tx_.ListTasks(q));
    tasks.insert(tasks.end(), page.begin(), page.end());
    if (static_cast<int>(page.size()) < q.limit) break;
  }
  if (tasks.size() != p.slots.size())
    return Internal(p.plan.name + "：抽取 " + std::to_string(tasks.size()) + " 户，计划 " +
                                          std::to_string(p.slots.size()) + " 户");
  // Problems are likelier the higher the credit risk: deal the plan's results
  // (all but those that file a case, whose day is fixed) by a random key
  // weighted by the task's class (weighted sampling, key = u^(1/w)).
  {
    std::vector<std::size_t> free;
    std::vector<InspectionOutcome> outcomes;
    for (std::size_t j = 0; j < tasks.size(); ++j) {
      if (p.slots[j].outcome == InspectionOutcome::kCaseFiled) continue;
      free.push_back(j);
      outcomes.push_back(p.slots[j].outcome);
    }
    std::sort(outcomes.begin(), outcomes.end(),
              [](InspectionOutcome a, InspectionOutcome b) { return IsProblem(a) > IsProblem(b); });
    auto weight = [](const std::string& s) {
      return s == "D" ? 4.0 : s == "C" ? 2.5 : s == "B" ? 1.5 : s == "A" ? 1.0 : 1.8;
    };
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t j : free) {
      const double u = (static_cast<double>(rng_.Below(1u << 30)) + 1.0) / (1u << 30);
      keyed.emplace_back(std::pow(u, 1.0 / weight(tasks[j].stratum)), j);
    }
    std::sort(keyed.rbegin(), keyed.rend());
    for (std::size_t k = 0; k < keyed.size(); ++k) p.slots[keyed[k].second].outcome = outcomes[k];
  }
  for (std::size_t j = 0; j < tasks.size(); ++j) {
    const DemoSlot& slot = p.slots[j];
    At(slot.day, 3, [this, &p, task = tasks[j], slot] { return RecordResult(p, task.id, task.version, slot); });
  }
  At(p.publish_on, 2, [this, &p]() -> Status {
    JG_ASSIGN_OR_RETURN(p.plan, plans_.Publish(admin_, p.plan.id, p.plan.version));
    return Status::Ok();
  });
  return Status::Ok();
}

Status Simulation::RecordResult(DemoPlan& p, Id task_id, std::int64_t version, const DemoSlot& slot) {
  InspectionTask r;
  r.version = version;
  r.outcome = slot.outcome;
  r.inspected_on = slot.day.ToString();
  if (IsProblem(slot.outcome)) {
    r.findings = Finding(p.plan.item_codes.front(), slot.outcome);
    int roll = rng_.Between(0, 999);
    r.severity = slot.outcome == InspectionOutcome::kCaseFiled ? (roll < 600 ? FindingSeverity::kSerious : FindingSeverity::kModerate)
                 : roll < 650                                  ? FindingSeverity::kMinor
                 : roll < 930                                  ? FindingSeverity::kModerate
                                                               : FindingSeverity::kSerious;
  }
  // The checklist: every point of the items, one or two 不符合 with a problem;
  // nothing when the entity could not be inspected at all.
  if (slot.outcome != InspectionOutcome::kUnreachable && slot.outcome != InspectionOutcome::kNotOperating) {
    for (const auto& code : p.plan.item_codes) {
      for (const auto& point : checklists_[code]) {
        ChecklistAnswer a = slot.outcome == InspectionOutcome::kUncooperative ? ChecklistAnswer::kNotApplicable
                            : rng_.PerMille(80)                                ? ChecklistAnswer::kNotApplicable
                                                                               : ChecklistAnswer::kConform;
        r.checklist.push_back({code, point, a});
      }
    }
    if (IsProblem(slot.outcome) && slot.outcome != InspectionOutcome::kUncooperative && !r.checklist.empty()) {
      r.checklist[rng_.Below(r.checklist.size())].answer = ChecklistAnswer::kNonconform;
      if (rng_.PerMille(300)) r.checklist[rng_.Below(r.checklist.size())].answer = ChecklistAnswer::kNonconform;
    }
  }
  JG_ASSIGN_OR_RETURN(auto done, plans_.RecordResult(admin_, task_id, r));
  ++summary_.inspections;
  if (slot.demo_case >= 0) {
    DemoCase& c = cases_[slot.demo_case];
    c.task_id = done.id;
    c.party_entity_id = done.entity_id;
    c.party_code = done.credit_code;
    JG_ASSIGN_OR_RETURN(auto e, tx_.GetEntity(done.entity_id));
    c.party_name = e.name;
  }
  return Status::Ok();
}

}  // namespace jg::demo
