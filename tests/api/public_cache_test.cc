// The public answers' cache on its own (http/public_cache.h): an answer is
// served again only at the write generation it was read at and within its
// time; errors are never kept; the table stays within its bound.
#include "http/public_cache.h"

#include <gtest/gtest.h>

namespace jg::http {
namespace {

using namespace std::chrono_literals;

Response Ok(const std::string& body) {
  Response r;
  r.body = body;
  return r;
}

TEST(PublicCache, ServesOnlyAtTheSameWriteGenerationAndWithinItsTime) {
  PublicCache cache(1000ms, 100);
  const auto t0 = PublicCache::Clock::now();
  cache.Keep("/a", 7, t0, Ok("one"));
  ASSERT_TRUE(cache.Find("/a", 7, t0 + 999ms));
  EXPECT_EQ(cache.Find("/a", 7, t0 + 999ms)->body, "one");
  EXPECT_FALSE(cache.Find("/a", 8, t0 + 1ms)) << "served after a write";
  EXPECT_FALSE(cache.Find("/a", 7, t0 + 1000ms)) << "served after its time";
  EXPECT_FALSE(cache.Find("/b", 7, t0));
}

TEST(PublicCache, KeepsOnlySuccessfulAnswersAndNothingWhenOff) {
  PublicCache cache(1000ms, 100);
  const auto t0 = PublicCache::Clock::now();
  Response missing = Ok("{}");
  missing.status = 404;
  cache.Keep("/gone", 1, t0, missing);
  EXPECT_FALSE(cache.Find("/gone", 1, t0));
  PublicCache off(0ms, 100);
  off.Keep("/a", 1, t0, Ok("x"));
  EXPECT_FALSE(off.Find("/a", 1, t0));
  EXPECT_EQ(off.size(), 0u);
}

TEST(PublicCache, StaysWithinItsBoundDroppingTheOldest) {
  PublicCache cache(60000ms, 10);
  const auto t0 = PublicCache::Clock::now();
  for (int i = 0; i < 25; ++i) cache.Keep("/e/" + std::to_string(i), 1, t0 + i * 1ms, Ok("x"));
  EXPECT_LE(cache.size(), 10u);
  EXPECT_TRUE(cache.Find("/e/24", 1, t0 + 30ms)) << "the newest answer was dropped";
  EXPECT_FALSE(cache.Find("/e/0", 1, t0 + 30ms)) << "the oldest answer was kept";
}

TEST(PublicCache, KeysDoNotConfuseQueries) {
  EXPECT_EQ(PublicCacheKey("/p", {{"a", "1"}, {"b", "2"}}), PublicCacheKey("/p", {{"b", "2"}, {"a", "1"}}));
  EXPECT_NE(PublicCacheKey("/p", {{"a", "1&b=2"}}), PublicCacheKey("/p", {{"a", "1"}, {"b", "2"}}));
  EXPECT_NE(PublicCacheKey("/p", {}), PublicCacheKey("/p", {{"a", ""}}));
}

}  // namespace
}  // namespace jg::http
