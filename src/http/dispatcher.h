// Everything between bytes and handlers that is not transport: health,
// metrics, API routing with session, CSRF and origin checks, static files,
// security headers. Beast-free, so it is testable without sockets.
#pragma once

#include <string>

#include "http/api.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"

namespace jg::http {

struct RawRequest {
  std::string method;
  std::string target;  // path and query
  std::string cookie;
  std::string csrf_header;
  std::string origin;
  std::string host;
  std::string content_type;
  std::string body;
  std::string client;
};

class Dispatcher {
 public:
  Dispatcher(Services& services, StaticFiles static_files, std::int64_t session_seconds);
  Response Handle(const RawRequest& raw);
  Metrics& metrics() { return metrics_; }
  const Router& router() const { return router_; }

 private:
  Response HandleApi(Request& req, const RawRequest& raw);

  Services& services_;
  Router router_;
  StaticFiles static_files_;
  Metrics metrics_;
};

// Adds the headers every answer carries (nosniff, frame denial, CSP…).
void AddSecurityHeaders(Response& r);

}  // namespace jg::http
