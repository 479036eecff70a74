#include "support/credit_codes.h"

#include <cstdio>

#include "domain/credit_code.h"

namespace jg::testing {

std::string ValidCreditCode(int n, char kind) {
  char body[16];
  std::snprintf(body, sizeof body, "MA%06u", static_cast<unsigned>(n) % 1000000u);
  std::string org(body);
  org += OrgCodeCheckChar(org);
  std::string first17 = std::string("9") + kind + "310114" + org;
  return first17 + CreditCodeCheckChar(first17);
}

}  // namespace jg::testing
