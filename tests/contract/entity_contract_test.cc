// The directory part of the Store contract, on every backend.
#include <gtest/gtest.h>

#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {

using testing::ValidCreditCode;

class EntityContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    root_ = store().InsertDepartment(bureau).value();
    Department st{0, "MLS", "马陆市场监管所", DepartmentKind::kStation, root_, "", "", 1};
    station_ = store().InsertDepartment(st).value();
  }
  Store& store() { return *ts_.store; }
  Entity Make(int n, const std::string& name) {
    Entity e;
    e.credit_code = ValidCreditCode(n);
    e.name = name;
    e.street = "马陆镇";
    e.station_id = station_;
    e.industry = "F5223";
    e.registered_on = "2020-05-01";
    e.updated_at = 100;
    e.updated_by = "test";
    EXPECT_TRUE(NormalizeEntity(e).ok());
    return e;
  }
  Id Insert(int n, const std::string& name) {
    auto id = store().InsertEntity(Make(n, name), "create");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  std::vector<std::string> Names(const EntityQuery& q) {
    auto page = store().SearchEntities(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> out;
    if (page.ok()) {
      for (const auto& e : page->items) out.push_back(e.name);
    }
    return out;
  }
  testing::TestStore ts_;
  Id root_ = 0, station_ = 0;
};

TEST_P(EntityContract, RoundTripKeepsEveryField) {
  Entity e = Make(1, "上海马陆葡萄专业合作社");
  e.kind = EntityKind::kCooperative;
  e.risk_class = RiskClass::kB;
  e.risk_classified_on = "2023-06-30";
  e.tags = {"重点监管", "地理标志"};
  e.legal_representative = "张三";
  e.address = "嘉定区马陆镇大裕村";
  Id id = store().InsertEntity(e, "create").value();
  auto got = store().GetEntity(id).value();
  EXPECT_EQ(got.credit_code, e.credit_code);
  EXPECT_EQ(got.name, e.name);
  EXPECT_EQ(got.kind, EntityKind::kCooperative);
  EXPECT_EQ(got.risk_class, RiskClass::kB);
  EXPECT_EQ(got.risk_classified_on, "2023-06-30");
  EXPECT_EQ(got.tags, (std::vector<std::string>{"重点监管", "地理标志"}));
  EXPECT_EQ(got.station_id, station_);
  EXPECT_EQ(got.address, e.address);
  EXPECT_EQ(got.version, 1);
  EXPECT_EQ(store().FindEntityByCreditCode(e.credit_code)->id, id);
}

// The bulk upsert of imports writes what the single forms write: entities at
// version 1 with their history, name grams and tags for new codes; an update at
// the next version for codes already in the directory; more rows than one
// multi-row statement holds.
TEST_P(EntityContract, UpsertEntitiesInsertsNewAndUpdatesTakenCodes) {
  Id before = Insert(0, "嘉定马陆旧名商店");
  std::vector<Entity> batch;
  for (int n = 0; n < 1203; ++n) {
    Entity e = Make(n, n == 0 ? "嘉定马陆新名商店" : "上海批量导入" + std::to_string(n) + "号贸易有限公司");
    if (n % 100 == 7) e.tags = {"重点监管"};
    batch.push_back(e);
  }
  std::vector<int> progress;
  auto counts = store().UpsertEntities(batch, "import", [&](int done) { progress.push_back(done); });
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->inserted, 1202);
  EXPECT_EQ(counts->updated, 1);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), 1203);
  EXPECT_EQ(batch[0].id, before);

  auto updated = store().GetEntity(before);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->name, "嘉定马陆新名商店");
  EXPECT_EQ(updated->version, 2);
  auto versions = store().ListEntityVersions(before);
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->size(), 2u);

  auto last = store().FindEntityByCreditCode(ValidCreditCode(1202));
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(last->id, batch[1202].id);
  EXPECT_EQ(last->version, 1);
  EXPECT_EQ(last->name, "上海批量导入1202号贸易有限公司");
  auto history = store().ListEntityVersions(last->id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);

  EntityQuery by_name;
  by_name.name = "1202号";
  EXPECT_EQ(Names(by_name), std::vector<std::string>{"上海批量导入1202号贸易有限公司"});
  by_name.name = "批量";
  auto page = store().SearchEntities(by_name);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1202);
  EntityQuery by_tag;
  by_tag.tag = "重点监管";
  auto tagged = store().SearchEntities(by_tag);
  ASSERT_TRUE(tagged.ok());
  EXPECT_EQ(tagged->total, 12);
  EntityQuery old_name;
  old_name.name = "旧名";
  EXPECT_TRUE(Names(old_name).empty());
}

// Bulk upserts stream their rows (COPY on PostgreSQL, whose text format
// escapes tabs, newlines and backslashes; bound values on SQLite): every
// character and every field reads back as written, in the row and its history.
TEST_P(EntityContract, BulkUpsertKeepsEveryCharacterOfEveryField) {
  std::vector<Entity> batch;
  const std::vector<std::string> awkward = {"a\tb", "line1\nline2", "cr\rlf", "back\\slash",
                                            "\\N", "\\.", "\"引号\",逗号", ""};
  // 150 rows: SQLite writes them 64 to a statement (copying their text),
  // then the last 22 one at a time; every awkward value in both.
  constexpr size_t kRows = 150;
  for (size_t n = 0; n < kRows; ++n) {
    Entity e = Make(static_cast<int>(n), "上海转义" + std::to_string(n) + "号商店");
    e.address = awkward[n % awkward.size()];
    e.legal_representative = awkward[awkward.size() - 1 - n % awkward.size()];
    e.kind = n % 2 ? EntityKind::kIndividual : EntityKind::kBranch;
    e.status = n % 3 ? EntityStatus::kActive : EntityStatus::kRevoked;
    e.risk_class = n % 2 ? RiskClass::kD : RiskClass::kNone;
    if (n % 2) e.station_id.reset();
    e.tags = n % 2 ? std::vector<std::string>{"重点监管", "a\tb"} : std::vector<std::string>{};
    e.updated_by = "导入\t员";
    batch.push_back(e);
  }
  const std::vector<Entity> wanted = batch;
  ASSERT_TRUE(store().UpsertEntities(batch, "import", {}).ok());
  for (size_t n = 0; n < wanted.size(); ++n) {
    auto got = store().GetEntity(batch[n].id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    auto history = store().ListEntityVersions(batch[n].id);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 1u);
    for (const Entity* e : {&*got, &history->front().entity}) {
      EXPECT_EQ(e->credit_code, wanted[n].credit_code);
      EXPECT_EQ(e->name, wanted[n].name);
      EXPECT_EQ(e->address, wanted[n].address) << n;
      EXPECT_EQ(e->legal_representative, wanted[n].legal_representative) << n;
      EXPECT_EQ(e->kind, wanted[n].kind);
      EXPECT_EQ(e->status, wanted[n].status);
      EXPECT_EQ(e->risk_class, wanted[n].risk_class);
      EXPECT_EQ(e->station_id, wanted[n].station_id);
      EXPECT_EQ(e->tags, wanted[n].tags);
      EXPECT_EQ(e->updated_by, wanted[n].updated_by);
      EXPECT_EQ(e->updated_at, wanted[n].updated_at);
      EXPECT_EQ(e->version, 1);
    }
    EXPECT_EQ(history->front().source, "import");
  }
  EntityQuery tagged;
  tagged.tag = "a\tb";
  EXPECT_EQ(store().SearchEntities(tagged)->total, static_cast<std::int64_t>(kRows / 2));
}

// Migration 0019: a directory written when entity_versions also held each
// entity's current version keeps exactly its history, the current version's
// source moving onto the entity's row.
TEST_P(EntityContract, MigrationKeepsTheHistoryOfADirectoryWrittenBeforeIt) {
  Id id = Insert(1, "嘉定迁移前商店");
  Entity e = store().GetEntity(id).value();
  e.name = "嘉定迁移后商店";
  ASSERT_TRUE(store().UpdateEntity(e, "api").ok());
  Id single = Insert(2, "嘉定只有一版商店");
  // Back to the schema before 0019, with the rows it would hold.
  const std::string cols =
      "credit_code, name, kind, legal_representative, address, street, station_id, industry, "
      "registered_on, status, risk_class, risk_classified_on, tags, updated_at, updated_by";
  testing::RawSql(ts_, "INSERT INTO entity_versions (entity_id, version, source, " + cols +
                           ") SELECT id, version, CASE id WHEN " + std::to_string(id) +
                           " THEN 'api' ELSE 'create' END, " + cols + " FROM entities");
  testing::RawSql(ts_, "ALTER TABLE entities DROP COLUMN source");
  testing::RawSql(ts_, "DELETE FROM schema_migrations WHERE version = 19");
  auto reopened = OpenStore(ts_.url);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  auto history = (*reopened)->ListEntityVersions(id).value();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].entity.version, 2);
  EXPECT_EQ(history[0].entity.name, "嘉定迁移后商店");
  EXPECT_EQ(history[0].source, "api");
  EXPECT_EQ(history[1].entity.version, 1);
  EXPECT_EQ(history[1].entity.name, "嘉定迁移前商店");
  EXPECT_EQ(history[1].source, "create");
  auto one = (*reopened)->ListEntityVersions(single).value();
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].source, "create");
  EXPECT_EQ(testing::RawRows(ts_, "SELECT COUNT(*) FROM entity_versions"), std::vector<std::string>{"1"});
}

// An import fed a chunk at a time writes every chunk in one transaction; an
// error from the feeder after some chunks were written leaves nothing.
TEST_P(EntityContract, UpsertEntityChunksIsOneTransaction) {
  Id before = Insert(0, "嘉定分块旧名商店");
  std::vector<std::vector<Entity>> chunks(3);
  for (int n = 0; n < 900; ++n)
    chunks[n / 300].push_back(Make(n, n == 0 ? "嘉定分块新名商店" : "上海分块" + std::to_string(n) + "号"));
  auto feed = [&](size_t fail_at) {
    size_t at = 0;
    auto copies = chunks;
    return [copies, at, fail_at]() mutable -> Result<std::vector<Entity>*> {
      if (at == fail_at) return InvalidArgument("bad_row", "第 301 行有错误", "file");
      if (at == copies.size()) return nullptr;
      return &copies[at++];
    };
  };
  auto refused = store().UpsertEntityChunks(feed(2), 900, "import", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().reason(), "bad_row");
  EXPECT_EQ(testing::RawRows(ts_, "SELECT COUNT(*) FROM entities"), std::vector<std::string>{"1"});
  EXPECT_EQ(store().GetEntity(before)->name, "嘉定分块旧名商店");
  EntityQuery by_name;
  by_name.name = "分块";
  EXPECT_EQ(store().SearchEntities(by_name)->total, 1);

  std::vector<int> progress;
  auto counts = store().UpsertEntityChunks(feed(99), 900, "import",
                                           [&](int done) { progress.push_back(done); });
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->inserted, 899);
  EXPECT_EQ(counts->updated, 1);
  EXPECT_EQ(progress.back(), 900);
  EXPECT_EQ(store().GetEntity(before)->name, "嘉定分块新名商店");
  EXPECT_EQ(store().SearchEntities(by_name)->total, 900);
  by_name.name = "分块899号";
  EXPECT_EQ(Names(by_name), std::vector<std::string>{"上海分块899号"});
}

// A load much larger than the directory (the SQLite store then drops the
// entities' secondary indexes and builds them again after the rows) leaves
// every index as the migrations made it; a load that fails leaves nothing.
TEST_P(EntityContract, LargeBulkLoadKeepsTheIndexesAndFailsWhole) {
  const std::string indexes =
      GetParam() == "sqlite"
          ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entities' "
            "ORDER BY name"
          : "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'entities' AND "
            "schemaname = current_schema() ORDER BY indexname";
  const auto before = testing::RawRows(ts_, indexes);
  ASSERT_GE(before.size(), 5u);
  Insert(0, "嘉定原有商店");
  std::vector<Entity> batch;
  for (int n = 1; n <= 60000; ++n) {
    Entity e = Make(n, "上海大批" + std::to_string(n) + "号贸易有限公司");
    e.street = n % 3 ? "马陆镇" : "南翔镇";
    batch.push_back(e);
  }
  std::vector<Entity> broken = batch;
  broken.back().credit_code = broken.front().credit_code;  // a code twice: refused whole
  EXPECT_FALSE(store().UpsertEntities(broken, "import", {}).ok());
  EXPECT_EQ(testing::RawRows(ts_, indexes), before);
  EXPECT_EQ(testing::RawRows(ts_, "SELECT COUNT(*) FROM entities"), std::vector<std::string>{"1"});

  auto counts = store().UpsertEntities(batch, "import", {});
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->inserted, 60000);
  EXPECT_EQ(testing::RawRows(ts_, indexes), before);
  EntityQuery by_street;
  by_street.street = "南翔镇";
  EXPECT_EQ(store().SearchEntities(by_street)->total, 20000);
  EntityQuery by_name;
  by_name.name = "59999号";
  EXPECT_EQ(Names(by_name), std::vector<std::string>{"上海大批59999号贸易有限公司"});
  EXPECT_EQ(store().FindEntityByCreditCode(ValidCreditCode(60000))->id, batch.back().id);
}

TEST_P(EntityContract, DuplicateCreditCodeIsAlreadyExists) {
  Insert(1, "甲公司");
  auto again = store().InsertEntity(Make(1, "乙公司"), "create");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.status().field(), "credit_code");
}

TEST_P(EntityContract, TwoCharacterChineseQueryFindsSubstringsOnly) {
  Insert(1, "上海马陆葡萄专业合作社");
  Insert(2, "嘉定马陆镇小吃店");
  Insert(3, "上海陆马贸易有限公司");  // same characters, other order
  Insert(4, "南翔小笼包餐饮有限公司");
  EntityQuery q;
  q.name = "马陆";
  EXPECT_EQ(Names(q), (std::vector<std::string>{"上海马陆葡萄专业合作社", "嘉定马陆镇小吃店"}));
  q.name = "马";  // one character: no gram, still a substring match
  EXPECT_EQ(Names(q).size(), 3u);
  q.name = "有限公司";
  EXPECT_EQ(Names(q).size(), 2u);
  q.name = "马陆葡萄专业";
  EXPECT_EQ(Names(q), (std::vector<std::string>{"上海马陆葡萄专业合作社"}));
  q.name = "100%";  // LIKE wildcards are literal
  EXPECT_TRUE(Names(q).empty());
}

TEST_P(EntityContract, AsciiNameSearchIgnoresCaseOnBothStores) {
  Insert(1, "ABC科技有限公司");
  Insert(2, "abd贸易商行");
  EntityQuery q;
  q.name = "abc";
  EXPECT_EQ(Names(q), (std::vector<std::string>{"ABC科技有限公司"}));
  q.name = "AB";
  EXPECT_EQ(Names(q).size(), 2u);
}

TEST_P(EntityContract, FiltersCombineAndPagingIsStable) {
  for (int i = 0; i < 25; ++i) {
    Entity e = Make(100 + i, "企业" + std::to_string(100 + i));
    e.risk_class = i % 2 ? RiskClass::kC : RiskClass::kA;
    e.risk_classified_on = "2023-01-01";
    if (i % 5 == 0) e.tags = {"重点监管"};
    if (i % 3 == 0) e.street = "江桥镇";
    ASSERT_TRUE(store().InsertEntity(e, "import").ok());
  }
  EntityQuery q;
  q.risk_class = RiskClass::kC;
  EXPECT_EQ(store().SearchEntities(q)->total, 12);
  q.tag = "重点监管";
  EXPECT_EQ(store().SearchEntities(q)->total, 2);  // i = 5, 15
  EntityQuery streets;
  streets.street = "江桥镇";
  EXPECT_EQ(store().SearchEntities(streets)->total, 9);
  EntityQuery paged;
  paged.limit = 10;
  paged.offset = 20;
  auto page = store().SearchEntities(paged).value();
  EXPECT_EQ(page.total, 25);
  ASSERT_EQ(page.items.size(), 5u);
  EXPECT_EQ(page.items[0].name, "企业120");
  paged.descending = true;
  paged.offset = 0;
  EXPECT_EQ(store().SearchEntities(paged)->items[0].name, "企业124");
  EntityQuery industry;
  industry.industry_prefix = "F52";
  EXPECT_EQ(store().SearchEntities(industry)->total, 25);
  industry.industry_prefix = "F53";
  EXPECT_EQ(store().SearchEntities(industry)->total, 0);
}

TEST_P(EntityContract, StaleUpdateIsRefusedAndHistoryKeepsEveryVersion) {
  Id id = Insert(1, "嘉定江桥某某食品店");
  Entity e = store().GetEntity(id).value();
  e.address = "新地址一号";
  ASSERT_TRUE(store().UpdateEntity(e, "edit").ok());
  Entity stale = e;  // version 1 again
  stale.address = "另一个地址";
  EXPECT_EQ(store().UpdateEntity(stale, "edit").reason(), "stale_version");
  e.version = 2;
  e.name = "嘉定江桥新名食品店";
  ASSERT_TRUE(store().UpdateEntity(e, "import").ok());
  auto h = store().ListEntityVersions(id).value();
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].entity.version, 3);
  EXPECT_EQ(h[0].source, "import");
  EXPECT_EQ(h[1].entity.address, "新地址一号");
  EXPECT_EQ(h[2].entity.address, "");
  // The name index follows the rename.
  EntityQuery q;
  q.name = "某某";
  EXPECT_TRUE(Names(q).empty());
  q.name = "新名";
  EXPECT_EQ(Names(q).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, EntityContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
