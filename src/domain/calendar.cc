#include "domain/calendar.h"

#include <algorithm>

namespace jg {
namespace {

// An inclusive run of day numbers (days since 1970-01-01).
struct Span {
  std::int64_t from;
  std::int64_t to;
};

// "2023–2026 年", "2023、2025 年", or "无".
std::string DescribeYears(const std::vector<int>& years) {
  if (years.empty()) return "无";
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += "、";
    out += std::to_string(years[i]);
    if (j > i) out += "–" + std::to_string(years[j]);
    i = j + 1;
  }
  return out + " 年";
}

Status NotCovered(const WorkCalendar& calendar, std::int64_t day) {
  const std::optional<Date> d = Date::FromDays(day);
  const std::string what = d ? std::to_string(d->year()) + " 年" : "0001–9999 年以外";
  return FailedPrecondition(
      "calendar_not_covered",
      "工作日历未载入" + what + "的节假日安排（已载入：" + DescribeYears(calendar.CoveredYears()) +
          "），无法计算期限；请按国务院办公厅当年的节假日安排通知补充工作日历",
      "calendar");
}

Status BadPeriod(int n) {
  return InvalidArgument("invalid_period", "期限天数须为正整数（收到 " + std::to_string(n) + "）",
                         "days");
}

// The excluded periods as sorted, merged (overlapping or adjacent) spans of
// days after `start_day`.
Result<std::vector<Span>> MergeExcluded(std::int64_t start_day,
                                        const std::vector<ExcludedPeriod>& excluded) {
  std::vector<Span> spans;
  for (const ExcludedPeriod& p : excluded) {
    if (p.to < p.from) {
      return InvalidArgument("invalid_excluded_period",
                             "不计入期限的期间「" + p.reason + "」起止日期颠倒：" +
                                 p.from.ToString() + " 晚于 " + p.to.ToString(),
                             "excluded");
    }
    const Span s{std::max(p.from.ToDays(), start_day + 1), p.to.ToDays()};
    if (s.from <= s.to) spans.push_back(s);
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.from < b.from; });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.from <= merged.back().to + 1) {
      merged.back().to = std::max(merged.back().to, s.to);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

// The first day on or after `day` that is a working day and not excluded.
// Every day it has to judge must be in a covered year; the walk therefore
// ends at the latest where the covered years end.
Result<std::int64_t> FirstCountedDay(const WorkCalendar& calendar,
                                     const std::vector<Span>& excluded, std::int64_t day) {
  for (;;) {
    // `excluded` is disjoint and sorted, so its ends are sorted too.
    auto it = std::lower_bound(excluded.begin(), excluded.end(), day,
                               [](const Span& s, std::int64_t v) { return s.to < v; });
    if (it != excluded.end() && it->from <= day) {
      day = it->to + 1;
      continue;
    }
    const std::optional<Date> d = Date::FromDays(day);
    if (!d || !calendar.Covers(*d)) return NotCovered(calendar, day);
    if (calendar.IsWorkingDay(*d)) return day;
    ++day;
  }
}

Date FromCheckedDays(std::int64_t day) {
  // FirstCountedDay only returns days it turned into a covered Date.
  return *Date::FromDays(day);
}

}  // namespace

bool WorkCalendar::IsWorkingDay(Date d) const {
  auto it = listed_.find(d.ToDays());
  if (it != listed_.end()) return it->second.working;
  return !d.IsWeekend();
}

bool WorkCalendar::Covers(Date d) const {
  return years_.count(d.year()) > 0;
}

std::vector<int> WorkCalendar::CoveredYears() const {
  std::vector<int> out;
  for (const auto& [year, source] : years_) out.push_back(year);
  return out;
}

std::string_view WorkCalendar::Source(int year) const {
  auto it = years_.find(year);
  return it == years_.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view WorkCalendar::DayNote(Date d) const {
  auto it = listed_.find(d.ToDays());
  return it == listed_.end() ? std::string_view() : std::string_view(it->second.name);
}

Result<Date> WorkCalendar::AddWorkingDays(Date start, int n) const {
  return WorkingDaysDeadline(*this, start, n, {});
}

Result<int> WorkCalendar::WorkingDaysBetween(Date from, Date to) const {
  const bool backwards = to < from;
  const std::int64_t lo = (backwards ? to : from).ToDays();
  const std::int64_t hi = (backwards ? from : to).ToDays();
  int count = 0;
  for (std::int64_t day = lo + 1; day <= hi; ++day) {
    const Date d = FromCheckedDays(day);  // between two valid dates
    if (!Covers(d)) return NotCovered(*this, day);
    if (IsWorkingDay(d)) ++count;
  }
  return backwards ? -count : count;
}

Result<Date> WorkCalendar::RollToWorkingDay(Date d) const {
  JG_ASSIGN_OR_RETURN(std::int64_t day, FirstCountedDay(*this, {}, d.ToDays()));
  return FromCheckedDays(day);
}

Result<Date> CalendarDaysDeadline(const WorkCalendar& calendar, Date start, int days,
                                  const std::vector<ExcludedPeriod>& excluded) {
  if (days < 1) return BadPeriod(days);
  JG_ASSIGN_OR_RETURN(std::vector<Span> spans, MergeExcluded(start.ToDays(), excluded));
  // The clock stops on each excluded span that begins while the period is
  // still running; spans beginning after the (extended) end do not count.
  std::int64_t end = start.ToDays() + days;
  for (const Span& s : spans) {
    if (s.from > end) break;
    end += s.to - s.from + 1;
  }
  JG_ASSIGN_OR_RETURN(std::int64_t last, FirstCountedDay(calendar, spans, end));
  return FromCheckedDays(last);
}

Result<Date> WorkingDaysDeadline(const WorkCalendar& calendar, Date start, int working_days,
                                 const std::vector<ExcludedPeriod>& excluded) {
  if (working_days < 1) return BadPeriod(working_days);
  JG_ASSIGN_OR_RETURN(std::vector<Span> spans, MergeExcluded(start.ToDays(), excluded));
  std::int64_t day = start.ToDays();
  for (int i = 0; i < working_days; ++i) {
    JG_ASSIGN_OR_RETURN(day, FirstCountedDay(calendar, spans, day + 1));
  }
  return FromCheckedDays(day);
}

}  // namespace jg
