// The Store contract, written once, run against every backend.
#include <gtest/gtest.h>

#include <thread>

#include "domain/sm3.h"
#include "support/test_stores.h"

namespace jg {
namespace {

using testing::MakeTestStore;
using testing::TestStore;

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
  }
  Store& store() { return *ts_.store; }

  Id AddDepartment(const std::string& code, std::optional<Id> parent = std::nullopt) {
    Department d{0, code, "部门" + code, parent ? DepartmentKind::kSection : DepartmentKind::kBureau,
                 parent, "", "", 1};
    auto id = store().InsertDepartment(d);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  Id AddUser(const std::string& username, Id dept) {
    User u;
    u.username = username;
    u.display_name = "测试";
    u.role = Role::kStaff;
    u.department_id = dept;
    u.password_hash = "x";
    u.created_at = 100;
    auto id = store().InsertUser(u);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  TestStore ts_;
};

TEST_P(StoreContract, ReportsItsBackend) { EXPECT_EQ(store().BackendName(), GetParam()); }

TEST_P(StoreContract, DepartmentRoundTripKeepsChineseAndParent) {
  Id root = AddDepartment("JDSJ");
  Id child = AddDepartment("JQS", root);
  auto d = store().GetDepartment(child);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->code, "JQS");
  EXPECT_EQ(d->name, "部门JQS");
  EXPECT_EQ(d->parent_id, root);
  EXPECT_EQ(d->version, 1);
  auto all = store().ListDepartments();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
}

TEST_P(StoreContract, DuplicateCodeIsAlreadyExistsWithField) {
  AddDepartment("JDSJ");
  Department d{0, "JDSJ", "重复", DepartmentKind::kBureau, std::nullopt, "", "", 1};
  auto id = store().InsertDepartment(d);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(id.status().field(), "code");
}

TEST_P(StoreContract, DuplicateUsernameIsAlreadyExists) {
  Id root = AddDepartment("JDSJ");
  AddUser("zhang", root);
  User u;
  u.username = "zhang";
  u.display_name = "重复";
  u.department_id = root;
  u.password_hash = "x";
  auto id = store().InsertUser(u);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(id.status().field(), "username");
}

TEST_P(StoreContract, MissingForeignKeyIsFailedPrecondition) {
  User u;
  u.username = "orphan";
  u.display_name = "孤儿";
  u.department_id = 999;
  u.password_hash = "x";
  auto id = store().InsertUser(u);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), ErrorCode::kFailedPrecondition);
}

TEST_P(StoreContract, StaleVersionIsRefusedAndNothingChanges) {
  Id root = AddDepartment("JDSJ");
  auto d = store().GetDepartment(root).value();
  d.phone = "021-1";
  ASSERT_TRUE(store().UpdateDepartment(d).ok());
  Department stale = d;  // still version 1
  stale.phone = "021-2";
  Status st = store().UpdateDepartment(stale);
  EXPECT_EQ(st.code(), ErrorCode::kAborted);
  EXPECT_EQ(st.reason(), "stale_version");
  auto now = store().GetDepartment(root).value();
  EXPECT_EQ(now.phone, "021-1");
  EXPECT_EQ(now.version, 2);
}

TEST_P(StoreContract, UpdateOfMissingRecordIsNotFound) {
  Department d{4242, "NONE", "不存在", DepartmentKind::kSection, std::nullopt, "", "", 1};
  EXPECT_EQ(store().UpdateDepartment(d).code(), ErrorCode::kNotFound);
}

TEST_P(StoreContract, LoginStateDoesNotBumpVersion) {
  Id root = AddDepartment("JDSJ");
  Id uid = AddUser("zhang", root);
  ASSERT_TRUE(store().SetLoginState(uid, 3, 12345).ok());
  auto u = store().GetUser(uid).value();
  EXPECT_EQ(u.failed_logins, 3);
  EXPECT_EQ(u.locked_until, 12345);
  EXPECT_EQ(u.version, 1);
}

TEST_P(StoreContract, SessionsExpireAndDeleteByUser) {
  Id root = AddDepartment("JDSJ");
  Id uid = AddUser("zhang", root);
  ASSERT_TRUE(store().InsertSession({"h1", uid, "c1", 10, 20}).ok());
  ASSERT_TRUE(store().InsertSession({"h2", uid, "c2", 10, 50}).ok());
  ASSERT_TRUE(store().DeleteExpiredSessions(30).ok());
  EXPECT_EQ(store().GetSession("h1").status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(store().GetSession("h2").ok());
  ASSERT_TRUE(store().DeleteSessionsOfUser(uid).ok());
  EXPECT_EQ(store().GetSession("h2").status().code(), ErrorCode::kNotFound);
}

TEST_P(StoreContract, TransactionRollsBackEverythingOnError) {
  Id root = AddDepartment("JDSJ");
  Status st = store().Transaction([&](Store& tx) -> Status {
    Department d{0, "NEW", "新部门", DepartmentKind::kSection, root, "", "", 1};
    auto id = tx.InsertDepartment(d);
    if (!id.ok()) return id.status();
    AuditEvent e;
    e.action = "department.create";
    auto a = tx.AppendAudit(e);
    if (!a.ok()) return a.status();
    return Aborted("test", "回滚");
  });
  EXPECT_EQ(st.code(), ErrorCode::kAborted);
  EXPECT_EQ(store().ListDepartments()->size(), 1u);
  EXPECT_EQ(store().GetAuditHead()->seq, 0);
}

TEST_P(StoreContract, AuditAppendChainsAndScans) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(store()
                    .Transaction([&](Store& tx) -> Status {
                      AuditEvent e;
                      e.at = 100 + i;
                      e.action = "x.test";
                      e.record_id = std::to_string(i);
                      return tx.AppendAudit(e).status();
                    })
                    .ok());
  }
  auto head = store().GetAuditHead().value();
  EXPECT_EQ(head.seq, 3);
  AuditChainVerifier v;
  ASSERT_TRUE(store().ScanAudit([&](const AuditEvent& e) { return v.Feed(e); }).ok());
  EXPECT_TRUE(v.Finish(head.seq, head.hash)) << v.reason();
  auto page = store().ListAudit(0, 2).value();
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].seq, 3);
  EXPECT_EQ(store().ListAudit(page[1].seq, 10)->size(), 1u);
}

TEST_P(StoreContract, AuditAppendOutsideTransactionIsRefused) {
  AuditEvent e;
  EXPECT_EQ(store().AppendAudit(e).status().code(), ErrorCode::kInternal);
}

TEST_P(StoreContract, AuditLogIsAppendOnlyInTheDatabase) {
  ASSERT_TRUE(store()
                  .Transaction([&](Store& tx) -> Status { return tx.AppendAudit({}).status(); })
                  .ok());
  EXPECT_THROW(testing::RawSql(ts_, "UPDATE audit_log SET actor = 'x'"), std::runtime_error);
  EXPECT_THROW(testing::RawSql(ts_, "DELETE FROM audit_log"), std::runtime_error);
}

TEST_P(StoreContract, ConcurrentAppendsFormOneUnbrokenChain) {
  constexpr int kThreads = 4, kEach = 10;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status st = store().Transaction([&](Store& tx) -> Status {
          AuditEvent e;
          e.action = "x.concurrent";
          e.record_id = std::to_string(t * 100 + i);
          return tx.AppendAudit(e).status();
        });
        if (!st.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto head = store().GetAuditHead().value();
  EXPECT_EQ(head.seq, kThreads * kEach);
  AuditChainVerifier v;
  ASSERT_TRUE(store().ScanAudit([&](const AuditEvent& e) { return v.Feed(e); }).ok());
  EXPECT_TRUE(v.Finish(head.seq, head.hash)) << v.reason();
}

TEST_P(StoreContract, ReopeningAppliesNoMigrationTwice) {
  auto again = OpenStore(ts_.url);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE((*again)->ListDepartments().ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
