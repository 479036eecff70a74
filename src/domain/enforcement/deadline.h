// Due dates and countdowns of the statutory periods of a case, computed from
// a DeadlineRule (data) and the working-day calendar. Pure: the event dates
// and "today" are passed in.
//
// Counting (docs/working-days.md): the day of the start event is not counted;
// a period whose last day is not a working day ends on the next working day;
// excluded intervals stop the clock and move the due date out by the days
// they overlap the running period, each day counted once however many
// intervals cover it. Periods in years (limitation) end on the same month and
// day (28 February for 29 February) and are not rolled: they ask whether a
// violation was found in time, not by when a party must act.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.h"
#include "domain/civil_date.h"
#include "domain/enforcement/deadline_rules.h"
#include "domain/status.h"

namespace jg::enforcement {

// An interval that does not count (both ends inclusive), e.g. a test
// 2023-02-01..2023-02-10 of kind "testing".
struct ExcludedInterval {
  std::string kind;  // an ExcludedKind code, e.g. "testing"
  Date from;
  Date to;
};

struct DeadlineInput {
  Date start;             // the start event (not counted)
  bool extended = false;  // the extension was approved
  std::vector<ExcludedInterval> excluded;
};

// The last day of the period.
// Errors (InvalidArgument, field named): "unknown_excluded_kind" and
// "excluded_kind_not_allowed" (field "excluded[i].kind"), "invalid_excluded_period"
// (field "excluded[i].to", from after to), "extension_not_allowed" (field
// "extended", the rule cannot be extended); calendar_not_covered.
Result<Date> ComputeDueDate(const WorkCalendar& calendar, const DeadlineRule& rule,
                            const DeadlineInput& input);

enum class CountdownState {
  kOk,           // time to spare
  kApproaching,  // at most rule.warn_before units remain
  kDueToday,     // today is the last day
  kOverdue,      // the last day has passed
  kWaiting,      // a waiting period still running (today on or before its last day)
  kWaitOver,     // a waiting period has ended: the next step may follow
};
std::string_view CountdownStateName(CountdownState s);   // "ok", "approaching", …
std::string_view CountdownStateLabel(CountdownState s);  // "正常", "即将到期", …

struct Countdown {
  Date due;
  // Units left from today (not counted) to the due date (counted): working
  // days for a working-day rule, else calendar days. 0 on the due date,
  // negative once past it (how many units overdue).
  int remaining = 0;
  CountdownState state = CountdownState::kOk;
};

// Error: calendar_not_covered (working-day rules need today..due covered).
Result<Countdown> CountDown(const WorkCalendar& calendar, const DeadlineRule& rule, Date due,
                            Date today);

// ComputeDueDate then CountDown.
Result<Countdown> CountDownFrom(const WorkCalendar& calendar, const DeadlineRule& rule,
                                const DeadlineInput& input, Date today);

}  // namespace jg::enforcement
