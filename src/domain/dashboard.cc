#include "domain/dashboard.h"

#include <cmath>

namespace jg::dashboard {

std::optional<double> Rate(std::int64_t part, std::int64_t whole) {
  if (whole <= 0 || part < 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> YearOnYear(std::int64_t current, std::int64_t previous) {
  if (previous <= 0 || current < 0) return std::nullopt;
  return static_cast<double>(current - previous) / static_cast<double>(previous);
}

double RoundRate(double r) { return std::round(r * 10000.0) / 10000.0; }

std::array<std::string, 12> MonthsOf(int year) {
  std::array<std::string, 12> out;
  const std::string y = std::to_string(year);
  for (int m = 1; m <= 12; ++m) out[m - 1] = y + (m < 10 ? "-0" : "-") + std::to_string(m);
  return out;
}

namespace {
bool Digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
}  // namespace

std::optional<int> MonthIndex(std::string_view text, int year) {
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!Digits(text.substr(0, 4)) || text[4] != '-' || !Digits(text.substr(5, 2)))
    return std::nullopt;
  if (text.size() == 10 && (text[7] != '-' || !Digits(text.substr(8, 2)))) return std::nullopt;
  const int y = std::stoi(std::string(text.substr(0, 4)));
  const int m = std::stoi(std::string(text.substr(5, 2)));
  if (y != year || m < 1 || m > 12) return std::nullopt;
  return m - 1;
}

}  // namespace jg::dashboard
