// Hostile input over real HTTP: static-file path traversal, SQL injection in
// search, header abuse, slow clients, malformed request lines. The whole
// catalogue, with the data-driven cases over every route and the cases in
// other tests, is tests/api/hostile_catalogue.md.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

namespace fs = std::filesystem;
using testing::HttpClient;
using testing::TestServer;

class HostileInput : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("jg-web-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "www" / "assets");
    std::ofstream(root_ / "www" / "index.html") << "<!doctype html><title>jianguan</title>";
    std::ofstream(root_ / "www" / "assets" / "app-1a2b.js") << "console.log(1)";
    std::ofstream(root_ / "secret.txt") << "TOP-SECRET";
    server_ = std::make_unique<TestServer>("sqlite", (root_ / "www").string());
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(HostileInput, StaticFilesServeWithTypesAndCaching) {
  HttpClient c(server_->port());
  auto index = c.Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_EQ(index.headers["cache-control"], "no-cache");
  EXPECT_NE(index.headers["content-security-policy"].find("default-src 'self'"), std::string::npos);
  auto js = c.Get("/assets/app-1a2b.js");
  EXPECT_EQ(js.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_NE(js.headers["cache-control"].find("immutable"), std::string::npos);
  EXPECT_EQ(c.Get("/entities/42").body, index.body);  // a client-side route gets the app
  EXPECT_EQ(c.Get("/assets/missing.js").status, 404);
}

TEST_F(HostileInput, PathTraversalNeverLeavesTheWebRoot) {
  HttpClient c(server_->port());
  for (const char* p : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
                        "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt",
                        "/....//secret.txt", "/assets/..%00/secret.txt", "//etc/passwd",
                        "/../../../../../../etc/passwd"}) {
    auto r = c.Get(p);
    EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos) << p;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << p;
  }
}

TEST_F(HostileInput, SqlInjectionInSearchIsJustText) {
  HttpClient admin(server_->port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  ASSERT_EQ(admin.Post("/api/v1/entities", {{"credit_code", testing::ValidCreditCode(1)},
                                            {"name", "正常公司"}}).status, 201);
  for (const char* q : {"%27%20OR%201%3D1%20--", "%27%3B%20DROP%20TABLE%20entities%3B%20--",
                        "%25", "_", "%5C"}) {
    auto r = admin.Get(std::string("/api/v1/entities?q=") + q);
    ASSERT_EQ(r.status, 200) << q;
    EXPECT_EQ(r.json()["total"], 0) << q;
  }
  auto code = admin.Get("/api/v1/entities?credit_code=%27%20OR%20%271%27%3D%271");
  EXPECT_EQ(code.json()["total"], 0);
  auto login = admin.Post("/api/v1/auth/login", {{"username", "admin' --"}, {"password", "x' OR '1'='1"}});
  EXPECT_EQ(login.status, 401);
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 1);  // the table is still there
}

TEST_F(HostileInput, HostileHeadersAndCookies) {
  HttpClient c(server_->port());
  c.session_cookie = "x; jg_session=../../etc; admin=1";
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
  c.session_cookie = std::string(4000, 'A');
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
  auto big = c.Request("GET", "/api/v1/auth/me", "", {{"X-Padding", std::string(20000, 'b')}});
  EXPECT_EQ(big.status, 431);
}

TEST_F(HostileInput, SlowClientIsCutOffAndOthersAreServed) {
  namespace net = boost::asio;
  net::io_context ioc;
  net::ip::tcp::socket slow(ioc);
  slow.connect({net::ip::make_address("127.0.0.1"), server_->port()});
  net::write(slow, net::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")));
  // Meanwhile the server answers others.
  EXPECT_EQ(HttpClient(server_->port()).Get("/healthz").status, 200);
  // The test server's read timeout is 5 s: after it the slow connection is closed.
  slow.non_blocking(false);
  const auto t0 = std::chrono::steady_clock::now();
  char buf[64];
  boost::system::error_code ec;
  slow.read_some(net::buffer(buf), ec);
  const auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_TRUE(ec) << "connection still open";
  EXPECT_LT(waited, std::chrono::seconds(15));
}

TEST_F(HostileInput, MalformedRequestLineIsDropped) {
  namespace net = boost::asio;
  net::io_context ioc;
  net::ip::tcp::socket s(ioc);
  s.connect({net::ip::make_address("127.0.0.1"), server_->port()});
  net::write(s, net::buffer(std::string("GARBAGE\x01\x02 / HTTP/9.9\r\n\r\n")));
  char buf[256];
  boost::system::error_code ec;
  s.read_some(net::buffer(buf), ec);
  EXPECT_TRUE(ec);  // closed without an answer
  EXPECT_EQ(HttpClient(server_->port()).Get("/healthz").status, 200);
}

}  // namespace
}  // namespace jg
