#include "domain/problem_rate_estimate.h"

#include <algorithm>
#include <cmath>

namespace jg {

std::optional<ProblemRateEstimate> EstimateProblemRate(const std::vector<StratumObservation>& strata) {
  constexpr double kZ = 1.959963984540054;  // two-sided 95 %
  ProblemRateEstimate e;
  for (const auto& s : strata) {
    if (s.population < 0 || s.inspected < 0 || s.problems < 0 || s.problems > s.inspected ||
        s.inspected > s.population)
      return std::nullopt;
    e.population += s.population;
    e.inspected += s.inspected;
    e.problems += s.problems;
    if (s.inspected > 0) e.covered += s.population;
  }
  if (e.inspected == 0 || e.covered == 0) return std::nullopt;
  double variance = 0;
  for (const auto& s : strata) {
    if (s.inspected == 0) continue;
    const double w = static_cast<double>(s.population) / static_cast<double>(e.covered);
    const double n = static_cast<double>(s.inspected);
    const double p = static_cast<double>(s.problems) / n;
    e.rate += w * p;
    const double fpc = 1.0 - n / static_cast<double>(s.population);
    // One inspection gives no spread: take the widest, p(1 − p) ≤ 1/4.
    const double s2 = s.inspected > 1 ? n * p * (1 - p) / (n - 1) : 0.25;
    variance += w * w * fpc * s2 / n;
  }
  e.standard_error = std::sqrt(std::max(0.0, variance));
  const double pq = e.rate * (1 - e.rate);
  if (variance <= 0 && pq > 0) {
    e.low = e.high = e.rate;  // every sampled stratum inspected whole: no sampling error
    return e;
  }
  const double n_eff = pq > 0 ? pq / variance : static_cast<double>(e.inspected);
  const double z2 = kZ * kZ;
  const double denom = 1 + z2 / n_eff;
  const double centre = (e.rate + z2 / (2 * n_eff)) / denom;
  const double half = kZ / denom * std::sqrt(pq / n_eff + z2 / (4 * n_eff * n_eff));
  e.low = std::clamp(centre - half, 0.0, 1.0);
  e.high = std::clamp(centre + half, 0.0, 1.0);
  // Wilson's bound is exactly 0 (1) when no (every) inspection found a problem;
  // do not let rounding show 0.00000001.
  if (e.rate == 0) e.low = 0;
  if (e.rate == 1) e.high = 1;
  // A census of strata with no problem (or all problems) still knows p exactly.
  if (pq == 0 && e.covered == e.inspected) e.low = e.high = e.rate;
  return e;
}

}  // namespace jg
