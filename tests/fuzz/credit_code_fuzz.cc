// Any bytes given as a credit code: a value or a named error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/credit_code.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  auto r = jg::ParseCreditCode(s);
  if (r.ok() && r->code.size() != 18) __builtin_trap();  // a valid code is 18 characters
  if (!r.ok() && r.status().field() != "credit_code") __builtin_trap();
  (void)jg::ParseOrganizationCode(s);
  return 0;
}
