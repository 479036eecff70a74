// The .xlsx reader against workbooks written by libxlsxwriter and against
// hand-made packages (inline strings, prefixes, missing r attributes, the
// 1904 date system), and hostile files: each must give a clear error.
#include <gtest/gtest.h>

#include <cstring>

#include "service/xlsx_reader.h"
#include "support/xlsx_files.h"

namespace jg {
namespace {

using testing::D;
using testing::N;
using testing::S;
using testing::ZipOf;
using Rows = std::vector<CsvRow>;

const char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const char kRootRels[] =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="book/main.xml"/></Relationships>)";
const char kRelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A package whose workbook lives at book/main.xml (not the usual path); its
// first tab ("名录") is data/second.xml, listed before data/first.xml.
std::string Package(const std::string& sheet_xml, const std::string& shared = "",
                    const std::string& styles = "", bool date1904 = false) {
  std::string wb = std::string(R"(<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rr=")") +
                   kRelNs + R"("><x:workbookPr date1904=")" + (date1904 ? "1" : "0") +
                   R"("/><x:sheets><x:sheet name="名录" sheetId="2" rr:id="rId7"/><x:sheet name="其他" sheetId="1" rr:id="rId1"/></x:sheets></x:workbook>)";
  std::string rels = std::string(R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)") +
                     R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(/worksheet" Target="../data/first.xml"/>)" +
                     R"(<Relationship Id="rId7" Type=")" + kRelNs + R"(/worksheet" Target="/data/second.xml"/>)" +
                     R"(<Relationship Id="rId8" Type=")" + kRelNs + R"(/sharedStrings" Target="strings.xml"/>)" +
                     R"(<Relationship Id="rId9" Type=")" + kRelNs + R"(/styles" Target="styles.xml"/>)" +
                     R"(<Relationship Id="rIdX" Type=")" + kRelNs + R"(/hyperlink" Target="http://example.com/" TargetMode="External"/>)" +
                     "</Relationships>";
  std::vector<std::pair<std::string, std::string>> m = {
      {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRootRels},
      {"book/main.xml", wb},                  {"book/_rels/main.xml.rels", rels},
      {"data/second.xml", sheet_xml},
      {"data/first.xml", R"(<worksheet><sheetData><row><c t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>)"}};
  if (!shared.empty()) m.emplace_back("book/strings.xml", shared);
  if (!styles.empty()) m.emplace_back("book/styles.xml", styles);
  return ZipOf(m);
}

std::string Sheet(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

std::string CodeOf(const Result<XlsxSheet>& r) { return r.ok() ? "ok" : r.status().reason(); }

TEST(XlsxReader, ReadsWhatLibxlsxwriterWritesWithSharedStrings) {
  const std::string file = testing::WriteXlsx({
      {S("统一社会信用代码"), S("名称"), S("成立日期"), S("版本")},
      {S("91310114MA0005019E"), S("上海马陆葡萄专业合作社"), D(2021, 3, 4), N(1)},
      {},  // an empty row is skipped, the numbering kept
      {S("00123"), S("=HYPERLINK(\"http://x\")"), D(1900, 3, 1), N(2.5)},
      {S("x"), {}, {}, N(44927)},
  });
  ASSERT_TRUE(LooksLikeZip(file));
  auto r = ReadXlsxFirstSheet(file);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows, (Rows{{"统一社会信用代码", "名称", "成立日期", "版本"},
                           {"91310114MA0005019E", "上海马陆葡萄专业合作社", "2021-03-04", "1"},
                           {"00123", "=HYPERLINK(\"http://x\")", "1900-03-01", "2.5"},
                           {"x", "", "", "44927"}}));
  EXPECT_EQ(r->row_numbers, (std::vector<int>{1, 2, 4, 5}));
  EXPECT_EQ(r->date_system, ExcelDateSystem::k1900);
}

TEST(XlsxReader, ReadsInlineStringsAsLibxlsxwriterStreamsThem) {
  const std::string file = testing::WriteXlsx(
      {{S("名称"), S("成立日期")}, {S("江桥商行"), D(2024, 2, 29)}}, /*constant_memory=*/true);
  auto r = ReadXlsxFirstSheet(file);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows, (Rows{{"名称", "成立日期"}, {"江桥商行", "2024-02-29"}}));
}

TEST(XlsxReader, HandMadePackageFindsTheFirstTabThroughTheRelationships) {
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">)"
      R"(<si><t>名称</t></si>)"
      R"(<si><r><rPr><b/></rPr><t>嘉定</t></r><r><t xml:space="preserve">商行 </t></r><rPh sb="0" eb="2"><t>ジャディン</t></rPh></si>)"
      R"(<si><t>成立日期</t></si></sst>)";
  const std::string styles =
      R"(<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
      R"(<numFmt numFmtId="165" formatCode="&quot;day&quot;0.00"/></numFmts>)"
      R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
  // No r attributes on the first row; a gap (A then C) on the second;
  // booleans, errors, a formula's cached value, an inline rich string.
  const std::string sheet = Sheet(
      R"(<row><c t="s"><v>0</v></c><c t="s"><v>2</v></c><c t="inlineStr"><is><t>备注</t></is></c></row>)"
      R"(<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" t="b"><v>1</v></c></row>)"
      R"(<row r="4"><c r="A4" t="inlineStr"><is><r><t>江桥</t></r><r><t>小吃</t></r></is></c><c r="B4" s="1"><v>43465</v></c><c r="C4" t="e"><v>#N/A</v></c></row>)"
      R"(<row r="5"><c r="A5" t="str"><f>A1&amp;"x"</f><v>名称x</v></c><c r="B5" s="2"><v>0.5</v></c><c r="C5" s="3"><v>7.0</v></c></row>)"
      R"(<row r="6"><c r="A6" s="1"/><c r="B6"><v></v></c></row>)");
  auto r = ReadXlsxFirstSheet(Package(sheet, shared, styles, /*date1904=*/true));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->name, "名录");
  EXPECT_EQ(r->date_system, ExcelDateSystem::k1904);
  EXPECT_EQ(r->rows, (Rows{{"名称", "成立日期", "备注"},
                           {"嘉定商行 ", "", "TRUE"},
                           {"江桥小吃", "2023-01-01", "#N/A"},
                           {"名称x", "1904-01-01", "7"}}));
  EXPECT_EQ(r->row_numbers, (std::vector<int>{1, 3, 4, 5}));
}

TEST(XlsxReader, NamespacePrefixedSheetAndMissingStyles) {
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1.0</x:v></x:c><x:c s="9"><x:v>12345678901234567890</x:v></x:c></x:row>)"
      R"(</x:sheetData></x:worksheet>)";
  auto r = ReadXlsxFirstSheet(Package(sheet));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // A credit code typed as a number cannot survive Excel's 15 digits; it is kept as written.
  EXPECT_EQ(r->rows, (Rows{{"a", "1", "12345678901234567890"}}));
}

TEST(XlsxReader, BrokenFilesAreRefusedWithAReason) {
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(std::string("PK\x03\x04garbage", 11))), "xlsx_invalid");
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(ZipOf({{"hello.txt", "hi"}}))), "xlsx_invalid");
  auto bad_xml = ReadXlsxFirstSheet(Package("<worksheet><sheetData><row><c></row></sheetData>"));
  EXPECT_EQ(CodeOf(bad_xml), "xlsx_invalid");
  EXPECT_NE(bad_xml.status().message().find("data/second.xml 的 XML 格式错误"), std::string::npos)
      << bad_xml.status().message();
  EXPECT_EQ(bad_xml.status().field(), "file");
  // A shared string that does not exist, named by its cell.
  auto bad_ref = ReadXlsxFirstSheet(Package(Sheet(R"(<row r="2"><c r="B2" t="s"><v>5</v></c></row>)")));
  EXPECT_EQ(CodeOf(bad_ref), "xlsx_invalid");
  EXPECT_NE(bad_ref.status().message().find("B2"), std::string::npos);
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet(R"(<row r="3"/><row r="2"/>)")))), "xlsx_invalid");
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet(R"(<row><c r="AAAAA1"><v>1</v></c></row>)")))), "xlsx_invalid");
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet(R"(<row><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>)")))), "xlsx_invalid");
  // A workbook whose only sheet relationship is missing.
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(ZipOf({{"_rels/.rels", kRootRels}, {"book/main.xml", "<workbook><sheets><sheet r:id=\"rId1\"/></sheets></workbook>"}}))),
            "xlsx_invalid");
  // Text that is not UTF-8 (the JSON error report could not carry it).
  auto latin = ReadXlsxFirstSheet(Package(Sheet("<row><c t=\"inlineStr\"><is><t>\xC3\x28</t></is></c></row>")));
  EXPECT_EQ(CodeOf(latin), "xlsx_invalid");
  EXPECT_NE(latin.status().message().find("A1"), std::string::npos);
  // An entity declared in the file is not expanded (no DTD processing).
  auto doctype = ReadXlsxFirstSheet(Package(
      R"(<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>)"
      R"(<worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>)"));
  ASSERT_TRUE(doctype.ok()) << doctype.status().ToString();
  EXPECT_EQ(doctype->rows, (Rows{{"&b;"}}));
}

TEST(XlsxReader, ZipBombsAndHugeSheetsHitTheCaps) {
  // The default 64 MiB cap, from the declared sizes.
  std::string zeros(65u << 20, '\0');
  auto bomb = ZipOf({{"_rels/.rels", kRootRels}, {"book/main.xml", zeros}});
  EXPECT_LT(bomb.size(), 1u << 20);
  auto r = ReadXlsxFirstSheet(bomb);
  EXPECT_EQ(CodeOf(r), "xlsx_too_large");
  EXPECT_NE(r.status().message().find("64 MiB"), std::string::npos);
  zeros.clear();
  zeros.shrink_to_fit();

  // Sizes that lie: the inflated bytes are counted too.
  XlsxLimits small;
  small.zip.max_uncompressed = 1u << 20;
  std::string big_sheet = Sheet(std::string(2u << 20, ' '));
  std::string liar = Package(big_sheet);
  for (const char* sig : {"PK\x03\x04", "PK\x01\x02"}) {  // local header, central directory
    const size_t size_at = std::string_view(sig) == "PK\x03\x04" ? 22 : 24;
    for (size_t p = liar.find(sig); p != std::string::npos; p = liar.find(sig, p + 4)) {
      uint32_t v;
      std::memcpy(&v, liar.data() + p + size_at, 4);
      if (v == big_sheet.size()) {
        const uint32_t lie = 100;
        std::memcpy(liar.data() + p + size_at, &lie, 4);
      }
    }
  }
  auto lied = ReadXlsxFirstSheet(liar, small);
  EXPECT_FALSE(lied.ok());
  EXPECT_TRUE(CodeOf(lied) == "xlsx_too_large" || CodeOf(lied) == "xlsx_invalid") << CodeOf(lied);
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(big_sheet), small)), "xlsx_too_large");

  XlsxLimits few;
  few.zip.max_entries = 3;
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet("")), few)), "xlsx_invalid");

  // A value far to the right, a row past the last one, too many cells.
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet(R"(<row><c r="IW1"><v>1</v></c></row>)")))), "xlsx_too_large");
  EXPECT_TRUE(ReadXlsxFirstSheet(Package(Sheet(R"(<row><c r="XFD1" s="1"/></row>)"))).ok());  // empty: ignored
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet(R"(<row r="1048577"/>)")))), "xlsx_too_large");
  XlsxLimits elements;
  elements.max_xml_elements = 20;
  std::string empties;
  for (int i = 0; i < 30; ++i) empties += "<c/>";
  auto many = ReadXlsxFirstSheet(Package(Sheet("<row>" + empties + "</row>")), elements);
  EXPECT_EQ(CodeOf(many), "xlsx_too_large");
  EXPECT_NE(many.status().message().find("data/second.xml"), std::string::npos) << many.status().message();
  XlsxLimits cells;
  cells.max_cells = 10;
  EXPECT_EQ(CodeOf(ReadXlsxFirstSheet(Package(Sheet(R"(<row><c r="F1"><v>1</v></c></row><row><c r="F2"><v>1</v></c></row>)")), cells)),
            "xlsx_too_large");
}

TEST(XlsxReader, FormatSniffing) {
  EXPECT_TRUE(LooksLikeZip(std::string("PK\x03\x04", 4)));
  EXPECT_FALSE(LooksLikeZip("PK"));
  EXPECT_FALSE(LooksLikeZip("credit_code,name\n"));
  EXPECT_TRUE(LooksLikeOleFile(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)));
}

}  // namespace
}  // namespace jg
