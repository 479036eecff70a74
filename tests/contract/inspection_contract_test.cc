// The inspection item list and inspector roster part of the Store contract,
// on every backend.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {

using testing::ValidCreditCode;

class InspectionContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    root_ = store().InsertDepartment(bureau).value();
    Department jqs{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    jqs_ = store().InsertDepartment(jqs).value();
    Department nxs{0, "NXS", "南翔市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    nxs_ = store().InsertDepartment(nxs).value();
  }
  Store& store() { return *ts_.store; }
  InspectionItem MakeItem(const std::string& code) {
    InspectionItem i;
    i.code = code;
    i.name = "测试检查事项" + code;
    i.legal_basis = "《中华人民共和国测试法》第一条";
    i.department_id = root_;
    i.target = "食品经营者";
    i.checklist = {"要点一", "要点二"};
    i.method = InspectionMethod::kDocumentary;
    i.importance = Importance::kKey;
    i.updated_at = 100;
    i.updated_by = "test";
    EXPECT_TRUE(NormalizeInspectionItem(i).ok());
    return i;
  }
  Inspector MakeInspector(const std::string& cert, Id dept) {
    Inspector i;
    i.name = "执法员" + cert;
    i.department_id = dept;
    i.station_id = dept;
    i.certificate_no = cert;
    i.certificate_expires = "2027-12-31";
    i.qualified_items = {"SP-001", "JG-001"};
    i.updated_at = 100;
    i.updated_by = "test";
    EXPECT_TRUE(NormalizeInspector(i).ok());
    return i;
  }
  testing::TestStore ts_;
  Id root_ = 0, jqs_ = 0, nxs_ = 0;
};

TEST_P(InspectionContract, TheMigrationSeedsTheItemListWithItsHistory) {
  auto items = store().ListInspectionItems(false).value();
  ASSERT_GE(items.size(), 8u);
  bool food = false;
  for (const auto& i : items) {
    EXPECT_FALSE(i.legal_basis.empty()) << i.code;
    EXPECT_FALSE(i.checklist.empty()) << i.code;
    EXPECT_FALSE(i.department_id.has_value()) << i.code;  // 未指定科室
    EXPECT_EQ(store().ListInspectionItemVersions(i.id)->size(), 1u) << i.code;
    if (i.code == "SP-001") {
      food = true;
      EXPECT_EQ(i.importance, Importance::kKey);
      EXPECT_EQ(i.method, InspectionMethod::kOnSite);
      EXPECT_NE(i.legal_basis.find("食品安全法"), std::string::npos);
    }
  }
  EXPECT_TRUE(food);
  for (size_t k = 1; k < items.size(); ++k) EXPECT_LT(items[k - 1].code, items[k].code);
}

TEST_P(InspectionContract, ItemRoundTripVersionsAndHistory) {
  Id id = store().InsertInspectionItem(MakeItem("ZZ-901")).value();
  auto got = store().GetInspectionItem(id).value();
  EXPECT_EQ(got.code, "ZZ-901");
  EXPECT_EQ(got.checklist, (std::vector<std::string>{"要点一", "要点二"}));
  EXPECT_EQ(got.method, InspectionMethod::kDocumentary);
  EXPECT_EQ(got.importance, Importance::kKey);
  EXPECT_EQ(got.department_id, root_);
  EXPECT_EQ(got.version, 1);

  auto dup = store().InsertInspectionItem(MakeItem("ZZ-901"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.status().field(), "code");

  got.importance = Importance::kGeneral;
  got.active = false;
  got.code = "XX-999";  // ignored: the code is fixed once created
  ASSERT_TRUE(store().UpdateInspectionItem(got).ok());
  InspectionItem stale = got;  // still version 1
  stale.name = "另一个名称";
  EXPECT_EQ(store().UpdateInspectionItem(stale).reason(), "stale_version");
  stale.id = 999999;
  EXPECT_EQ(store().UpdateInspectionItem(stale).code(), ErrorCode::kNotFound);

  auto now = store().GetInspectionItem(id).value();
  EXPECT_EQ(now.code, "ZZ-901");
  EXPECT_EQ(now.version, 2);
  EXPECT_FALSE(now.active);
  auto history = store().ListInspectionItemVersions(id).value();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_EQ(history[0].importance, Importance::kGeneral);
  EXPECT_EQ(history[0].code, "ZZ-901");
  EXPECT_EQ(history[1].importance, Importance::kKey);
  EXPECT_TRUE(history[1].active);

  // Inactive items are listed only when asked.
  auto active = store().ListInspectionItems(false).value();
  auto all = store().ListInspectionItems(true).value();
  EXPECT_EQ(all.size(), active.size() + 1);
}

TEST_P(InspectionContract, InspectorRoundTripFiltersAndUniqueKeys) {
  Id a = store().InsertInspector(MakeInspector("沪市监执2023-0001", jqs_)).value();
  Inspector b = MakeInspector("沪市监执2023-0002", nxs_);
  b.qualified_items = {"TS-001"};
  b.active = false;
  Id bid = store().InsertInspector(b).value();

  auto got = store().GetInspector(a).value();
  EXPECT_EQ(got.certificate_no, "沪市监执2023-0001");
  EXPECT_EQ(got.qualified_items, (std::vector<std::string>{"JG-001", "SP-001"}));
  EXPECT_EQ(got.station_id, jqs_);
  EXPECT_FALSE(got.user_id.has_value());
  EXPECT_EQ(got.version, 1);

  InspectorQuery q;
  EXPECT_EQ(store().ListInspectors(q)->size(), 2u);
  q.item_code = "SP-001";
  ASSERT_EQ(store().ListInspectors(q)->size(), 1u);
  EXPECT_EQ(store().ListInspectors(q)->front().id, a);
  q = {};
  q.station_id = nxs_;
  ASSERT_EQ(store().ListInspectors(q)->size(), 1u);
  EXPECT_EQ(store().ListInspectors(q)->front().qualified_items,
            (std::vector<std::string>{"TS-001"}));
  q = {};
  q.active_only = true;
  EXPECT_EQ(store().ListInspectors(q)->size(), 1u);
  q = {};
  q.department_id = jqs_;
  EXPECT_EQ(store().ListInspectors(q)->size(), 1u);

  auto dup = store().InsertInspector(MakeInspector("沪市监执2023-0001", nxs_));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.status().field(), "certificate_no");

  Inspector unknown = MakeInspector("沪市监执2023-0003", jqs_);
  unknown.qualified_items = {"QQ-001"};
  auto bad = store().InsertInspector(unknown);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store().ListInspectors({})->size(), 2u);  // nothing half-written

  // Update replaces the qualifications and checks the version.
  got.qualified_items = {"GS-001"};
  got.certificate_no = "沪市监执2023-0002";  // b's
  auto clash = store().UpdateInspector(got);
  EXPECT_EQ(clash.code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(clash.field(), "certificate_no");
  got.certificate_no = "沪市监执2024-0001";
  ASSERT_TRUE(store().UpdateInspector(got).ok());
  EXPECT_EQ(store().UpdateInspector(got).reason(), "stale_version");
  auto now = store().GetInspector(a).value();
  EXPECT_EQ(now.version, 2);
  EXPECT_EQ(now.qualified_items, (std::vector<std::string>{"GS-001"}));
  EXPECT_EQ(now.certificate_no, "沪市监执2024-0001");
  EXPECT_EQ(store().GetInspector(bid)->qualified_items, (std::vector<std::string>{"TS-001"}));
  EXPECT_EQ(store().GetInspector(999999).status().code(), ErrorCode::kNotFound);
}

TEST_P(InspectionContract, ConflictsAreDeclaredOnceAndWithdrawn) {
  Id a = store().InsertInspector(MakeInspector("沪市监执2023-0001", jqs_)).value();
  InspectorConflict c{ValidCreditCode(7), "配偶任该企业法定代表人", "2023-11-14"};
  ASSERT_TRUE(store().AddInspectorConflict(a, c).ok());
  auto again = store().AddInspectorConflict(a, c);
  EXPECT_EQ(again.code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.field(), "credit_code");
  EXPECT_EQ(store().AddInspectorConflict(999999, c).code(), ErrorCode::kNotFound);
  ASSERT_TRUE(store().AddInspectorConflict(a, {ValidCreditCode(3), "曾在该企业任职", "2023-11-15"}).ok());

  auto got = store().GetInspector(a).value();
  ASSERT_EQ(got.conflicts.size(), 2u);
  EXPECT_EQ(got.version, 1);  // declarations do not touch the record's version
  EXPECT_EQ(got.conflicts[0].credit_code, std::min(ValidCreditCode(3), ValidCreditCode(7)));
  // Listing carries the conflicts too, and an update leaves them.
  EXPECT_EQ(store().ListInspectors({})->front().conflicts.size(), 2u);
  got.name = "改名";
  ASSERT_TRUE(store().UpdateInspector(got).ok());
  EXPECT_EQ(store().GetInspector(a)->conflicts.size(), 2u);

  ASSERT_TRUE(store().RemoveInspectorConflict(a, ValidCreditCode(7)).ok());
  EXPECT_EQ(store().RemoveInspectorConflict(a, ValidCreditCode(7)).code(), ErrorCode::kNotFound);
  got = store().GetInspector(a).value();
  ASSERT_EQ(got.conflicts.size(), 1u);
  EXPECT_EQ(got.conflicts[0].reason, "曾在该企业任职");
  EXPECT_EQ(got.conflicts[0].declared_on, "2023-11-15");
}

INSTANTIATE_TEST_SUITE_P(Backends, InspectionContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
