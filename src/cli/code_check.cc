// `jianguan code check CODE…`: one line per code, "CODE\tvalid" or
// "CODE\tinvalid\t<Chinese message>", CODE as given; exit 5 if any is invalid.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "domain/credit_code.h"

namespace jg::cli {

int CodeCheck(const std::vector<std::string>& codes) {
  int rc = kExitOk;
  for (const auto& code : codes) {
    auto parsed = ParseCreditCode(code);
    if (parsed.ok()) {
      std::cout << code << "\tvalid\n";
    } else {
      std::cout << code << "\tinvalid\t" << parsed.status().message() << "\n";
      rc = ExitCodeOf(parsed.status());
    }
  }
  return rc;
}

}  // namespace jg::cli
