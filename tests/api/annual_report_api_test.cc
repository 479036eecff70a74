// The annual report over real HTTP on both stores: a small hand-built district
// over 2022 and 2023 whose every figure is known — licences issued (with
// 含酒类, a revoked one still counted, one of 2024 not), registrations by
// service point with the fully-electronic share, 双随机 results with the
// discovery rate, cases filed / closed / transferred, a reconsideration
// corrected and a litigation won, a credit repair — the previous year, the
// change (relative, or in points for a rate), 无记录 where 2022 has none, and
// every link opening exactly the records behind its figure. Also who may read
// it, the .xlsx and the A4 .html. The clock reads 2023-11-15 in China.
#include <gtest/gtest.h>

#include <cctype>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class AnnualReportApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
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
      officers_.push_back(store().InsertInspector(i).value());
    }
    for (int n = 1; n <= 8; ++n) {
      Entity e;
      e.credit_code = testing::ValidCreditCode(500 + n);
      e.name = "嘉定某某商店" + std::to_string(n);
      e.street = "江桥镇";
      e.station_id = server_->department("JQS");
      e.industry = "F5223";
      e.registered_on = "2020-05-01";
      e.updated_at = 1;
      e.updated_by = "test";
      ASSERT_TRUE(NormalizeEntity(e).ok());
      entities_.push_back(store().InsertEntity(e, "create").value());
    }
  }
  Store& store() { return server_->store(); }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  nlohmann::json Send(const std::string& who, const std::string& method, const std::string& path,
                      const nlohmann::json& body, int expect) {
    auto r = as(who).Request(method, path, body.dump());
    EXPECT_EQ(r.status, expect) << method << " " << path << " " << r.body;
    return r.json();
  }

  // ---- seeding ----
  void Licence(const std::string& kind, const std::string& id, const std::string& from,
               bool alcohol, HoldingStatus status = HoldingStatus::kValid) {
    Holding h;
    h.kind = kind;
    h.identifier = id;
    h.entity_id = entities_[0];
    h.valid_from = from;
    h.status = status;
    h.attributes.emplace("business_items", "预包装食品销售");
    if (alcohol) h.attributes.emplace("business_items", "含酒类");
    if (kind != "food_operation_licence") h.attributes.clear();
    h.updated_at = 1;
    auto r = store().InsertHolding(h);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  void AddRegistration(RegistrationKind k, const std::string& point, const std::string& on, bool electronic) {
    jg::Registration g;
    g.entity_id = entities_[1];
    g.kind = k;
    g.service_point = point;
    g.handled_on = on;
    g.fully_electronic = electronic;
    g.recorded_at = 1;
    ASSERT_TRUE(store().InsertRegistration(g).ok());
  }
  // A plan of `year` with one task per outcome ("" = not yet inspected,
  // "cancelled" = a cancelled task).
  void Plan(int year, const std::vector<std::string>& outcomes) {
    InspectionPlan p;
    p.name = std::to_string(year) + "年江桥所双随机抽查";
    p.year = year;
    p.period_from = std::to_string(year) + "-03-01";
    p.period_to = std::to_string(year) + "-10-31";
    p.lead_department_id = server_->department("JQS");
    p.item_codes = {"SP-001"};
    p.status = PlanStatus::kDrawn;
    p.updated_at = 1;
    auto plan = store().InsertPlan(p);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    for (size_t i = 0; i < outcomes.size(); ++i) {
      InspectionTask t;
      t.plan_id = *plan;
      t.entity_id = entities_[i];
      t.credit_code = testing::ValidCreditCode(501 + static_cast<int>(i));
      t.inspector_ids = officers_;
      t.updated_at = 1;
      if (outcomes[i] == "cancelled") {
        t.status = TaskStatus::kCancelled;
      } else if (!outcomes[i].empty()) {
        t.status = TaskStatus::kDone;
        t.outcome = ParseInspectionOutcome(outcomes[i]);
        ASSERT_TRUE(t.outcome) << outcomes[i];
        t.findings = "检查情况";
        t.inspected_on = std::to_string(year) + "-05-10";
      }
      auto r = store().InsertTask(t);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      // A result is recorded on the task afterwards, as the inspectors do.
      if (t.outcome) {
        t.id = *r;
        t.version = 1;
        ASSERT_TRUE(store().UpdateTask(t).ok());
      }
    }
  }
  nlohmann::json Filed(const std::string& found_on, const std::string& filed_on) {
    auto lead = Send("admin", "POST", "/api/v1/leads",
                     {{"source", "complaint"}, {"party_name", "某某商店"}, {"description", "投诉"},
                      {"found_on", found_on}, {"department_id", server_->department("JQS")}},
                     201);
    return Send("leader", "POST", "/api/v1/leads/" + lead["id"].dump() + "/file",
                {{"version", 1}, {"on", filed_on}, {"officer_ids", officers_}}, 201);
  }
  nlohmann::json Step(const std::string& who, const nlohmann::json& c, nlohmann::json body) {
    body["version"] = c["version"];
    return Send(who, "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions", body, 200);
  }
  nlohmann::json Transferred(const nlohmann::json& c, const std::string& on, const std::string& closed_on) {
    auto inv = Step("admin", c, {{"action", "investigate"}, {"on", on}});
    auto d = Step("leader", inv,
                  {{"action", "decide"}, {"on", on},
                   {"decision", {{"kind", "transfer_to_police"}, {"decided_on", on},
                                 {"police_unit", "上海市公安局嘉定分局"}, {"transferred_on", on}}}});
    return closed_on.empty() ? d : Step("admin", d, {{"action", "close"}, {"on", closed_on}});
  }
  void Repair(Id case_id, credit::RepairStatus status, const std::string& decided_on, int n) {
    credit::PublicityRecord p;
    p.case_id = case_id;
    p.department_id = server_->department("JQS");
    p.credit_code = testing::ValidCreditCode(600 + n);
    p.party_name = "某某公司" + std::to_string(n);
    p.case_number = "沪市监嘉处〔2023〕第" + std::to_string(n) + "号";
    p.decision.kind = enforcement::DecisionKind::kPenalty;
    p.decision.decided_on = Date::Parse("2023-03-01").value();
    p.authority = "上海市嘉定区市场监督管理局";
    p.status = credit::PublicityStatus::kPublished;
    p.updated_at = 1;
    auto pid = store().InsertPublicity(p);
    ASSERT_TRUE(pid.ok()) << pid.status().ToString();
    credit::CreditRepair r;
    r.publicity_id = *pid;
    r.department_id = p.department_id;
    r.applicant = "张某";
    r.commitment_ref = "承诺书";
    r.applied_on = Date::Parse("2023-06-01").value();
    r.status = status;
    r.decided_on = Date::Parse(decided_on).value();
    r.decided_by = "legal";
    r.updated_at = 1;
    auto rid = store().InsertCreditRepair(r);
    ASSERT_TRUE(rid.ok()) << rid.status().ToString();
  }

  // The whole district of the test.
  void Seed() {
    const std::string food = "food_operation_licence";
    Licence(food, "JY13101140000101", "2022-05-01", true);
    Licence(food, "JY13101140000202", "2023-01-01", true);
    Licence(food, "JY13101140000303", "2023-12-31", true, HoldingStatus::kRevoked);
    Licence(food, "JY13101140000404", "2023-06-15", false);
    Licence("drug_retail_licence", "沪CB0210404", "2023-03-01", false);
    Licence(food, "JY13101140000505", "2024-01-01", true);

    const std::string bhq = "北虹桥企业登记注册服务点", zw = "区政务服务中心";
    AddRegistration(RegistrationKind::kEstablishment, bhq, "2022-08-08", true);
    AddRegistration(RegistrationKind::kEstablishment, bhq, "2023-02-01", true);
    AddRegistration(RegistrationKind::kEstablishment, bhq, "2023-11-30", true);
    AddRegistration(RegistrationKind::kChange, bhq, "2023-05-05", false);
    AddRegistration(RegistrationKind::kEstablishment, zw, "2023-07-07", false);

    Plan(2022, {"no_problem", "corrected"});
    Plan(2023, {"no_problem", "corrected", "case_filed", "", "cancelled"});

    // 2022: two cases filed, one transferred and closed. 2023: three filed,
    // one transferred and closed, with a reconsideration (corrected) and a
    // litigation (won).
    Transferred(Filed("2022-02-20", "2022-03-01"), "2022-05-10", "2022-05-12");
    Filed("2022-06-01", "2022-06-02");
    auto t23 = Transferred(Filed("2023-02-01", "2023-02-03"), "2023-05-10", "2023-05-12");
    Filed("2023-09-01", "2023-09-04");
    auto other = Filed("2023-10-01", "2023-10-08");
    Send("admin", "POST", "/api/v1/cases/" + t23["id"].dump() + "/reviews",
         {{"kind", "reconsideration"}, {"filed_on", "2023-06-01"}, {"body", "上海市嘉定区人民政府"},
          {"outcome", "corrected"}, {"decided_on", "2023-08-01"}},
         201);
    Send("admin", "POST", "/api/v1/cases/" + t23["id"].dump() + "/reviews",
         {{"kind", "litigation"}, {"filed_on", "2023-09-01"}, {"body", "上海市嘉定区人民法院"},
          {"outcome", "won"}, {"decided_on", "2023-11-01"}},
         201);
    // Credit repair: one approved in 2023, one refused; none in 2022.
    Repair(t23["id"].get<Id>(), credit::RepairStatus::kApproved, "2023-08-15", 1);
    Repair(other["id"].get<Id>(), credit::RepairStatus::kRefused, "2023-08-20", 2);
  }

  // The figure `id` of the report, or null.
  static nlohmann::json Figure(const nlohmann::json& rep, const std::string& id) {
    for (const auto& s : rep["sections"])
      for (const auto& f : s["figures"])
        if (f["id"] == id) return f;
    ADD_FAILURE() << "no figure " << id;
    return nlohmann::json();
  }
  // The API list behind a web route, and how many records it holds.
  std::int64_t RecordsBehind(const std::string& link) {
    const size_t q = link.find('?');
    const std::string path = link.substr(0, q), query = q == std::string::npos ? "" : link.substr(q + 1);
    if (path == "/cases" || path == "/holdings") {
      auto r = as("leader").Get("/api/v1" + path + "?" + query + "&page_size=1");
      EXPECT_EQ(r.status, 200) << link << " " << r.body;
      return r.json()["total"].get<std::int64_t>();
    }
    if (path == "/inspection/results") {
      auto r = as("leader").Get("/api/v1/inspection-tasks?" + query + "&page_size=1");
      EXPECT_EQ(r.status, 200) << link << " " << r.body;
      return r.json()["total"].get<std::int64_t>();
    }
    if (path == "/registrations") {
      auto r = as("leader").Get("/api/v1/registrations?" + query + "&page_size=200");
      EXPECT_EQ(r.status, 200) << link << " " << r.body;
      return static_cast<std::int64_t>(r.json()["items"].size());
    }
    ADD_FAILURE() << "no list for " << link;
    return -1;
  }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  std::vector<Id> officers_;
  std::vector<Id> entities_;
};

TEST_P(AnnualReportApi, EveryFigureOfAKnownDistrictWithYearOnYearAndItsRecords) {
  Seed();
  auto res = as("leader").Get("/api/v1/reports/annual?year=2023");
  ASSERT_EQ(res.status, 200) << res.body;
  auto rep = res.json();
  EXPECT_EQ(rep["year"], 2023);
  EXPECT_EQ(rep["previous_year"], 2022);
  EXPECT_EQ(rep["bureau"], "嘉定区市场监督管理局");
  ASSERT_EQ(rep["sections"].size(), 6u);
  EXPECT_EQ(rep["sections"][0]["id"], "licensing");

  struct Want {
    const char* id;
    double value;
    std::optional<double> previous;
    std::optional<double> change;
  };
  const Want wants[] = {
      {"licences_issued", 4, 1, 3.0},            // food 3 (one revoked since), drug 1; not 2024's
      {"food_licences_alcohol", 2, 1, 1.0},      // 含酒类 in 2023: 01-01 and 12-31
      {"registrations", 4, 1, 3.0},
      {"establishments", 3, 1, 2.0},
      {"registrations_electronic_share", 50.0, 100.0, -50.0},  // points
      {"random_inspections", 3, 2, 0.5},         // the open task and the cancelled one do not count
      {"problems_found", 2, 1, 1.0},
      {"discovery_rate", 66.67, 50.0, 16.67},    // points
      {"cases_from_inspections", 1, 0, std::nullopt},  // none the year before: no change
      {"cases_filed", 3, 2, 0.5},
      {"cases_closed", 1, 1, 0.0},
      {"transfers_to_police", 1, 1, 0.0},
      {"no_penalty", 0, 0, std::nullopt},
      {"reduced_penalty", 0, 0, std::nullopt},
      {"credit_repairs", 1, std::nullopt, std::nullopt},  // 2022 has no repair records: 无记录
      {"reconsiderations", 1, std::nullopt, std::nullopt},
      {"reconsideration_corrections", 1, std::nullopt, std::nullopt},
      {"litigations", 1, std::nullopt, std::nullopt},
      {"litigation_losses", 0, std::nullopt, std::nullopt},
  };
  for (const Want& w : wants) {
    SCOPED_TRACE(w.id);
    auto f = Figure(rep, w.id);
    ASSERT_TRUE(f.is_object());
    EXPECT_DOUBLE_EQ(f["value"].get<double>(), w.value);
    if (w.previous) EXPECT_DOUBLE_EQ(f["previous"].get<double>(), *w.previous);
    else EXPECT_TRUE(f["previous"].is_null()) << f["previous"];
    if (w.change) EXPECT_DOUBLE_EQ(f["change"].get<double>(), *w.change);
    else EXPECT_TRUE(f["change"].is_null()) << f["change"];
    EXPECT_FALSE(f["definition"].get<std::string>().empty());
  }
  EXPECT_EQ(Figure(rep, "discovery_rate")["change_kind"], "points");
  EXPECT_EQ(Figure(rep, "cases_filed")["change_kind"], "relative");
  EXPECT_EQ(Figure(rep, "food_licences_alcohol")["report_2023"], "2911");
  EXPECT_EQ(Figure(rep, "licences_issued")["report_2023"], nullptr);

  // Breakdowns: licences by kind, establishments by service point.
  auto lic = Figure(rep, "licences_issued")["breakdown"];
  ASSERT_EQ(lic.size(), 2u);
  EXPECT_EQ(lic[0]["key"], "drug_retail_licence");
  EXPECT_EQ(lic[0]["label"], "药品经营许可证（零售）");
  EXPECT_EQ(lic[0]["value"], 1);
  EXPECT_EQ(lic[0]["previous"], 0);
  EXPECT_EQ(lic[1]["key"], "food_operation_licence");
  EXPECT_EQ(lic[1]["value"], 3);
  auto est = Figure(rep, "establishments")["breakdown"];
  ASSERT_EQ(est.size(), 2u);
  EXPECT_EQ(est[0]["key"], "北虹桥企业登记注册服务点");
  EXPECT_EQ(est[0]["value"], 2);
  EXPECT_EQ(est[0]["previous"], 1);
  EXPECT_EQ(est[1]["value"], 1);

  // Links: the web routes, and the records behind them are exactly the figure.
  EXPECT_EQ(Figure(rep, "cases_filed")["link"], "/cases?filed_year=2023");
  EXPECT_EQ(Figure(rep, "cases_filed")["previous_link"], "/cases?filed_year=2022");
  EXPECT_EQ(Figure(rep, "random_inspections")["link"], "/inspection/results?year=2023&counted=inspected");
  EXPECT_EQ(Figure(rep, "cases_from_inspections")["link"], "/inspection/results?year=2023&counted=case_filed");
  EXPECT_EQ(Figure(rep, "credit_repairs")["link"], "/credit/repairs?status=approved&decided_year=2023");
  EXPECT_EQ(Figure(rep, "credit_repairs")["previous_link"], "");
  int checked = 0;
  auto check = [&](const nlohmann::json& line, const std::string& unit) {
    for (const char* which : {"link", "previous_link"}) {
      const std::string link = line[which].get<std::string>();
      const char* value = std::string(which) == "link" ? "value" : "previous";
      if (link.empty() || unit == "%" || line[value].is_null()) continue;
      if (link.rfind("/credit/repairs", 0) == 0) continue;
      EXPECT_EQ(RecordsBehind(link), line[value].get<std::int64_t>()) << link;
      ++checked;
    }
  };
  for (const auto& s : rep["sections"]) {
    for (const auto& f : s["figures"]) {
      check(f, f["unit"]);
      for (const auto& b : f["breakdown"]) check(b, f["unit"]);
    }
  }
  EXPECT_GE(checked, 30);
  // The repairs list holds the approved repair decided in 2023.
  auto repairs = as("leader").Get("/api/v1/credit/repairs?status=approved").json()["items"];
  ASSERT_EQ(repairs.size(), 1u);
  EXPECT_EQ(repairs[0]["decided_on"], "2023-08-15");

  // The year before, computed the same way: 2021 has no records at all.
  auto y22 = as("legal").Get("/api/v1/reports/annual?year=2022").json();
  EXPECT_EQ(Figure(y22, "cases_filed")["value"], 2);
  EXPECT_TRUE(Figure(y22, "cases_filed")["previous"].is_null());
  EXPECT_EQ(Figure(y22, "discovery_rate")["value"], 50.0);
  EXPECT_TRUE(Figure(y22, "credit_repairs")["previous"].is_null());
}

TEST_P(AnnualReportApi, WhoMayReadItAndItsOtherForms) {
  // Bureau-wide: admin, leader, legal; staff and inspectors are refused.
  EXPECT_EQ(as("admin").Get("/api/v1/reports/annual?year=2023").status, 200);
  EXPECT_EQ(as("jqstaff").Get("/api/v1/reports/annual?year=2023").status, 403);
  EXPECT_EQ(as("inspector").Get("/api/v1/reports/annual.xlsx?year=2023").status, 403);
  EXPECT_EQ(HttpClient(server_->port()).Get("/api/v1/reports/annual?year=2023").status, 401);
  auto bad = as("leader").Get("/api/v1/reports/annual?year=20x3");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["field"], "year");
  auto early = as("leader").Get("/api/v1/reports/annual?year=1999");
  EXPECT_EQ(early.status, 400) << early.body;
  // No year: this year in China (the clock reads 2023-11-15).
  EXPECT_EQ(as("leader").Get("/api/v1/reports/annual").json()["year"], 2023);
  // An empty district: zeros, no change, and 无记录 for the year before.
  auto empty = as("leader").Get("/api/v1/reports/annual?year=2023").json();
  EXPECT_EQ(Figure(empty, "cases_filed")["value"], 0);
  EXPECT_TRUE(Figure(empty, "cases_filed")["previous"].is_null());
  EXPECT_TRUE(Figure(empty, "discovery_rate")["value"].is_null());

  Seed();
  auto x = as("legal").Get("/api/v1/reports/annual.xlsx?year=2023");
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.body.substr(0, 2), "PK");
  EXPECT_NE(x.headers["content-disposition"].find("annual-report-2023.xlsx"), std::string::npos);
  auto h = as("leader").Get("/api/v1/reports/annual.html?year=2023");
  ASSERT_EQ(h.status, 200);
  EXPECT_NE(h.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_NE(h.body.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(h.body.find("嘉定区市场监督管理局2023年度法治政府建设情况报告数据"), std::string::npos);
  EXPECT_NE(h.body.find("<td>问题发现率（%）</td><td class=\"n\">66.67%</td><td class=\"n\">50.00%</td>"
                        "<td class=\"n\">+16.67 个百分点</td><td class=\"r\">39.43</td>"),
            std::string::npos);
  EXPECT_NE(h.body.find("<td>完成行政处罚信用修复的企业（家）</td><td class=\"n\">1</td><td class=\"n\">无记录</td>"),
            std::string::npos);
}

TEST_P(AnnualReportApi, CaseListFiltersByReviewForTheReportsLinks) {
  Seed();
  auto ok = [&](const std::string& q) {
    auto r = as("leader").Get("/api/v1/cases?" + q);
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
    return r.json()["total"].get<int>();
  };
  EXPECT_EQ(ok("review_kind=reconsideration&review_year=2023"), 1);
  EXPECT_EQ(ok("review_kind=reconsideration&review_year=2022"), 0);
  EXPECT_EQ(ok("review_kind=reconsideration&review_year=2023&review_outcome=corrected,revoked,confirmed_illegal"), 1);
  EXPECT_EQ(ok("review_kind=reconsideration&review_year=2023&review_outcome=upheld"), 0);
  EXPECT_EQ(ok("review_kind=litigation&review_year=2023&review_outcome=won"), 1);
  auto bad = as("leader").Get("/api/v1/cases?review_kind=litigation&review_outcome=corrected");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["field"], "review_outcome");
  EXPECT_EQ(as("leader").Get("/api/v1/cases?review_kind=appeal").json()["field"], "review_kind");
}

INSTANTIATE_TEST_SUITE_P(Backends, AnnualReportApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
