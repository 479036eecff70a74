#include "domain/inspection_plan.h"

#include <algorithm>
#include <set>

#include "domain/civil_date.h"
#include "domain/inspection_registry.h"
#include "domain/text_fields.h"

namespace jg {
namespace {

struct Named {
  std::string_view code;
  std::string_view label;
};
constexpr Named kPlanStatuses[] = {{"draft", "草稿"},       {"approved", "已审批"},
                                   {"committed", "已公示承诺"}, {"drawn", "已抽取"},
                                   {"published", "结果已公示"}, {"cancelled", "已撤销"}};
constexpr Named kOutcomes[] = {{"no_problem", "未发现问题"},
                               {"corrected", "发现问题已责令改正"},
                               {"case_filed", "发现问题移送立案"},
                               {"problem_other", "发现问题，待后续处理"},
                               {"unreachable", "通过登记的住所（经营场所）无法联系"},
                               {"not_operating", "未发现开展本次抽查涉及的经营活动"},
                               {"uncooperative", "不配合检查"}};
constexpr std::string_view kTaskStatuses[] = {"assigned", "done", "cancelled"};
constexpr Named kSeverities[] = {{"minor", "一般"}, {"moderate", "较重"}, {"serious", "严重"}};
constexpr Named kAnswers[] = {{"conform", "符合"}, {"nonconform", "不符合"}, {"not_applicable", "不涉及"}};

template <size_t N>
std::optional<int> FindNamed(const Named (&table)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (table[i].code == s || table[i].label == s) return static_cast<int>(i);
  }
  return std::nullopt;
}

Status CheckStrata(std::vector<draw::StratumRule>& strata) {
  if (strata.empty())
    return InvalidArgument("required", "请至少设置一个分层（信用风险分类）的抽取数量或比例",
                           "strata");
  std::set<std::string> seen;
  for (auto& r : strata) {
    r.stratum = Trim(r.stratum);
    UpperAscii(r.stratum);
    if (!(r.stratum.empty() || r.stratum == "A" || r.stratum == "B" || r.stratum == "C" ||
          r.stratum == "D"))
      return InvalidArgument("invalid_stratum", "分层只能是信用风险分类 A、B、C、D 或未分类",
                             "strata");
    if (!seen.insert(r.stratum).second)
      return InvalidArgument("duplicate_stratum",
                             "分层“" + (r.stratum.empty() ? std::string("未分类") : r.stratum) +
                                 "”重复",
                             "strata");
    if (r.by_ratio) {
      if (r.ratio_ppm == 0 || r.ratio_ppm > 1'000'000)
        return InvalidArgument("invalid_ratio", "抽取比例应大于 0% 且不超过 100%", "strata");
      r.count = 0;
    } else {
      if (r.count == 0 || r.count > draw::kMaxSelected)
        return InvalidArgument("invalid_count", "抽取户数应在 1 至 1000000 之间", "strata");
      r.ratio_ppm = 0;
    }
  }
  std::sort(strata.begin(), strata.end(),
            [](const auto& a, const auto& b) { return a.stratum < b.stratum; });
  return Status::Ok();
}

}  // namespace

std::string_view PlanStatusName(PlanStatus s) { return kPlanStatuses[static_cast<int>(s)].code; }
std::string_view PlanStatusLabel(PlanStatus s) { return kPlanStatuses[static_cast<int>(s)].label; }
std::optional<PlanStatus> ParsePlanStatus(std::string_view s) {
  auto i = FindNamed(kPlanStatuses, s);
  if (!i) return std::nullopt;
  return static_cast<PlanStatus>(*i);
}

std::string_view InspectionOutcomeName(InspectionOutcome o) {
  return kOutcomes[static_cast<int>(o)].code;
}
std::string_view InspectionOutcomeLabel(InspectionOutcome o) {
  return kOutcomes[static_cast<int>(o)].label;
}
std::optional<InspectionOutcome> ParseInspectionOutcome(std::string_view s) {
  auto i = FindNamed(kOutcomes, s);
  if (!i) return std::nullopt;
  return static_cast<InspectionOutcome>(*i);
}
std::string_view FindingSeverityName(FindingSeverity s) { return kSeverities[static_cast<int>(s)].code; }
std::string_view FindingSeverityLabel(FindingSeverity s) { return kSeverities[static_cast<int>(s)].label; }
std::optional<FindingSeverity> ParseFindingSeverity(std::string_view s) {
  auto i = FindNamed(kSeverities, s);
  if (!i) return std::nullopt;
  return static_cast<FindingSeverity>(*i);
}
std::string_view ChecklistAnswerName(ChecklistAnswer a) { return kAnswers[static_cast<int>(a)].code; }
std::string_view ChecklistAnswerLabel(ChecklistAnswer a) { return kAnswers[static_cast<int>(a)].label; }
std::optional<ChecklistAnswer> ParseChecklistAnswer(std::string_view s) {
  auto i = FindNamed(kAnswers, s);
  if (!i) return std::nullopt;
  return static_cast<ChecklistAnswer>(*i);
}

bool IsProblem(InspectionOutcome o) {
  return o == InspectionOutcome::kCorrected || o == InspectionOutcome::kCaseFiled ||
         o == InspectionOutcome::kProblemOther || o == InspectionOutcome::kUncooperative;
}

std::string_view TaskStatusName(TaskStatus s) { return kTaskStatuses[static_cast<int>(s)]; }
std::optional<TaskStatus> ParseTaskStatus(std::string_view s) {
  for (int i = 0; i < 3; ++i) {
    if (kTaskStatuses[i] == s) return static_cast<TaskStatus>(i);
  }
  return std::nullopt;
}

Status NormalizePlan(InspectionPlan& p) {
  JG_RETURN_IF_ERROR(CheckText(p.name, "name", "计划名称", 1, 100));
  JG_RETURN_IF_ERROR(CheckDate(p.period_from, "period_from", "检查开始日期", true));
  JG_RETURN_IF_ERROR(CheckDate(p.period_to, "period_to", "检查结束日期", true));
  if (p.period_to < p.period_from)
    return InvalidArgument("invalid_period", "检查结束日期不能早于开始日期", "period_to");
  p.year = std::stoi(p.period_from.substr(0, 4));
  if (p.period_to.substr(0, 4) != p.period_from.substr(0, 4))
    return InvalidArgument("invalid_period", "一个抽查计划的检查期间应在同一年度内", "period_to");
  if (p.lead_department_id <= 0)
    return InvalidArgument("required", "请选择牵头部门", "lead_department_id");
  std::sort(p.member_department_ids.begin(), p.member_department_ids.end());
  p.member_department_ids.erase(
      std::unique(p.member_department_ids.begin(), p.member_department_ids.end()),
      p.member_department_ids.end());
  if (std::find(p.member_department_ids.begin(), p.member_department_ids.end(),
                p.lead_department_id) != p.member_department_ids.end())
    return InvalidArgument("invalid_member", "牵头部门不必再列为参与部门", "member_department_ids");
  if (p.item_codes.empty())
    return InvalidArgument("required", "请选择至少一个抽查事项", "item_codes");
  if (p.item_codes.size() > draw::kMaxItems)
    return InvalidArgument("too_many", "抽查事项过多", "item_codes");
  for (auto& c : p.item_codes) {
    c = Trim(c);
    UpperAscii(c);
    if (!IsValidInspectionItemCode(c))
      return InvalidArgument("invalid_item_code", "抽查事项编号“" + c + "”格式不正确",
                             "item_codes");
  }
  std::sort(p.item_codes.begin(), p.item_codes.end());
  p.item_codes.erase(std::unique(p.item_codes.begin(), p.item_codes.end()), p.item_codes.end());

  auto& pop = p.population;
  JG_RETURN_IF_ERROR(CheckText(pop.street, "population.street", "街镇", 0, 30));
  JG_RETURN_IF_ERROR(CheckText(pop.tag, "population.tag", "标签", 0, 20));
  JG_RETURN_IF_ERROR(CheckText(pop.holding_item, "population.holding_item", "经营项目", 0, 50));
  pop.industry_prefix = Trim(pop.industry_prefix);
  UpperAscii(pop.industry_prefix);
  if (pop.industry_prefix.size() > 5)
    return InvalidArgument("invalid_industry", "行业代码前缀最多 5 位", "population.industry_prefix");
  pop.holding_kind = Trim(pop.holding_kind);
  if (!pop.holding_item.empty() && pop.holding_kind.empty())
    return InvalidArgument("required", "按经营项目筛选时请同时选择许可证照种类",
                           "population.holding_kind");

  JG_RETURN_IF_ERROR(CheckStrata(p.strata));
  if (p.exclude_recent_months < 0 || p.exclude_recent_months > 36)
    return InvalidArgument("invalid_months", "排除近期已检查主体的月数应在 0 至 36 之间",
                           "exclude_recent_months");
  if (p.max_per_year < 0 || p.max_per_year > 12)
    return InvalidArgument("invalid_max", "同一主体每年被随机抽查的次数上限应在 0 至 12 之间",
                           "max_per_year");
  if (p.per_entity < draw::kMinPerEntity || p.per_entity > draw::kMaxPerEntity)
    return InvalidArgument("invalid_per_entity", "每户检查人员应为 2 至 10 名", "per_entity");
  if (p.workload_cap > draw::kMaxWorkload)
    return InvalidArgument("invalid_workload_cap", "工作量上限过大", "workload_cap");
  JG_RETURN_IF_ERROR(CheckText(p.seed_source, "seed_source", "公开随机数来源", 0, 200));
  if (p.seed_mode == draw::SeedMode::kPublicValue && p.seed_source.empty())
    return InvalidArgument("required",
                           "使用公开随机数时，请写明事先确定的来源（如某日某期彩票开奖号码）",
                           "seed_source");
  return Status::Ok();
}

std::string ExclusionsText(const InspectionPlan& p) {
  std::string out = "已注销、吊销、迁出的主体";
  if (p.exclude_recent_months > 0)
    out += "；近" + std::to_string(p.exclude_recent_months) + "个月内已被随机抽查的主体";
  if (p.max_per_year > 0)
    out += "；本年度已被随机抽中" + std::to_string(p.max_per_year) + "次的主体";
  return out;
}

std::string RecentSince(const InspectionPlan& p) {
  if (p.exclude_recent_months <= 0) return "";
  auto d = Date::Parse(p.period_from);
  if (!d.ok()) return "";
  int y = d->year(), m = d->month() - p.exclude_recent_months;
  while (m < 1) {
    m += 12;
    --y;
  }
  int day = std::min(d->day(), DaysInMonth(y, m));
  return Date::FromYmd(y, m, day)->ToString();
}

Status CheckTaskResult(const InspectionPlan& plan, InspectionTask& t, std::string_view today) {
  if (!t.outcome) return InvalidArgument("required", "请选择检查结果", "outcome");
  JG_RETURN_IF_ERROR(CheckText(t.findings, "findings", "检查情况", 0, 2000));
  if (IsProblem(*t.outcome) && t.findings.empty())
    return InvalidArgument("required", "发现问题时请写明发现的问题", "findings");
  JG_RETURN_IF_ERROR(CheckDate(t.inspected_on, "inspected_on", "检查日期", true));
  if (t.inspected_on < plan.period_from || t.inspected_on > plan.period_to)
    return InvalidArgument("outside_period",
                           "检查日期应在计划的检查期间（" + plan.period_from + " 至 " +
                               plan.period_to + "）内",
                           "inspected_on");
  if (t.inspected_on > today)
    return InvalidArgument("future_date", "检查日期不能晚于今天", "inspected_on");
  if (IsProblem(*t.outcome) && !t.severity)
    return InvalidArgument("required", "发现问题时请选择问题严重程度", "severity");
  if (!IsProblem(*t.outcome) && t.severity)
    return InvalidArgument("severity_without_problem", "未发现问题时不填写问题严重程度", "severity");
  return Status::Ok();
}

Status CheckChecklist(const std::vector<std::pair<std::string, std::vector<std::string>>>& points,
                      const InspectionTask& t) {
  if (t.checklist.empty()) return Status::Ok();
  std::set<std::pair<std::string, std::string>> expected, seen;
  for (const auto& [item, lines] : points)
    for (const auto& l : lines) expected.emplace(item, l);
  bool nonconform = false;
  for (const auto& m : t.checklist) {
    if (!expected.count({m.item_code, m.point}))
      return InvalidArgument("unknown_checklist_point",
                             "检查要点不属于本计划的抽查事项：" + m.item_code + " " + m.point, "checklist");
    if (!seen.emplace(m.item_code, m.point).second)
      return InvalidArgument("duplicate_checklist_point", "检查要点重复：" + m.point, "checklist");
    nonconform = nonconform || m.answer == ChecklistAnswer::kNonconform;
  }
  if (seen.size() != expected.size())
    return InvalidArgument("checklist_incomplete",
                           "请逐项填写检查要点（共 " + std::to_string(expected.size()) + " 项，已填 " +
                               std::to_string(seen.size()) + " 项）",
                           "checklist");
  if (nonconform && !IsProblem(*t.outcome))
    return InvalidArgument("checklist_contradicts_outcome", "有检查要点不符合时，检查结果应为发现问题",
                           "checklist");
  if (!nonconform && IsProblem(*t.outcome) && *t.outcome != InspectionOutcome::kUncooperative)
    return InvalidArgument("checklist_contradicts_outcome", "检查结果为发现问题时，请标明不符合的检查要点",
                           "checklist");
  return Status::Ok();
}

}  // namespace jg
