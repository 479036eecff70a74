// Exit codes of the jianguan command (documented in docs/cli.md).
#pragma once

#include "domain/status.h"

namespace jg::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,       // any other failure
  kExitUsage = 2,         // bad command line (CLI11)
  kExitAuditBroken = 3,   // audit verify found a broken chain
  kExitUnavailable = 4,   // the database cannot be opened or reached
  kExitInvalidInput = 5,  // a value given was refused (names the field)
  kExitConflict = 6,      // already exists / stale version
};

// The one table from error categories to exit codes.
int ExitCodeOf(const Status& s);

}  // namespace jg::cli
