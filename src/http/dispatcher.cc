#include "http/dispatcher.h"

#include "http/public_cache.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "domain/utf8.h"

namespace jg::http {
namespace {

std::string CookieValue(const std::string& header, const std::string& name) {
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

// "https://host:port" -> "host:port".
std::string OriginHost(const std::string& origin) {
  size_t p = origin.find("://");
  return p == std::string::npos ? origin : origin.substr(p + 3);
}

bool IsSafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

}  // namespace

void AddSecurityHeaders(Response& r) {
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  if (r.content_type.rfind("text/html", 0) == 0) {
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self' "
                           "'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'");
  }
}

Dispatcher::Dispatcher(Services& services, StaticFiles static_files, std::int64_t session_seconds)
    : services_(services), static_files_(std::move(static_files)) {
  RegisterApi(router_, services_, session_seconds);
}

Response Dispatcher::Handle(const RawRequest& raw) {
  const auto t0 = std::chrono::steady_clock::now();
  Request req;
  req.method = raw.method;
  size_t q = raw.target.find('?');
  req.path = raw.target.substr(0, q);
  if (q != std::string::npos) req.query = ParseQuery(std::string_view(raw.target).substr(q + 1));
  req.body = raw.body;
  req.client = raw.client;
  req.session_token = CookieValue(raw.cookie, kSessionCookie);
  req.csrf_header = raw.csrf_header;

  Response res;
  if (req.path == "/healthz") {
    res = Json(200, {{"status", "ok"}});
  } else if (req.path == "/metrics") {
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = metrics_.PrometheusText();
  } else if (req.path.rfind("/api/", 0) == 0) {
    res = HandleApi(req, raw);
  } else if (req.method != "GET" && req.method != "HEAD") {
    res = Error(405, "method_not_allowed", "不支持的请求方法");
  } else if (auto s = static_files_.Serve(req.path)) {
    res = std::move(*s);
  } else {
    res = Error(404, "not_found", "页面不存在");
  }
  AddSecurityHeaders(res);
  metrics_.Observe(res.status,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return res;
}

Response Dispatcher::HandleApi(Request& req, const RawRequest& raw) {
  bool path_known = false;
  const Route* route = router_.Match(req, &path_known);
  if (!route) {
    return path_known ? Error(405, "method_not_allowed", "不支持的请求方法")
                      : Error(404, "not_found", "接口不存在");
  }
  if (!IsSafeMethod(req.method)) {
    // A browser always sends Origin on cross-site writes; refuse a foreign one
    // even before the CSRF token is looked at.
    if (!raw.origin.empty() && OriginHost(raw.origin) != raw.host) {
      return Error(403, "origin_mismatch", "请求来源与站点不一致");
    }
    if (route->body == BodyKind::kJson && !req.body.empty() &&
        raw.content_type.rfind("application/json", 0) != 0) {
      return Error(415, "unsupported_media_type", "请求体须为 application/json");
    }
  }
  if (route->access == Access::kSession) {
    auto auth = services_.auth.Authenticate(req.session_token);
    if (!auth.ok()) return Error(auth.status());
    req.auth = std::move(auth).value();
    if (!IsSafeMethod(req.method)) {
      Status csrf = AuthService::CheckCsrf(req.auth->session, req.csrf_header);
      if (!csrf.ok()) return Error(csrf);
    }
  }
  // Query values and path parameters are text like the body's: valid UTF-8
  // (PostgreSQL refuses anything else: a 500) without NUL (libpq cuts there).
  for (const auto* m : {&req.query, &req.params}) {
    for (const auto& [k, v] : *m) {
      if (!IsValidUtf8(k) || !IsValidUtf8(v))
        return Error(400, "invalid_utf8", "请求参数不是有效的 UTF-8 文本", IsValidUtf8(k) ? k : "");
      if (k.find('\0') != std::string::npos || v.find('\0') != std::string::npos)
        return Error(400, "invalid_character", "请求参数含有空字符", k.find('\0') == std::string::npos ? k : "");
    }
  }
  // A write invalidates the public answers' cache before it starts and again
  // once done, however it ends (http/public_cache.h).
  const bool write = !IsSafeMethod(req.method);
  try {
    if (write) WriteGeneration::Note();
    Response out = route->handler(req);
    if (write) WriteGeneration::Note();
    out.headers.emplace_back("Cache-Control", "no-store");
    return out;
  } catch (const std::exception&) {
    if (write) WriteGeneration::Note();
    return Error(500, "internal", "服务器内部错误，请联系管理员");
  }
}

}  // namespace jg::http
