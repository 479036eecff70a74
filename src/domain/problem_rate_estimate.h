// "Beyond counting" (双随机 statistics): the share of a plan's whole eligible
// population that likely has problems, estimated from its stratified random
// sample, with a 95% confidence interval. Pure arithmetic over counts.
//
// Each credit-risk stratum h is a simple random sample without replacement
// of n_h of its N_h entities, x_h of them with a problem. The estimate is
//   p = Σ W_h p_h,  W_h = N_h / N,  p_h = x_h / n_h
// with variance Σ W_h² (1 − n_h/N_h) s_h² / n_h, s_h² = n_h p_h (1 − p_h) / (n_h − 1)
// (Cochran, Sampling Techniques, 3rd ed., §5.3 and §5A.2). The interval is
// Wilson's score interval at the effective sample size p(1 − p) / variance
// (Kish), so that it stays inside [0, 1] and is not empty when no problem
// was found; a stratum inspected whole (a census) adds no variance.
// Strata with no inspection cannot be estimated: N counts only the strata
// sampled (`covered`), and `population` says how many were eligible in all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jg {

struct StratumObservation {
  std::string stratum;
  std::int64_t population = 0;  // N_h, eligible at the commitment
  std::int64_t inspected = 0;   // n_h, with a result
  std::int64_t problems = 0;    // x_h
};

struct ProblemRateEstimate {
  double rate = 0;         // p, 0–1
  double low = 0;          // 95% interval
  double high = 0;
  double standard_error = 0;
  std::int64_t population = 0;  // all strata
  std::int64_t covered = 0;     // strata with at least one inspection
  std::int64_t inspected = 0;
  std::int64_t problems = 0;
};

// nullopt when nothing was inspected or a count is inconsistent (negative,
// more problems than inspections, more inspections than the population).
std::optional<ProblemRateEstimate> EstimateProblemRate(const std::vector<StratumObservation>& strata);

}  // namespace jg
