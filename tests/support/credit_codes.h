// Valid unified social credit codes for tests, made with the GB 32100 and
// GB 11714 check characters (domain/credit_code.h).
#pragma once

#include <string>

namespace jg::testing {

// The n-th valid code of a deterministic sequence: authority 9, kind
// `kind` ('1' enterprise, '2' individual business, '3' cooperative),
// division 310114 (嘉定区).
std::string ValidCreditCode(int n, char kind = '1');

}  // namespace jg::testing
