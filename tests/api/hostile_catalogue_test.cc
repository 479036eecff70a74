// The hostile-input catalogue, data-driven: every JSON write route of the API
// (the POST/PUT/PATCH rows of tests/api/authz_matrix.tsv, called as a role the
// matrix allows) gets every hostile body below; every GET route gets hostile
// query strings; the attachment and import routes get their own cases. The
// list of every case, with the test that covers it (here or elsewhere), is
// tests/api/hostile_catalogue.md.
//
// What every answer must be: an answer (never a dropped connection), never a
// 5xx, JSON with Content-Type application/json and X-Content-Type-Options:
// nosniff, and for a 4xx a string `code`; text that is legitimately
// acceptable (a <script> string is just text) may be stored, and then comes
// back byte-identical. /healthz answers after each route.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>

#include "support/authz_matrix.h"
#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;

constexpr std::size_t kBodyLimit = 64 * 1024;  // the test server's (support/test_server.cc)

// An answer, or status 0 with the reason when the connection was dropped.
HttpResult Send(HttpClient& c, const std::string& method, const std::string& target,
                const std::string& body, std::map<std::string, std::string> headers = {}) {
  try {
    return c.Request(method, target, body, std::move(headers));
  } catch (const std::exception& e) {
    HttpResult r;
    r.body = std::string("connection dropped: ") + e.what();
    return r;
  }
}

std::string CodeOf(const HttpResult& r) {
  auto j = r.json();
  return j.is_object() && j.contains("code") && j["code"].is_string() ? j["code"].get<std::string>()
                                                                      : "";
}

// The answer any hostile request must get (see the top of the file).
void ExpectSafeAnswer(const HttpResult& r, const std::string& what) {
  ASSERT_NE(r.status, 0) << what << ": " << r.body;
  EXPECT_LT(r.status, 500) << what << ": " << r.body.substr(0, 300);
  if (r.status == 204) return;
  auto ct = r.headers.find("content-type");
  EXPECT_TRUE(ct != r.headers.end() && ct->second.rfind("application/json", 0) == 0)
      << what << ": content-type " << (ct == r.headers.end() ? "(none)" : ct->second);
  auto nosniff = r.headers.find("x-content-type-options");
  EXPECT_TRUE(nosniff != r.headers.end() && nosniff->second == "nosniff")
      << what << ": no X-Content-Type-Options: nosniff (status " << r.status << ")";
  if (r.status >= 400) {
    EXPECT_FALSE(CodeOf(r).empty()) << what << ": no error code: " << r.body;
  }
}

// A 4xx, and when it is a 400 the code the case is about (an earlier 404,
// 409 or 422 of the route — the record's state — is as good).
void ExpectRefused(const HttpResult& r, const std::string& what, const std::set<std::string>& codes) {
  ExpectSafeAnswer(r, what);
  EXPECT_TRUE(r.status >= 400 && r.status < 500) << what << ": got " << r.status << " " << r.body.substr(0, 300);
  if (r.status == 400 && !codes.empty()) {
    EXPECT_TRUE(codes.count(CodeOf(r))) << what << ": code " << CodeOf(r) << " " << r.body.substr(0, 300);
  }
}

// Strings put in every string field; stored as they are when the route takes them.
struct TextCase {
  const char* name;
  std::string value;
};
const std::vector<TextCase>& TextCases() {
  static const std::vector<TextCase> cases = {
      {"sql_injection_quote", "x' OR '1'='1' --"},
      {"sql_injection_stacked", "x'); DROP TABLE entities; --"},
      {"script_tag", "<script>alert(1)</script>"},
      {"img_onerror", "<img src=x onerror=alert(1)>"},
      {"control_chars", "a\x01\x07\x1b[31mb\x7f"},
      {"bidi_override", "\xE2\x80\xAEgpj.exe\xE2\x80\xAC"},
      {"formula_like", "=HYPERLINK(\"http://x\",\"y\")"},
      {"json_and_unicode_escapes", "\\u0000 \"quoted\" \\ \xF0\x9F\x98\x80 \xE4\xB8\xAD"},
  };
  return cases;
}

// The write routes: the POST/PUT/PATCH rows with a JSON body, first row per
// route, as admin (or anonymous for login). Auth routes last: they touch the
// sessions the others use.
struct WriteRoute {
  testing::MatrixCell cell;
  bool anonymous = false;
};

std::vector<WriteRoute> WriteRoutes(const std::vector<testing::MatrixCell>& cells) {
  std::vector<WriteRoute> out, last;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& c : cells) {
    if (c.method != "POST" && c.method != "PUT" && c.method != "PATCH") continue;
    if (c.body.empty() || c.body[0] != '{') continue;  // no body, or a raw upload
    const bool login = c.pattern == "/api/v1/auth/login";
    if (!login && c.expect[1] != "ok") continue;
    if (!seen.insert({c.method, c.pattern}).second) continue;
    (c.pattern.rfind("/api/v1/auth/", 0) == 0 ? last : out).push_back({c, login});
  }
  out.insert(out.end(), last.begin(), last.end());
  return out;
}

class HostileCatalogue : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
  }
  void TearDown() override {
    if (!tally_.empty()) {
      int total = 0;
      std::cout << "[hostile catalogue " << GetParam() << "] requests per case:";
      for (const auto& [k, n] : tally_) {
        std::cout << " " << k << "=" << n;
        total += n;
      }
      std::cout << " (" << total << " requests)";
      if (stored_) std::cout << "; hostile strings stored and echoed: " << stored_ << ", read back: " << read_back_;
      std::cout << "\n";
    }
  }
  void Healthy(const std::string& after) {
    HttpClient c(server_->port());
    auto r = Send(c, "GET", "/healthz", "");
    EXPECT_EQ(r.status, 200) << "/healthz after " << after << ": " << r.body;
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, int> tally_;
  int stored_ = 0, read_back_ = 0;  // hostile strings stored and echoed; of them read back by GET
};

// W01–W20 (see the catalogue): every hostile body to every JSON write route.
TEST_P(HostileCatalogue, EveryJsonWriteRouteRefusesOrStoresHostileBodiesAsText) {
  auto cells = testing::LoadAuthzMatrix();
  HttpClient admin(server_->port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  const auto ids = testing::SeedMatrixRecords(*server_, admin);
  ASSERT_FALSE(::testing::Test::HasFailure());
  auto routes = WriteRoutes(cells);
  ASSERT_GE(routes.size(), 50u);  // 55 when written
  const bool structural = GetParam() == "sqlite";

  std::set<std::string> stored_cases;  // text cases some route stored (and echoed)
  for (auto& route : routes) {
    const auto& c = route.cell;
    HttpClient anon(server_->port());
    HttpClient& who = route.anonymous ? anon : admin;
    std::string target = testing::MatrixTarget(c, ids);
    const std::string where = c.method + " " + target + " (authz_matrix.tsv line " +
                              std::to_string(c.line) + ")";
    nlohmann::json base = nlohmann::json::parse(testing::MatrixBody(c, *server_, ids));
    ASSERT_TRUE(base.is_object()) << where;
    std::vector<std::string> string_fields, array_fields, other_fields;
    for (const auto& [k, v] : base.items()) {
      if (v.is_string()) string_fields.push_back(k);
      else if (v.is_array() && (v.empty() || v[0].is_string()) && k != "officer_ids" && k != "scores")
        array_fields.push_back(k);
      else other_fields.push_back(k);
    }
    const std::string first_string = string_fields.empty() ? "note" : string_fields[0];
    auto send = [&](const char* kase, const std::string& body,
                    std::map<std::string, std::string> headers = {}) {
      ++tally_[kase];
      return Send(who, c.method, target, body, std::move(headers));
    };
    auto with = [&](const std::string& field, const nlohmann::json& value) {
      nlohmann::json j = base;
      j[field] = value;
      return j.dump();
    };
    const std::string marker = "\x01HOSTILE\x01";  // dumped as \u0001HOSTILE\u0001
    auto raw_in_field = [&](const std::string& field, const std::string& raw) {
      return testing::ReplaceAll(with(field, marker), "\\u0001HOSTILE\\u0001", raw);
    };

    // W01–W09 and W12 are decided before any store is touched: on SQLite only.
    if (structural) {
      // W01 deep nesting under the size limit, W02 100000 '[' (over it).
      ExpectRefused(send("W01_deep_nesting", "{\"" + first_string + "\":" + std::string(20000, '[') +
                                                 std::string(20000, ']') + "}"),
                    where + " W01", {"json_too_deep"});
      auto deep = send("W02_deep_nesting_100k", std::string(100000, '['));
      ExpectRefused(deep, where + " W02", {"json_too_deep"});
      if (deep.status != 400) {
        EXPECT_EQ(deep.status, 413) << where;
      }
      // W03 a body just over the limit, W04 a 1 MiB string: 413 before any parsing.
      auto over = send("W03_body_over_limit", with(first_string, std::string(kBodyLimit, 'a')));
      ExpectSafeAnswer(over, where + " W03");
      EXPECT_EQ(over.status, 413) << where;
      EXPECT_EQ(CodeOf(over), "payload_too_large") << where;
      auto mib = send("W04_string_1mib", with(first_string, std::string(1 << 20, 'a')));
      ExpectSafeAnswer(mib, where + " W04");
      EXPECT_EQ(mib.status, 413) << where;
      // W05 invalid UTF-8 inside a string value: overlong, stray byte, surrogate, truncated.
      for (const char* bad : {"\xC0\xAF", "ab\xFF", "\xED\xA0\x80", "\xE4\xB8"})
        ExpectRefused(send("W05_invalid_utf8", raw_in_field(first_string, bad)), where + " W05",
                      {"invalid_utf8"});
      // W06 a lone surrogate escaped in JSON.
      ExpectRefused(send("W06_lone_surrogate_escape", raw_in_field(first_string, "\\ud800x")),
                    where + " W06", {"malformed_json"});
      // W07 not an object at the top; W08 empty or broken JSON.
      for (const char* top : {"[{}]", "1", "\"x\"", "null", "-1e999"})
        ExpectRefused(send("W07_top_level_not_object", top), where + " W07", {"malformed_json"});
      for (const char* broken : {"{\"version\":}", "{} x", "{'a':1}"})
        ExpectRefused(send("W08_malformed_json", broken), where + " W08", {"malformed_json"});
      // W09 fields nobody asked for (prototype pollution, privilege).
      for (const char* extra : {"__proto__", "constructor", "is_admin"}) {
        nlohmann::json j = base;
        j[extra] = {{"admin", true}};
        ExpectRefused(send("W09_unknown_field", j.dump()), where + " W09", {"unknown_field"});
      }
      // W12 a body that is not JSON (form, text): 415.
      for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "text/csv"}) {
        auto r = send("W12_not_json_content_type", base.dump(), {{"Content-Type", type}});
        ExpectRefused(r, where + std::string(" W12 ") + type, {});
        EXPECT_EQ(r.status, 415) << where << " " << type;
      }
    }  // structural
    // W10 wrong types for every field.
    for (const auto& [k, v] : base.items()) {
      // An object, the other scalar; for an array also an array of objects.
      std::vector<nlohmann::json> wrong = {nlohmann::json::object({{"$ne", nullptr}})};
      if (v.is_array())
        wrong.push_back(nlohmann::json::array({nlohmann::json::object({{"$ne", nullptr}})}));
      wrong.push_back(v.is_string() ? nlohmann::json(12345) : nlohmann::json("12345"));
      if (v.is_number()) wrong.push_back(1.5);
      for (const auto& w : wrong)
        ExpectRefused(send("W10_wrong_type", with(k, w)), where + " W10 " + k + "=" + w.dump(),
                      {"invalid_type", "invalid_value", "malformed_json", "unknown_field", "required"});
    }
    // W11 integer extremes in every number field.
    for (const auto& k : other_fields) {
      if (!base[k].is_number_integer()) continue;
      for (const char* n : {"-1", "0", "9223372036854775807", "-9223372036854775808",
                            "18446744073709551615", "1e400"}) {
        auto body = testing::ReplaceAll(with(k, marker), "\"\\u0001HOSTILE\\u0001\"", n);
        auto r = send("W11_integer_extremes", body);
        ExpectSafeAnswer(r, where + " W11 " + k + "=" + n);
      }
    }
    // W13 a NUL byte (\u0000) in a string: refused, PostgreSQL text cannot hold it.
    for (const auto& k : string_fields)
      ExpectRefused(send("W13_nul_in_string", with(k, std::string("a\0b", 3))),
                    where + " W13 " + k, {"invalid_character"});
    // W14 a string just under the size limit in every string field: too_long, or stored.
    for (const auto& k : string_fields) {
      auto r = send("W14_long_string_under_limit", with(k, std::string(60000, 'x')));
      ExpectSafeAnswer(r, where + " W14 " + k);
    }
    // W15–W22 hostile text in every string field (and string-array element):
    // refused with a code, or stored as text and echoed byte-identical.
    for (const auto& tc : TextCases()) {
      const std::string kase = std::string("W15_text_") + tc.name;
      auto check_stored = [&](const HttpResult& r, const std::string& k, const nlohmann::json& sent) {
        if (r.status < 200 || r.status >= 300) return;
        auto j = r.json();
        if (j.is_object() && j.contains("version") && j["version"].is_number_integer() &&
            base.contains("version"))
          base["version"] = j["version"];  // the next write of this record is not stale
        if (!j.is_object() || !j.contains(k)) return;
        stored_cases.insert(tc.name);
        ++stored_;
        EXPECT_EQ(j[k], sent) << where << " " << kase << " field " << k << " not stored as sent";
        // Read back where the record has its own GET.
        if (c.method == "POST" && j.contains("id") && c.pattern.find('{') == std::string::npos) {
          HttpResult got = Send(admin, "GET", c.pattern + "/" + j["id"].dump(), "");
          if (got.status == 200 && got.json().contains(k)) {
            ExpectSafeAnswer(got, where + " read back");
            EXPECT_EQ(got.json()[k], sent) << where << " " << kase << " field " << k << " read back";
            ++read_back_;
          }
        }
      };
      for (const auto& k : string_fields) {
        auto r = send(kase.c_str(), with(k, tc.value));
        ExpectSafeAnswer(r, where + " " + kase + " " + k);
        check_stored(r, k, tc.value);
      }
      for (const auto& k : array_fields) {
        nlohmann::json sent = nlohmann::json::array({tc.value});
        auto r = send(kase.c_str(), with(k, sent));
        ExpectSafeAnswer(r, where + " " + kase + " " + k);
        check_stored(r, k, sent);
      }
    }
    // W16 hostile path parameters: traversal, NUL, bad UTF-8, CR/LF, overflow.
    if (c.id_kind != "-") {
      const std::string id = ids.at(c.id_kind);
      for (const char* bad : {"0", "-1", "1.5", "99999999999999999999", "999999999",
                              "..%2F..%2Fetc%2Fpasswd", "%FF", "1%00",
                              "1%0D%0ASet-Cookie:%20x=1", "1%27%20OR%201=1"}) {
        auto at = testing::ReplaceAll(testing::MatrixTarget(c, ids), "/" + id, std::string("/") + bad);
        ++tally_["W16_hostile_path_id"];
        auto r = Send(who, c.method, at, base.dump());
        ExpectRefused(r, where + " W16 " + at, {"invalid_utf8", "invalid_character"});
        EXPECT_FALSE(r.headers.count("set-cookie")) << at;
      }
    }
    Healthy(where);
    if (::testing::Test::HasFatalFailure()) return;
  }
  // The catalogue proves something only if hostile text reached storage somewhere.
  for (const auto& tc : TextCases())
    EXPECT_TRUE(stored_cases.count(tc.name)) << tc.name << " was refused by every route";
}

// Q01–Q03: every GET route's query with invalid UTF-8, NUL and SQL.
TEST_P(HostileCatalogue, QueryStringsWithInvalidUtf8OrNulAreRefusedAndSqlIsText) {
  auto cells = testing::LoadAuthzMatrix();
  HttpClient admin(server_->port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  const auto ids = testing::SeedMatrixRecords(*server_, admin);
  ASSERT_FALSE(::testing::Test::HasFailure());
  std::set<std::string> done;
  for (const auto& c : cells) {
    if (c.method != "GET" || c.expect[1] != "ok") continue;
    std::string target = testing::MatrixTarget(c, ids);
    if (!done.insert(target).second) continue;
    const std::string sep = target.find('?') == std::string::npos ? "?" : "&";
    for (const char* bad : {"q=%FF%FE", "q=%C0%AF", "name=%ED%A0%80", "%E4%B8=1"}) {
      ++tally_["Q01_query_invalid_utf8"];
      auto r = Send(admin, "GET", target + sep + bad, "");
      ExpectRefused(r, "GET " + target + sep + bad, {"invalid_utf8"});
      EXPECT_EQ(r.status, 400) << target << sep << bad;
    }
    ++tally_["Q02_query_nul"];
    auto nul = Send(admin, "GET", target + sep + "q=a%00b", "");
    ExpectRefused(nul, "GET " + target + " q=a%00b", {"invalid_character"});
    EXPECT_EQ(nul.status, 400) << target;
    // Q03 SQL in every query value the matrix sends: text, never a 5xx.
    if (c.query != "-") {
      std::string q = testing::ReplaceAll(c.query, "{other_dept}", ids.at("other_dept"));
      std::string path = target.substr(0, target.find('?'));
      std::string hostile;
      for (size_t p = 0; p <= q.size();) {
        size_t amp = q.find('&', p);
        if (amp == std::string::npos) amp = q.size();
        std::string part = q.substr(p, amp - p);
        hostile += (hostile.empty() ? "" : "&") + part.substr(0, part.find('=')) +
                   "=%27%20OR%20%271%27%3D%271%27%3B%20DROP%20TABLE%20entities%3B--";
        p = amp + 1;
      }
      ++tally_["Q03_query_sql_injection"];
      auto r = Send(admin, "GET", path + "?" + hostile, "");
      // Some of these answer CSV, a workbook or HTML: no 5xx, nosniff on all.
      EXPECT_NE(r.status, 0) << path << "?" << hostile << ": " << r.body;
      EXPECT_LT(r.status, 500) << path << "?" << hostile << ": " << r.body.substr(0, 300);
      EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << path;
      if (r.status >= 400) {
        EXPECT_FALSE(CodeOf(r).empty()) << path << ": " << r.body;
      }
    }
  }
  // The public search, anonymous: the same.
  HttpClient anon(server_->port());
  ++tally_["Q01_query_invalid_utf8"];
  auto pub = Send(anon, "GET", "/api/v1/public/entities?q=%FF", "");
  ExpectRefused(pub, "public search q=%FF", {"invalid_utf8"});
  EXPECT_GE(admin.Get("/api/v1/entities").json()["total"].get<int>(), 2);  // the table is still there
  Healthy("query cases");
}

// C01–C03: the entity import (CSV) with bytes that are no text.
TEST_P(HostileCatalogue, ImportOfInvalidUtf8OrNulIsAClearError) {
  HttpClient admin(server_->port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  const std::string head = "统一社会信用代码,名称\n";
  const std::string code = testing::ValidCreditCode(71);
  auto import = [&](const char* kase, const std::string& csv) {
    ++tally_[kase];
    return Send(admin, "POST", "/api/v1/entities/import", csv, {{"Content-Type", "text/csv"}});
  };
  // C01 a UTF-8 BOM, then bytes that are not UTF-8.
  auto bom = import("C01_csv_bom_then_invalid_utf8", "\xEF\xBB\xBF" + head + code + ",\xC0\xAF\xFF\n");
  ExpectRefused(bom, "C01", {"invalid_encoding"});
  EXPECT_EQ(bom.status, 400);
  EXPECT_EQ(CodeOf(bom), "invalid_encoding");
  // C02 neither UTF-8 nor GB18030 (0xFF starts nothing in either).
  auto neither = import("C02_csv_neither_utf8_nor_gb18030", head + code + ",\xFF\xFF\n");
  ExpectRefused(neither, "C02", {"invalid_encoding"});
  EXPECT_EQ(neither.status, 400);
  // C03 a NUL byte inside a name: refused with the row, nothing imported.
  auto nul = import("C03_csv_nul_in_cell", head + code + std::string(",某\0公司\n", 12));
  ExpectSafeAnswer(nul, "C03");
  EXPECT_TRUE(nul.status == 400 || nul.status == 422) << nul.status << " " << nul.body;
  EXPECT_EQ(admin.Get("/api/v1/entities?credit_code=" + code).json()["total"], 0);
  Healthy("import cases");
}

// H01–H05: what reaches response headers, and attachment ids and names.
TEST_P(HostileCatalogue, AttachmentNamesAndIdsNeitherSplitHeadersNorTraverse) {
  HttpClient admin(server_->port());
  ASSERT_EQ(admin.Login("admin").status, 200);
  const auto ids = testing::SeedMatrixRecords(*server_, admin);
  ASSERT_FALSE(::testing::Test::HasFailure());
  const std::string base = "/api/v1/inspection-tasks/" + ids.at("task") + "/attachments";
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01", 20);
  auto upload = [&](const char* kase, const std::string& name) {
    ++tally_[kase];
    return Send(admin, "POST", base + "?name=" + name, png, {{"Content-Type", "image/png"}});
  };
  // H01 CR/LF (and a whole injected header) in the file name.
  auto crlf = upload("H01_crlf_in_attachment_name", "a%0D%0ASet-Cookie:%20jg_session=x%0D%0A%0D%0A.png");
  ASSERT_EQ(crlf.status, 201) << crlf.body;
  ExpectSafeAnswer(crlf, "H01 upload");
  const std::string crlf_name = crlf.json()["file_name"].get<std::string>();
  EXPECT_EQ(crlf_name.find_first_of("\r\n"), std::string::npos) << crlf_name;
  auto got = Send(admin, "GET", base + "/" + crlf.json()["id"].dump(), "");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, png);
  EXPECT_FALSE(got.headers.count("set-cookie"));
  const std::string disp = got.headers["content-disposition"];
  EXPECT_EQ(disp.find_first_of("\r\n"), std::string::npos) << disp;
  EXPECT_EQ(disp.rfind("attachment; filename=\"", 0), 0u) << disp;
  EXPECT_EQ(got.headers["x-content-type-options"], "nosniff");
  // H02 path traversal, quotes and a bidi override in the name.
  auto trav = upload("H02_traversal_in_attachment_name", "..%2F..%2F..%2Fetc%2Fpasswd");
  ASSERT_EQ(trav.status, 201) << trav.body;
  EXPECT_EQ(trav.json()["file_name"], "passwd.png");
  auto win = upload("H02_traversal_in_attachment_name", "..%5C..%5Cwindows%5Cwin.ini");
  EXPECT_EQ(win.json()["file_name"], "win.ini.png");
  auto quote = upload("H03_quote_and_bidi_in_attachment_name", "a%22%3B%20filename%3D%22evil.exe%E2%80%AE.png");
  ASSERT_EQ(quote.status, 201) << quote.body;
  auto qd = Send(admin, "GET", base + "/" + quote.json()["id"].dump(), "").headers["content-disposition"];
  // One filename parameter of each kind: the quote cannot end the value early.
  EXPECT_EQ(qd.find("filename=\""), qd.rfind("filename=\"")) << qd;
  EXPECT_EQ(qd.find("\"", std::string("attachment; filename=\"").size()), qd.find("\"; filename*=")) << qd;
  // H04 invalid UTF-8 and NUL in the name (a query value): a clear 400.
  auto bad = upload("H04_invalid_utf8_in_attachment_name", "%FF%FE.png");
  ExpectRefused(bad, "H04", {"invalid_utf8"});
  EXPECT_EQ(bad.status, 400);
  // H05 hostile attachment ids (download and withdrawal): 404, never a file.
  for (const char* id : {"..", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f1", "1%2F..", "-1", "0",
                         "1%00", "99999999999999999999", "1%0D%0AX-Injected:%201", "%FF"}) {
    for (const char* method : {"GET", "DELETE"}) {
      ++tally_["H05_hostile_attachment_id"];
      auto r = Send(admin, method, base + "/" + id, "");
      ExpectRefused(r, std::string(method) + " attachment " + id, {"invalid_utf8", "invalid_character"});
      EXPECT_FALSE(r.headers.count("x-injected")) << id;
      EXPECT_EQ(r.body.find("root:"), std::string::npos) << id;
    }
  }
  Healthy("attachment cases");
}

// R01–R05: raw bytes a client library would not send, and bodies far over the limit.
TEST_P(HostileCatalogue, RawProtocolAbuseIsRefusedOrClosedAndTheServerGoesOn) {
  namespace net = boost::asio;
  auto raw = [&](const char* kase, const std::string& bytes) {
    ++tally_[kase];
    net::io_context ioc;
    net::ip::tcp::socket s(ioc);
    s.connect({net::ip::make_address("127.0.0.1"), server_->port()});
    net::write(s, net::buffer(bytes));
    std::string got;
    char buf[4096];
    boost::system::error_code ec;
    for (;;) {
      size_t n = s.read_some(net::buffer(buf), ec);
      if (ec) break;
      got.append(buf, n);
      if (got.find("\r\n\r\n") != std::string::npos && got.find("Connection: close") == std::string::npos)
        break;
    }
    return got;
  };
  auto status_of = [](const std::string& got) { return got.size() > 12 ? std::atoi(got.c_str() + 9) : 0; };
  // R01 a bare CR or LF inside a header value (header splitting on the way in).
  for (const char* bytes : {"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\rInjected: 1\r\n\r\n",
                            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\nInjected: 1\r\n\r\n",
                            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n folded\r\n\r\n"}) {
    auto got = raw("R01_bare_cr_lf_or_fold_in_header", bytes);
    EXPECT_LT(status_of(got), 500) << got;
    EXPECT_EQ(got.find("Injected"), std::string::npos) << got;
  }
  // R02 request smuggling: two Content-Lengths, or one with Transfer-Encoding.
  for (const char* bytes :
       {"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}",
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    auto got = raw("R02_smuggling_lengths", bytes);
    EXPECT_LT(status_of(got), 500) << got;
  }
  // R03 a chunked body over the limit (no Content-Length to refuse it early).
  {
    std::string chunk(16 * 1024, 'a');
    std::string bytes = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
    for (int i = 0; i < 5; ++i) bytes += size + chunk + "\r\n";
    bytes += "0\r\n\r\n";
    auto got = raw("R03_chunked_over_limit", bytes);
    EXPECT_EQ(status_of(got), 413) << got.substr(0, 300);
  }
  // R05 an 8 MiB body to a 64 KiB route: the client may finish sending it and
  // reads the 413 (closing on unread bytes reset the connection under it).
  {
    HttpClient c(server_->port());
    ASSERT_EQ(c.Login("admin").status, 200);
    ++tally_["R05_huge_body_gets_its_413"];
    auto huge = Send(c, "POST", "/api/v1/entities", "{\"name\":\"" + std::string(8 << 20, 'a') + "\"}");
    EXPECT_EQ(huge.status, 413) << huge.body.substr(0, 300);
    ExpectSafeAnswer(huge, "R05 413");
  }
  // R04 a header block over the limit gets JSON with nosniff like every answer.
  {
    HttpClient c(server_->port());
    ++tally_["R04_headers_too_large"];
    auto big = Send(c, "GET", "/api/v1/auth/me", "", {{"X-Padding", std::string(20000, 'b')}});
    EXPECT_EQ(big.status, 431);
    ExpectSafeAnswer(big, "R04 431");
  }
  Healthy("raw cases");
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileCatalogue, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
