// The directory's .xlsx import and export over real HTTP on both stores: the
// same import endpoint takes .xlsx (told apart by content) with the same
// all-or-nothing rule and per-row report; the export reads back with the
// reader and imports again; a formula-like cell stays text.
#include <gtest/gtest.h>

#include "domain/csv.h"
#include "service/entity_service.h"
#include "service/xlsx_reader.h"
#include "support/credit_codes.h"
#include "support/test_server.h"
#include "support/xlsx_files.h"

namespace jg {
namespace {

using testing::D;
using testing::HttpClient;
using testing::N;
using testing::S;
using testing::TestServer;
using testing::ValidCreditCode;

class EntityXlsxApi : public ::testing::TestWithParam<std::string> {
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
  testing::HttpResult Import(HttpClient& c, const std::string& file, const std::string& query = "") {
    return c.Request("POST", "/api/v1/entities/import" + query, file,
                     {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
  }
  nlohmann::json Entity(HttpClient& c, const std::string& code) {
    auto r = c.Get("/api/v1/entities?credit_code=" + code).json();
    return r["total"] == 1 ? r["items"][0] : nlohmann::json();
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(EntityXlsxApi, ImportsAnXlsxThroughTheSameEndpoint) {
  auto admin = As("admin");
  const std::string file = testing::WriteXlsx({
      {S("统一社会信用代码"), S("名称"), S("街镇"), S("管辖所"), S("成立日期"), S("信用风险分类"), S("分类日期")},
      // A real date cell, and a date kept as its serial number in a plain cell.
      {S(ValidCreditCode(11)), S("上海马陆葡萄专业合作社"), S("马陆镇"), S("JQS"), D(2021, 3, 4), S("B"), N(44927)},
      {S(ValidCreditCode(13)), S("江桥某某商行"), S("江桥镇"), S("江桥市场监管所")},
  });
  auto dry = Import(admin, file, "?dry_run=1");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["format"], "xlsx");
  EXPECT_FALSE(dry.json()["applied"].get<bool>());
  EXPECT_EQ(dry.json()["rows"], 2);
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);
  auto ok = Import(admin, file);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["inserted"], 2);
  auto e = Entity(admin, ValidCreditCode(11));
  EXPECT_EQ(e["registered_on"], "2021-03-04");
  EXPECT_EQ(e["risk_classified_on"], "2023-01-01");
  EXPECT_EQ(e["station_id"], server_->department("JQS"));
  EXPECT_EQ(Entity(admin, ValidCreditCode(13))["name"], "江桥某某商行");
  auto log = admin.Get("/api/v1/audit?limit=1").json()["items"][0];
  EXPECT_EQ(log["action"], "entity.import");
  EXPECT_NE(log["detail"].get<std::string>().find("\"format\":\"xlsx\""), std::string::npos);
  // Importing is the admin's, whatever the format.
  auto staff = As("jqstaff");
  EXPECT_EQ(Import(staff, file).status, 403);
}

TEST_P(EntityXlsxApi, ARefusedXlsxWritesNothingAndNamesTheSheetRows) {
  auto admin = As("admin");
  std::string bad_code = ValidCreditCode(12);
  bad_code[17] = bad_code[17] == 'A' ? 'B' : 'A';
  const std::string file = testing::WriteXlsx({
      {S("统一社会信用代码"), S("名称"), S("信用风险分类")},
      {S(ValidCreditCode(11)), S("好公司")},
      {},  // sheet row 3 is empty: the report uses the sheet's own row numbers
      {S(bad_code), S("坏代码公司")},
      {S(ValidCreditCode(13)), S("坏分类公司"), S("E")},
  });
  auto r = Import(admin, file);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json()["code"], "import_rejected");
  EXPECT_EQ(r.json()["format"], "xlsx");
  auto errs = r.json()["errors"];
  ASSERT_EQ(errs.size(), 2u) << errs.dump();
  EXPECT_EQ(errs[0]["row"], 4);
  EXPECT_EQ(errs[0]["column"], "统一社会信用代码");
  EXPECT_EQ(errs[0]["value"], bad_code);
  EXPECT_EQ(errs[1]["row"], 5);
  EXPECT_EQ(errs[1]["column"], "信用风险分类");
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);  // nothing written
  auto report = Import(admin, file, "?report=csv");
  EXPECT_EQ(report.status, 422);
  EXPECT_NE(report.body.find("\r\n4,统一社会信用代码," + bad_code), std::string::npos) << report.body;

  // Files that are not a readable workbook: a clear code, never a crash.
  auto broken = Import(admin, std::string("PK\x03\x04", 4) + std::string(200, 'x'));
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.json()["code"], "xlsx_invalid");
  EXPECT_EQ(broken.json()["field"], "file");
  auto truncated = Import(admin, file.substr(0, file.size() / 2));
  EXPECT_EQ(truncated.json()["code"], "xlsx_invalid");
  auto xls = Import(admin, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
  EXPECT_EQ(xls.status, 400);
  EXPECT_EQ(xls.json()["code"], "xls_unsupported");
  EXPECT_EQ(admin.Get("/api/v1/entities").json()["total"], 0);
}

TEST_P(EntityXlsxApi, ExportReadsBackAndImportsAgain) {
  auto admin = As("admin");
  // An empty directory exports the heading row alone.
  auto empty = ReadXlsxFirstSheet(admin.Get("/api/v1/entities/export.xlsx").body);
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(empty->rows, (std::vector<CsvRow>{EntityService::ExportHeadings()}));
  auto add = [&](int n, const std::string& name, const char* station) {
    nlohmann::json b = {{"credit_code", ValidCreditCode(n)}, {"name", name},
                        {"street", "江桥镇"}, {"station_id", server_->department(station)},
                        {"industry", "F5223"}, {"registered_on", "2021-03-04"},
                        {"risk_class", "B"}, {"risk_classified_on", "2023-06-30"},
                        {"tags", {"重点监管", "地理标志"}}};
    auto r = admin.Post("/api/v1/entities", b);
    ASSERT_EQ(r.status, 201) << r.body;
  };
  add(31, "=HYPERLINK(\"http://x\")公司", "JQS");
  add(32, "@SUM(1+1)*cmd|' /C calc'!A0", "NXS");
  auto x = admin.Get("/api/v1/entities/export.xlsx");
  ASSERT_EQ(x.status, 200) << x.body;
  EXPECT_EQ(x.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(x.headers["content-disposition"].find(".xlsx"), std::string::npos);
  auto sheet = ReadXlsxFirstSheet(x.body);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  // The same headings as the CSV export.
  auto csv = ParseCsv(admin.Get("/api/v1/entities/export.csv").body);
  ASSERT_TRUE(csv.ok());
  ASSERT_EQ(sheet->rows.size(), 3u);
  EXPECT_EQ(sheet->rows[0], (*csv)[0]);
  const bool first = sheet->rows[1][0] == ValidCreditCode(31);
  const CsvRow& r31 = sheet->rows[first ? 1 : 2];
  const CsvRow& r32 = sheet->rows[first ? 2 : 1];
  EXPECT_EQ(r31, (CsvRow{ValidCreditCode(31), "=HYPERLINK(\"http://x\")公司", "企业", "", "",
                                    "江桥镇", "江桥市场监管所", "F5223", "2021-03-04", "存续", "B",
                                    "2023-06-30", "重点监管;地理标志", "1"}));
  EXPECT_EQ(r32[0], ValidCreditCode(32));
  EXPECT_EQ(r32[1], "@SUM(1+1)*cmd|' /C calc'!A0");  // as typed, no apostrophe

  // Inside the workbook: no formula anywhere, dates are date serials, the
  // heading row is frozen and filtered.
  const std::string xml = testing::Unzip(x.body, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(xml.empty());
  EXPECT_EQ(xml.find("<f>"), std::string::npos);
  EXPECT_EQ(xml.find("<f "), std::string::npos);
  EXPECT_NE(xml.find("<v>44259</v>"), std::string::npos);  // 2021-03-04
  EXPECT_NE(xml.find("ySplit=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<autoFilter ref=\"A1:N3\""), std::string::npos);
  EXPECT_NE(xml.find("<t>" + ValidCreditCode(31) + "</t>"), std::string::npos);  // a string cell

  // The same filters as the CSV export.
  auto jqs = admin.Get("/api/v1/entities/export.xlsx?station_id=" +
                       std::to_string(server_->department("JQS")));
  auto only = ReadXlsxFirstSheet(jqs.body);
  ASSERT_TRUE(only.ok());
  EXPECT_EQ(only->rows.size(), 2u);
  EXPECT_EQ(admin.Get("/api/v1/entities/export.xlsx?sort=bogus").status, 400);
  // Anyone signed in may export; nobody else.
  EXPECT_EQ(As("inspector").Get("/api/v1/entities/export.xlsx").status, 200);
  EXPECT_EQ(HttpClient(server_->port()).Get("/api/v1/entities/export.xlsx").status, 401);

  // The exported workbook is a valid import: every row updates in place.
  auto again = Import(admin, x.body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["updated"], 2);
  EXPECT_EQ(again.json()["inserted"], 0);
  EXPECT_EQ(Entity(admin, ValidCreditCode(31))["name"], "=HYPERLINK(\"http://x\")公司");
}

INSTANTIATE_TEST_SUITE_P(Backends, EntityXlsxApi, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
