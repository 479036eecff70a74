// The store queries the annual report adds, on every backend: licences issued
// per kind in a period (issue date inclusive at both ends, whatever the status
// now, licences only, the 含酒类 business item counted apart) and the
// registration list filtered by kind.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {

using testing::ValidCreditCode;

class AnnualReportContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    ASSERT_TRUE(store().InsertDepartment(bureau).ok());
    Entity e;
    e.credit_code = ValidCreditCode(7);
    e.name = "上海嘉定某某食品店";
    e.street = "江桥镇";
    e.industry = "F5223";
    e.registered_on = "2020-05-01";
    e.updated_at = 100;
    e.updated_by = "test";
    ASSERT_TRUE(NormalizeEntity(e).ok());
    entity_ = store().InsertEntity(e, "create").value();
  }
  Store& store() { return *ts_.store; }
  void Licence(const std::string& kind, const std::string& id, const std::string& from,
               std::vector<std::string> items = {},
               HoldingStatus status = HoldingStatus::kValid) {
    Holding h;
    h.kind = kind;
    h.identifier = id;
    h.entity_id = entity_;
    h.valid_from = from;
    h.status = status;
    for (auto& i : items) h.attributes.emplace("business_items", i);
    h.updated_at = 1;
    auto r = store().InsertHolding(h);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  testing::TestStore ts_;
  Id entity_ = 0;
};

TEST_P(AnnualReportContract, LicencesIssuedPerKindWithTheAlcoholItem) {
  const std::string food = "food_operation_licence";
  // 2023: three food licences (two with 含酒类, one of them since revoked), one drug licence.
  Licence(food, "JY13101140000011", "2023-01-01", {"预包装食品销售", "含酒类"});
  Licence(food, "JY13101140000022", "2023-12-31", {"含酒类"}, HoldingStatus::kRevoked);
  Licence(food, "JY13101140000033", "2023-06-15", {"热食类食品制售"});
  Licence("drug_retail_licence", "沪CB0210001", "2023-03-01");
  // Outside the year on either side.
  Licence(food, "JY13101140000044", "2022-12-31", {"含酒类"});
  Licence(food, "JY13101140000055", "2024-01-01", {"含酒类"});

  auto r = store().CountLicencesIssued("2023-01-01", "2023-12-31", "含酒类");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].kind, "drug_retail_licence");
  EXPECT_EQ((*r)[0].issued, 1);
  EXPECT_EQ((*r)[0].with_item, 0);
  EXPECT_EQ((*r)[1].kind, food);
  EXPECT_EQ((*r)[1].issued, 3);
  EXPECT_EQ((*r)[1].with_item, 2);

  auto prev = store().CountLicencesIssued("2022-01-01", "2022-12-31", "含酒类");
  ASSERT_TRUE(prev.ok());
  ASSERT_EQ(prev->size(), 1u);
  EXPECT_EQ((*prev)[0].issued, 1);
  EXPECT_EQ((*prev)[0].with_item, 1);

  auto none = store().CountLicencesIssued("2021-01-01", "2021-12-31", "含酒类");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  // The drill-down list of the holdings page agrees with the count.
  HoldingQuery q;
  q.kind = food;
  q.attribute_key = "business_items";
  q.attribute_value = "含酒类";
  q.valid_from_from = "2023-01-01";
  q.valid_from_to = "2023-12-31";
  EXPECT_EQ(store().SearchHoldings(q).value().total, 2);
}

TEST_P(AnnualReportContract, RegistrationsFilteredByKind) {
  auto add = [&](RegistrationKind k, const std::string& point, const std::string& on, bool electronic) {
    Registration g;
    g.entity_id = entity_;
    g.kind = k;
    g.service_point = point;
    g.handled_on = on;
    g.fully_electronic = electronic;
    g.recorded_at = 1;
    ASSERT_TRUE(store().InsertRegistration(g).ok());
  };
  add(RegistrationKind::kEstablishment, "北虹桥企业登记注册服务点", "2023-02-01", true);
  add(RegistrationKind::kEstablishment, "北虹桥企业登记注册服务点", "2023-11-30", true);
  add(RegistrationKind::kChange, "北虹桥企业登记注册服务点", "2023-05-05", false);
  add(RegistrationKind::kEstablishment, "区政务服务中心", "2023-07-07", false);
  RegistrationQuery q;
  q.kind = RegistrationKind::kEstablishment;
  q.service_point = "北虹桥企业登记注册服务点";
  q.from = "2023-01-01";
  q.to = "2023-12-31";
  q.limit = 100;
  auto list = store().ListRegistrations(q);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->size(), 2u);
  q.kind = RegistrationKind::kChange;
  EXPECT_EQ(store().ListRegistrations(q).value().size(), 1u);
  q.kind.reset();
  q.service_point.clear();
  EXPECT_EQ(store().ListRegistrations(q).value().size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnnualReportContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
