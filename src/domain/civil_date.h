// A civil (calendar) date in the proleptic Gregorian calendar, without time or
// zone: the unit in which statutory periods are counted. Days are numbered
// from 1970-01-01 with the days-from-civil algorithm (H. Hinnant), so adding
// days and counting days between dates is plain integer arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/status.h"

namespace jg {

enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

bool IsLeapYear(int year);
// 28–31; 0 for a month outside 1–12.
int DaysInMonth(int year, int month);
// "星期一" … "星期日".
std::string_view WeekdayName(Weekday w);

// Always a valid date of the years 0001–9999 (the years "YYYY-MM-DD" can write).
class Date {
 public:
  static constexpr int kMinYear = 1;
  static constexpr int kMaxYear = 9999;

  Date() = default;  // 1970-01-01

  // nullopt unless year/month/day name a real day of 0001–9999.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // From the day number (days since 1970-01-01); nullopt outside 0001–9999.
  static std::optional<Date> FromDays(std::int64_t days);
  // Strict "YYYY-MM-DD": four-digit year, two-digit month and day, a real day.
  // Error: InvalidArgument "invalid_date" naming `field`.
  static Result<Date> Parse(std::string_view text, std::string field = "date");

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  // Days since 1970-01-01 (negative before).
  std::int64_t ToDays() const;
  Weekday weekday() const;
  bool IsWeekend() const;
  // nullopt if the result leaves 0001–9999.
  std::optional<Date> AddDays(std::int64_t n) const;
  // "YYYY-MM-DD".
  std::string ToString() const;

  friend bool operator==(const Date&, const Date&) = default;
  friend std::strong_ordering operator<=>(const Date&, const Date&) = default;

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

// to − from in days (positive when `to` is later).
std::int64_t DaysBetween(Date from, Date to);

// The calendar date in China Standard Time (UTC+8, no daylight saving) at
// instant `t`. Instants outside 0001–9999 clamp to the first or last day.
Date DateInChina(UnixSeconds t);

}  // namespace jg
