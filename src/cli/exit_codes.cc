#include "cli/exit_codes.h"

namespace jg::cli {

int ExitCodeOf(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kFailedPrecondition: return kExitInvalidInput;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kAborted: return kExitConflict;
    case ErrorCode::kUnavailable: return kExitUnavailable;
    default: return kExitFailure;
  }
}

}  // namespace jg::cli
