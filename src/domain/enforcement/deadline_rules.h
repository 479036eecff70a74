// The statutory periods of an enforcement case, as data with their legal
// basis (data/enforcement-deadlines.csv; format: docs/enforcement.md). The
// code knows how to count (units, extensions, excluded intervals); the file
// says which periods exist, how long they are, who may extend them and which
// intervals do not count — so a legal reviewer can check each line against the
// article it cites, and a province can change it without a rebuild.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jg::enforcement {

// How a period is counted.
enum class PeriodUnit {
  kWorkingDays,  // 工作日 (e.g. 十五个工作日; 《行政处罚法》第八十五条 makes its 五日、七日 working
                 // days)
  kCalendarDays,  // 日 (e.g. 九十日)
  kYears,         // 年 (limitation: 二年、五年)
};
std::string_view PeriodUnitName(PeriodUnit u);   // "working_days", "calendar_days", "years"
std::string_view PeriodUnitLabel(PeriodUnit u);  // "个工作日", "日", "年"
std::optional<PeriodUnit> ParsePeriodUnit(std::string_view s);

// What the end of the period means.
enum class PeriodEffect {
  kDeadline,       // the act must be done by the last day (期限)
  kWaitingPeriod,  // the next act may only follow after the last day (e.g. 陈述申辩期)
};
std::string_view PeriodEffectName(PeriodEffect e);  // "deadline", "waiting_period"
std::optional<PeriodEffect> ParsePeriodEffect(std::string_view s);

// The kinds of interval the law lets a period not count. The list is fixed
// by the procedural rules; which kind applies to which period is data.
enum class ExcludedKind {
  kTesting,                    // 检测、检验、检疫、鉴定
  kRightHolderIdentification,  // 权利人辨认或者鉴别
  kSuspension,                 // 中止
  kHearing,                    // 听证
  kPublicNotice,               // 公告
  kOrderedRefund,              // 责令退还多收价款
};
std::string_view ExcludedKindName(ExcludedKind k);   // "testing" …
std::string_view ExcludedKindLabel(ExcludedKind k);  // "检测、检验、检疫、鉴定" …
std::optional<ExcludedKind> ParseExcludedKind(std::string_view s);  // code only

struct DeadlineRule {
  std::string id;           // e.g. "case_decision"
  std::string name;         // 普通程序案件办理期限
  std::string start_event;  // the day counting starts from (not counted): 立案之日
  PeriodEffect effect = PeriodEffect::kDeadline;
  int length = 0;  // ≥ 1, in `unit`
  PeriodUnit unit = PeriodUnit::kCalendarDays;
  int extension = 0;                         // 0 = cannot be extended
  std::string extension_approver;            // who approves it; empty iff extension == 0
  std::vector<ExcludedKind> excluded_kinds;  // intervals that do not count
  int warn_before = 0;                       // "approaching" when at most this many units remain
  std::string basis;                         // regulation and article
  bool to_confirm = false;  // from a secondary source: confirm before relying on it
};

struct DeadlineRules {
  std::vector<DeadlineRule> rules;
  // nullptr if there is no rule `id`.
  const DeadlineRule* Find(std::string_view id) const;
};

// Parses data/enforcement-deadlines.csv. All or nothing; errors are
// InvalidArgument "deadline_rules_syntax", field "deadline_rules", naming the
// line and column: unknown unit, effect or excluded kind, a length < 1, an
// extension without an approver (or the reverse), a duplicate id, an empty
// basis, a years period with excluded kinds or an extension.
Result<DeadlineRules> ParseDeadlineRules(std::string_view text);

}  // namespace jg::enforcement
