// The real server on a free loopback port over a fresh store, and a small
// HTTP client that keeps the session cookie and CSRF token like a browser.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "domain/clock.h"
#include "http/server.h"
#include "support/test_stores.h"

namespace jg::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  nlohmann::json json() const;
};

class TestServer {
 public:
  // Seeds a bureau (JDSJ) with a station (JQS) and a section (FZK), and the
  // accounts admin/leader/legal/jqstaff/inspector, password "Jianguan2024".
  explicit TestServer(const std::string& backend, const std::string& web_root = "");
  ~TestServer();
  bool skipped() const { return !ts_.store; }
  const std::string& skip_reason() const { return skip_; }
  std::uint16_t port() const { return port_; }
  ManualClock& clock() { return clock_; }
  Store& store() { return *ts_.store; }
  const TestStore& test_store() const { return ts_; }
  Id department(const std::string& code) const { return depts_.at(code); }
  // Every (method, pattern) the router serves.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Wiring;
  std::string skip_;
  TestStore ts_;
  ManualClock clock_{1700000000};
  std::unique_ptr<Wiring> w_;
  std::thread thread_;
  std::uint16_t port_ = 0;
  std::map<std::string, Id> depts_;
};

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}
  HttpResult Request(const std::string& method, const std::string& target,
                     const std::string& body = {},
                     std::map<std::string, std::string> headers = {});
  HttpResult Get(const std::string& t) { return Request("GET", t); }
  HttpResult Post(const std::string& t, const nlohmann::json& j) { return Request("POST", t, j.dump()); }
  HttpResult Patch(const std::string& t, const nlohmann::json& j) { return Request("PATCH", t, j.dump()); }
  // Logs in and keeps cookie and CSRF token; returns the login response.
  HttpResult Login(const std::string& username, const std::string& password = "Jianguan2024");
  std::string session_cookie;
  std::string csrf;
  bool send_csrf = true;

 private:
  std::uint16_t port_;
};

}  // namespace jg::testing
