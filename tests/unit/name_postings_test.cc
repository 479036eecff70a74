#include <gtest/gtest.h>

#include <map>
#include <random>

#include "domain/entity.h"
#include "domain/name_postings.h"

namespace jg::name_postings {
namespace {

TEST(NamePostings, GramsCarryTheirCodePointPositions) {
  auto g = GramPositions(SearchFold("马陆Ab马陆"));
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g[0].gram, "马陆");
  EXPECT_EQ(g[0].pos, 0);
  EXPECT_EQ(g[1].gram, "陆a");
  EXPECT_EQ(g[2].gram, "ab");
  EXPECT_EQ(g[4].gram, "马陆");
  EXPECT_EQ(g[4].pos, 4);
  EXPECT_TRUE(GramPositions("马").empty());
}

TEST(NamePostings, EncodeDecodeRoundTrip) {
  std::vector<Entry> e = {{0, 0}, {1, 7}, {1, 300}, {16383, 65535}};
  EXPECT_EQ(Encode(e).size(), 16u);
  EXPECT_EQ(Decode(Encode(e)), e);
  EXPECT_EQ(CountEntities(e), 3);
}

TEST(NamePostings, ReplaceClearsAnEntityAndAddsSorted) {
  std::vector<Entry> e = {{1, 0}, {2, 3}, {2, 5}, {4, 1}};
  auto r = Replace(e, {2}, {{3, 0}, {0, 9}, {4, 1}});
  EXPECT_EQ(r, (std::vector<Entry>{{0, 9}, {1, 0}, {3, 0}, {4, 1}}));
}

// Against the definition: a brute-force substring test over random names of a
// small alphabet (so repeats, overlaps and self-overlapping queries are common).
TEST(NamePostings, MatchesAreExactlyTheSubstringMatches) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"马", "陆", "a", "食", "品"};
  auto word = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 40; ++round) {
    // Ids across three blocks; every fourth round thousands, so that lists
    // are long and a probe's answer lies far from where the last one ended.
    std::map<std::int64_t, std::string> names;
    const int count = round % 4 == 0 ? 6000 : 200;
    for (int i = 0; i < count; ++i) names[static_cast<std::int64_t>(rng() % (3 << kBlockBits))] = word(1 + rng() % 9);
    std::map<std::pair<std::string, std::int64_t>, std::vector<Entry>> lists;
    for (const auto& [id, name] : names) {
      for (const auto& g : GramPositions(name))
        lists[{g.gram, BlockOf(id)}].push_back({static_cast<std::uint16_t>(id & kBlockMask), g.pos});
    }
    for (auto& [k, v] : lists) std::sort(v.begin(), v.end());
    for (int q = 0; q < 30; ++q) {
      const std::string query = word(2 + rng() % 4);
      const auto grams = GramPositions(query);
      std::vector<std::int64_t> got;
      for (std::int64_t block = 0; block < 3; ++block) {
        std::vector<const std::vector<Entry>*> ls;
        bool all = true;
        for (const auto& g : grams) {
          auto it = lists.find({g.gram, block});
          if (it == lists.end()) { all = false; break; }
          ls.push_back(&it->second);
        }
        if (!all) continue;
        for (auto id : MatchBlock(block, ls)) got.push_back(id);
      }
      std::vector<std::int64_t> want;
      for (const auto& [id, name] : names)
        if (name.find(query) != std::string::npos) want.push_back(id);
      EXPECT_EQ(got, want) << query;
    }
  }
}


// A key holds four whole characters: 上海食品 of a longer name, abcd of an
// ASCII one; a short name is all whole; a character beyond U+FFFF ends the
// key open (it only bounds that character from below).
TEST(NamePostings, KeysHoldTheFirstFourCharacters) {
  auto a = CharactersOf(NameKey("上海食品贸易有限公司"));
  EXPECT_EQ(a.whole, "上海食品");
  EXPECT_EQ(a.code_points, 4u);
  EXPECT_FALSE(a.open);
  auto b = CharactersOf(NameKey("abcdefghij"));
  EXPECT_EQ(b.whole, "abcd");
  EXPECT_EQ(b.code_points, 4u);
  auto c = CharactersOf(NameKey("马陆"));
  EXPECT_EQ(c.whole, "马陆");
  EXPECT_EQ(c.code_points, 2u);
  EXPECT_FALSE(c.open);
  auto d = CharactersOf(NameKey("嘉\U00020000定公司"));
  EXPECT_EQ(d.whole, "嘉");
  EXPECT_TRUE(d.open);
  EXPECT_EQ(NameKey("嘉\U00020000定"), NameKey("嘉\U00020001甲"));
  EXPECT_TRUE(KeyIsFixedBy("上海食品"));
  EXPECT_FALSE(KeyIsFixedBy("上海食"));
  EXPECT_TRUE(KeyIsFixedBy("嘉\U00020000"));
}

// The key keeps the names' order (UTF-8 byte order, as ORDER BY name COLLATE
// "C" and SQLite's BINARY sort): a < b gives key(a) <= key(b), and key(a) <
// key(b) only when a < b; a prefix that fixes the key fixes it for every name
// that starts with it.
TEST(NamePostings, KeysKeepTheOrderOfNames) {
  const std::vector<std::string> alphabet = {"a", "(", "0", "\u00E9", "\u4E0A", "\u6D77", "\u4E0B",
                                             "\uFF08", "\uFFFD", "\U00010000", "\U00020000", "\U0010FFFD"};
  std::mt19937 rng(7);
  auto name = [&] {
    std::string s;
    const int n = 1 + static_cast<int>(rng() % 7);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string x = name(), y = name();
    const auto kx = NameKey(x), ky = NameKey(y);
    if (x < y) {
      EXPECT_LE(kx, ky) << x << " / " << y;
    }
    if (kx < ky) {
      EXPECT_LT(x, y) << x << " / " << y;
    }
    EXPECT_NE(kx, 0u);
    if (KeyIsFixedBy(x)) {
      EXPECT_EQ(NameKey(x + y), kx) << x << " / " << y;
    }
  }
}

}  // namespace
}  // namespace jg::name_postings
