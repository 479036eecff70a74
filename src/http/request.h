// A decoded request as handlers see it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/accounts.h"
#include "service/auth_service.h"

namespace jg::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // without the query string
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {id}
  std::string body;
  std::string session_token;  // from the jg_session cookie
  std::string csrf_header;    // X-CSRF-Token
  std::string client;         // peer address
  // Set by the router for routes that need a session.
  std::optional<Authenticated> auth;

  const Actor& actor() const { return auth->actor; }
  // Path parameter as a positive integer id, or nullopt.
  std::optional<Id> IdParam(const std::string& name) const;
};

std::map<std::string, std::string> ParseQuery(std::string_view qs);
std::string UrlDecode(std::string_view s);

}  // namespace jg::http
