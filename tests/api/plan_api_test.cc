// 双随机 plans end to end over real HTTP on both stores: draft, approval,
// commitment, the draw (commit–reveal and public value), verification of the
// published file, recusal, results, publication, the public pages, stats.
#include <gtest/gtest.h>

#include "domain/draw/draw_file.h"
#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;
using testing::ValidCreditCode;

class PlanApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    // 2023-11-14: the plans below ran in September–October 2023.
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    public_ = std::make_unique<HttpClient>(server_->port());
    const char* classes[] = {"A", "B", "C", "D", ""};
    for (int n = 0; n < 40; ++n) {
      nlohmann::json e = {{"credit_code", ValidCreditCode(700 + n)},
                          {"name", "抽查主体" + std::to_string(n)},
                          {"station_id", server_->department(n % 2 ? "JQS" : "NXS")},
                          {"risk_class", classes[n % 5]}};
      if (n % 5 != 4) e["risk_classified_on"] = "2023-01-10";
      auto r = as("admin").Post("/api/v1/entities", e);
      ASSERT_EQ(r.status, 201) << r.body;
      codes_.push_back(ValidCreditCode(700 + n));
    }
    // Six inspectors of 江桥所, one of them the `inspector` account; one of 南翔所.
    Id me = server_->store().FindUserByUsername("inspector")->id;
    for (int i = 0; i < 7; ++i) {
      const char* dept = i == 6 ? "NXS" : "JQS";
      nlohmann::json body = {{"name", "执法员" + std::to_string(i)},
                             {"department_id", server_->department(dept)},
                             {"station_id", server_->department(dept)},
                             {"certificate_no", "沪执" + std::to_string(1000 + i)},
                             {"certificate_expires", "2027-12-31"},
                             {"qualified_items", {"SP-001"}}};
      if (i == 0) body["user_id"] = me;
      auto r = as("admin").Post("/api/v1/inspectors", body);
      ASSERT_EQ(r.status, 201) << r.body;
      inspectors_.push_back(r.json()["id"].get<long>());
    }
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }

  nlohmann::json PlanBody(const std::string& name) {
    return {{"name", name},
            {"period_from", "2023-09-01"},
            {"period_to", "2023-10-31"},
            {"lead_department_id", server_->department("JQS")},
            {"item_codes", {"SP-001"}},
            {"strata",
             {{{"stratum", "A"}, {"count", 2}}, {{"stratum", "D"}, {"ratio_percent", 50}}}},
            {"per_entity", 2}};
  }
  nlohmann::json Post(const std::string& who, const std::string& path, const nlohmann::json& b,
                      int expect) {
    auto r = as(who).Post(path, b);
    EXPECT_EQ(r.status, expect) << path << " " << r.body;
    return r.json();
  }
  std::string P(long id, const std::string& tail = "") {
    return "/api/v1/plans/" + std::to_string(id) + tail;
  }
  // Creates, approves and commits a plan; returns it as the API shows it.
  nlohmann::json Committed(nlohmann::json body) {
    auto plan = Post("jqstaff", "/api/v1/plans", body, 201);
    long id = plan["id"].get<long>();
    plan = Post("leader", P(id, "/approve"), {{"version", plan["version"]}}, 200);
    return Post("jqstaff", P(id, "/commit"), {{"version", plan["version"]}}, 200);
  }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  std::unique_ptr<HttpClient> public_;
  std::vector<std::string> codes_;
  std::vector<long> inspectors_;
};

TEST_P(PlanApi, CommitRevealDrawIsVerifiableAndResultsArePublished) {
  auto plan = Post("jqstaff", "/api/v1/plans", PlanBody("2023年江桥食品经营者双随机抽查"), 201);
  long id = plan["id"].get<long>();
  EXPECT_EQ(plan["status"], "draft");
  EXPECT_EQ(plan["publication_due"], "2023-11-28");  // 20 working days after 2023-10-31
  // Only a leader approves; staff cannot commit before approval.
  Post("jqstaff", P(id, "/approve"), {{"version", 1}}, 403);
  Post("jqstaff", P(id, "/commit"), {{"version", 1}}, 422);
  plan = Post("leader", P(id, "/approve"), {{"version", 1}}, 200);
  EXPECT_EQ(plan["status"], "approved");
  Post("leader", P(id, "/approve"), {{"version", 1}}, 409);  // stale
  plan = Post("jqstaff", P(id, "/commit"), {{"version", plan["version"]}}, 200);
  ASSERT_EQ(plan["status"], "committed");
  const std::string commitment = plan["draw"]["commitment_id"];
  ASSERT_EQ(commitment.size(), 64u);
  EXPECT_EQ(plan["draw"]["seed_hex"], "");

  // Public before the draw: the commitment and the frozen input, no seed.
  auto pub = public_->Get("/api/v1/public/plans/" + std::to_string(id));
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.json()["draw"]["commitment_id"], commitment);
  EXPECT_EQ(pub.json()["draw"]["seed_hex"], "");
  auto input = public_->Get("/api/v1/public/plans/" + std::to_string(id) + "/draw-file");
  ASSERT_EQ(input.status, 200);
  EXPECT_NE(input.body.find("commitment_id: " + commitment), std::string::npos);
  EXPECT_NE(input.body.find("eligible_count: 40"), std::string::npos);  // all strata; B, C unclassified draw none
  EXPECT_NE(input.body.find("seed_hex:\n"), std::string::npos);

  // A commit–reveal draw takes no seed from the caller.
  auto refused = Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}, {"seed", "x"}}, 400);
  EXPECT_EQ(refused["field"], "seed");
  plan = Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}}, 200);
  ASSERT_EQ(plan["status"], "drawn");
  EXPECT_EQ(plan["draw"]["seed_hex"].get<std::string>().size(), 64u);
  // Never re-rolled.
  Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}}, 422);

  auto tasks = as("jqstaff").Get(P(id, "/tasks")).json()["items"];
  ASSERT_EQ(tasks.size(), 6u);  // A: 2; D: 50% of 8 = 4
  for (const auto& t : tasks) {
    EXPECT_EQ(t["inspector_ids"].size(), 2u);
    EXPECT_TRUE(t["stratum"] == "A" || t["stratum"] == "D");
  }

  // Anyone can re-run the published draw against the commitment published before it.
  auto file = public_->Get("/api/v1/public/plans/" + std::to_string(id) + "/draw-file");
  auto report = draw::VerifyDrawFile(file.body, commitment);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok) << report->mismatch_item << ": " << report->mismatch;
  EXPECT_EQ(report->entities, 6u);

  // A recusal replaces one inspector by a further recorded draw.
  long task0 = tasks[0]["id"].get<long>();
  long recused = tasks[0]["inspector_ids"][0].get<long>();
  auto after = Post("jqstaff", "/api/v1/inspection-tasks/" + std::to_string(task0) + "/recusals",
                    {{"inspector_id", recused}, {"reason", "与当事人系近亲属"}}, 201);
  EXPECT_EQ(after["inspector_ids"].size(), 2u);
  for (const auto& i : after["inspector_ids"]) EXPECT_NE(i.get<long>(), recused);
  file = public_->Get("/api/v1/public/plans/" + std::to_string(id) + "/draw-file");
  report = draw::VerifyDrawFile(file.body, commitment);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->mismatch;
  EXPECT_EQ(report->recusals, 1u);

  // Results: the assigned inspector records their own; staff record the rest.
  auto mine = as("inspector").Get("/api/v1/inspection-tasks?mine=1").json()["items"];
  // The draw is random: it may give this inspector every task. One is then
  // left to the staff, so that results are still missing below.
  const size_t own = mine.size() == tasks.size() ? mine.size() - 1 : mine.size();
  for (size_t k = 0; k < own; ++k) {
    const auto& t = mine[k];
    auto r = as("inspector").Request("PUT", "/api/v1/inspection-tasks/" + t["id"].dump() + "/result",
                                     nlohmann::json{{"version", t["version"]},
                                                    {"outcome", "no_problem"},
                                                    {"inspected_on", "2023-09-15"}}
                                         .dump());
    EXPECT_EQ(r.status, 200) << r.body;
  }
  Post("jqstaff", P(id, "/publish"), {{"version", plan["version"]}}, 422);  // results missing
  tasks = as("jqstaff").Get(P(id, "/tasks")).json()["items"];
  int problems = 0;
  for (const auto& t : tasks) {
    if (t["status"] == "done") continue;
    const bool problem = problems++ == 0;
    nlohmann::json body = {{"version", t["version"]},
                           {"outcome", problem ? "corrected" : "no_problem"},
                           {"inspected_on", "2023-10-08"}};
    auto path = "/api/v1/inspection-tasks/" + t["id"].dump() + "/result";
    if (problem) {
      // A problem needs its description and its severity; a date outside the period is refused.
      auto bad = as("jqstaff").Request("PUT", path, body.dump());
      EXPECT_EQ(bad.status, 400);
      EXPECT_EQ(bad.json()["field"], "findings");
      body["findings"] = "未按规定查验进货票据";
      EXPECT_EQ(as("jqstaff").Request("PUT", path, body.dump()).json()["field"], "severity");
      body["severity"] = "serious";
      // The checklist: every point of SP-001 or none; a point 不符合 goes with the problem.
      auto item = as("jqstaff").Get("/api/v1/inspection-items").json()["items"];
      nlohmann::json marks = nlohmann::json::array();
      for (const auto& it : item) {
        if (it["code"] != "SP-001") continue;
        for (const auto& pt : it["checklist"])
          marks.push_back({{"item_code", "SP-001"}, {"point", pt}, {"answer", "conform"}});
      }
      ASSERT_GE(marks.size(), 2u);
      body["checklist"] = nlohmann::json::array({marks[0]});
      EXPECT_EQ(as("jqstaff").Request("PUT", path, body.dump()).json()["code"], "checklist_incomplete");
      body["checklist"] = marks;
      EXPECT_EQ(as("jqstaff").Request("PUT", path, body.dump()).json()["code"], "checklist_contradicts_outcome");
      marks[1]["answer"] = "nonconform";
      body["checklist"] = marks;
      body["inspected_on"] = "2023-11-08";
      EXPECT_EQ(as("jqstaff").Request("PUT", path, body.dump()).json()["field"], "inspected_on");
      body["inspected_on"] = "2023-10-08";
    }
    auto r = as("jqstaff").Request("PUT", path, body.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    if (problem) {
      auto saved = as("jqstaff").Get("/api/v1/inspection-tasks/" + t["id"].dump()).json();
      EXPECT_EQ(saved["severity"], "serious");
      EXPECT_EQ(saved["severity_label"], "严重");
      ASSERT_EQ(saved["checklist"].size(), body["checklist"].size());
      EXPECT_EQ(saved["checklist"][1]["answer_label"], "不符合");
    }
  }
  plan = as("jqstaff").Get(P(id)).json();
  plan = Post("jqstaff", P(id, "/publish"), {{"version", plan["version"]}}, 200);
  EXPECT_EQ(plan["status"], "published");

  pub = public_->Get("/api/v1/public/plans/" + std::to_string(id));
  ASSERT_EQ(pub.json()["results"].size(), 6u);
  std::string drawn_code = pub.json()["results"][0]["credit_code"];
  auto entity = public_->Get("/api/v1/public/entities/" + drawn_code).json();
  ASSERT_EQ(entity["inspections"].size(), 1u);
  EXPECT_FALSE(entity["inspections"][0]["outcome_label"].get<std::string>().empty());
  // Published results are final.
  auto t0 = as("jqstaff").Get("/api/v1/inspection-tasks/" + std::to_string(task0)).json();
  EXPECT_EQ(as("jqstaff")
                .Request("PUT", "/api/v1/inspection-tasks/" + std::to_string(task0) + "/result",
                         nlohmann::json{{"version", t0["version"]},
                                        {"outcome", "no_problem"},
                                        {"inspected_on", "2023-09-20"}}
                             .dump())
                .status,
            422);
  // …but they can be corrected, by the publishing department, with a note that is
  // published with the corrected result; the earlier results stay in the history.
  const std::string correct = "/api/v1/inspection-tasks/" + std::to_string(task0) + "/correction";
  // (The date is corrected, so the year's counts below stay as they were.)
  const std::string new_day = t0["inspected_on"] == "2023-09-20" ? "2023-09-21" : "2023-09-20";
  nlohmann::json fix = {{"version", t0["version"]},
                        {"outcome", t0["outcome"]},
                        {"findings", t0["findings"]},
                        {"severity", t0["severity"]},
                        {"checklist", nlohmann::json::array()},
                        {"inspected_on", new_day}};
  for (const auto& m : t0["checklist"])
    fix["checklist"].push_back({{"item_code", m["item_code"]}, {"point", m["point"]}, {"answer", m["answer"]}});
  EXPECT_EQ(as("jqstaff").Request("POST", correct, fix.dump()).json()["field"], "correction_note");
  fix["correction_note"] = "复核后更正检查结果";
  EXPECT_EQ(as("inspector").Request("POST", correct, fix.dump()).status, 403);  // not on their own
  EXPECT_EQ(as("leader").Request("POST", correct, fix.dump()).status, 403);
  nlohmann::json same = fix;
  same["inspected_on"] = t0["inspected_on"];
  EXPECT_EQ(as("jqstaff").Request("POST", correct, same.dump()).json()["code"], "nothing_corrected");
  auto fixed = as("jqstaff").Request("POST", correct, fix.dump());
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(fixed.json()["inspected_on"], new_day);
  EXPECT_FALSE(fixed.json()["corrected_on"].get<std::string>().empty());
  EXPECT_EQ(fixed.json()["correction_note"], "复核后更正检查结果");
  EXPECT_EQ(as("jqstaff").Request("POST", correct, fix.dump()).status, 409);  // the version moved on
  auto history = as("legal").Get("/api/v1/inspection-tasks/" + std::to_string(task0) + "/history").json()["items"];
  ASSERT_GE(history.size(), 2u) << history.dump();
  EXPECT_EQ(history.back()["inspected_on"], new_day);
  EXPECT_EQ(history.back()["correction_note"], "复核后更正检查结果");
  EXPECT_EQ(history[history.size() - 2]["inspected_on"], t0["inspected_on"]);
  EXPECT_EQ(history[history.size() - 2]["correction_note"], "");
  bool shown = false;
  auto republished = public_->Get("/api/v1/public/plans/" + std::to_string(id)).json();
  for (const auto& r : republished["results"]) {
    if (r["credit_code"] != t0["credit_code"]) continue;
    shown = true;
    EXPECT_EQ(r["inspected_on"], new_day);
    EXPECT_EQ(r["corrected_on"], fixed.json()["corrected_on"]);
    EXPECT_EQ(r["correction_note"], "复核后更正检查结果");
  }
  EXPECT_TRUE(shown);
  EXPECT_EQ(as("admin").Get("/api/v1/audit/verify").status, 200);

  auto stats = as("leader").Get("/api/v1/inspection-stats?year=2023").json();
  EXPECT_EQ(stats["total"]["drawn"], 6);
  EXPECT_EQ(stats["total"]["inspected"], 6);
  EXPECT_EQ(stats["total"]["problems"], 1);
  EXPECT_NEAR(stats["total"]["discovery_rate"].get<double>(), 0.1667, 1e-4);
  // By credit-risk class at the draw: 2 of A, 4 of D (50% of 8); by item; by street (none recorded).
  std::map<std::string, nlohmann::json> risk;
  for (const auto& r : stats["by_risk"]) risk[r["key"].get<std::string>()] = r;
  ASSERT_EQ(risk.size(), 2u) << stats["by_risk"].dump();
  EXPECT_EQ(risk["A"]["inspected"], 2);
  EXPECT_EQ(risk["D"]["inspected"], 4);
  EXPECT_EQ(risk["A"]["problems"].get<int>() + risk["D"]["problems"].get<int>(), 1);
  ASSERT_EQ(stats["by_item"].size(), 1u);
  EXPECT_EQ(stats["by_item"][0]["key"], "SP-001");
  EXPECT_EQ(stats["by_item"][0]["inspected"], 6);
  ASSERT_EQ(stats["by_street"].size(), 1u);
  EXPECT_EQ(stats["by_street"][0]["key"], "");
  // The population estimate weights the strata by their size (8 of A, 8 of D
  // sampled; B, C and unclassified not drawn, so not covered).
  ASSERT_EQ(stats["estimates"].size(), 1u);
  auto est = stats["estimates"][0];
  EXPECT_EQ(est["plan_id"], id);
  EXPECT_EQ(est["population"], 40);
  EXPECT_EQ(est["covered"], 16);
  EXPECT_EQ(est["inspected"], 6);
  EXPECT_EQ(est["problems"], 1);
  const double expected_rate = 0.5 * risk["A"]["problems"].get<double>() / 2 + 0.5 * risk["D"]["problems"].get<double>() / 4;
  EXPECT_DOUBLE_EQ(est["rate"].get<double>(), expected_rate);
  EXPECT_LT(est["low"].get<double>(), expected_rate);
  EXPECT_GT(est["high"].get<double>(), expected_rate);

  // A second plan excluding entities inspected in the last 6 months sees 6 fewer.
  auto body = PlanBody("2023年江桥第二批");
  body["period_from"] = "2023-10-01";
  body["period_to"] = "2023-10-31";
  body["exclude_recent_months"] = 6;
  auto second = Committed(body);
  auto second_input = public_->Get("/api/v1/public/plans/" + second["id"].dump() + "/draw-file");
  EXPECT_NE(second_input.body.find("eligible_count: 34"), std::string::npos);
  EXPECT_EQ(second_input.body.find(drawn_code), std::string::npos);
  // The population filter: only 江桥所's entities (20 of 40), and only 江桥所's inspectors.
  body = PlanBody("2023年江桥第三批");
  body["population"] = {{"station_id", server_->department("JQS")}};
  auto third = Committed(body);
  auto third_input = public_->Get("/api/v1/public/plans/" + third["id"].dump() + "/draw-file");
  EXPECT_NE(third_input.body.find("eligible_count: 20"), std::string::npos);
  EXPECT_EQ(third_input.body.find("\tNXS\n"), std::string::npos);
}

TEST_P(PlanApi, PublicValueSeedIsEnteredAtTheDraw) {
  auto body = PlanBody("公开随机数抽查");
  body["seed_mode"] = "public-value";
  auto refused = Post("jqstaff", "/api/v1/plans", body, 400);
  EXPECT_EQ(refused["field"], "seed_source");
  body["seed_source"] = "2023年9月1日中国福利彩票双色球开奖号码";
  auto plan = Committed(body);
  long id = plan["id"].get<long>();
  EXPECT_EQ(Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}}, 400)["field"], "seed");
  plan = Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}, {"seed", "03 07 12 19 26 31 + 09"}},
              200);
  auto file = public_->Get("/api/v1/public/plans/" + std::to_string(id) + "/draw-file");
  auto report = draw::VerifyDrawFile(file.body, plan["draw"]["commitment_id"].get<std::string>());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->mismatch;
}

TEST_P(PlanApi, CancellationIsRecordedWithItsReasonAndEndsTheTasks) {
  auto plan = Committed(PlanBody("将撤销的计划"));
  long id = plan["id"].get<long>();
  plan = Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}}, 200);
  EXPECT_EQ(Post("jqstaff", P(id, "/cancel"), {{"version", plan["version"]}}, 400)["field"], "reason");
  plan = Post("jqstaff", P(id, "/cancel"), {{"version", plan["version"]}, {"reason", "上级部署调整"}},
              200);
  EXPECT_EQ(plan["status"], "cancelled");
  auto cancelled = as("jqstaff").Get(P(id, "/tasks")).json();
  for (const auto& t : cancelled["items"]) EXPECT_EQ(t["status"], "cancelled");
  auto pub = public_->Get("/api/v1/public/plans/" + std::to_string(id)).json();
  EXPECT_EQ(pub["cancel_reason"], "上级部署调整");
  EXPECT_TRUE(pub["draw"]["drawn"].get<bool>());
  Post("jqstaff", P(id, "/draw"), {{"version", plan["version"]}}, 422);
  // Audit: every step is in the chain.
  auto audit = as("admin").Get("/api/v1/audit?limit=200").body;
  for (const char* action : {"plan.create", "plan.approve", "plan.commit", "plan.draw", "plan.cancel"})
    EXPECT_NE(audit.find(action), std::string::npos) << action;
}

TEST_P(PlanApi, BadPlansNameTheFieldAndOtherDepartmentsAreRefused) {
  auto body = PlanBody("错误");
  body["strata"] = nlohmann::json::array();
  EXPECT_EQ(Post("jqstaff", "/api/v1/plans", body, 400)["field"], "strata");
  body = PlanBody("错误");
  body["per_entity"] = 1;
  EXPECT_EQ(Post("jqstaff", "/api/v1/plans", body, 400)["field"], "per_entity");
  body = PlanBody("错误");
  body["item_codes"] = {"ZZ-999"};
  EXPECT_EQ(Post("jqstaff", "/api/v1/plans", body, 400)["field"], "item_codes");
  body = PlanBody("错误");
  body["strata"] = {{{"stratum", "E"}, {"count", 1}}};
  EXPECT_EQ(Post("jqstaff", "/api/v1/plans", body, 400)["field"], "strata");
  body = PlanBody("错误");
  body["population"] = {{"street", 5}};
  EXPECT_EQ(Post("jqstaff", "/api/v1/plans", body, 400)["field"], "population.street");
  body = PlanBody("错误");
  body["period_to"] = "2024-01-31";
  EXPECT_EQ(Post("jqstaff", "/api/v1/plans", body, 400)["field"], "period_to");
  // 江桥所 staff cannot plan for 南翔所; the legal department can.
  body = PlanBody("南翔计划");
  body["lead_department_id"] = server_->department("NXS");
  Post("jqstaff", "/api/v1/plans", body, 403);
  Post("legal", "/api/v1/plans", body, 201);
  // A stratum too small for its count: the commitment is made, the draw says which stratum.
  body = PlanBody("分层不足");
  body["strata"] = {{{"stratum", "A"}, {"count", 50}}};
  auto plan = Committed(body);
  auto err = Post("jqstaff", P(plan["id"].get<long>(), "/draw"), {{"version", plan["version"]}}, 422);
  EXPECT_NE(err["message"].get<std::string>().find("A"), std::string::npos) << err.dump();
  EXPECT_EQ(as("jqstaff").Get(P(plan["id"].get<long>(), "/tasks")).json()["items"].size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Stores, PlanApi, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace jg
