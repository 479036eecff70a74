#include "http/router.h"

namespace jg::http {
namespace {
std::vector<std::string_view> Split(std::string_view p) {
  std::vector<std::string_view> out;
  while (!p.empty()) {
    if (p.front() == '/') {
      p.remove_prefix(1);
      continue;
    }
    size_t slash = p.find('/');
    out.push_back(p.substr(0, slash));
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash);
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params) {
  auto ps = Split(pattern), xs = Split(path);
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].size() > 2 && ps[i].front() == '{' && ps[i].back() == '}') {
      found[std::string(ps[i].substr(1, ps[i].size() - 2))] = UrlDecode(xs[i]);
    } else if (ps[i] != xs[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}
}  // namespace

void Router::Add(std::string method, std::string pattern, Access access, Handler h,
                 BodyKind body) {
  routes_.push_back({std::move(method), std::move(pattern), access, std::move(h), body});
}

const Route* Router::Match(Request& req, bool* path_known) const {
  *path_known = false;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, req.path, &params)) continue;
    *path_known = true;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      req.params = std::move(params);
      return &r;
    }
  }
  return nullptr;
}

}  // namespace jg::http
