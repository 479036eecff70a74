// Photos and files of inspection results over real HTTP on both stores:
// upload as the raw body, type by content, list, download with safe headers,
// withdrawal kept on record, limits, who may, and what changes at publication.
#include <gtest/gtest.h>

#include "domain/sm3.h"
#include "http/server.h"
#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::HttpResult;
using testing::TestServer;
using testing::ValidCreditCode;

const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01", 20);
const std::string kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n";

class AttachmentApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    for (int n = 0; n < 4; ++n) {
      nlohmann::json e = {{"credit_code", ValidCreditCode(900 + n)},
                          {"name", "附件主体" + std::to_string(n)},
                          {"station_id", server_->department("JQS")},
                          {"risk_class", "A"},
                          {"risk_classified_on", "2023-01-10"}};
      ASSERT_EQ(as("admin").Post("/api/v1/entities", e).status, 201);
    }
    // Two inspectors of 江桥所, two per task: the `inspector` account is on every task.
    Id me = server_->store().FindUserByUsername("inspector")->id;
    for (int i = 0; i < 2; ++i) {
      nlohmann::json body = {{"name", "执法员" + std::to_string(i)},
                             {"department_id", server_->department("JQS")},
                             {"station_id", server_->department("JQS")},
                             {"certificate_no", "沪执" + std::to_string(2000 + i)},
                             {"certificate_expires", "2027-12-31"},
                             {"qualified_items", {"SP-001"}}};
      if (i == 0) body["user_id"] = me;
      ASSERT_EQ(as("admin").Post("/api/v1/inspectors", body).status, 201);
    }
    nlohmann::json plan = {{"name", "2023年附件测试抽查"},
                           {"period_from", "2023-09-01"},
                           {"period_to", "2023-10-31"},
                           {"lead_department_id", server_->department("JQS")},
                           {"item_codes", {"SP-001"}},
                           {"strata", {{{"stratum", "A"}, {"count", 2}}}},
                           {"per_entity", 2}};
    plan = Post("jqstaff", "/api/v1/plans", plan, 201);
    plan_ = plan["id"].get<long>();
    plan = Post("leader", P("/approve"), {{"version", plan["version"]}}, 200);
    plan = Post("jqstaff", P("/commit"), {{"version", plan["version"]}}, 200);
    plan = Post("jqstaff", P("/draw"), {{"version", plan["version"]}}, 200);
    auto tasks = as("jqstaff").Get(P("/tasks")).json()["items"];
    ASSERT_EQ(tasks.size(), 2u);
    for (const auto& t : tasks) tasks_.push_back(t["id"].get<long>());
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  nlohmann::json Post(const std::string& who, const std::string& path, const nlohmann::json& b,
                      int expect) {
    auto r = as(who).Post(path, b);
    EXPECT_EQ(r.status, expect) << path << " " << r.body;
    return r.json();
  }
  std::string P(const std::string& tail) { return "/api/v1/plans/" + std::to_string(plan_) + tail; }
  std::string A(long task, const std::string& tail = "") {
    return "/api/v1/inspection-tasks/" + std::to_string(task) + "/attachments" + tail;
  }
  HttpResult Upload(const std::string& who, long task, const std::string& name,
                    const std::string& bytes, const std::string& type = "image/png") {
    return as(who).Request("POST", A(task, "?name=" + name), bytes, {{"Content-Type", type}});
  }

  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  long plan_ = 0;
  std::vector<long> tasks_;
};

TEST_P(AttachmentApi, AnInspectorUploadsListsDownloadsAndWithdraws) {
  // 现场 照片.png, with a path in front, percent-encoded as a browser sends it.
  auto up = Upload("inspector", tasks_[0], "C%3A%5Cfakepath%5C%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.png", kPng,
                   "application/octet-stream");
  ASSERT_EQ(up.status, 201) << up.body;
  auto a = up.json();
  EXPECT_EQ(a["file_name"], "现场 照片.png");
  EXPECT_EQ(a["content_type"], "image/png");  // from the bytes, not the header
  EXPECT_EQ(a["size"], kPng.size());
  EXPECT_EQ(a["sm3"], Sm3Hex(kPng));
  EXPECT_EQ(a["uploaded_by"], "inspector");
  EXPECT_EQ(a["withdrawn"], false);
  EXPECT_FALSE(a.contains("bytes"));
  const long id = a["id"].get<long>();
  EXPECT_EQ(a["url"], A(tasks_[0], "/" + std::to_string(id)));

  // A PDF without a name gets one; a page claiming to be a PNG is refused.
  auto pdf = Upload("jqstaff", tasks_[0], "", kPdf, "application/pdf");
  ASSERT_EQ(pdf.status, 201) << pdf.body;
  EXPECT_EQ(pdf.json()["file_name"], "附件.pdf");
  auto html = Upload("inspector", tasks_[0], "x.png", "<html><script>alert(1)</script>");
  EXPECT_EQ(html.status, 400);
  EXPECT_EQ(html.json()["code"], "attachment_type");
  EXPECT_EQ(html.json()["field"], "file");
  EXPECT_EQ(Upload("inspector", tasks_[0], "x.png", "").json()["code"], "attachment_empty");

  auto list = as("inspector").Get(A(tasks_[0])).json()["items"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_FALSE(list[0].contains("bytes"));
  EXPECT_TRUE(as("inspector").Get(A(tasks_[1])).json()["items"].empty());

  auto got = as("inspector").Get(A(tasks_[0], "/" + std::to_string(id)));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, kPng);
  EXPECT_EQ(got.headers["content-type"], "image/png");
  EXPECT_EQ(got.headers["x-content-type-options"], "nosniff");
  EXPECT_EQ(got.headers["content-disposition"],
            "attachment; filename=\"__ __.png\"; "
            "filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.png");
  // Not under another task's path.
  EXPECT_EQ(as("inspector").Get(A(tasks_[1], "/" + std::to_string(id))).status, 404);
  EXPECT_EQ(as("inspector").Request("DELETE", A(tasks_[1], "/" + std::to_string(id))).status, 404);

  // Withdrawn, once; kept in the list and still downloadable; both writes audited.
  auto w = as("inspector").Request("DELETE", A(tasks_[0], "/" + std::to_string(id)));
  ASSERT_EQ(w.status, 200) << w.body;
  EXPECT_EQ(w.json()["withdrawn"], true);
  EXPECT_EQ(w.json()["withdrawn_by"], "inspector");
  auto again = as("inspector").Request("DELETE", A(tasks_[0], "/" + std::to_string(id)));
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.json()["code"], "attachment_withdrawn");
  list = as("inspector").Get(A(tasks_[0])).json()["items"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["withdrawn"], true);
  EXPECT_EQ(as("inspector").Get(A(tasks_[0], "/" + std::to_string(id))).body, kPng);
  auto audit = server_->store().ListAudit(0, 20).value();
  int adds = 0, withdrawals = 0;
  for (const auto& e : audit) {
    if (e.action == "task.attachment.add") ++adds;
    if (e.action == "task.attachment.withdraw") {
      ++withdrawals;
      EXPECT_EQ(e.record_id, std::to_string(id));
      EXPECT_EQ(e.actor, "inspector");
    }
  }
  EXPECT_EQ(adds, 2);
  EXPECT_EQ(withdrawals, 1);
}

TEST_P(AttachmentApi, OnlyTheTasksInspectorsAndTheLeadDepartmentAndWithTheCsrfToken) {
  // 法制科 staff: neither on the task nor of the lead department (江桥所).
  EXPECT_EQ(Upload("legal", tasks_[0], "a.png", kPng).status, 403);
  auto ok = Upload("inspector", tasks_[0], "a.png", kPng);
  ASSERT_EQ(ok.status, 201);
  const std::string one = "/" + ok.json()["id"].dump();
  EXPECT_EQ(as("legal").Get(A(tasks_[0])).status, 403);
  EXPECT_EQ(as("legal").Get(A(tasks_[0], one)).status, 403);
  EXPECT_EQ(as("legal").Request("DELETE", A(tasks_[0], one)).status, 403);
  EXPECT_EQ(as("admin").Get(A(tasks_[0])).status, 200);
  EXPECT_EQ(as("jqstaff").Get(A(tasks_[0], one)).status, 200);
  // Signed out, or without the CSRF token: refused.
  HttpClient anonymous(server_->port());
  EXPECT_EQ(anonymous.Get(A(tasks_[0])).status, 401);
  as("inspector").send_csrf = false;
  auto no_csrf = Upload("inspector", tasks_[0], "a.png", kPng);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(no_csrf.json()["code"], "csrf_missing");
  EXPECT_EQ(as("inspector").Request("DELETE", A(tasks_[0], one)).status, 403);
  as("inspector").send_csrf = true;
  EXPECT_EQ(Upload("inspector", 999999, "a.png", kPng).status, 404);
}

TEST_P(AttachmentApi, SizeAndCountLimits) {
  // 10 MiB is the most; one byte more is refused by the rule, with its code
  // (the server lets the upload route's body through up to a little more).
  std::string big = kPng + std::string((10u << 20) - kPng.size() + 1, 'x');
  auto too_large = Upload("inspector", tasks_[0], "big.png", big);
  EXPECT_EQ(too_large.status, 400);
  EXPECT_EQ(too_large.json()["code"], "attachment_too_large");
  big.pop_back();
  EXPECT_EQ(Upload("inspector", tasks_[0], "big.png", big).status, 201);
  // Other routes keep the small limit, the import its own.
  const http::ServerConfig cfg;
  EXPECT_EQ(http::BodyLimitFor(cfg.uploads, 1000, "/api/v1/inspection-tasks/7/attachments?name=a"),
            (10u << 20) + (64u << 10));
  EXPECT_EQ(http::BodyLimitFor(cfg.uploads, 1000, "/api/v1/inspection-tasks/7/result"), 1000u);
  EXPECT_EQ(http::BodyLimitFor(cfg.uploads, 1000, "/api/v1/inspection-tasks/7/attachments/3"), 1000u);
  EXPECT_EQ(http::BodyLimitFor(cfg.uploads, 1000, "/api/v1/entities/import?dry_run=1"), 64u << 20);
  auto result = as("inspector").Request("PUT", "/api/v1/inspection-tasks/" + std::to_string(tasks_[0]) + "/result",
                                        std::string(100 * 1024, ' '));
  EXPECT_EQ(result.status, 413);

  // 20 in force per task; a withdrawal makes room again.
  for (int i = 1; i < 20; ++i) ASSERT_EQ(Upload("inspector", tasks_[0], "p.png", kPng).status, 201) << i;
  auto full = Upload("inspector", tasks_[0], "p.png", kPng);
  EXPECT_EQ(full.status, 422);
  EXPECT_EQ(full.json()["code"], "too_many_attachments");
  EXPECT_EQ(Upload("inspector", tasks_[1], "p.png", kPng).status, 201);  // per task
  auto first = as("inspector").Get(A(tasks_[0])).json()["items"][0]["id"].dump();
  ASSERT_EQ(as("inspector").Request("DELETE", A(tasks_[0], "/" + first)).status, 200);
  EXPECT_EQ(Upload("inspector", tasks_[0], "p.png", kPng).status, 201);
}

TEST_P(AttachmentApi, AfterPublicationOnlyTheLeadDepartmentChangesThem) {
  auto before = Upload("inspector", tasks_[0], "a.png", kPng);
  ASSERT_EQ(before.status, 201);
  for (long t : tasks_) {
    auto task = as("inspector").Get("/api/v1/inspection-tasks/" + std::to_string(t)).json();
    auto r = as("inspector").Request("PUT", "/api/v1/inspection-tasks/" + std::to_string(t) + "/result",
                                     nlohmann::json{{"version", task["version"]},
                                                    {"outcome", "no_problem"},
                                                    {"inspected_on", "2023-09-15"}}
                                         .dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  auto plan = as("jqstaff").Get(P("")).json();
  Post("jqstaff", P("/publish"), {{"version", plan["version"]}}, 200);

  // The inspectors still see them, but change them no more (as for a correction).
  EXPECT_EQ(as("inspector").Get(A(tasks_[0])).status, 200);
  auto refused = Upload("inspector", tasks_[0], "b.png", kPng);
  EXPECT_EQ(refused.status, 403);
  const std::string one = "/" + before.json()["id"].dump();
  EXPECT_EQ(as("inspector").Request("DELETE", A(tasks_[0], one)).status, 403);
  EXPECT_EQ(Upload("jqstaff", tasks_[0], "b.png", kPng).status, 201);
  auto w = as("jqstaff").Request("DELETE", A(tasks_[0], one));
  EXPECT_EQ(w.status, 200) << w.body;
  EXPECT_EQ(w.json()["withdrawn_by"], "jqstaff");
  // Nothing of them on the public pages of the published results.
  auto pub = HttpClient(server_->port()).Get("/api/v1/public/plans/" + std::to_string(plan_));
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(pub.json()["results"].size(), 2u);
  EXPECT_EQ(pub.body.find("attachment"), std::string::npos) << pub.body;
  EXPECT_EQ(pub.body.find(Sm3Hex(kPng)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
