#include <gtest/gtest.h>

#include "domain/audit.h"
#include "domain/sm3.h"

namespace jg {
namespace {

// GB/T 32905-2016 Appendix A, example 1: SM3("abc").
TEST(Sm3, StandardVectorAbc) {
  EXPECT_EQ(Sm3Hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

std::vector<AuditEvent> MakeChain(int n) {
  std::vector<AuditEvent> chain;
  std::string prev = kAuditGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditEvent e;
    e.seq = i;
    e.at = 1700000000 + i;
    e.actor_id = 1;
    e.actor = "admin";
    e.action = "user.update";
    e.record_kind = "user";
    e.record_id = std::to_string(i);
    e.after_digest = Sm3Hex("after" + std::to_string(i));
    e.detail = "{}";
    e.prev_hash = prev;
    e.hash = AuditEntryHash(e);
    prev = e.hash;
    chain.push_back(e);
  }
  return chain;
}

AuditChainVerifier Verify(const std::vector<AuditEvent>& chain, std::int64_t head_seq,
                          const std::string& head_hash, bool* ok) {
  AuditChainVerifier v;
  *ok = true;
  for (const auto& e : chain) {
    if (!v.Feed(e)) {
      *ok = false;
      return v;
    }
  }
  *ok = v.Finish(head_seq, head_hash);
  return v;
}

TEST(AuditChain, IntactChainVerifies) {
  auto c = MakeChain(5);
  bool ok = false;
  auto v = Verify(c, 5, c.back().hash, &ok);
  EXPECT_TRUE(ok) << v.reason();
  EXPECT_EQ(v.checked(), 5);
}

TEST(AuditChain, EditedEntryIsNamed) {
  auto c = MakeChain(5);
  c[2].detail = R"({"role":"admin"})";  // entry 3 edited in place
  bool ok = true;
  auto v = Verify(c, 5, c.back().hash, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(v.first_bad_seq(), 3);
}

TEST(AuditChain, EditedEntryWithRecomputedHashBreaksTheNext) {
  auto c = MakeChain(5);
  c[1].actor = "mallory";
  c[1].hash = AuditEntryHash(c[1]);
  bool ok = true;
  auto v = Verify(c, 5, c.back().hash, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(v.first_bad_seq(), 3);
}

TEST(AuditChain, DeletedEntryIsNamed) {
  auto c = MakeChain(5);
  c.erase(c.begin() + 1);
  bool ok = true;
  auto v = Verify(c, 5, c.back().hash, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(v.first_bad_seq(), 2);
}

TEST(AuditChain, ReorderedEntriesAreNamed) {
  auto c = MakeChain(5);
  std::swap(c[2], c[3]);
  bool ok = true;
  auto v = Verify(c, 5, c.back().hash, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(v.first_bad_seq(), 3);
}

TEST(AuditChain, TruncatedTailIsCaughtByTheHead) {
  auto c = MakeChain(5);
  const std::string head_hash = c.back().hash;
  c.pop_back();
  bool ok = true;
  auto v = Verify(c, 5, head_hash, &ok);
  EXPECT_FALSE(ok);
  EXPECT_EQ(v.first_bad_seq(), 5);
}

TEST(AuditChain, EmptyLogWithGenesisHeadVerifies) {
  bool ok = false;
  Verify({}, 0, kAuditGenesisHash, &ok);
  EXPECT_TRUE(ok);
}

}  // namespace
}  // namespace jg
