// The one error vocabulary of jianguan. Every layer returns these values;
// exceptions never cross a layer boundary. The HTTP layer maps `ErrorCode`
// to a status code and the CLI to an exit code (see http/error_mapping.cc and
// cli/exit_codes.h); `reason` is the stable, specific code the API returns.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jg {

enum class ErrorCode {
  kOk,
  kInvalidArgument,     // the caller sent a value that can never be right (field named)
  kNotFound,            // the record does not exist (or is not visible to the caller)
  kAlreadyExists,       // a unique key is taken
  kFailedPrecondition,  // the record is not in a state that allows this (e.g. disabled account)
  kAborted,             // conflict: stale version or concurrent change; re-read and retry
  kPermissionDenied,    // authenticated but not allowed (role or department scope)
  kUnauthenticated,     // no valid session, wrong credentials
  kResourceExhausted,   // throttled, locked out, or over a size limit
  kUnavailable,         // the store cannot be reached; retry later
  kInternal,            // a bug or a broken invariant
};

const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string reason, std::string message, std::string field = {})
      : code_(code),
        reason_(std::move(reason)),
        message_(std::move(message)),
        field_(std::move(field)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // Stable machine-readable code, e.g. "stale_version"; defaults to the category name.
  const std::string& reason() const { return reason_; }
  // Human message in Chinese (the UI shows it as is).
  const std::string& message() const { return message_; }
  // The request field at fault, when one is.
  const std::string& field() const { return field_; }
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string reason_;
  std::string message_;
  std::string field_;
};

// Convenience constructors: reason, Chinese message, optional field.
Status InvalidArgument(std::string reason, std::string message, std::string field = {});
Status NotFound(std::string reason, std::string message);
Status AlreadyExists(std::string reason, std::string message, std::string field = {});
Status FailedPrecondition(std::string reason, std::string message, std::string field = {});
Status Aborted(std::string reason, std::string message);
Status PermissionDenied(std::string reason, std::string message);
Status Unauthenticated(std::string reason, std::string message);
Status ResourceExhausted(std::string reason, std::string message);
Status Unavailable(std::string reason, std::string message);
Status Internal(std::string message);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {
    if (std::get<Status>(v_).ok()) v_ = Internal("Result constructed from OK status");
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace jg

#define JG_RETURN_IF_ERROR(expr)        \
  do {                                  \
    ::jg::Status jg_status__ = (expr);  \
    if (!jg_status__.ok()) return jg_status__; \
  } while (0)

#define JG_CONCAT_INNER(a, b) a##b
#define JG_CONCAT(a, b) JG_CONCAT_INNER(a, b)
#define JG_ASSIGN_OR_RETURN(lhs, expr) JG_ASSIGN_OR_RETURN_IMPL(JG_CONCAT(jg_result_, __LINE__), lhs, expr)
#define JG_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
