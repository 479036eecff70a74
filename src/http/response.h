// What a handler returns; the server turns it into a Beast response.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "domain/status.h"

namespace jg::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie
};

Response Json(int status, const nlohmann::json& body);
// The one error shape: {"code": reason, "message": 中文, "field": name?}.
Response Error(const Status& s);
Response Error(int http_status, const std::string& code, const std::string& message,
               const std::string& field = {});
Response NoContent();

// The HTTP status of each error category (one table, see error_mapping.cc).
int HttpStatusOf(ErrorCode code);

}  // namespace jg::http
