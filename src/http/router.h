// Routes: method + path pattern ("/api/v1/users/{id}") -> handler, with the
// access rule of the route (public, or session required).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace jg::http {

using Handler = std::function<Response(Request&)>;

enum class Access { kPublic, kSession };
// What a state-changing request must send: JSON, or a file's raw bytes.
enum class BodyKind { kJson, kRaw };

struct Route {
  std::string method;
  std::string pattern;
  Access access;
  Handler handler;
  BodyKind body = BodyKind::kJson;
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Access access, Handler h,
           BodyKind body = BodyKind::kJson);
  // Finds the route; fills req.params. Sets *path_known when the path matched
  // some route but not with this method (405 rather than 404).
  const Route* Match(Request& req, bool* path_known) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace jg::http
