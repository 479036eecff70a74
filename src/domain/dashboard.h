// The arithmetic of the bureau dashboard (工作看板): rates, year-on-year
// change and the twelve month buckets of a year. Pure functions over counts
// the store has already grouped; no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jg::dashboard {

// part / whole (the discovery rate: problems found / inspected); none when
// whole is 0 or either count is negative, so an empty year shows "—" rather
// than 0 %.
std::optional<double> Rate(std::int64_t part, std::int64_t whole);

// (current − previous) / previous; none when previous is 0 (no base for a
// year-on-year figure) or a count is negative.
std::optional<double> YearOnYear(std::int64_t current, std::int64_t previous);

// A rate rounded to 4 decimals (0.3943 = 39.43 %), the precision the report
// prints percentages with.
double RoundRate(double r);

// "YYYY-01" … "YYYY-12".
std::array<std::string, 12> MonthsOf(int year);

// The month bucket 0–11 of a "YYYY-MM" or "YYYY-MM-DD" text in `year`;
// none for another year, an empty text (a task without a result) or a
// malformed one.
std::optional<int> MonthIndex(std::string_view text, int year);

}  // namespace jg::dashboard
