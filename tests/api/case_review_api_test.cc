// Case-file sampling (案卷抽查) over real HTTP on both stores: a round of 2023
// Q3 commits the closed cases per department, draws per department (a
// department with fewer cases than the size has all drawn), and the
// downloaded draw file verifies against the commitment shown before the
// draw; score sheets are checked against the checklist (points above the
// maximum refused naming the item), graded, versioned; 法治建议书 are
// numbered on issue without gaps and answered by the department. The test
// clock reads 2023-11-14 22:13 UTC, 2023-11-15 in China.
#include <gtest/gtest.h>

#include "domain/draw/draw_file.h"
#include "support/closed_cases.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class CaseReviewApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    // 江桥所: 7 cases closed in Q3, one closed in October, one still open;
    // 南翔所: one case closed in Q3.
    Store& st = server_->store();
    const Id jqs = server_->department("JQS"), nxs = server_->department("NXS");
    const char* q3[] = {"2023-07-03", "2023-07-20", "2023-08-01", "2023-08-15",
                        "2023-09-01", "2023-09-29", "2023-09-30"};
    int seq = 1;
    for (const char* day : q3) testing::AddClosedCase(st, jqs, seq++, day);
    testing::AddClosedCase(st, jqs, seq++, "2023-10-09");
    testing::AddClosedCase(st, jqs, seq++, "");
    testing::AddClosedCase(st, nxs, seq++, "2023-08-08");
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  nlohmann::json Send(const std::string& who, const std::string& method, const std::string& path,
                      const nlohmann::json& body, int expect) {
    auto r = as(who).Request(method, path, body.is_null() ? "" : body.dump());
    EXPECT_EQ(r.status, expect) << who << " " << method << " " << path << " " << r.body;
    return r.json();
  }
  static std::string R(const nlohmann::json& round, const std::string& tail = "") {
    return "/api/v1/case-review-rounds/" + round["id"].dump() + tail;
  }
  nlohmann::json NewRound(int quarter) {
    return Send("legal", "POST", "/api/v1/case-review-rounds",
                {{"year", 2023}, {"quarter", quarter}, {"sample_mode", "percent"},
                 {"sample_percent", 30}, {"sample_minimum", 2}},
                201);
  }
  nlohmann::json DrawnRound() {
    auto round = NewRound(3);
    round = Send("legal", "POST", R(round, "/commit"), {{"version", round["version"]}}, 200);
    return Send("legal", "POST", R(round, "/draw"), {{"version", round["version"]}}, 200);
  }
  // A full sheet: every checklist item at its maximum but `item`, given `points`.
  nlohmann::json Sheet(long version, const std::string& item, int points) {
    nlohmann::json scores = nlohmann::json::array();
    for (const auto& i : checklist_["items"]) {
      scores.push_back({{"item", i["item"]},
                        {"points", i["item"] == item ? points : i["max_points"].get<int>()}});
    }
    return {{"version", version}, {"reviewer", "法制科 张三、李四"}, {"reviewed_on", "2023-11-10"},
            {"scores", scores}};
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  nlohmann::json checklist_;
};

TEST_P(CaseReviewApi, CommitDrawPerDepartmentAndTheDownloadedFileVerifies) {
  // Only the legal department and admin run rounds; an inspector sees nothing.
  Send("jqstaff", "POST", "/api/v1/case-review-rounds", {{"year", 2023}, {"quarter", "x"}}, 403);
  Send("inspector", "GET", "/api/v1/case-review-rounds", nullptr, 403);
  auto bad = Send("legal", "POST", "/api/v1/case-review-rounds",
                  {{"year", 2023}, {"quarter", 5}}, 400);
  EXPECT_EQ(bad["field"], "quarter");
  auto round = NewRound(3);
  EXPECT_EQ(round["status"], "draft");
  EXPECT_EQ(round["name"], "2023年第3季度行政处罚案卷抽查");
  EXPECT_EQ(Send("legal", "POST", "/api/v1/case-review-rounds", {{"year", 2023}, {"quarter", 3}},
                 409)["code"],
            "round_exists");
  // The quarter must be over before its closed cases are frozen.
  auto q4 = NewRound(4);
  EXPECT_EQ(Send("legal", "POST", R(q4, "/commit"), {{"version", 1}}, 422)["code"],
            "quarter_not_ended");

  Send("legal", "POST", R(round, "/draw"), {{"version", 1}}, 422);
  Send("jqstaff", "POST", R(round, "/commit"), {{"version", 1}}, 403);
  EXPECT_EQ(Send("legal", "POST", R(round, "/commit"), {{"version", 9}}, 409)["code"],
            "stale_version");
  round = Send("legal", "POST", R(round, "/commit"), {{"version", 1}}, 200);
  EXPECT_EQ(round["status"], "committed");
  const std::string commitment = round["draw"]["commitment_id"].get<std::string>();
  ASSERT_EQ(commitment.size(), 64u);
  EXPECT_EQ(round["draw"]["seed_hex"], "");  // secret until the draw
  // 江桥所: 7 eligible, 30% = 2.1 → 2; 南翔所: 1 eligible, fewer than the minimum 2 → all of it.
  ASSERT_EQ(round["strata"].size(), 2u);
  for (const auto& s : round["strata"]) {
    if (s["department_code"] == "JQS") {
      EXPECT_EQ(s["eligible"], 7);
      EXPECT_EQ(s["sample_size"], 2);
    } else {
      EXPECT_EQ(s["department_code"], "NXS");
      EXPECT_EQ(s["eligible"], 1);
      EXPECT_EQ(s["sample_size"], 1);
    }
  }
  // Before the draw the file is the frozen input: the 8 closed cases, no seed.
  auto input = as("leader").Get(R(round, "/draw-file"));
  ASSERT_EQ(input.status, 200);
  auto frozen = draw::ParseDrawFile(input.body);
  ASSERT_TRUE(frozen.ok()) << frozen.status().ToString();
  EXPECT_EQ(frozen->input.eligible.size(), 8u);
  EXPECT_EQ(frozen->commitment_id, commitment);
  EXPECT_TRUE(frozen->input.seed.empty());

  round = Send("legal", "POST", R(round, "/draw"), {{"version", round["version"]}}, 200);
  EXPECT_EQ(round["status"], "drawn");
  EXPECT_EQ(round["draw"]["seed_hex"].get<std::string>().size(), 64u);
  EXPECT_EQ(Send("legal", "POST", R(round, "/draw"), {{"version", round["version"]}}, 422)["code"],
            "round_not_committed");  // never re-drawn

  auto samples = as("legal").Get(R(round, "/samples")).json()["items"];
  ASSERT_EQ(samples.size(), 3u);
  int jqs = 0;
  for (const auto& s : samples) {
    jqs += s["department_id"] == server_->department("JQS");
    EXPECT_LE(s["closed_on"].get<std::string>(), "2023-09-30");
    EXPECT_FALSE(s["scored"].get<bool>());
  }
  EXPECT_EQ(jqs, 2);
  // Staff of 江桥所 see their own department's sampled cases only.
  EXPECT_EQ(as("jqstaff").Get(R(round, "/samples")).json()["items"].size(), 2u);

  // Anyone with the file re-runs the draw against the commitment shown before it.
  auto file = as("jqstaff").Get(R(round, "/draw-file"));
  ASSERT_EQ(file.status, 200);
  auto report = draw::VerifyDrawFile(file.body, commitment);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok) << report->mismatch_item << ": " << report->mismatch;
  EXPECT_EQ(report->entities, 3u);
  EXPECT_EQ(report->eligible, 8u);
  EXPECT_EQ(report->assignments, 0u);
  std::set<std::string> keys;
  for (const auto& s : samples) keys.insert(s["case_key"].get<std::string>());
  auto parsed = draw::ParseDrawFile(file.body);
  for (const auto& e : parsed->result.selected) EXPECT_TRUE(keys.count(e.credit_code)) << e.credit_code;
  // A file re-drawn with another seed is self-consistent but not the committed draw.
  auto other = draw::VerifyDrawFile(file.body, std::string(64, '0'));
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->ok);
  EXPECT_EQ(other->mismatch_item, "commitment_id");

  // Cancelling needs a reason, is audited, and keeps the draw on record.
  EXPECT_EQ(Send("legal", "POST", R(round, "/cancel"), {{"version", round["version"]}}, 400)["field"],
            "reason");
  round = Send("legal", "POST", R(round, "/cancel"),
               {{"version", round["version"]}, {"reason", "抽查范围调整"}}, 200);
  EXPECT_EQ(round["status"], "cancelled");
  EXPECT_EQ(round["cancel_reason"], "抽查范围调整");
  EXPECT_EQ(as("legal").Get(R(round, "/samples")).json()["items"].size(), 3u);
  auto audit = as("admin").Get("/api/v1/audit?limit=20").json();
  std::set<std::string> actions;
  for (const auto& e : audit["items"]) actions.insert(e["action"].get<std::string>());
  for (const char* a : {"case_review_round.create", "case_review_round.commit",
                        "case_review_round.draw", "case_review_round.cancel"})
    EXPECT_TRUE(actions.count(a)) << a;
}

TEST_P(CaseReviewApi, ScoreSheetsAreCheckedAgainstTheChecklistGradedAndVersioned) {
  checklist_ = as("legal").Get("/api/v1/case-review-checklist").json();
  ASSERT_EQ(checklist_["items"].size(), 7u);
  EXPECT_EQ(checklist_["total_points"], 100);
  EXPECT_EQ(checklist_["items"][1]["label"], "证据充分");
  const int evidence_max = checklist_["items"][1]["max_points"].get<int>();

  auto round = DrawnRound();
  auto sample = as("legal").Get(R(round, "/samples")).json()["items"][0];
  const std::string path = R(round, "/samples/" + sample["id"].dump());

  // Permission before input: staff may not score even with a broken body.
  Send("jqstaff", "PUT", path, {{"junk", 1}}, 403);
  auto over = Send("legal", "PUT", path, Sheet(1, "evidence", evidence_max + 1), 400);
  EXPECT_EQ(over["code"], "points_out_of_range");
  EXPECT_EQ(over["field"], "scores[1].points");
  EXPECT_NE(over["message"].get<std::string>().find("证据充分"), std::string::npos) << over["message"];
  auto partial = Sheet(1, "evidence", 20);
  partial["scores"].erase(partial["scores"].size() - 1);
  EXPECT_EQ(Send("legal", "PUT", path, partial, 400)["code"], "item_not_scored");
  auto finding = Sheet(1, "evidence", 20);
  finding["findings"] = {{{"item", "no_such_item"}, {"description", "缺少询问笔录"}}};
  EXPECT_EQ(Send("legal", "PUT", path, finding, 400)["field"], "findings[0].item");
  // Nothing was written by the refusals.
  EXPECT_EQ(as("legal").Get(R(round, "/samples")).json()["items"][0]["version"], 1);

  // 100 − 5 = 95: 优秀 (≥ 90).
  auto good = Sheet(1, "evidence", evidence_max - 5);
  good["findings"] = {{{"item", "evidence"}, {"description", "现场检查笔录未经当事人签字确认"}}};
  auto scored = Send("legal", "PUT", path, good, 200);
  EXPECT_EQ(scored["total"], 95);
  EXPECT_EQ(scored["grade"], "excellent");
  EXPECT_EQ(scored["grade_label"], "优秀");
  EXPECT_EQ(scored["findings"][0]["item"], "evidence");
  EXPECT_EQ(scored["version"], 2);
  // A second reviewer with the old version is refused.
  EXPECT_EQ(Send("legal", "PUT", path, Sheet(1, "evidence", 0), 409)["code"], "stale_version");
  // 100 − 25 = 75: 合格; 100 − 25 − 20 = 55: 不合格 (below 60).
  EXPECT_EQ(Send("legal", "PUT", path, Sheet(2, "evidence", evidence_max - 25), 200)["grade"], "pass");
  auto fail = Sheet(3, "evidence", evidence_max - 25);
  for (auto& sc : fail["scores"])
    if (sc["item"] == "procedure") sc["points"] = 0;
  auto failed = Send("legal", "PUT", path, fail, 200);
  EXPECT_EQ(failed["total"], 55);
  EXPECT_EQ(failed["grade"], "fail");
  // The department concerned sees the result; a leader too.
  auto seen = as("leader").Get(R(round, "/samples")).json()["items"][0];
  EXPECT_EQ(seen["grade_label"], "不合格");
}

TEST_P(CaseReviewApi, LegalAdviceLettersAreNumberedOnIssueAndAnsweredByTheDepartment) {
  const long jqs = server_->department("JQS"), nxs = server_->department("NXS");
  auto round = DrawnRound();
  auto letter = [&](long dept) {
    return Send("legal", "POST", "/api/v1/legal-advice-letters",
                {{"round_id", round["id"]},
                 {"department_id", dept},
                 {"subject", "关于规范案件证据收集的法治建议书"},
                 {"issues", "抽查案卷中现场检查笔录未经当事人签字确认"},
                 {"recommendations", "组织办案人员学习《市场监督管理行政处罚程序规定》"}},
                201);
  };
  Send("jqstaff", "POST", "/api/v1/legal-advice-letters", {{"x", 1}}, 403);
  Send("leader", "POST", "/api/v1/legal-advice-letters", {{"x", 1}}, 403);
  auto empty = Send("legal", "POST", "/api/v1/legal-advice-letters",
                    {{"department_id", jqs}, {"subject", "标题"}, {"issues", " "},
                     {"recommendations", "建议"}},
                    400);
  EXPECT_EQ(empty["field"], "issues");
  auto draft = letter(jqs);
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_EQ(draft["number"], "");
  auto unused = letter(jqs);  // a draft never issued takes no number
  auto second = letter(nxs);
  // Staff do not see drafts.
  EXPECT_TRUE(as("jqstaff").Get("/api/v1/legal-advice-letters").json()["items"].empty());

  const std::string issue = "/api/v1/legal-advice-letters/" + draft["id"].dump() + "/issue";
  EXPECT_EQ(Send("legal", "POST", issue, {{"version", 1}, {"issued_on", "2023-12-01"}}, 400)["code"],
            "date_in_future");
  EXPECT_EQ(Send("legal", "POST", issue, {{"version", 2}}, 409)["code"], "stale_version");
  auto issued = Send("legal", "POST", issue, {{"version", 1}, {"issued_on", "2023-11-01"}}, 200);
  EXPECT_EQ(issued["status"], "issued");
  EXPECT_EQ(issued["number"], "嘉市监法建〔2023〕1号");
  EXPECT_EQ(Send("legal", "POST", issue, {{"version", issued["version"]}}, 422)["code"],
            "letter_not_draft");
  auto issued2 = Send("legal", "POST",
                      "/api/v1/legal-advice-letters/" + second["id"].dump() + "/issue",
                      {{"version", 1}}, 200);
  EXPECT_EQ(issued2["number"], "嘉市监法建〔2023〕2号");
  EXPECT_EQ(issued2["issued_on"], "2023-11-15");  // today in China time

  // 江桥所 staff see the letter addressed to them only; leaders see all three.
  auto mine = as("jqstaff").Get("/api/v1/legal-advice-letters").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["id"], draft["id"]);
  EXPECT_EQ(as("leader").Get("/api/v1/legal-advice-letters").json()["items"].size(), 3u);
  EXPECT_EQ(as("inspector").Get("/api/v1/legal-advice-letters").status, 403);

  const std::string respond = "/api/v1/legal-advice-letters/" + draft["id"].dump() + "/respond";
  Send("jqstaff", "POST", respond, {{"version", issued["version"]}, {"measures", "已整改"}}, 403);
  EXPECT_EQ(Send("legal", "POST", respond, {{"version", issued["version"]}}, 400)["field"], "measures");
  EXPECT_EQ(Send("legal", "POST", respond,
                 {{"version", issued["version"]}, {"responded_on", "2023-10-30"}, {"measures", "已整改"}},
                 400)["field"],
            "responded_on");
  Send("legal", "POST",
       "/api/v1/legal-advice-letters/" + unused["id"].dump() + "/respond",
       {{"version", 1}, {"measures", "已整改"}}, 422);
  auto answered = Send("legal", "POST", respond,
                       {{"version", issued["version"]},
                        {"responded_on", "2023-11-10"},
                        {"measures", "已组织全所办案人员培训，补正笔录签字"}},
                       200);
  EXPECT_EQ(answered["status"], "responded");
  EXPECT_EQ(answered["responded_on"], "2023-11-10");
  EXPECT_EQ(answered["number"], "嘉市监法建〔2023〕1号");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseReviewApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
