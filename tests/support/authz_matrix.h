// The authorisation matrix (tests/api/authz_matrix.tsv) as data: its cells,
// the records its {id} columns name, and a cell's path and body filled in.
// Shared by the matrix test and the hostile-input catalogue, which sends
// hostile bodies to every write route the matrix lists.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "support/test_server.h"

namespace jg::testing {

struct MatrixCell {
  int line = 0;
  std::string method, pattern, id_kind, query, body;
  std::vector<std::string> expect;  // anonymous, admin, leader, legal, staff, inspector
};

// Every cell of tests/api/authz_matrix.tsv, in file order.
std::vector<MatrixCell> LoadAuthzMatrix();

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to);

// Creates, as admin (logged in on `admin`), the records the matrix's id
// column names; returns id kind -> id ("entity" -> "12", …).
std::map<std::string, std::string> SeedMatrixRecords(TestServer& server, HttpClient& admin);

// The cell's target (path with {id}, {code}, … filled in, and its query) and body.
std::string MatrixTarget(const MatrixCell& c, const std::map<std::string, std::string>& ids);
std::string MatrixBody(const MatrixCell& c, TestServer& server,
                       const std::map<std::string, std::string>& ids);

}  // namespace jg::testing
