// Valid unified social credit codes for tests, made with the GB 32100 and
// GB 11714 check characters (domain/credit_code.h).
#pragma once

#include <string>

namespace jg::testing {

// The n-th valid code of a deterministic sequence: authority 9, kind
// `kind` ('1' enterprise, '2' individual business, '3' cooperative),
// division 310114 (嘉定区).
// The sequence repeats every 1,000,000 codes.
std::string ValidCreditCode(int n, char kind = '1');

// Distinct for n < 3,000,000 (the kind advances every million): for
// directories of benchmark size.
inline std::string DistinctCreditCode(int n) {
  return ValidCreditCode(n % 1000000, static_cast<char>('1' + n / 1000000));
}

}  // namespace jg::testing
