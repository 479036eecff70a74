#include "http/response.h"

#include <nlohmann/json.hpp>

namespace jg::http {

int HttpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return 200;
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kFailedPrecondition: return 422;
    case ErrorCode::kAborted: return 409;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kResourceExhausted: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response Json(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Error(int http_status, const std::string& code, const std::string& message,
               const std::string& field) {
  nlohmann::json j = {{"code", code}, {"message", message}};
  if (!field.empty()) j["field"] = field;
  return Json(http_status, j);
}

Response Error(const Status& s) {
  std::string code = s.reason().empty() ? ErrorCodeName(s.code()) : s.reason();
  // Internal details stay in the server log, not in the answer.
  if (s.code() == ErrorCode::kInternal) return Error(500, "internal", "服务器内部错误，请联系管理员");
  if (s.code() == ErrorCode::kUnavailable)
    return Error(503, "unavailable", "数据库暂时不可用，请稍后重试");
  return Error(HttpStatusOf(s.code()), code, s.message(), s.field());
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace jg::http
