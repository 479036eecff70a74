// The summary procedure (简易程序) and the yearly case statistics over real
// HTTP on both stores: the on-the-spot limits (200.00 / 200.01 yuan for a
// citizen, 3000 / 3000.01 for an organisation), certified officers, gap-free
// numbering; the statistics of a small hand-built dataset over two years
// (filed, closed, year on year, transfers, no-penalty by rule, reduced
// penalties, by department, by law) where every figure's drill-down list has
// exactly that many records; and department scoping. The clock reads
// 2023-11-15 in China.
#include <gtest/gtest.h>

#include <cctype>

#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

std::string UrlEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class CaseStatsApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    for (auto [cert, expires] : {std::pair{"沪执-3001", "2027-12-31"}, {"沪执-3002", "2026-06-30"},
                                 {"沪执-3003", "2023-06-30"}}) {
      Inspector i;
      i.name = std::string("执法员") + cert;
      i.department_id = server_->department("JQS");
      i.certificate_no = cert;
      i.certificate_expires = expires;
      i.updated_at = 1;
      officers_.push_back(server_->store().InsertInspector(i).value());
    }
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  nlohmann::json Send(const std::string& who, const std::string& method, const std::string& path,
                      const nlohmann::json& body, int expect) {
    auto r = as(who).Request(method, path, body.dump());
    EXPECT_EQ(r.status, expect) << method << " " << path << " " << r.body;
    return r.json();
  }
  nlohmann::json Filed(const std::string& dept, const std::string& found_on,
                       const std::string& filed_on, const std::string& law = "") {
    auto lead = Send("admin", "POST", "/api/v1/leads",
                     {{"source", "complaint"},
                      {"party_name", "某某商店"},
                      {"description", "投诉"},
                      {"found_on", found_on},
                      {"department_id", server_->department(dept)}},
                     201);
    nlohmann::json body = {{"version", 1}, {"on", filed_on}, {"officer_ids", {officers_[0], officers_[1]}}};
    if (!law.empty()) body["violated_law"] = law;
    return Send("leader", "POST", "/api/v1/leads/" + lead["id"].dump() + "/file", body, 201);
  }
  nlohmann::json Step(const std::string& who, const nlohmann::json& c, nlohmann::json body) {
    body["version"] = c["version"];
    return Send(who, "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions", body, 200);
  }
  nlohmann::json Transferred(const nlohmann::json& c, const std::string& on,
                             const std::string& closed_on) {
    auto inv = Step("admin", c, {{"action", "investigate"}, {"on", on}});
    auto d = Step("leader", inv,
                  {{"action", "decide"}, {"on", on},
                   {"decision", {{"kind", "transfer_to_police"}, {"decided_on", on},
                                 {"police_unit", "上海市公安局嘉定分局"}, {"transferred_on", on}}}});
    return closed_on.empty() ? d : Step("admin", d, {{"action", "close"}, {"on", closed_on}});
  }
  nlohmann::json Summary(const std::string& who, const std::string& party_kind, long fine_fen,
                         std::vector<Id> officers, int expect, const std::string& dept = "JQS") {
    return Send(who, "POST", "/api/v1/summary-cases",
                {{"party_kind", party_kind},
                 {"party_name", party_kind == "citizen" ? "张某" : "嘉定某某餐饮有限公司"},
                 {"department_id", server_->department(dept)},
                 {"place", "嘉定区江桥镇某路 1 号"},
                 {"facts", "未按规定明码标价"},
                 {"violated_law", "《明码标价和禁止价格欺诈规定》"},
                 {"violated_article", "第四条"},
                 {"penalties", {"fine"}},
                 {"fine_fen", fine_fen},
                 {"decided_on", "2023-11-10"},
                 {"officer_ids", officers}},
                expect);
  }
  // Every {count, list, filter} in the statistics opens a list of that many records.
  void ExpectDrillDownsMatch(const std::string& who, const nlohmann::json& j, int* cells) {
    if (j.is_object() && j.contains("count") && j.contains("filter") && j.contains("list")) {
      std::string url = "/api/v1/" + j["list"].get<std::string>() + "?page_size=1";
      for (const auto& [k, v] : j["filter"].items()) url += "&" + k + "=" + UrlEncode(v.get<std::string>());
      auto r = as(who).Get(url);
      EXPECT_EQ(r.status, 200) << url << " " << r.body;
      EXPECT_EQ(r.json()["total"], j["count"]) << who << " " << url;
      ++*cells;
      return;
    }
    if (j.is_structured()) {
      for (const auto& v : j) ExpectDrillDownsMatch(who, v, cells);
    }
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  std::vector<Id> officers_;
};

TEST_P(CaseStatsApi, SummaryProcedureLimitsOfficersAndGapFreeNumbers) {
  // 200.00 yuan for a citizen is within 第五十一条; 200.01 is not.
  auto first = Summary("jqstaff", "citizen", 20000, {officers_[0], officers_[1]}, 201);
  EXPECT_EQ(first["decision_number"], "沪市监嘉简罚〔2023〕第00001号");
  EXPECT_EQ(first["fine_fen"], 20000);
  EXPECT_EQ(first["officers"].size(), 2u);
  // 备案 within 3 working days of 2023-11-10 (a Friday): 2023-11-15, today.
  EXPECT_EQ(first["filing_deadline"]["due"], "2023-11-15");
  EXPECT_EQ(first["filing_deadline"]["state"], "due_today");
  auto over = Summary("jqstaff", "citizen", 20001, {officers_[0], officers_[1]}, 422);
  EXPECT_EQ(over["code"], "summary_procedure_not_allowed");
  EXPECT_EQ(over["field"], "fine_fen");
  EXPECT_NE(over["message"].get<std::string>().find("第五十一条"), std::string::npos);
  // 3000.00 for an organisation is within; 3000.01 is not.
  auto org = Summary("legal", "organisation", 300000, {officers_[0], officers_[1]}, 201);
  EXPECT_EQ(org["decision_number"], "沪市监嘉简罚〔2023〕第00002号");
  auto org_over = Summary("legal", "organisation", 300001, {officers_[0], officers_[1]}, 422);
  EXPECT_EQ(org_over["code"], "summary_procedure_not_allowed");
  EXPECT_EQ(org_over["field"], "fine_fen");
  // A second officer whose certificate expired in June: refused, nothing written.
  auto expired = Summary("jqstaff", "citizen", 5000, {officers_[0], officers_[2]}, 422);
  EXPECT_EQ(expired["code"], "not_enough_officers");
  EXPECT_EQ(expired["field"], "officer_ids");
  EXPECT_NE(expired["message"].get<std::string>().find("沪执-3003"), std::string::npos);
  // Other penalties are not for the spot.
  auto suspend = Send("jqstaff", "POST", "/api/v1/summary-cases",
                      {{"party_kind", "organisation"}, {"party_name", "某公司"},
                       {"department_id", server_->department("JQS")}, {"place", "某地"},
                       {"facts", "某事"}, {"violated_law", "某法"},
                       {"penalties", {"suspend_licence"}}, {"officer_ids", {officers_[0], officers_[1]}}},
                      422);
  EXPECT_EQ(suspend["field"], "penalties");
  // Staff decide for their own department only.
  Summary("jqstaff", "citizen", 5000, {officers_[0], officers_[1]}, 403, "NXS");
  EXPECT_EQ(as("inspector").Get("/api/v1/summary-cases").status, 403);

  auto list = as("jqstaff").Get("/api/v1/summary-cases?year=2023").json();
  EXPECT_EQ(list["total"], 2);
  // Refusals took no number: the next one follows without a gap.
  auto next = Summary("admin", "citizen", 0, {officers_[0], officers_[1]}, 400);  // fine without amount
  auto warning = Send("admin", "POST", "/api/v1/summary-cases",
                      {{"party_kind", "citizen"}, {"party_name", "李某"},
                       {"department_id", server_->department("JQS")}, {"place", "某地"},
                       {"facts", "某事"}, {"violated_law", "某法"}, {"penalties", {"warning"}},
                       {"officer_ids", {officers_[0], officers_[1]}}},
                      201);
  EXPECT_EQ(warning["decision_number"], "沪市监嘉简罚〔2023〕第00003号");
  EXPECT_EQ(warning["decided_on"], "2023-11-15");
  auto one = as("legal").Get("/api/v1/summary-cases/" + first["id"].dump());
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["party_name"], "张某");
  EXPECT_EQ(as("admin").Get("/api/v1/audit/verify").status, 200);
  (void)next;
}

TEST_P(CaseStatsApi, FiguresOverTwoYearsAndEachOpensExactlyItsRecords) {
  const std::string law = "《中华人民共和国食品安全法》";
  // 2022: two cases of 江桥所, one transferred to the police and closed.
  auto old1 = Filed("JQS", "2022-02-20", "2022-03-01", law);
  Transferred(old1, "2022-05-10", "2022-05-12");
  Filed("JQS", "2022-06-01", "2022-06-02");
  // 2023: four of 江桥所 and one of 南翔所.
  auto transfer = Transferred(Filed("JQS", "2023-02-01", "2023-02-03", law), "2023-11-01", "2023-11-03");
  auto no_pen = Filed("JQS", "2023-10-08", "2023-10-10", "《中华人民共和国产品质量法》");
  {
    auto inv = Step("admin", no_pen, {{"action", "investigate"}, {"on", "2023-10-11"}});
    auto rev = Step("admin", inv, {{"action", "submit_for_review"}, {"on", "2023-10-20"}});
    auto dec = Step("leader", rev,
                    {{"action", "decide"}, {"on", "2023-10-30"},
                     {"decision", {{"kind", "no_penalty"}, {"decided_on", "2023-10-30"},
                                   {"lenient_rule_id", "SH-06"}}}});
    auto srv = Step("admin", dec, {{"action", "serve"}, {"on", "2023-10-31"}, {"decision_served_on", "2023-10-31"}});
    Step("admin", srv, {{"action", "close"}, {"on", "2023-11-02"}});
  }
  auto reduced = Filed("JQS", "2023-09-01", "2023-09-04", law);
  {
    auto inv = Step("admin", reduced, {{"action", "investigate"}, {"on", "2023-09-05"}});
    auto rev = Step("admin", inv, {{"action", "submit_for_review"}, {"on", "2023-10-09"}});
    auto ntc = Step("admin", rev, {{"action", "notify"}, {"on", "2023-10-16"}, {"notice_served_on", "2023-10-16"}});
    Step("leader", ntc,
         {{"action", "decide"}, {"on", "2023-10-30"},
          {"decision", {{"kind", "reduced_penalty"}, {"decided_on", "2023-10-30"},
                        {"penalties", {"fine"}}, {"fine_fen", 100000},
                        {"reduction_ground", "《中华人民共和国行政处罚法》第三十二条第（一）项"}}}});
  }
  Filed("JQS", "2023-11-01", "2023-11-02");
  Filed("NXS", "2023-03-01", "2023-03-02", law);
  Summary("jqstaff", "citizen", 10000, {officers_[0], officers_[1]}, 201);

  auto s = as("leader").Get("/api/v1/case-stats?year=2023").json();
  EXPECT_EQ(s["year"], 2023);
  EXPECT_EQ(s["filed"]["current"]["count"], 5);
  EXPECT_EQ(s["filed"]["previous"]["count"], 2);
  EXPECT_DOUBLE_EQ(s["filed"]["change"].get<double>(), 1.5);
  EXPECT_EQ(s["closed"]["current"]["count"], 2);
  EXPECT_EQ(s["closed"]["previous"]["count"], 1);
  EXPECT_DOUBLE_EQ(s["closed"]["change"].get<double>(), 1.0);
  EXPECT_EQ(s["transfers_to_police"]["count"], 1);
  EXPECT_EQ(s["no_penalty"]["count"], 1);
  EXPECT_EQ(s["reduced_penalty"]["count"], 1);
  ASSERT_EQ(s["no_penalty_by_rule"].size(), 1u);
  EXPECT_EQ(s["no_penalty_by_rule"][0]["key"], "SH-06");
  EXPECT_EQ(s["no_penalty_by_rule"][0]["count"]["count"], 1);
  ASSERT_EQ(s["reduced_by_ground"].size(), 1u);
  EXPECT_EQ(s["summary_procedure"]["current"]["count"], 1);
  EXPECT_TRUE(s["summary_procedure"]["change"].is_null());  // none the year before
  ASSERT_EQ(s["by_department"].size(), 2u);
  for (const auto& d : s["by_department"]) {
    if (d["key"] == std::to_string(server_->department("JQS"))) {
      EXPECT_EQ(d["count"]["count"], 4);
      EXPECT_EQ(d["closed"]["count"], 2);
    } else {
      EXPECT_EQ(d["label"], "南翔市场监管所");
      EXPECT_EQ(d["count"]["count"], 1);
    }
  }
  std::map<std::string, long> by_law;
  for (const auto& r : s["by_law"]) by_law[r["key"].get<std::string>()] = r["count"]["count"].get<long>();
  EXPECT_EQ(by_law[law], 3);
  EXPECT_EQ(by_law["_none"], 1);
  EXPECT_EQ(s["by_month"].size(), 12u);
  EXPECT_EQ(s["by_month"][10]["month"], "2023-11");
  EXPECT_EQ(s["by_month"][10]["filed"], 1);
  EXPECT_EQ(s["by_month"][10]["closed"], 2);

  int cells = 0;
  ExpectDrillDownsMatch("leader", s, &cells);
  EXPECT_GE(cells, 20);

  // Staff see their department's figures and lists only.
  auto mine = as("jqstaff").Get("/api/v1/case-stats?year=2023").json();
  EXPECT_EQ(mine["department_id"], server_->department("JQS"));
  EXPECT_EQ(mine["filed"]["current"]["count"], 4);
  EXPECT_EQ(mine["filed"]["previous"]["count"], 2);
  EXPECT_EQ(mine["by_department"].size(), 1u);
  int staff_cells = 0;
  ExpectDrillDownsMatch("jqstaff", mine, &staff_cells);
  EXPECT_GE(staff_cells, 15);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/case-stats?year=2023&department_id=" +
                              std::to_string(server_->department("NXS"))).status, 403);
  EXPECT_EQ(as("inspector").Get("/api/v1/case-stats?year=2023").status, 403);
  EXPECT_EQ(as("leader").Get("/api/v1/case-stats?year=23").status, 400);

  // Paging: the total over all pages, one page at a time.
  auto p1 = as("legal").Get("/api/v1/cases?filed_year=2023&page_size=2").json();
  EXPECT_EQ(p1["total"], 5);
  EXPECT_EQ(p1["items"].size(), 2u);
  auto p3 = as("legal").Get("/api/v1/cases?filed_year=2023&page_size=2&page=3").json();
  EXPECT_EQ(p3["items"].size(), 1u);
  EXPECT_EQ(as("legal").Get("/api/v1/cases?page_size=0").status, 400);
  EXPECT_EQ(as("legal").Get("/api/v1/cases?decision_kind=fine").status, 400);
  (void)transfer;
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStatsApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
