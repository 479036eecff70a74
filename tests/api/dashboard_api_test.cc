// GET /api/v1/dashboard over real HTTP on both stores: a small year whose
// every figure is known (random inspections by month, department and street
// with the discovery rate; cases filed and closed with year on year; overdue
// decisions; holdings expiring), every figure's drill-down list holding
// exactly that many records, and the scope: a station's staff get their
// department's figures and cannot ask for another's, leaders pick one. The
// clock reads 2023-11-15 in China.
#include <gtest/gtest.h>

#include <cctype>

#include "support/credit_codes.h"
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

class DashboardApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    for (const char* cert : {"沪执-4001", "沪执-4002"}) {
      Inspector i;
      i.name = std::string("执法员") + cert;
      i.department_id = server_->department("JQS");
      i.certificate_no = cert;
      i.certificate_expires = "2027-12-31";
      i.updated_at = 1;
      officers_.push_back(server_->store().InsertInspector(i).value());
    }
    int n = 0;
    for (const char* street : {"江桥镇", "江桥镇", "南翔镇"}) {
      Entity e;
      e.credit_code = testing::ValidCreditCode(800 + ++n);
      e.name = "看板企业" + std::to_string(n);
      e.registered_on = "2020-01-01";
      e.street = street;
      entities_.push_back(server_->store().InsertEntity(e, "test").value());
    }
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  Store& store() { return server_->store(); }
  Id Plan(const std::string& dept) {
    InspectionPlan p;
    p.name = "2023年看板测试计划" + dept;
    p.year = 2023;
    p.period_from = "2023-01-01";
    p.period_to = "2023-12-31";
    p.lead_department_id = server_->department(dept);
    p.updated_at = 1;
    return store().InsertPlan(p).value();
  }
  void Task(Id plan, size_t entity, InspectionOutcome o, const std::string& on) {
    InspectionTask t;
    t.plan_id = plan;
    t.entity_id = entities_.at(entity);
    t.credit_code = testing::ValidCreditCode(801 + static_cast<int>(entity));
    t.updated_at = 1;
    auto id = store().InsertTask(t);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    // The result is recorded by an update, as the service does.
    auto got = store().GetTask(*id).value();
    got.status = TaskStatus::kDone;
    got.outcome = o;
    got.findings = IsProblem(o) ? "发现问题" : "";
    got.inspected_on = on;
    ASSERT_TRUE(store().UpdateTask(got).ok());
  }
  void Filed(const std::string& dept, const std::string& found_on, const std::string& filed_on) {
    auto lead = as("admin").Post("/api/v1/leads", {{"source", "complaint"},
                                                   {"party_name", "某某商店"},
                                                   {"description", "投诉"},
                                                   {"found_on", found_on},
                                                   {"department_id", server_->department(dept)}});
    ASSERT_EQ(lead.status, 201) << lead.body;
    auto c = as("leader").Post("/api/v1/leads/" + lead.json()["id"].dump() + "/file",
                               {{"version", 1}, {"on", filed_on}, {"officer_ids", officers_}});
    ASSERT_EQ(c.status, 201) << c.body;
  }
  // Every {count, list, filter} opens a list (the API behind the web page the
  // dashboard links to) with exactly `count` records.
  void ExpectDrillDownsMatch(const std::string& who, const nlohmann::json& j, int* cells) {
    if (j.is_object() && j.contains("count") && j.contains("filter") && j.contains("list")) {
      const std::string list = j["list"].get<std::string>();
      std::string url = list == "credit-repairs" ? "/api/v1/credit/repairs?x=1"
                        : list == "holdings"     ? "/api/v1/holdings/expiring?page_size=1"
                                                 : "/api/v1/" + list + "?page_size=1";
      for (const auto& [k, v] : j["filter"].items()) url += "&" + k + "=" + UrlEncode(v.get<std::string>());
      auto r = as(who).Get(url);
      ASSERT_EQ(r.status, 200) << url << " " << r.body;
      auto total = list == "credit-repairs" ? nlohmann::json(r.json()["items"].size()) : r.json()["total"];
      EXPECT_EQ(total, j["count"]) << who << " " << url;
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
  std::vector<Id> entities_;
};

using O = InspectionOutcome;

TEST_P(DashboardApi, TheYearsFiguresAndEachOpensExactlyItsRecords) {
  Id jqs = Plan("JQS");
  Task(jqs, 0, O::kNoProblem, "2023-03-10");
  Task(jqs, 1, O::kCorrected, "2023-03-20");
  Task(jqs, 2, O::kCaseFiled, "2023-04-02");
  Id nxs = Plan("NXS");
  Task(nxs, 0, O::kCorrected, "2023-05-05");
  Filed("JQS", "2022-04-28", "2022-05-04");
  Filed("JQS", "2023-07-20", "2023-07-25");  // 90 days: overdue on 2023-11-15
  Filed("NXS", "2023-03-01", "2023-03-02");
  for (auto [id, until] : {std::pair{"JY13101140000011", "2023-11-01"}, {"JY13101140000029", "2023-12-01"},
                           {"JY13101140000037", "2024-06-30"}}) {
    Holding h;
    h.kind = "food_operation_licence";
    h.identifier = id;
    h.entity_id = entities_[0];
    h.valid_from = "2019-01-01";
    h.valid_until = until;
    h.updated_at = 1;
    ASSERT_TRUE(store().InsertHolding(h).ok());
  }

  auto r = as("leader").Get("/api/v1/dashboard?year=2023");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = r.json();
  EXPECT_EQ(d["year"], 2023);
  EXPECT_TRUE(d["department_id"].is_null());
  EXPECT_EQ(d["today"], "2023-11-15");
  const auto& total = d["inspections"]["total"];
  EXPECT_EQ(total["drawn"]["count"], 4);
  EXPECT_EQ(total["inspected"]["count"], 4);
  EXPECT_EQ(total["problems"]["count"], 3);
  EXPECT_EQ(total["cases"]["count"], 1);
  EXPECT_DOUBLE_EQ(total["discovery_rate"].get<double>(), 0.75);
  ASSERT_EQ(d["inspections"]["by_month"].size(), 12u);
  EXPECT_EQ(d["inspections"]["by_month"][2]["key"], "2023-03");
  EXPECT_EQ(d["inspections"]["by_month"][2]["inspected"]["count"], 2);
  EXPECT_DOUBLE_EQ(d["inspections"]["by_month"][2]["discovery_rate"].get<double>(), 0.5);
  EXPECT_TRUE(d["inspections"]["by_month"][0]["discovery_rate"].is_null()) << "no inspections in January";
  ASSERT_EQ(d["inspections"]["by_department"].size(), 2u);
  std::map<std::string, std::int64_t> by_street;
  for (const auto& s : d["inspections"]["by_street"])
    by_street[s["label"].get<std::string>()] = s["inspected"]["count"].get<std::int64_t>();
  EXPECT_EQ(by_street, (std::map<std::string, std::int64_t>{{"江桥镇", 3}, {"南翔镇", 1}}));
  EXPECT_EQ(d["cases"]["filed"]["current"]["count"], 2);
  EXPECT_EQ(d["cases"]["filed"]["previous"]["count"], 1);
  EXPECT_DOUBLE_EQ(d["cases"]["filed"]["change"].get<double>(), 1.0);
  EXPECT_TRUE(d["cases"]["closed"]["change"].is_null()) << "none closed the year before";
  EXPECT_EQ(d["cases"]["by_month"][6]["filed"]["count"], 1);
  EXPECT_EQ(d["cases"]["by_month"][6]["filed"]["filter"]["filed_month"], "2023-07");
  EXPECT_GE(d["cases"]["overdue"]["count"].get<int>(), 1);
  EXPECT_EQ(d["holdings"]["expired"]["count"], 1);
  EXPECT_EQ(d["holdings"]["expiring"]["count"], 2);
  EXPECT_EQ(d["credit_repairs"]["approved"]["count"], 0);

  int cells = 0;
  ExpectDrillDownsMatch("leader", d, &cells);
  EXPECT_GE(cells, 60);

  // A station's staff: their department's figures, and their lists agree.
  auto mine = as("jqstaff").Get("/api/v1/dashboard?year=2023").json();
  EXPECT_EQ(mine["department_id"], server_->department("JQS"));
  EXPECT_EQ(mine["inspections"]["total"]["drawn"]["count"], 3);
  EXPECT_EQ(mine["cases"]["filed"]["current"]["count"], 1);
  int staff_cells = 0;
  ExpectDrillDownsMatch("jqstaff", mine, &staff_cells);
  EXPECT_GE(staff_cells, 40);
  // …and cannot ask for another department's; a leader can.
  auto other = as("jqstaff").Get("/api/v1/dashboard?year=2023&department_id=" +
                                 std::to_string(server_->department("NXS")));
  EXPECT_EQ(other.status, 403);
  auto nx = as("leader").Get("/api/v1/dashboard?year=2023&department_id=" +
                             std::to_string(server_->department("NXS")));
  ASSERT_EQ(nx.status, 200);
  EXPECT_EQ(nx.json()["inspections"]["total"]["drawn"]["count"], 1);
  EXPECT_EQ(nx.json()["cases"]["filed"]["current"]["count"], 1);
}

TEST_P(DashboardApi, DefaultsToThisYearAndRefusesBadInput) {
  auto d = as("admin").Get("/api/v1/dashboard");
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json()["year"], 2023);  // the current year in China time
  auto bad = as("admin").Get("/api/v1/dashboard?year=1999");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["field"], "year");
  auto dept = as("admin").Get("/api/v1/dashboard?department_id=abc");
  EXPECT_EQ(dept.status, 400);
  EXPECT_EQ(dept.json()["field"], "department_id");
  EXPECT_EQ(as("inspector").Get("/api/v1/dashboard").status, 403);
  auto month = as("admin").Get("/api/v1/cases?filed_month=2023-13");
  EXPECT_EQ(month.status, 400);
  EXPECT_EQ(month.json()["field"], "filed_month");
  auto counted = as("admin").Get("/api/v1/inspection-tasks?counted=everything");
  EXPECT_EQ(counted.status, 400);
  EXPECT_EQ(counted.json()["field"], "counted");
}

INSTANTIATE_TEST_SUITE_P(Backends, DashboardApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
