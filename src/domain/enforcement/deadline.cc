#include "domain/enforcement/deadline.h"

#include <algorithm>

namespace jg::enforcement {
namespace {

struct Named {
  std::string_view code, label;
};
constexpr Named kStates[] = {
    {"ok", "正常"},        {"approaching", "即将到期"}, {"due_today", "今日到期"},
    {"overdue", "已超期"}, {"waiting", "期间未满"},     {"wait_over", "期间已满"}};

std::string Field(std::size_t i, std::string_view name) {
  return "excluded[" + std::to_string(i) + "]." + std::string(name);
}

// Checks each interval against the rule and converts it for the calendar.
Result<std::vector<ExcludedPeriod>> CheckExcluded(const DeadlineRule& rule,
                                                  const std::vector<ExcludedInterval>& excluded) {
  std::vector<ExcludedPeriod> out;
  for (std::size_t i = 0; i < excluded.size(); ++i) {
    const ExcludedInterval& e = excluded[i];
    const std::optional<ExcludedKind> kind = ParseExcludedKind(e.kind);
    if (!kind) {
      return InvalidArgument("unknown_excluded_kind", "未知的不计入期间种类「" + e.kind + "」",
                             Field(i, "kind"));
    }
    if (std::find(rule.excluded_kinds.begin(), rule.excluded_kinds.end(), *kind) ==
        rule.excluded_kinds.end()) {
      return InvalidArgument("excluded_kind_not_allowed",
                             std::string(ExcludedKindLabel(*kind)) + "的期间不能从「" + rule.name +
                                 "」中扣除（依据：" + rule.basis + "）",
                             Field(i, "kind"));
    }
    if (e.to < e.from) {
      return InvalidArgument("invalid_excluded_period",
                             std::string(ExcludedKindLabel(*kind)) + "期间的起日 " +
                                 e.from.ToString() + " 晚于止日 " + e.to.ToString(),
                             Field(i, "to"));
    }
    out.push_back(ExcludedPeriod{e.from, e.to, std::string(ExcludedKindLabel(*kind))});
  }
  return out;
}

// The same month and day `years` later; 29 February becomes 28 February.
Result<Date> AddYears(Date start, int years) {
  const int y = start.year() + years;
  const int day = std::min(start.day(), DaysInMonth(y, start.month()));
  const std::optional<Date> d = Date::FromYmd(y, start.month(), day);
  if (!d) return InvalidArgument("invalid_period", "期限超出可表示的日期范围", "start");
  return *d;
}

}  // namespace

std::string_view CountdownStateName(CountdownState s) {
  return kStates[static_cast<int>(s)].code;
}
std::string_view CountdownStateLabel(CountdownState s) {
  return kStates[static_cast<int>(s)].label;
}

Result<Date> ComputeDueDate(const WorkCalendar& calendar, const DeadlineRule& rule,
                            const DeadlineInput& input) {
  if (input.extended && rule.extension == 0) {
    return InvalidArgument("extension_not_allowed", "「" + rule.name + "」不能延长", "extended");
  }
  JG_ASSIGN_OR_RETURN(std::vector<ExcludedPeriod> excluded, CheckExcluded(rule, input.excluded));
  const int length = rule.length + (input.extended ? rule.extension : 0);
  switch (rule.unit) {
    case PeriodUnit::kWorkingDays:
      return WorkingDaysDeadline(calendar, input.start, length, excluded);
    case PeriodUnit::kCalendarDays:
      return CalendarDaysDeadline(calendar, input.start, length, excluded);
    case PeriodUnit::kYears:
      return AddYears(input.start, length);
  }
  return Internal("unknown period unit");
}

Result<Countdown> CountDown(const WorkCalendar& calendar, const DeadlineRule& rule, Date due,
                            Date today) {
  Countdown c;
  c.due = due;
  if (rule.unit == PeriodUnit::kWorkingDays) {
    JG_ASSIGN_OR_RETURN(c.remaining, calendar.WorkingDaysBetween(today, due));
    // Past a due date, WorkingDaysBetween counts working days in (due, today];
    // a non-working today after the due date is still overdue.
    if (today > due && c.remaining == 0) c.remaining = -1;
  } else {
    c.remaining = static_cast<int>(DaysBetween(today, due));
  }
  if (rule.effect == PeriodEffect::kWaitingPeriod) {
    c.state = today > due ? CountdownState::kWaitOver : CountdownState::kWaiting;
  } else if (today > due) {
    c.state = CountdownState::kOverdue;
  } else if (today == due) {
    c.state = CountdownState::kDueToday;
  } else if (c.remaining <= rule.warn_before) {
    c.state = CountdownState::kApproaching;
  } else {
    c.state = CountdownState::kOk;
  }
  return c;
}

Result<Countdown> CountDownFrom(const WorkCalendar& calendar, const DeadlineRule& rule,
                                const DeadlineInput& input, Date today) {
  JG_ASSIGN_OR_RETURN(Date due, ComputeDueDate(calendar, rule, input));
  return CountDown(calendar, rule, due, today);
}

}  // namespace jg::enforcement
