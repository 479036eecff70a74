// The rules of the inspection item list and the inspector roster.
#include "domain/inspection_registry.h"

#include <gtest/gtest.h>

namespace jg {
namespace {

InspectionItem GoodItem() {
  InspectionItem i;
  i.code = " sp-001 ";
  i.name = "食品经营者落实食品安全主体责任情况检查";
  i.legal_basis = "《中华人民共和国食品安全法》第五十四条";
  i.target = "食品经营者";
  i.checklist = {" 是否建立进货查验记录制度 ", "", "是否定期检查库存食品"};
  return i;
}

Inspector GoodInspector() {
  Inspector i;
  i.name = " 赵执法 ";
  i.department_id = 3;
  i.certificate_no = "沪市监执2023-0001";
  i.certificate_expires = "2027-12-31";
  i.qualified_items = {"sp-001", "JG-001", "SP-001"};
  return i;
}

TEST(InspectionRegistry, ItemCodesHaveOneShape) {
  for (const char* ok : {"SP-001", "A-000", "ABCD-999"}) EXPECT_TRUE(IsValidInspectionItemCode(ok)) << ok;
  for (const char* bad : {"", "SP001", "SP-01", "SP-0001", "ABCDE-001", "-001", "sp-001", "S1-001",
                          "SP-00A", "SP--01"}) {
    EXPECT_FALSE(IsValidInspectionItemCode(bad)) << bad;
  }
}

TEST(InspectionRegistry, NormalizeItemTrimsAndDropsEmptyPoints) {
  InspectionItem i = GoodItem();
  ASSERT_TRUE(NormalizeInspectionItem(i).ok());
  EXPECT_EQ(i.code, "SP-001");
  EXPECT_EQ(i.checklist, (std::vector<std::string>{"是否建立进货查验记录制度", "是否定期检查库存食品"}));
}

TEST(InspectionRegistry, BadItemsNameTheField) {
  struct Case {
    void (*spoil)(InspectionItem&);
    const char* field;
  } cases[] = {
      {[](InspectionItem& i) { i.code = "食品-1"; }, "code"},
      {[](InspectionItem& i) { i.code = ""; }, "code"},
      {[](InspectionItem& i) { i.name = "  "; }, "name"},
      {[](InspectionItem& i) { i.legal_basis = ""; }, "legal_basis"},
      {[](InspectionItem& i) { i.target = ""; }, "target"},
      {[](InspectionItem& i) { i.checklist = {"第一行\n第二行"}; }, "checklist"},
      {[](InspectionItem& i) { i.checklist.assign(51, "要点"); }, "checklist"},
      {[](InspectionItem& i) { i.sub_item = std::string(201 * 3, 'a'); }, "sub_item"},
      {[](InspectionItem& i) { i.department_id = 0; }, "department_id"},
  };
  for (const auto& c : cases) {
    InspectionItem i = GoodItem();
    c.spoil(i);
    Status st = NormalizeInspectionItem(i);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(st.field(), c.field);
  }
}

TEST(InspectionRegistry, ImportanceAndMethodParseCodesAndLabels) {
  EXPECT_EQ(ParseImportance("key"), Importance::kKey);
  EXPECT_EQ(ParseImportance("一般"), Importance::kGeneral);
  EXPECT_FALSE(ParseImportance("KEY"));
  EXPECT_EQ(ImportanceLabel(Importance::kKey), "重点");
  EXPECT_EQ(ParseInspectionMethod("抽样检测"), InspectionMethod::kSampling);
  EXPECT_EQ(ParseInspectionMethod("documentary"), InspectionMethod::kDocumentary);
  EXPECT_EQ(InspectionMethodName(InspectionMethod::kOnlineMonitoring), "网络监测");
  EXPECT_FALSE(ParseInspectionMethod("电话检查"));
}

TEST(InspectionRegistry, NormalizeInspectorSortsDistinctQualifications) {
  Inspector i = GoodInspector();
  ASSERT_TRUE(NormalizeInspector(i).ok());
  EXPECT_EQ(i.name, "赵执法");
  EXPECT_EQ(i.qualified_items, (std::vector<std::string>{"JG-001", "SP-001"}));
}

TEST(InspectionRegistry, BadInspectorsNameTheField) {
  struct Case {
    void (*spoil)(Inspector&);
    const char* field;
  } cases[] = {
      {[](Inspector& i) { i.name = ""; }, "name"},
      {[](Inspector& i) { i.department_id = 0; }, "department_id"},
      {[](Inspector& i) { i.certificate_no = " "; }, "certificate_no"},
      {[](Inspector& i) { i.certificate_no = std::string(33, '1'); }, "certificate_no"},
      {[](Inspector& i) { i.certificate_expires = "2027-02-30"; }, "certificate_expires"},
      {[](Inspector& i) { i.certificate_expires = ""; }, "certificate_expires"},
      {[](Inspector& i) { i.available_from = "2024/01/01"; }, "available_from"},
      {[](Inspector& i) {
         i.available_from = "2024-06-01";
         i.available_to = "2024-05-31";
       },
       "available_to"},
      {[](Inspector& i) { i.qualified_items = {"食品"}; }, "qualified_items"},
      {[](Inspector& i) { i.conflicts = {{"91310114MA1GT5K295", "亲属", "2023-11-14"}}; },
       "credit_code"},
      {[](Inspector& i) { i.conflicts = {{"91310114MA1GT5K294", "", "2023-11-14"}}; }, "reason"},
  };
  for (const auto& c : cases) {
    Inspector i = GoodInspector();
    c.spoil(i);
    Status st = NormalizeInspector(i);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(st.field(), c.field);
  }
  // 32 characters, Chinese ones counted as one each, are fine.
  Inspector i = GoodInspector();
  i.certificate_no = "沪市监执" + std::string(28, '0');
  EXPECT_TRUE(NormalizeInspector(i).ok());
}

TEST(InspectionRegistry, CertificateIsValidThroughItsExpiryDay) {
  Inspector i = GoodInspector();
  EXPECT_TRUE(CertificateValidOn(i, "2023-11-14"));
  EXPECT_TRUE(CertificateValidOn(i, "2027-12-31"));
  EXPECT_FALSE(CertificateValidOn(i, "2028-01-01"));
  EXPECT_FALSE(CertificateValidOn(i, "not a date"));
  i.certificate_expires = "";
  EXPECT_FALSE(CertificateValidOn(i, "2023-11-14"));
}

TEST(InspectionRegistry, AvailabilityWindowAndActiveFlag) {
  Inspector i = GoodInspector();
  EXPECT_TRUE(AvailableOn(i, "2023-11-14"));
  i.available_from = "2024-01-01";
  i.available_to = "2024-06-30";
  EXPECT_FALSE(AvailableOn(i, "2023-12-31"));
  EXPECT_TRUE(AvailableOn(i, "2024-01-01"));
  EXPECT_TRUE(AvailableOn(i, "2024-06-30"));
  EXPECT_FALSE(AvailableOn(i, "2024-07-01"));
  i.active = false;
  EXPECT_FALSE(AvailableOn(i, "2024-03-01"));
}

}  // namespace
}  // namespace jg
