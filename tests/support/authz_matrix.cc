#include "support/authz_matrix.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/closed_cases.h"
#include "support/credit_codes.h"

namespace jg::testing {

std::vector<MatrixCell> LoadAuthzMatrix() {
  std::ifstream in(std::string(JG_SOURCE_DIR) + "/tests/api/authz_matrix.tsv");
  std::vector<MatrixCell> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    if (f.size() != 11) ADD_FAILURE() << "authz_matrix.tsv line " << n << ": 11 columns expected";
    if (f.size() != 11) continue;
    out.push_back({n, f[0], f[1], f[2], f[3], f[4], {f.begin() + 5, f.end()}});
  }
  return out;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

std::map<std::string, std::string> SeedMatrixRecords(TestServer& server, HttpClient& admin) {
  std::map<std::string, std::string> ids;
  auto add_entity = [&](int n, const char* station) {
    auto r = admin.Post("/api/v1/entities", {{"credit_code", ValidCreditCode(n)},
                                             {"name", std::string("矩阵") + station},
                                             {"station_id", server.department(station)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["entity"] = add_entity(501, "JQS");
  ids["other_entity"] = add_entity(503, "NXS");
  auto add_holding = [&](const std::string& entity, const char* number) {
    auto r = admin.Post("/api/v1/holdings", {{"kind", "food_operation_licence"},
                                             {"identifier", number},
                                             {"entity_id", std::stol(entity)},
                                             {"valid_from", "2023-01-01"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["holding"] = add_holding(ids["entity"], "JY13101140000011");
  ids["other_holding"] = add_holding(ids["other_entity"], "JY13101140000012");
  ids["user"] = std::to_string(server.store().FindUserByUsername("inspector")->id);
  ids["admin_user"] = std::to_string(server.store().FindUserByUsername("admin")->id);
  auto items = admin.Get("/api/v1/inspection-items").json();
  ids["inspection_item"] = items["items"][0]["id"].dump();
  auto add_inspector = [&](const char* station, const char* cert, std::optional<Id> user) {
    nlohmann::json body = {{"name", "矩阵执法"}, {"department_id", server.department(station)},
                           {"certificate_no", cert}, {"certificate_expires", "2027-12-31"}};
    if (user) body["user_id"] = *user;
    auto r = admin.Post("/api/v1/inspectors", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["inspector"] = add_inspector("JQS", "矩阵证-JQS", std::nullopt);
  ids["other_inspector"] = add_inspector("NXS", "矩阵证-NXS", std::nullopt);
  ids["own_inspector"] =
      add_inspector("JQS", "矩阵证-本人", server.store().FindUserByUsername("inspector")->id);
  ids["dept"] = std::to_string(server.department("JQS"));
  ids["other_dept"] = std::to_string(server.department("NXS"));
  // 双随机: a drawn plan of 江桥所 (two qualified inspectors, the 江桥所 entity
  // unclassified) with its one task, and a draft plan of 南翔所.
  std::vector<long> drawn_inspectors;
  for (const char* cert : {"矩阵证-抽1", "矩阵证-抽2"}) {
    auto r = admin.Post("/api/v1/inspectors",
                        {{"name", "矩阵抽查"}, {"department_id", server.department("JQS")},
                         {"certificate_no", cert}, {"certificate_expires", "2027-12-31"},
                         {"qualified_items", {"SP-001"}}});
    EXPECT_EQ(r.status, 201) << r.body;
    drawn_inspectors.push_back(r.json()["id"].get<long>());
  }
  auto add_plan = [&](const char* dept) {
    nlohmann::json body = {{"name", std::string("矩阵计划") + dept},
                           {"period_from", "2023-09-01"},
                           {"period_to", "2023-10-31"},
                           {"lead_department_id", server.department(dept)},
                           {"item_codes", {"SP-001"}},
                           {"population", {{"station_id", server.department(dept)}}},
                           {"strata", {{{"stratum", ""}, {"count", 1}}}}};
    auto r = admin.Post("/api/v1/plans", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["plan"] = add_plan("JQS");
  ids["other_plan"] = add_plan("NXS");
  for (const char* step : {"approve", "commit", "draw"}) {
    auto plan = admin.Get("/api/v1/plans/" + ids["plan"]).json();
    auto r = admin.Post("/api/v1/plans/" + ids["plan"] + "/" + step, {{"version", plan["version"]}});
    EXPECT_EQ(r.status, 200) << step << " " << r.body;
  }
  auto tasks = admin.Get("/api/v1/plans/" + ids["plan"] + "/tasks").json();
  ids["task"] = tasks["items"].size() == 1 ? tasks["items"][0]["id"].dump() : "0";

  // Enforcement: an open lead of each station, and a case of each filed from another lead.
  auto add_lead = [&](const char* dept) {
    auto r = admin.Post("/api/v1/leads", {{"source", "complaint"},
                                          {"description", "矩阵线索"},
                                          {"found_on", "2023-11-01"},
                                          {"department_id", server.department(dept)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  auto add_case = [&](const char* dept) {
    auto lead = add_lead(dept);
    auto r = admin.Post("/api/v1/leads/" + lead + "/file",
                        {{"version", 1}, {"on", "2023-11-02"}, {"officer_ids", drawn_inspectors}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["lead"] = add_lead("JQS");
  ids["other_lead"] = add_lead("NXS");
  ids["case"] = add_case("JQS");
  ids["other_case"] = add_case("NXS");
  // Records kept with each case: an issued document, a seized item, a review.
  for (const char* which : {"case", "other_case"}) {
    const std::string prefix = std::string(which) == "case" ? "" : "other_";
    const std::string c = ids[which];
    auto doc = admin.Post("/api/v1/cases/" + c + "/documents", {{"kind", "filing_approval"}});
    EXPECT_EQ(doc.status, 201) << doc.body;
    ids[prefix + "document"] = doc.json()["id"].dump();
    auto item = admin.Post("/api/v1/cases/" + c + "/seized-items",
                           {{"name", "矩阵物品"}, {"quantity", "1"}, {"unit", "件"},
                            {"location", "仓库"}, {"custodian", "张三"}, {"seized_on", "2023-11-03"}});
    EXPECT_EQ(item.status, 201) << item.body;
    ids[prefix + "seized_item"] = item.json()["id"].dump();
    enforcement::CaseReview review;
    review.case_id = std::stol(c);
    review.filed_on = *Date::FromYmd(2023, 11, 5);
    review.body = "上海市嘉定区人民政府";
    review.updated_at = 1;
    ids[prefix + "review"] = std::to_string(server.store().InsertCaseReview(review).value());
  }

  // Case-file sampling: a drawn round of 2023 Q3 over a closed case of each
  // station, a draft round of Q2, and a draft letter to 江桥所.
  AddClosedCase(server.store(), server.department("JQS"), 901, "2023-08-01");
  AddClosedCase(server.store(), server.department("NXS"), 902, "2023-08-02");
  AddClosedCase(server.store(), server.department("JQS"), 903, "2023-05-02");
  auto add_round = [&](int quarter) {
    auto r = admin.Post("/api/v1/case-review-rounds", {{"year", 2023}, {"quarter", quarter}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["review_round"] = add_round(3);
  for (const char* step : {"commit", "draw"}) {
    auto round = admin.Get("/api/v1/case-review-rounds/" + ids["review_round"]).json();
    auto r = admin.Post("/api/v1/case-review-rounds/" + ids["review_round"] + "/" + step,
                        {{"version", round["version"]}});
    EXPECT_EQ(r.status, 200) << step << " " << r.body;
  }
  auto samples = admin.Get("/api/v1/case-review-rounds/" + ids["review_round"] + "/samples").json();
  ids["review_sample"] = samples["items"].empty() ? "0" : samples["items"][0]["id"].dump();
  ids["draft_round"] = add_round(2);
  auto letter = admin.Post("/api/v1/legal-advice-letters",
                           {{"department_id", server.department("JQS")}, {"subject", "矩阵建议书"},
                            {"issues", "矩阵问题"}, {"recommendations", "矩阵建议"}});
  EXPECT_EQ(letter.status, 201) << letter.body;
  ids["letter"] = letter.json()["id"].dump();
  // Credit publicity: a due record of each case, a pending repair, a list entry.
  auto add_publicity = [&](const std::string& case_id) {
    auto c = server.store().GetCase(std::stol(case_id)).value();
    credit::PublicityRecord p;
    p.case_id = c.id;
    p.department_id = c.department_id;
    p.case_number = c.case_number;
    p.decision.decided_on = c.filed_on;
    p.decision.penalties = {enforcement::PenaltyType::kFine};
    p.decision.fine = 100000;
    p.updated_at = 1;
    return std::to_string(server.store().InsertPublicity(p).value());
  };
  ids["publicity"] = add_publicity(ids["case"]);
  ids["other_publicity"] = add_publicity(ids["other_case"]);
  {
    credit::CreditRepair r;
    r.publicity_id = std::stol(ids["publicity"]);
    r.department_id = server.department("JQS");
    r.applicant = "矩阵";
    r.applied_on = *Date::Parse("2023-11-02");
    r.updated_at = 1;
    ids["repair"] = std::to_string(server.store().InsertCreditRepair(r).value());
    credit::CreditListEntry e;
    e.entity_id = std::stol(ids["entity"]);
    e.listed_on = *Date::Parse("2023-11-01");
    e.reason = "矩阵";
    e.basis = "矩阵";
    e.updated_at = 1;
    ids["list_entry"] = std::to_string(server.store().InsertCreditListEntry(e).value());
  }
  // A summary-procedure decision (a warning) of each station.
  auto add_summary = [&](const char* dept) {
    auto r = admin.Post("/api/v1/summary-cases",
                        {{"party_kind", "citizen"}, {"party_name", "矩阵当事人"},
                         {"department_id", server.department(dept)}, {"place", "某地"},
                         {"facts", "某事"}, {"violated_law", "某法"}, {"penalties", {"warning"}},
                         {"officer_ids", drawn_inspectors}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].dump();
  };
  ids["summary_case"] = add_summary("JQS");
  ids["other_summary_case"] = add_summary("NXS");

  return ids;
}

std::string MatrixTarget(const MatrixCell& c, const std::map<std::string, std::string>& ids) {
  std::string path = c.pattern;
  if (c.id_kind != "-") path = ReplaceAll(path, "{id}", ids.at(c.id_kind));
  path = ReplaceAll(path, "{code}", ValidCreditCode(501));
  path = ReplaceAll(path, "{rule}", "SH-01");
  path = ReplaceAll(path, "{aid}", "999999");
  path = ReplaceAll(path, "{sample_id}", ids.at("review_sample"));
  if (c.query != "-") path += "?" + c.query;
  return ReplaceAll(path, "{other_dept}", ids.at("other_dept"));  // a query naming 南翔所
}

std::string MatrixBody(const MatrixCell& c, TestServer& server,
                       const std::map<std::string, std::string>& ids) {
  std::string body = c.body == "-" ? "" : c.body;
  body = ReplaceAll(body, "{dept}", ids.at("dept"));
  body = ReplaceAll(body, "{root}", std::to_string(server.department("JDSJ")));
  body = ReplaceAll(body, "{entity}", ids.at("entity"));
  return ReplaceAll(body, "{other_entity}", ids.at("other_entity"));
}

}  // namespace jg::testing
