#include "domain/civil_date.h"

#include <cstdio>

namespace jg {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain),
// proleptic Gregorian, day 0 = 1970-01-01.
constexpr std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                   // [0, 399]
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct Ymd {
  std::int64_t y;
  int m;
  int d;
};

constexpr Ymd CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr std::int64_t kMinDays = DaysFromCivil(Date::kMinYear, 1, 1);
constexpr std::int64_t kMaxDays = DaysFromCivil(Date::kMaxYear, 12, 31);
static_assert(DaysFromCivil(1970, 1, 1) == 0);
static_assert(CivilFromDays(DaysFromCivil(2024, 2, 29)).d == 29);

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kChinaOffsetSeconds = 8 * 3600;

Status BadDate(std::string_view text, std::string why, std::string field) {
  return InvalidArgument("invalid_date", "日期「" + std::string(text) + "」无效：" + why,
                         std::move(field));
}

// Two or four ASCII digits at text[pos, pos+n); -1 if any is not a digit.
int Digits(std::string_view text, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

}  // namespace

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::string_view WeekdayName(Weekday w) {
  switch (w) {
    case Weekday::kMonday:
      return "星期一";
    case Weekday::kTuesday:
      return "星期二";
    case Weekday::kWednesday:
      return "星期三";
    case Weekday::kThursday:
      return "星期四";
    case Weekday::kFriday:
      return "星期五";
    case Weekday::kSaturday:
      return "星期六";
    case Weekday::kSunday:
      return "星期日";
  }
  return "";
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date(year, month, day);
}

std::optional<Date> Date::FromDays(std::int64_t days) {
  if (days < kMinDays || days > kMaxDays) return std::nullopt;
  const Ymd c = CivilFromDays(days);
  return Date(static_cast<int>(c.y), c.m, c.d);
}

Result<Date> Date::Parse(std::string_view text, std::string field) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return BadDate(text, "应为 YYYY-MM-DD 格式（如 2024-02-04）", std::move(field));
  }
  const int y = Digits(text, 0, 4), m = Digits(text, 5, 2), d = Digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) {
    return BadDate(text, "应为 YYYY-MM-DD 格式（如 2024-02-04）", std::move(field));
  }
  if (y < kMinYear) return BadDate(text, "年份须在 0001–9999 之间", std::move(field));
  if (m < 1 || m > 12) return BadDate(text, "月份须在 01–12 之间", std::move(field));
  if (d < 1 || d > DaysInMonth(y, m)) {
    return BadDate(text,
                   std::to_string(y) + " 年 " + std::to_string(m) + " 月只有 " +
                       std::to_string(DaysInMonth(y, m)) + " 天",
                   std::move(field));
  }
  return Date(y, m, d);
}

std::int64_t Date::ToDays() const {
  return DaysFromCivil(year_, month_, day_);
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const std::int64_t z = ToDays();
  const std::int64_t iso = ((z % 7) + 7 + 3) % 7 + 1;  // z=0 → 4
  return static_cast<Weekday>(iso);
}

bool Date::IsWeekend() const {
  const Weekday w = weekday();
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

std::optional<Date> Date::AddDays(std::int64_t n) const {
  const std::int64_t z = ToDays();
  // Guard the addition itself: anything this far out is outside 0001–9999 anyway.
  if (n > kMaxDays - kMinDays || n < kMinDays - kMaxDays) return std::nullopt;
  return FromDays(z + n);
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

std::int64_t DaysBetween(Date from, Date to) {
  return to.ToDays() - from.ToDays();
}

Date DateInChina(UnixSeconds t) {
  constexpr std::int64_t kMinSeconds = kMinDays * kSecondsPerDay - kChinaOffsetSeconds;
  constexpr std::int64_t kMaxSeconds = (kMaxDays + 1) * kSecondsPerDay - kChinaOffsetSeconds - 1;
  if (t < kMinSeconds) return *Date::FromDays(kMinDays);
  if (t > kMaxSeconds) return *Date::FromDays(kMaxDays);
  const std::int64_t local = t + kChinaOffsetSeconds;
  std::int64_t days = local / kSecondsPerDay;
  if (local % kSecondsPerDay < 0) --days;  // floor for instants before 1970
  return *Date::FromDays(days);
}

}  // namespace jg
