#include "domain/status.h"

namespace jg {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kFailedPrecondition: return "failed_precondition";
    case ErrorCode::kAborted: return "aborted";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kResourceExhausted: return "resource_exhausted";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s = ErrorCodeName(code_);
  if (!reason_.empty() && reason_ != s) s += "/" + reason_;
  if (!field_.empty()) s += " [" + field_ + "]";
  if (!message_.empty()) s += ": " + message_;
  return s;
}

#define JG_DEFINE_CTOR3(Name, Code)                                              \
  Status Name(std::string reason, std::string message, std::string field) {      \
    return Status(ErrorCode::Code, std::move(reason), std::move(message), std::move(field)); \
  }
#define JG_DEFINE_CTOR2(Name, Code)                                   \
  Status Name(std::string reason, std::string message) {              \
    return Status(ErrorCode::Code, std::move(reason), std::move(message)); \
  }
JG_DEFINE_CTOR3(InvalidArgument, kInvalidArgument)
JG_DEFINE_CTOR2(NotFound, kNotFound)
JG_DEFINE_CTOR3(AlreadyExists, kAlreadyExists)
JG_DEFINE_CTOR3(FailedPrecondition, kFailedPrecondition)
JG_DEFINE_CTOR2(Aborted, kAborted)
JG_DEFINE_CTOR2(PermissionDenied, kPermissionDenied)
JG_DEFINE_CTOR2(Unauthenticated, kUnauthenticated)
JG_DEFINE_CTOR2(ResourceExhausted, kResourceExhausted)
JG_DEFINE_CTOR2(Unavailable, kUnavailable)
#undef JG_DEFINE_CTOR3
#undef JG_DEFINE_CTOR2

Status Internal(std::string message) {
  return Status(ErrorCode::kInternal, "internal", std::move(message));
}

}  // namespace jg
