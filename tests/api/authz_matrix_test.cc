// Runs every cell of tests/api/authz_matrix.tsv against the real server, and
// fails for any API route the matrix does not list.
#include <gtest/gtest.h>

#include <set>

#include "support/authz_matrix.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class AuthzMatrix : public ::testing::TestWithParam<std::string> {};

TEST_P(AuthzMatrix, EveryRouteEveryRole) {
  TestServer server(GetParam());
  if (server.skipped()) GTEST_SKIP() << server.skip_reason();
  auto cells = testing::LoadAuthzMatrix();
  ASSERT_FALSE(cells.empty());

  // Every route of the router is in the matrix.
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& c : cells) listed.insert({c.method, c.pattern});
  for (const auto& r : server.routes()) {
    EXPECT_TRUE(listed.count({r.first, r.second}))
        << "route not in tests/api/authz_matrix.tsv: " << r.first << " " << r.second;
  }

  // Records the cells point at.
  HttpClient admin(server.port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  const auto ids = testing::SeedMatrixRecords(server, admin);

  const char* roles[] = {"", "admin", "leader", "legal", "jqstaff", "inspector"};
  std::vector<HttpClient> clients;
  for (const char* who : roles) {
    clients.emplace_back(server.port());
    if (*who) {
      ASSERT_EQ(clients.back().Login(who).status, 200) << who;
    }
  }
  int checked = 0;
  for (const auto& c : cells) {
    const std::string path = testing::MatrixTarget(c, ids);
    const std::string body = testing::MatrixBody(c, server, ids);
    std::map<std::string, std::string> headers;
    if (!body.empty() && body[0] != '{') headers["Content-Type"] = "text/csv";
    for (size_t r = 0; r < 6; ++r) {
      auto res = clients[r].Request(c.method, path, body, headers);
      const std::string& want = c.expect[r];
      const bool ok = want == "ok" ? (res.status != 401 && res.status != 403)
                                   : std::to_string(res.status) == want;
      EXPECT_TRUE(ok) << "authz_matrix.tsv line " << c.line << ": " << c.method << " " << path
                      << " as " << (*roles[r] ? roles[r] : "anonymous") << " expected " << want
                      << ", got " << res.status << " " << res.body.substr(0, 200);
      ++checked;
    }
  }
  EXPECT_GE(checked, 6 * 30);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthzMatrix, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
