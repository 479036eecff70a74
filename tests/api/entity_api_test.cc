// The directory over real HTTP on both stores: create, edit scope, search,
// the all-or-nothing import with its report, export.
#include <gtest/gtest.h>

#include "domain/sm3.h"
#include "support/credit_codes.h"
#include "support/test_server.h"

namespace jg {
namespace {

using testing::HttpClient;
using testing::TestServer;
using testing::ValidCreditCode;

class EntityApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    if (server_->skipped()) GTEST_SKIP() << server_->skip_reason();
  }
  HttpClient As(const std::string& user) {
    HttpClient c(server_->port());
    EXPECT_EQ(c.Login(user).status, 200);
    return c;
  }
  nlohmann::json Body(int n, const std::string& name, const std::string& station) {
    return {{"credit_code", ValidCreditCode(n)}, {"name", name},
            {"kind", "enterprise"},               {"street", "江桥镇"},
            {"station_id", server_->department(station)}, {"industry", "F5223"},
            {"registered_on", "2021-03-04"},      {"tags", {"重点监管"}}};
  }
  testing::HttpResult Import(HttpClient& c, const std::string& csv, const std::string& query = "") {
    return c.Request("POST", "/api/v1/entities/import" + query, csv, {{"Content-Type", "text/csv"}});
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(EntityApi, CreateSearchAndProfile) {
  auto admin = As("admin");
  auto created = admin.Post("/api/v1/entities", Body(1, "上海马陆葡萄专业合作社", "JQS"));
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = std::to_string(created.json()["id"].get<long>());
  ASSERT_EQ(admin.Post("/api/v1/entities", Body(2, "南翔小笼包餐饮有限公司", "NXS")).status, 201);
  auto found = admin.Get("/api/v1/entities?q=%E9%A9%AC%E9%99%86");  // 马陆
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json()["total"], 1);
  EXPECT_EQ(found.json()["items"][0]["name"], "上海马陆葡萄专业合作社");
  auto by_code = As("inspector").Get("/api/v1/entities?credit_code=" + ValidCreditCode(2));
  EXPECT_EQ(by_code.json()["total"], 1);
  auto profile = admin.Get("/api/v1/entities/" + id);
  EXPECT_EQ(profile.json()["tags"][0], "重点监管");
  EXPECT_EQ(admin.Get("/api/v1/entities?sort=bogus").json()["field"], "sort");
  EXPECT_EQ(admin.Get("/api/v1/entities?page_size=1000").status, 400);
}

TEST_P(EntityApi, BadCreditCodeIsRefusedNamingTheRule) {
  auto admin = As("admin");
  auto body = Body(1, "某公司", "JQS");
  std::string code = body["credit_code"];
  code.back() = code.back() == '0' ? '1' : '0';
  body["credit_code"] = code;
  auto r = admin.Post("/api/v1/entities", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["field"], "credit_code");
  EXPECT_EQ(r.json()["code"], "check_digit_mismatch");
  body = Body(1, "某公司", "JQS");
  body["industry"] = "Z99";
  EXPECT_EQ(admin.Post("/api/v1/entities", body).json()["field"], "industry");
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);
}

TEST_P(EntityApi, StationStaffEditTheirOwnEntitiesOnly) {
  auto admin = As("admin");
  auto own = admin.Post("/api/v1/entities", Body(1, "江桥食品店", "JQS")).json();
  auto other = admin.Post("/api/v1/entities", Body(2, "南翔食品店", "NXS")).json();
  auto staff = As("jqstaff");
  auto edit = own;
  edit.erase("id");
  edit.erase("updated_at");
  edit.erase("updated_by");
  edit["address"] = "江桥镇华江路 1 号";
  auto ok = staff.Request("PUT", "/api/v1/entities/" + own["id"].dump(), edit.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["version"], 2);
  auto theirs = other;
  theirs.erase("id");
  theirs.erase("updated_at");
  theirs.erase("updated_by");
  theirs["address"] = "改不了";
  auto denied = staff.Request("PUT", "/api/v1/entities/" + other["id"].dump(), theirs.dump());
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.json()["code"], "out_of_department_scope");
  // Moving one's own entity to another station is also out of scope.
  edit["version"] = 2;
  edit["station_id"] = server_->department("NXS");
  EXPECT_EQ(staff.Request("PUT", "/api/v1/entities/" + own["id"].dump(), edit.dump()).status, 403);
  // A stale edit is refused.
  edit["station_id"] = server_->department("JQS");
  edit["version"] = 1;
  auto stale = staff.Request("PUT", "/api/v1/entities/" + own["id"].dump(), edit.dump());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(As("inspector").Post("/api/v1/entities", Body(3, "检查员不能建", "JQS")).status, 403);
  auto history = admin.Get("/api/v1/entities/" + own["id"].dump() + "/history").json()["items"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["address"], "江桥镇华江路 1 号");
  EXPECT_EQ(history[0]["updated_by"], "jqstaff");
}

TEST_P(EntityApi, ImportIsAllOrNothingWithAPerRowReport) {
  auto admin = As("admin");
  std::string bad_code = ValidCreditCode(12);
  bad_code[17] = bad_code[17] == 'A' ? 'B' : 'A';
  std::string csv = "统一社会信用代码,名称,主体类型,街镇,管辖所,信用风险分类,分类日期,标签\n" +
                    ValidCreditCode(11) + ",\"上海马陆葡萄专业合作社\",农民专业合作社,马陆镇,JQS,B,2023-06-30,重点监管；地理标志\n" +
                    bad_code + ",坏代码公司,企业,江桥镇,JQS,,,\n" +
                    ValidCreditCode(13) + ",无所公司,企业,江桥镇,不存在所,E,,\n";
  auto rejected = Import(admin, csv);
  ASSERT_EQ(rejected.status, 422) << rejected.body;
  auto errs = rejected.json()["errors"];
  ASSERT_EQ(errs.size(), 3u);
  EXPECT_EQ(errs[0]["row"], 3);
  EXPECT_EQ(errs[0]["column"], "统一社会信用代码");
  EXPECT_EQ(errs[1]["row"], 4);
  EXPECT_EQ(errs[1]["column"], "信用风险分类");
  EXPECT_EQ(errs[2]["column"], "管辖所");
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);  // nothing written
  auto report = Import(admin, csv, "?report=csv");
  EXPECT_EQ(report.status, 422);
  EXPECT_NE(report.body.find("行号,列,值,原因"), std::string::npos);

  std::string good = "统一社会信用代码,名称,街镇,管辖所\n" + ValidCreditCode(11) +
                     ",上海马陆葡萄专业合作社,马陆镇,江桥市场监管所\n" + ValidCreditCode(13) +
                     ",江桥某某商行,江桥镇,JQS\n";
  auto dry = Import(admin, good, "?dry_run=1");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json()["applied"].get<bool>());
  EXPECT_EQ(dry.json()["file_sm3"], Sm3Hex(good));
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);
  auto ok = Import(admin, good);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["inserted"], 2);
  EXPECT_EQ(ok.json()["file_sm3"], Sm3Hex(good));  // the file as received, in the report and the log
  // Importing again updates by credit code instead of duplicating.
  auto again = Import(admin, good);
  EXPECT_EQ(again.json()["updated"], 2);
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 2);
  auto log = admin.Get("/api/v1/audit?limit=1").json()["items"][0];
  EXPECT_EQ(log["action"], "entity.import");
  EXPECT_NE(log.dump().find(Sm3Hex(good)), std::string::npos) << log.dump();
  EXPECT_EQ(As("jqstaff").Request("POST", "/api/v1/entities/import", good,
                                  {{"Content-Type", "text/csv"}}).status, 403);
}

// Rows are checked on one thread while the chunks already checked are
// written on another: a bad row after the first chunks (16,384 rows, then
// doubling up to 65,536) were written still leaves nothing, and the whole
// report.
TEST_P(EntityApi, ImportRefusedAfterItsFirstChunksWereWrittenLeavesNothing) {
  auto admin = As("admin");
  std::string csv = "统一社会信用代码,名称,街镇\n";
  const int rows = 70000;
  for (int n = 0; n < rows; ++n)
    csv += ValidCreditCode(100 + n) + ",上海分块导入" + std::to_string(n) + "号商行,江桥镇\n";
  std::string bad = csv;
  const std::string last = ValidCreditCode(100 + rows - 1);
  bad.replace(bad.rfind(last), last.size(), last.substr(0, 17) + (last[17] == 'A' ? "B" : "A"));
  auto refused = Import(admin, bad);
  ASSERT_EQ(refused.status, 422) << refused.body.substr(0, 500);
  ASSERT_EQ(refused.json()["errors"].size(), 1u);
  EXPECT_EQ(refused.json()["errors"][0]["row"], rows + 1);
  EXPECT_EQ(refused.json()["rows"], rows);
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);
  EXPECT_EQ(admin.Get("/api/v1/entities?q=%E5%88%86%E5%9D%97").json()["total"], 0);  // 分块

  auto ok = Import(admin, csv);
  ASSERT_EQ(ok.status, 200) << ok.body.substr(0, 500);
  EXPECT_EQ(ok.json()["inserted"], rows);
  EXPECT_EQ(admin.Get("/api/v1/entities?q=%E5%88%86%E5%9D%97").json()["total"], rows);
  EXPECT_EQ(admin.Get("/api/v1/audit?limit=1").json()["items"][0]["action"], "entity.import");
}

TEST_P(EntityApi, ImportReadsGb18030AsExcelSavesIt) {
  auto admin = As("admin");
  // "名称" and "江桥商行" in GB18030.
  std::string csv = "credit_code,\xC3\xFB\xB3\xC6\r\n" + ValidCreditCode(21) +
                    ",\xBD\xAD\xC7\xC5\xC9\xCC\xD0\xD0\r\n";
  auto r = Import(admin, csv);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["encoding"], "GB18030");
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["items"][0]["name"], "江桥商行");
}

TEST_P(EntityApi, ExportIsExcelSafeCsv) {
  auto admin = As("admin");
  ASSERT_EQ(admin.Post("/api/v1/entities", Body(31, "=HYPERLINK(\"http://x\")公司", "JQS")).status, 201);
  auto csv = admin.Get("/api/v1/entities/export.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://x\"\")公司\""), std::string::npos) << csv.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, EntityApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
