// The name index never disagrees with the names it indexes, and search by
// name answers exactly what a substring scan answers.
//
// After a seeded random workload of every write that touches names — entities
// inserted one by one and by bulk upsert (new and existing codes mixed),
// names changed and kept, writes rolled back, ids in several blocks — the
// stored posting lists equal their definition computed from
// entities.name_fold, and SearchEntities (first pages, deep pages, both
// directions, other sorts, other filters) returns the same ids and total as
// the substring test over every entity, on every backend. Both of the
// search's strategies (walking the name order, sorting the matches) are hit:
// queries range from one match to most of the directory.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "domain/entity.h"
#include "domain/name_postings.h"
#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {

namespace np = name_postings;

const std::vector<std::string> kAlphabet = {"马", "陆", "食", "品", "a", "B", "马陆"};
const std::vector<std::string> kStreets = {"江桥镇", "马陆镇", ""};

// The columns of a RawRows line.
std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> f;
  size_t at = 0;
  for (;;) {
    const size_t tab = line.find('\t', at);
    f.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
    if (tab == std::string::npos) return f;
    at = tab + 1;
  }
}

std::string Unhex(const std::string& h) {
  std::string bytes;
  for (size_t i = 0; i + 1 < h.size(); i += 2) bytes += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return bytes;
}

struct Row {
  Id id = 0;
  std::string name, fold, street, credit_code;
};

class NameIndexContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
  }
  Store& store() { return *ts_.store; }

  std::string Word(int max_len) {
    std::string s;
    const int n = 1 + static_cast<int>(rng_() % max_len);
    for (int i = 0; i < n; ++i) s += kAlphabet[rng_() % kAlphabet.size()];
    return s;
  }
  Entity NewEntity() {
    Entity e;
    e.credit_code = testing::ValidCreditCode(next_code_++);
    e.name = Word(7);
    e.street = kStreets[rng_() % kStreets.size()];
    e.updated_at = 1;
    return e;
  }

  Entity NewEntityNamed(const std::string& name) {
    Entity e = NewEntity();
    e.name = name;
    return e;
  }

  // Every page (offset, limit) of a name query in both directions against the
  // substring scan: its ids and the total. Returns how many names match.
  size_t ExpectPagesEqualTheScan(const std::string& query, const std::vector<int>& offsets,
                                 const std::vector<int>& limits) {
    std::vector<std::pair<std::string, Id>> want;
    for (const auto& r : AllRows())
      if (r.name.find(query) != std::string::npos) want.emplace_back(r.name, r.id);
    for (bool desc : {false, true}) {
      auto order = want;
      if (desc) std::sort(order.begin(), order.end(), std::greater<>());
      else std::sort(order.begin(), order.end());
      for (int offset : offsets) {
        for (int limit : limits) {
          EntityQuery q;
          q.name = query;
          q.offset = offset;
          q.limit = limit;
          q.descending = desc;
          auto page = store().SearchEntities(q);
          EXPECT_TRUE(page.ok()) << page.status().ToString();
          if (!page.ok()) return want.size();
          EXPECT_EQ(page->total, static_cast<std::int64_t>(want.size())) << query;
          std::vector<Id> got, expected;
          for (const auto& e : page->items) got.push_back(e.id);
          for (int i = offset; i < offset + limit && i < static_cast<int>(order.size()); ++i)
            expected.push_back(order[i].second);
          EXPECT_EQ(got, expected) << query << " offset " << offset << " limit " << limit
                                   << (desc ? " descending" : "");
        }
      }
    }
    return want.size();
  }

  std::vector<Row> AllRows() {
    std::vector<Row> out;
    for (const auto& line :
         testing::RawRows(ts_, "SELECT id, name, name_fold, street, credit_code FROM entities")) {
      const auto f = Fields(line);
      out.push_back({std::stoll(f[0]), f[1], f[2], f[3], f[4]});
    }
    return out;
  }

  // A blob column as hex text, on either backend.
  std::string Hex(const std::string& column) const {
    return GetParam() == "sqlite" ? "hex(" + column + ")" : "upper(encode(" + column + ", 'hex'))";
  }

  void ExpectIndexAgrees(const std::string& after) {
    const auto rows = AllRows();
    std::map<std::pair<std::string, std::int64_t>, std::vector<np::Entry>> defined;
    // Each list's key bounds: the least and greatest name key of its entities.
    std::map<std::pair<std::string, std::int64_t>, std::pair<std::uint64_t, std::uint64_t>> bounds;
    for (const auto& r : rows) {
      ASSERT_EQ(r.fold, SearchFold(r.name));
      const bool raw = r.credit_code.rfind("PLACEHOLDER", 0) == 0;  // written raw by JumpIds
      for (const auto& g : np::GramPositions(r.fold)) {
        defined[{g.gram, np::BlockOf(r.id)}].push_back(
            {static_cast<std::uint16_t>(r.id & np::kBlockMask), g.pos});
        if (raw) continue;
        auto [it, fresh] = bounds.try_emplace({g.gram, np::BlockOf(r.id)}, ~std::uint64_t{0}, 0);
        it->second.first = std::min(it->second.first, np::NameKey(r.name));
        it->second.second = std::max(it->second.second, np::NameKey(r.name));
      }
    }
    for (auto& [k, v] : defined) std::sort(v.begin(), v.end());
    std::map<std::pair<std::string, std::int64_t>, std::vector<np::Entry>> kept;
    for (const auto& line : testing::RawRows(ts_, "SELECT gram, block, entities, min_key, max_key, " +
                                                      Hex("entries") + " FROM entity_name_postings")) {
      const auto f = Fields(line);
      auto entries = np::Decode(Unhex(f[5]));
      EXPECT_EQ(std::stoi(f[2]), np::CountEntities(entries)) << line;
      const std::pair<std::string, std::int64_t> key{f[0], std::stoll(f[1])};
      const auto want = bounds[key];
      EXPECT_EQ(static_cast<std::uint64_t>(std::stoll(f[3])), want.first) << line << " after " << after;
      EXPECT_EQ(static_cast<std::uint64_t>(std::stoll(f[4])), want.second) << line << " after " << after;
      kept[key] = entries;
    }
    ASSERT_EQ(kept.size(), defined.size()) << "after " << after;
    EXPECT_TRUE(kept == defined) << "after " << after;
    // Name keys: every entity's is its name's; no other is set.
    std::map<std::int64_t, std::vector<std::uint64_t>> keys;
    for (const auto& line : testing::RawRows(ts_, "SELECT block, " + Hex("keys") + " FROM entity_name_keys")) {
      const auto f = Fields(line);
      keys[std::stoll(f[0])] = np::DecodeKeys(Unhex(f[1]));
    }
    size_t set = 0;
    for (const auto& [b, ks] : keys)
      for (auto k : ks) set += k != 0;
    size_t named = 0;
    for (const auto& r : rows) {
      if (r.credit_code.rfind("PLACEHOLDER", 0) == 0) continue;  // written raw by JumpIds
      ASSERT_TRUE(keys.count(np::KeyBlockOf(r.id))) << r.id << " after " << after;
      EXPECT_EQ(keys[np::KeyBlockOf(r.id)][r.id & np::kKeyBlockMask], np::NameKey(r.name))
          << r.name << " after " << after;
      ++named;
    }
    EXPECT_EQ(set, named) << "after " << after;
  }

  // Searches of `on` (another store on the same database) or of the test's store.
  void ExpectSearchesAgree(const std::string& after, Store* on = nullptr) {
    const auto rows = AllRows();
    std::vector<std::string> queries = {"马陆", "食品", "ab", "马陆马", "陆马陆食", "品品品品", "zz"};
    for (int i = 0; i < 6; ++i) {  // substrings of stored names
      const auto& r = rows[rng_() % rows.size()];
      auto g = np::GramPositions(r.fold);
      if (g.empty()) continue;
      queries.push_back(g[rng_() % g.size()].gram);
      if (g.size() > 2) {  // the first three or four code points
        std::string prefix;
        for (size_t k = 0; k < g.size() && k < 3; k += 2) prefix += g[k].gram;
        queries.push_back(prefix);
      }
    }
    for (const auto& query : queries) {
      const std::string folded = SearchFold(query);
      for (int mode = 0; mode < 6; ++mode) {
        EntityQuery q;
        q.name = query;
        q.limit = mode == 1 ? 3 : 7;
        q.offset = mode == 1 ? 4 : (mode == 5 ? 200 : 0);
        q.descending = mode == 2 || mode == 4;
        if (mode == 3) q.street = "马陆镇";
        if (mode == 4) q.sort = EntityQuery::Sort::kCreditCode;
        std::vector<const Row*> want;
        for (const auto& r : rows) {
          if (r.fold.find(folded) == std::string::npos) continue;
          if (!q.street.empty() && r.street != q.street) continue;
          want.push_back(&r);
        }
        const bool by_code = q.sort == EntityQuery::Sort::kCreditCode;
        std::sort(want.begin(), want.end(), [&](const Row* a, const Row* b) {
          auto ka = std::make_pair(by_code ? a->credit_code : a->name, a->id);
          auto kb = std::make_pair(by_code ? b->credit_code : b->name, b->id);
          return q.descending ? kb < ka : ka < kb;
        });
        std::vector<Id> want_ids;
        for (size_t i = q.offset; i < want.size() && i < static_cast<size_t>(q.offset + q.limit); ++i)
          want_ids.push_back(want[i]->id);
        auto page = (on ? *on : store()).SearchEntities(q);
        ASSERT_TRUE(page.ok()) << page.status().ToString();
        std::vector<Id> got;
        for (const auto& e : page->items) got.push_back(e.id);
        EXPECT_EQ(page->total, static_cast<std::int64_t>(want.size()))
            << "query " << query << " mode " << mode << " after " << after;
        EXPECT_EQ(got, want_ids) << "query " << query << " mode " << mode << " after " << after;
      }
    }
  }

  // Later ids land in another block of the lists.
  void JumpIds(std::int64_t to) {
    if (GetParam() == "sqlite") {
      testing::RawSql(ts_, "INSERT INTO entities (id, credit_code, name, name_fold, kind, status, "
                           "updated_at) VALUES (" + std::to_string(to) +
                               ", 'PLACEHOLDER" + std::to_string(to) + "', '某', '某', 'enterprise', 'active', 1)");
    } else {
      testing::RawSql(ts_, "SELECT setval(pg_get_serial_sequence('entities', 'id'), " +
                               std::to_string(to) + ")");
    }
  }

  testing::TestStore ts_;
  std::mt19937 rng_{20261206};
  int next_code_ = 3000;
};

TEST_P(NameIndexContract, ListsEqualTheirDefinitionAndSearchEqualsTheSubstringScan) {
  std::vector<Id> ids;
  for (int step = 0; step < 160; ++step) {
    if (step == 60) JumpIds((std::int64_t{1} << np::kBlockBits) + 5);
    if (step == 110) JumpIds((std::int64_t{3} << np::kBlockBits) - 3);  // straddles a boundary
    const int op = static_cast<int>(rng_() % 10);
    if (op < 4 || ids.empty()) {
      auto id = store().InsertEntity(NewEntity(), "test");
      ASSERT_TRUE(id.ok()) << id.status().ToString();
      ids.push_back(*id);
    } else if (op < 7) {
      Entity e = store().GetEntity(ids[rng_() % ids.size()]).value();
      if (op == 6) {
        e.street = kStreets[rng_() % kStreets.size()];  // name kept
      } else if (op == 5 && e.name.find('a') != std::string::npos) {
        e.name[e.name.find('a')] = 'A';  // the same folded name, another name order
      } else {
        e.name = Word(7);
      }
      ASSERT_TRUE(store().UpdateEntity(e, "test").ok());
    } else if (op < 9) {
      std::vector<Entity> batch;
      for (int i = 0; i < 12; ++i) {
        if (rng_() % 2 && !ids.empty()) {
          Entity e = store().GetEntity(ids[rng_() % ids.size()]).value();
          e.name = Word(7);
          if (std::none_of(batch.begin(), batch.end(),
                           [&](const Entity& b) { return b.credit_code == e.credit_code; }))
            batch.push_back(e);
        } else {
          batch.push_back(NewEntity());
        }
      }
      auto r = store().UpsertEntities(batch, "import", nullptr);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      for (const auto& e : batch)
        if (std::find(ids.begin(), ids.end(), e.id) == ids.end()) ids.push_back(e.id);
    } else {
      // Rolled back: a new entity and a renamed one leave no trace in the lists.
      Status st = store().Transaction([&](Store& tx) -> Status {
        (void)tx.InsertEntity(NewEntity(), "test");
        Entity e = tx.GetEntity(ids[rng_() % ids.size()]).value();
        e.name = Word(7);
        (void)tx.UpdateEntity(e, "test");
        return Aborted("test_rollback", "回滚");
      });
      ASSERT_FALSE(st.ok());
    }
    if (step % 20 == 19) {
      ExpectIndexAgrees("step " + std::to_string(step));
      ExpectSearchesAgree("step " + std::to_string(step));
    }
  }
}

// A database migrated from before the index (or whose index was lost) gets
// its lists rebuilt when the store opens.
TEST_P(NameIndexContract, OpeningAStoreFillsMissingLists) {
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(store().InsertEntity(NewEntity(), "test").ok());
  testing::RawSql(ts_, "DELETE FROM entity_name_postings");
  auto reopened = OpenStore(ts_.url);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  ExpectIndexAgrees("reopen");
  ExpectSearchesAgree("reopen");
}

// A store keeps what its searches read of the index while the index's
// generation stays (migration 0020). Writes by another process — here another
// store on the same database, with its own cache — draw a new generation, so
// the next search sees them at once; a write that changes no name keeps the
// generation. A search inside a transaction sees its own renames, and after
// the rollback the committed names come back.
TEST_P(NameIndexContract, WritesOfAnotherStoreAreSeenByTheNextSearch) {
  std::vector<Id> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(store().InsertEntity(NewEntity(), "test").value());
  auto other = OpenStore(ts_.url);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  Store& writer = **other;
  auto generation = [&] { return testing::RawRows(ts_, "SELECT generation FROM entity_name_generation").at(0); };
  for (int round = 0; round < 6; ++round) {
    const std::string name = "round " + std::to_string(round);
    ExpectSearchesAgree(name);  // this store's view of the current generation
    const std::string before = generation();
    if (round % 3 == 0) {
      ids.push_back(writer.InsertEntity(NewEntity(), "test").value());
    } else if (round % 3 == 1) {
      Entity e = writer.GetEntity(ids[rng_() % ids.size()]).value();
      e.name = Word(7) + "马陆";
      ASSERT_TRUE(writer.UpdateEntity(e, "test").ok());
    } else {
      Entity renamed = writer.GetEntity(ids[rng_() % ids.size()]).value();
      renamed.name = Word(7);
      std::vector<Entity> batch = {renamed, NewEntity()};
      auto r = writer.UpsertEntities(batch, "import", nullptr);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
    const std::string changed = generation();
    EXPECT_NE(changed, before) << name;
    ExpectSearchesAgree(name + ", after the other store's write");
    ExpectSearchesAgree(name + ", the other store itself", &writer);
    Entity kept = writer.GetEntity(ids[rng_() % ids.size()]).value();
    kept.street = kStreets[round % 2];
    ASSERT_TRUE(writer.UpdateEntity(kept, "test").ok());
    EXPECT_EQ(generation(), changed) << name << ": a write that keeps every name";
  }
  EntityQuery unique;
  unique.name = "独一无二";
  Status st = store().Transaction([&](Store& tx) -> Status {
    Entity e = tx.GetEntity(ids.front()).value();
    e.name = "上海独一无二商行";
    EXPECT_TRUE(tx.UpdateEntity(e, "test").ok());
    auto inside = tx.SearchEntities(unique);
    EXPECT_TRUE(inside.ok() && inside->total == 1 && inside->items.at(0).id == ids.front());
    return Aborted("test_rollback", "回滚");
  });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(store().SearchEntities(unique).value().total, 0);
  ExpectSearchesAgree("after the rolled-back rename");
}

// Thousands of matches sharing their first 8 name bytes: the page is found
// by walking the name order from their prefix, not by reading their names.
TEST_P(NameIndexContract, ManyMatchesWithOneNamePrefix) {
  std::vector<Entity> batch;
  for (int i = 0; i < 2300; ++i) {
    Entity e = NewEntity();
    e.name = (i % 3 ? "马陆食品" : "马陆食堂") + Word(4);
    batch.push_back(e);
  }
  for (int i = 0; i < 200; ++i) batch.push_back(NewEntity());
  ASSERT_TRUE(store().UpsertEntities(batch, "import", nullptr).ok());
  ExpectIndexAgrees("bulk");
  ExpectSearchesAgree("bulk");
  for (const char* query : {"马陆食", "陆食品", "食堂"}) {
    for (bool desc : {false, true}) {
      EntityQuery q;
      q.name = query;
      q.descending = desc;
      q.limit = 10000;
      auto all = store().SearchEntities(q);
      ASSERT_TRUE(all.ok());
      ASSERT_GT(all->total, 700) << query;
      q.offset = static_cast<int>(all->total / 2);
      q.limit = 30;
      auto page = store().SearchEntities(q);
      ASSERT_TRUE(page.ok());
      ASSERT_EQ(page->items.size(), 30u) << query;
      EXPECT_EQ(all->total, page->total);
      for (int i = 0; i < 30; ++i) EXPECT_EQ(page->items[i].id, all->items[q.offset + i].id) << query << desc;
      for (size_t i = 1; i < all->items.size(); ++i) {
        const auto& a = all->items[i - 1];
        const auto& b = all->items[i];
        EXPECT_TRUE(desc ? std::make_pair(a.name, a.id) > std::make_pair(b.name, b.id)
                         : std::make_pair(a.name, a.id) < std::make_pair(b.name, b.id));
      }
    }
  }
}

// A name-sorted page is found by walking the name order from the least key its
// matches can have, else by merging entities in key order, else by sorting
// the matches: each strategy gives the page of the substring scan.
TEST_P(NameIndexContract, EveryStrategyOfANameSortedPage) {
  std::vector<Entity> batch;
  for (int i = 0; i < 22000; ++i) {
    Entity e = NewEntity();
    e.name = "填充" + std::to_string(i);  // 填 sorts before 稀
    batch.push_back(e);
    if (i % 4000 == 17) {
      Entity r = NewEntity();
      r.name = "稀有" + std::to_string(i) + "号";
      batch.push_back(r);
    }
  }
  ASSERT_TRUE(store().UpsertEntities(batch, "import", nullptr).ok());
  for (bool desc : {false, true}) {
    EntityQuery q;
    q.name = "稀有";
    q.descending = desc;
    q.limit = 3;
    q.offset = 1;
    auto page = store().SearchEntities(q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, 6);
    std::vector<std::string> names;
    for (const auto& e : page->items) names.push_back(e.name);
    // Byte order: 12017 < 16017 < 17 < 20017 < 4017 < 8017.
    const std::vector<std::string> asc = {"稀有16017号", "稀有17号", "稀有20017号"};
    const std::vector<std::string> dsc = {"稀有4017号", "稀有20017号", "稀有17号"};
    EXPECT_EQ(names, desc ? dsc : asc);
  }
  // Ten matches among ~28k names: too sparse to walk; the first one by the
  // merge in key order (which meets the 啊甲乙丙 names among 3000 of the same
  // key), deeper pages and two matches by sorting the matches whole.
  std::vector<Entity> more;
  auto add = [&](const std::string& name) { more.push_back(NewEntityNamed(name)); };
  add("啊乙丙");
  add("啊甲乙");
  for (int i = 0; i < 3000; ++i) add("啊甲乙" + std::to_string(1000 + i));
  for (int i = 0; i < 5; ++i) add("啊甲乙丙" + std::to_string(i));
  for (int i = 0; i < 5; ++i) add("稀甲乙丙" + std::to_string(i));
  ASSERT_TRUE(store().UpsertEntities(more, "import", nullptr).ok());
  auto names_of = [&](const std::string& query, int offset, int limit, bool desc) {
    EntityQuery q;
    q.name = query;
    q.offset = offset;
    q.limit = limit;
    q.descending = desc;
    auto page = store().SearchEntities(q);
    EXPECT_TRUE(page.ok());
    std::vector<std::string> out = {std::to_string(page.ok() ? page->total : -1)};
    if (page.ok())
      for (const auto& e : page->items) out.push_back(e.name);
    return out;
  };
  EXPECT_EQ(names_of("甲乙丙", 0, 1, false), (std::vector<std::string>{"10", "啊甲乙丙0"}));  // merge
  EXPECT_EQ(names_of("甲乙丙", 1, 3, false),
            (std::vector<std::string>{"10", "啊甲乙丙1", "啊甲乙丙2", "啊甲乙丙3"}));
  EXPECT_EQ(names_of("甲乙丙", 1, 3, true),
            (std::vector<std::string>{"10", "稀甲乙丙3", "稀甲乙丙2", "稀甲乙丙1"}));
  EXPECT_EQ(names_of("甲乙丙4", 1, 1, false),
            (std::vector<std::string>{"2", "稀甲乙丙4"}));  // sorted whole
  EXPECT_EQ(names_of("甲乙丙4", 0, 5, true),
            (std::vector<std::string>{"2", "稀甲乙丙4", "啊甲乙丙4"}));

  EntityQuery q;
  q.name = "填充2199";  // 11 matches among 22000 names that all hold 填充
  auto page = store().SearchEntities(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 11);
  ASSERT_FALSE(page->items.empty());
  EXPECT_EQ(page->items.front().name, "填充2199");
}

// The read-ahead a server does when it starts changes nothing (no new
// generation) and leaves no stale view behind: searches agree with the scan
// after it, after writes that follow it, and when another store warms up
// after this one wrote.
TEST_P(NameIndexContract, WarmingUpChangesNothing) {
  std::vector<Id> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(store().InsertEntity(NewEntity(), "test").value());
  auto generation = [&] { return testing::RawRows(ts_, "SELECT generation FROM entity_name_generation").at(0); };
  const std::string before = generation();
  ASSERT_TRUE(store().WarmNameSearch().ok());
  EXPECT_EQ(generation(), before);
  ExpectSearchesAgree("warmed");
  auto other = OpenStore(ts_.url);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  for (int round = 0; round < 3; ++round) {
    Entity e = store().GetEntity(ids[rng_() % ids.size()]).value();
    e.name = Word(7) + "食品";
    ASSERT_TRUE(store().UpdateEntity(e, "test").ok());
    ASSERT_TRUE((**other).WarmNameSearch().ok());
    ExpectSearchesAgree("other store warmed after a rename, round " + std::to_string(round), &**other);
    ASSERT_TRUE(store().WarmNameSearch().ok());
    ExpectSearchesAgree("warmed after a rename, round " + std::to_string(round));
  }
}

// A Shanghai directory: most names start with 上海 and a common word, so the
// name key (the first four characters, 上海食品) ties many matches. Among the
// ties of the page's last key, those whose query starts at one place within
// the key (the cluster) come from the name index in order from the key's
// characters before it and the query; the others' names are read. Pages in
// both directions and deep ones equal the scan.
TEST_P(NameIndexContract, MatchesTyingOnTheirKeyAreOrderedByName) {
  std::vector<Entity> batch;
  auto add = [&](const std::string& name) { batch.push_back(NewEntityNamed(name)); };
  for (int i = 0; i < 22000; ++i) add("填充" + std::to_string(i));
  const std::vector<std::string> tails = {"有限公司", "商行", "经营部", "店", "专业合作社", "中心"};
  for (int i = 0; i < 60; ++i) add("上海食品贸易" + tails[i % tails.size()] + std::to_string(i * 7 % 60));
  for (int i = 0; i < 12; ++i) add("上海食堂" + std::to_string(i) + "食品贸易" + tails[i % tails.size()]);
  for (int i = 0; i < 5; ++i) add("上海三食品贸易" + std::to_string(i));  // a smaller key
  for (int i = 0; i < 40; ++i) add("上海食品加工" + std::to_string(i));    // the key, no match
  std::shuffle(batch.begin(), batch.end(), rng_);
  ASSERT_TRUE(store().UpsertEntities(batch, "import", nullptr).ok());
  // The query right after the key's first two characters, inside its third
  // one, and within its four.
  EXPECT_EQ(ExpectPagesEqualTheScan("食品贸易", {0, 3, 6, 40, 70}, {1, 7, 20}), 77u);
  ExpectPagesEqualTheScan("品贸易", {0, 3, 6, 40, 70}, {1, 7, 20});
  ExpectPagesEqualTheScan("海食品", {0, 3, 6, 40, 70}, {1, 7, 20});
}

// More known matches than are sorted outright (10,000) and a page deep enough
// not to walk: the merge in key order answers (the deepest page, 9,000 in,
// by sorting the matches), its ties (the key 上海食品 of every match) from
// the cluster at the query's place in the key.
TEST_P(NameIndexContract, DeepPagesOfManyMatchesComeFromTheMerge) {
  std::vector<Entity> batch;
  auto add = [&](const std::string& name) { batch.push_back(NewEntityNamed(name)); };
  const std::vector<std::string> tails = {"有限公司", "商行", "经营部", "店"};
  for (int i = 0; i < 10500; ++i) add("上海食品贸易" + tails[i % tails.size()] + std::to_string(i % 700));
  for (int i = 0; i < 1500; ++i) add("上海食堂" + std::to_string(i));
  std::shuffle(batch.begin(), batch.end(), rng_);
  ASSERT_TRUE(store().UpsertEntities(batch, "import", nullptr).ok());
  for (const std::string query : {"食品贸易", "品贸易"})
    EXPECT_EQ(ExpectPagesEqualTheScan(query, {1000, 4000, 9000}, {20}), 10500u) << query;
}

INSTANTIATE_TEST_SUITE_P(Backends, NameIndexContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
