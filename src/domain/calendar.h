// The official working-day calendar and statutory deadline arithmetic.
//
// Which days are working days is set each year by the General Office of the
// State Council (国务院办公厅关于××年部分节假日安排的通知): weekends and official
// holidays are not, the adjusted weekend days (调休上班) are. That is data, read
// from data/holidays-cn.txt (format and rules: docs/working-days.md); this code
// only parses the text it is given. A computation that would need a year the
// file does not cover fails with `calendar_not_covered`, never guesses.
//
// Counting rules (《市场监督管理行政处罚程序规定》第十八条、第六十四条; 《行政处罚法》
// 第八十五条; 《民法典》第二百零一条、第二百零三条): the day of the event is not
// counted; a period whose last day is not a working day ends on the next
// working day; excluded intervals (检测、检验、检疫、鉴定, 听证, 中止, 公告…) stop
// the clock and push the deadline out by their length.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/status.h"

namespace jg {

class WorkCalendar {
 public:
  WorkCalendar() = default;  // covers no year

  // Weekends and listed holidays are not working days, listed 调休 workdays
  // are. For a year the calendar does not cover this answers by the weekday
  // alone: check Covers() first, or use the Result-returning methods below.
  bool IsWorkingDay(Date d) const;
  // Is d's year one of the file's year blocks?
  bool Covers(Date d) const;
  // The covered years, ascending.
  std::vector<int> CoveredYears() const;
  // The notice a year's block cites; empty if the year is not covered.
  std::string_view Source(int year) const;
  // The name a listed day carries ("春节", "春节调休"); empty for an ordinary day.
  std::string_view DayNote(Date d) const;

  // The n-th working day after `start` (start itself not counted), n ≥ 1.
  // Errors: invalid_period (n < 1), calendar_not_covered.
  Result<Date> AddWorkingDays(Date start, int n) const;
  // Working days in (from, to]; negative, counting (to, from], if to < from.
  // Error: calendar_not_covered.
  Result<int> WorkingDaysBetween(Date from, Date to) const;
  // d if it is a working day, else the next working day.
  // Error: calendar_not_covered.
  Result<Date> RollToWorkingDay(Date d) const;

 private:
  friend Result<WorkCalendar> ParseWorkCalendar(std::string_view text);
  friend class CalendarBuilder;
  struct ListedDay {
    bool working = false;
    std::string name;
    int line = 0;  // where the file lists it, for error messages
  };
  std::map<int, std::string> years_;          // year → cited notice
  std::map<std::int64_t, ListedDay> listed_;  // day number → holiday or workday
};

// Parses the calendar file's text (format: docs/working-days.md). All or
// nothing: on the first bad line returns InvalidArgument "calendar_syntax",
// field "calendar", with a message naming the line and what is wrong.
Result<WorkCalendar> ParseWorkCalendar(std::string_view text);

// An interval that does not count towards a period (inclusive of both ends),
// e.g. {2024-03-04, 2024-03-15, "检验"}.
struct ExcludedPeriod {
  Date from;
  Date to;
  std::string reason;
};

// A period of `days` calendar days (e.g. 九十日) from `start` (not counted).
// Days inside `excluded` (overlaps counted once; only days after `start`)
// stop the clock: the deadline moves out by each excluded day that falls
// inside the running period. If the resulting day is not a working day, or
// is itself excluded, the period ends on the next working day that is not.
// Errors: invalid_period (days < 1), invalid_excluded_period (from > to),
// calendar_not_covered.
Result<Date> CalendarDaysDeadline(const WorkCalendar& calendar, Date start, int days,
                                  const std::vector<ExcludedPeriod>& excluded);

// A period of `working_days` working days (e.g. 十五个工作日) from `start`
// (not counted); excluded working days do not count. Same errors.
Result<Date> WorkingDaysDeadline(const WorkCalendar& calendar, Date start, int working_days,
                                 const std::vector<ExcludedPeriod>& excluded);

}  // namespace jg
