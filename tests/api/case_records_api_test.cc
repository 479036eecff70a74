// The records kept with a case over real HTTP on both stores: documents
// (applicability errors naming what is missing, numbering per kind and year
// without gaps, escaping, the stored page unchanged after the case changes,
// reissue on request, the audit), the custody register of seized property
// (seizure countdown with testing excluded, appended movements, disposal,
// 409 on a stale version, nothing written on error) and reconsideration /
// litigation with the year's statistics. The test clock reads 2023-11-15 in
// China.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;

class CaseRecordsApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
    for (const char* who : {"admin", "leader", "legal", "jqstaff", "inspector"}) {
      clients_[who] = std::make_unique<HttpClient>(server_->port());
      ASSERT_EQ(clients_[who]->Login(who).status, 200) << who;
    }
    auto e = Send("admin", "POST", "/api/v1/entities",
                  {{"credit_code", testing::ValidCreditCode(911)},
                   {"name", "嘉定<某某>食品&商店"},
                   {"legal_representative", "王<五>"},
                   {"address", "上海市嘉定区曹安公路1号"},
                   {"station_id", server_->department("JQS")}},
                  201);
    entity_ = e["id"].get<long>();
    for (const char* cert : {"沪执-3001", "沪执-3002"}) {
      Inspector i;
      i.name = std::string("办案人") + cert;
      i.department_id = server_->department("JQS");
      i.certificate_no = cert;
      i.certificate_expires = "2027-12-31";
      i.updated_at = 1;
      officers_.push_back(server_->store().InsertInspector(i).value());
    }
  }
  HttpClient& as(const std::string& who) { return *clients_.at(who); }
  nlohmann::json Send(const std::string& who, const std::string& method, const std::string& path,
                      const nlohmann::json& body, int expect) {
    auto r = as(who).Request(method, path, body.is_null() ? "" : body.dump());
    EXPECT_EQ(r.status, expect) << method << " " << path << " " << r.body;
    return r.json();
  }
  nlohmann::json FiledCase() {
    auto lead = Send("jqstaff", "POST", "/api/v1/leads",
                     {{"source", "complaint"},
                      {"entity_id", entity_},
                      {"description", "销售超过保质期的食品<script>alert(1)</script>"},
                      {"found_on", "2023-10-08"},
                      {"department_id", server_->department("JQS")}},
                     201);
    return Send("leader", "POST", "/api/v1/leads/" + lead["id"].dump() + "/file",
                {{"version", 1},
                 {"on", "2023-10-10"},
                 {"officer_ids", {officers_[0], officers_[1]}},
                 {"violated_law", "《中华人民共和国食品安全法》"},
                 {"violated_article", "第三十四条"}},
                201);
  }
  nlohmann::json Step(const std::string& who, const nlohmann::json& c, nlohmann::json body) {
    body["version"] = c["version"];
    return Send(who, "POST", "/api/v1/cases/" + c["id"].dump() + "/transitions", body, 200);
  }
  // A case decided with a warning and a fine of 3,000 yuan.
  nlohmann::json PenaltyCase() {
    auto c = FiledCase();
    c = Step("jqstaff", c, {{"action", "investigate"}, {"on", "2023-10-11"}});
    c = Step("jqstaff", c, {{"action", "submit_for_review"}, {"on", "2023-10-16"}});
    c = Step("jqstaff", c, {{"action", "notify"}, {"on", "2023-10-20"}, {"notice_served_on", "2023-10-20"}});
    return Step("leader", c,
                {{"action", "decide"}, {"on", "2023-10-30"},
                 {"decision", {{"kind", "penalty"}, {"decided_on", "2023-10-30"},
                               {"penalties", {"warning", "fine"}}, {"fine_fen", 300000}}}});
  }
  std::string Docs(const nlohmann::json& c) { return "/api/v1/cases/" + c["id"].dump() + "/documents"; }
  size_t AuditCount(const std::string& action) {
    size_t n = 0;
    const auto audit = as("admin").Get("/api/v1/audit?limit=500").json();
    for (const auto& e : audit["items"])
      if (e["action"] == action) ++n;
    return n;
  }
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::unique_ptr<HttpClient>> clients_;
  long entity_ = 0;
  std::vector<Id> officers_;
};

TEST_P(CaseRecordsApi, DocumentsAreCheckedNumberedEscapedAndStoredAsIssued) {
  auto filed = FiledCase();
  // Not yet applicable: the refusal names what is missing, nothing is issued.
  auto early = Send("legal", "POST", Docs(filed), {{"kind", "penalty_decision"}}, 422);
  EXPECT_EQ(early["code"], "document_not_applicable");
  EXPECT_EQ(early["field"], "decision");
  auto notice = Send("legal", "POST", Docs(filed), {{"kind", "penalty_notice"}}, 422);
  EXPECT_EQ(notice["field"], "stage");
  EXPECT_EQ(Send("legal", "POST", Docs(filed), {{"kind", "closing_approval"}}, 422)["field"], "stage");
  EXPECT_EQ(Send("legal", "POST", Docs(filed), {{"kind", "memo"}}, 400)["field"], "kind");
  Send("leader", "POST", Docs(filed), {{"kind", "filing_approval"}}, 403);  // no cases.manage
  EXPECT_TRUE(Send("legal", "GET", Docs(filed), nullptr, 200)["items"].empty());

  auto filing = Send("jqstaff", "POST", Docs(filed), {{"kind", "filing_approval"}}, 201);
  EXPECT_EQ(filing["number"], "沪市监嘉立〔2023〕1号");
  EXPECT_EQ(filing["kind_label"], "立案审批表");
  EXPECT_EQ(filing["generated_by"], "jqstaff");
  EXPECT_EQ(filing["generated_on"], "2023-11-15");
  // A second one only when asked: then the next number.
  EXPECT_EQ(Send("jqstaff", "POST", Docs(filed), {{"kind", "filing_approval"}}, 409)["code"],
            "document_exists");
  auto again = Send("jqstaff", "POST", Docs(filed), {{"kind", "filing_approval"}, {"reissue", true}}, 201);
  EXPECT_EQ(again["number"], "沪市监嘉立〔2023〕2号");

  auto c = PenaltyCase();
  auto no_basis = Send("legal", "POST", Docs(c), {{"kind", "penalty_decision"}}, 422);
  EXPECT_EQ(no_basis["field"], "legal_basis");
  EXPECT_EQ(Send("legal", "POST", Docs(c), {{"kind", "no_penalty_decision"}}, 422)["field"],
            "decision.kind");
  auto decision = Send("legal", "POST", Docs(c),
                       {{"kind", "penalty_decision"},
                        {"legal_basis", "《中华人民共和国食品安全法》第一百二十四条第一款"}},
                       201);
  // The sequence is per kind: the first decision of the year is 1 although
  // two filing approvals were issued before (and refusals took no number).
  EXPECT_EQ(decision["number"], "沪市监嘉处〔2023〕1号");
  auto filing2 = Send("jqstaff", "POST", Docs(c), {{"kind", "filing_approval"}}, 201);
  EXPECT_EQ(filing2["number"], "沪市监嘉立〔2023〕3号");

  std::string print = "/api/v1/case-documents/" + decision["id"].dump() + "/print";
  auto page = as("jqstaff").Get(print);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("嘉定&lt;某某&gt;食品&amp;商店"), std::string::npos);
  EXPECT_NE(page.body.find("王&lt;五&gt;"), std::string::npos);
  EXPECT_NE(page.body.find("上海市嘉定区曹安公路1号"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.body.find("罚款人民币 3,000.00 元（叁仟元整）"), std::string::npos);
  EXPECT_NE(page.body.find("@page { size: A4;"), std::string::npos);
  EXPECT_NE(page.body.find("二〇二三年十一月十五日"), std::string::npos);
  EXPECT_NE(page.body.find("《中华人民共和国行政复议法》第二十条"), std::string::npos);

  // The case changes afterwards; the issued page does not.
  auto served = Step("jqstaff", c, {{"action", "serve"}, {"on", "2023-11-01"}, {"decision_served_on", "2023-11-01"}});
  Send("jqstaff", "PUT", "/api/v1/cases/" + c["id"].dump(),
       {{"version", served["version"]}, {"violated_law", "《中华人民共和国产品质量法》"},
        {"violated_article", "第三十九条"}},
       200);
  EXPECT_EQ(as("legal").Get(print).body, page.body);

  auto list = Send("legal", "GET", Docs(c), nullptr, 200)["items"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["kind"], "penalty_decision");
  EXPECT_EQ(list[1]["kind"], "filing_approval");
  // The inspector role has no cases.read; an unknown document is 404.
  EXPECT_EQ(as("inspector").Get(print).status, 403);
  EXPECT_EQ(as("legal").Get("/api/v1/case-documents/99999/print").status, 404);
  EXPECT_EQ(AuditCount("case_document.generate"), 4u);
}

TEST_P(CaseRecordsApi, SeizedPropertyHasItsCountdownMovementsAndDisposal) {
  auto c = FiledCase();
  std::string items = "/api/v1/cases/" + c["id"].dump() + "/seized-items";
  nlohmann::json body = {{"name", "过期奶粉"}, {"quantity", "12.5"}, {"unit", "千克"},
                         {"location", "江桥所仓库"}, {"custodian", "张三"}, {"seized_on", "2023-11-01"}};
  auto bad = body;
  bad["quantity"] = "-3";
  EXPECT_EQ(Send("jqstaff", "POST", items, bad, 400)["field"], "quantity");
  bad = body;
  bad["extension_approved"] = true;  // the head's approval
  Send("jqstaff", "POST", items, bad, 403);
  EXPECT_TRUE(Send("jqstaff", "GET", items, nullptr, 200)["items"].empty());

  auto item = Send("jqstaff", "POST", items, body, 201);
  // 30 days from 1 November: 1 December; 16 days left on 15 November.
  EXPECT_EQ(item["seizure_deadline"]["due"], "2023-12-01");
  EXPECT_EQ(item["seizure_deadline"]["remaining"], 16);
  EXPECT_EQ(item["seizure_deadline"]["state"], "ok");
  std::string path = "/api/v1/seized-items/" + item["id"].dump();

  // Sent for testing on 3 November, back on 10 November: 8 days do not count.
  auto sent = Send("jqstaff", "POST", path + "/movements",
                   {{"version", 1}, {"kind", "sent_for_testing"}, {"on", "2023-11-03"},
                    {"location", "上海市食品药品检验研究院"}, {"custodian", "李四"}},
                   201);
  EXPECT_EQ(sent["location"], "上海市食品药品检验研究院");
  EXPECT_EQ(sent["seizure_deadline"]["due"], "2023-12-14");  // still out: 3..15 Nov = 13 days
  auto stale = Send("jqstaff", "POST", path + "/movements",
                    {{"version", 1}, {"kind", "returned_from_testing"}, {"on", "2023-11-10"},
                     {"location", "江桥所仓库"}, {"custodian", "张三"}},
                    409);
  EXPECT_EQ(stale["code"], "stale_version");
  EXPECT_EQ(Send("jqstaff", "POST", path + "/movements",
                 {{"version", 2}, {"kind", "sent_for_testing"}, {"on", "2023-11-04"}}, 422)["code"],
            "already_testing");
  auto back = Send("jqstaff", "POST", path + "/movements",
                   {{"version", 2}, {"kind", "returned_from_testing"}, {"on", "2023-11-10"},
                    {"location", "江桥所仓库"}, {"custodian", "张三"}},
                   201);
  // 1 December + 8 = Saturday 9 December: the period ends on the next working day.
  EXPECT_EQ(back["seizure_deadline"]["due"], "2023-12-11");
  ASSERT_EQ(back["movements"].size(), 2u);
  EXPECT_EQ(back["movements"][0]["kind"], "sent_for_testing");
  EXPECT_EQ(back["movements"][1]["by"], "jqstaff");

  // The extension is the head's: +30 days.
  auto edit = nlohmann::json{{"version", 3}, {"name", "过期奶粉"}, {"quantity", "12.5"}, {"unit", "千克"},
                             {"seized_on", "2023-11-01"}, {"extension_approved", true}};
  Send("jqstaff", "PUT", path, edit, 403);
  auto extended = Send("admin", "PUT", path, edit, 200);  // cases.manage and cases.approve
  EXPECT_EQ(extended["seizure_deadline"]["due"], "2024-01-08");  // 60 + 8 days, a Monday

  auto disposal = nlohmann::json{{"version", 3}, {"kind", "confiscated_destroyed"}, {"on", "2023-11-14"},
                                 {"approved_by", "局长"}};
  EXPECT_EQ(Send("legal", "POST", path + "/disposal", disposal, 409)["code"], "stale_version");
  disposal["version"] = 4;
  disposal["approved_by"] = "";
  EXPECT_EQ(Send("legal", "POST", path + "/disposal", disposal, 400)["field"], "approved_by");
  disposal["approved_by"] = "局长";
  auto disposed = Send("legal", "POST", path + "/disposal", disposal, 200);
  EXPECT_EQ(disposed["disposal"]["kind"], "confiscated_destroyed");
  EXPECT_EQ(disposed["disposal"]["on"], "2023-11-14");
  EXPECT_EQ(disposed["seizure_deadline"]["state"], nullptr);  // no countdown once disposed
  EXPECT_EQ(Send("legal", "POST", path + "/movements",
                 {{"version", 5}, {"kind", "transferred"}, {"on", "2023-11-15"},
                  {"location", "别处"}, {"custodian", "赵六"}},
                 422)["code"],
            "item_disposed");
  auto got = Send("legal", "GET", path, nullptr, 200);
  EXPECT_EQ(got["version"], 5);
  EXPECT_EQ(got["movements"].size(), 2u);
  EXPECT_EQ(as("inspector").Get(path).status, 403);
  EXPECT_EQ(AuditCount("seized_item.movement"), 2u);
  EXPECT_EQ(AuditCount("seized_item.dispose"), 1u);
}

TEST_P(CaseRecordsApi, ReviewsAreVersionedAndCountedForTheYear) {
  auto filed = FiledCase();
  auto none = Send("legal", "POST", "/api/v1/cases/" + filed["id"].dump() + "/reviews",
                   {{"kind", "reconsideration"}, {"filed_on", "2023-11-05"}, {"body", "上海市嘉定区人民政府"}},
                   422);
  EXPECT_EQ(none["code"], "decision_required");

  auto c = PenaltyCase();
  std::string reviews = "/api/v1/cases/" + c["id"].dump() + "/reviews";
  EXPECT_EQ(Send("legal", "POST", reviews,
                 {{"kind", "reconsideration"}, {"filed_on", "2023-11-05"}, {"body", "上海市嘉定区人民政府"},
                  {"outcome", "won"}, {"decided_on", "2023-11-10"}},
                 400)["field"],
            "outcome");
  auto r = Send("jqstaff", "POST", reviews,
                {{"kind", "reconsideration"}, {"filed_on", "2023-11-05"}, {"body", "上海市嘉定区人民政府"}}, 201);
  EXPECT_EQ(r["outcome"], nullptr);
  EXPECT_EQ(r["outcome_label"], "审理中");
  Send("jqstaff", "POST", reviews,
       {{"kind", "litigation"}, {"filed_on", "2023-11-06"}, {"body", "上海市嘉定区人民法院"},
        {"outcome", "won"}, {"decided_on", "2023-11-14"}},
       201);
  std::string path = "/api/v1/case-reviews/" + r["id"].dump();
  nlohmann::json upd = {{"version", 1}, {"kind", "reconsideration"}, {"filed_on", "2023-11-05"},
                        {"body", "上海市嘉定区人民政府"}, {"outcome", "corrected"}, {"decided_on", "2023-11-12"}};
  auto updated = Send("legal", "PUT", path, upd, 200);
  EXPECT_EQ(updated["outcome_label"], "变更（纠错）");
  EXPECT_EQ(updated["version"], 2);
  EXPECT_EQ(Send("legal", "PUT", path, upd, 409)["code"], "stale_version");
  EXPECT_EQ(Send("legal", "GET", reviews, nullptr, 200)["items"].size(), 2u);

  auto stats = Send("leader", "GET", "/api/v1/review-stats?year=2023", nullptr, 200);
  EXPECT_EQ(stats["year"], 2023);
  EXPECT_EQ(stats["reconsideration"]["total"], 1);
  EXPECT_EQ(stats["reconsideration"]["by_outcome"]["corrected"], 1);
  EXPECT_EQ(stats["reconsideration"]["by_outcome"]["upheld"], 0);
  EXPECT_EQ(stats["litigation"]["by_outcome"]["won"], 1);
  EXPECT_EQ(stats["litigation"]["by_outcome"]["lost"], 0);
  EXPECT_EQ(Send("leader", "GET", "/api/v1/review-stats?year=2022", nullptr, 200)["litigation"]["total"], 0);
  EXPECT_EQ(as("leader").Get("/api/v1/review-stats?year=20x3").status, 400);
  EXPECT_EQ(AuditCount("case_review.update"), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseRecordsApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
