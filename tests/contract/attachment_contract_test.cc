// The Store contract of the photos and files of inspection results: bytes
// come back exactly as stored (NUL, CR/LF, invalid UTF-8), lists carry no
// bytes, a withdrawal keeps the row and happens once, on every backend.
#include <gtest/gtest.h>

#include "domain/sm3.h"
#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace jg {
namespace {

class AttachmentContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    Id root = store().InsertDepartment(bureau).value();
    InspectionPlan p;
    p.name = "2024年附件测试计划";
    p.year = 2024;
    p.period_from = "2024-01-01";
    p.period_to = "2024-12-31";
    p.lead_department_id = root;
    p.updated_at = 1;
    auto plan_id = store().InsertPlan(p);
    ASSERT_TRUE(plan_id.ok()) << plan_id.status().ToString();
    Id plan = *plan_id;
    for (int i = 0; i < 2; ++i) {  // a task for each of two entities
      Entity e;
      e.credit_code = testing::ValidCreditCode(801 + i);
      e.name = "附件测试企业" + std::to_string(i);
      e.registered_on = "2020-01-01";
      auto entity = store().InsertEntity(e, "test");
      ASSERT_TRUE(entity.ok()) << entity.status().ToString();
      InspectionTask t;
      t.plan_id = plan;
      t.entity_id = *entity;
      t.credit_code = e.credit_code;
      t.status = TaskStatus::kAssigned;
      t.updated_at = 1;
      auto task = store().InsertTask(t);
      ASSERT_TRUE(task.ok()) << task.status().ToString();
      tasks_.push_back(*task);
    }
  }
  Store& store() { return *ts_.store; }
  TaskAttachment Make(Id task, std::string bytes, std::string name) {
    TaskAttachment a;
    a.task_id = task;
    a.file_name = std::move(name);
    a.content_type = "image/png";
    a.bytes = std::move(bytes);
    a.size = static_cast<std::int64_t>(a.bytes.size());
    a.sm3 = Sm3Hex(a.bytes);
    a.uploaded_by = "inspector";
    a.uploaded_at = 1700000000;
    return a;
  }
  testing::TestStore ts_;
  std::vector<Id> tasks_;
};

TEST_P(AttachmentContract, BytesRoundTripExactlyAndListsCarryNone) {
  // Every byte value, twice, so NUL, 0x80–0xFF and CR/LF all pass through.
  std::string bytes = "\x89PNG\r\n\x1A\n";
  for (int k = 0; k < 2; ++k)
    for (int c = 0; c < 256; ++c) bytes.push_back(static_cast<char>(c));
  Id first = store().InsertTaskAttachment(Make(tasks_[0], bytes, "现场照片.png")).value();
  Id second = store().InsertTaskAttachment(Make(tasks_[0], "%PDF-1.7\n", "记录.pdf")).value();
  Id other = store().InsertTaskAttachment(Make(tasks_[1], "\xFF\xD8\xFF", "别的任务.jpg")).value();
  EXPECT_LT(first, second);

  auto got = store().GetTaskAttachment(first).value();
  EXPECT_EQ(got.bytes, bytes);
  EXPECT_EQ(got.size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(got.sm3, Sm3Hex(bytes));
  EXPECT_EQ(got.file_name, "现场照片.png");
  EXPECT_EQ(got.content_type, "image/png");
  EXPECT_EQ(got.task_id, tasks_[0]);
  EXPECT_EQ(got.uploaded_by, "inspector");
  EXPECT_EQ(got.uploaded_at, 1700000000);
  EXPECT_FALSE(got.withdrawn());

  auto list = store().ListTaskAttachments(tasks_[0]).value();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, first);
  EXPECT_EQ(list[1].id, second);
  EXPECT_TRUE(list[0].bytes.empty());
  EXPECT_EQ(list[1].size, 9);
  EXPECT_EQ(store().ListTaskAttachments(tasks_[1]).value().front().id, other);
  EXPECT_TRUE(store().ListTaskAttachments(tasks_[1] + 100).value().empty());

  EXPECT_EQ(store().GetTaskAttachment(other + 100).status().reason(), "attachment_not_found");
}

TEST_P(AttachmentContract, AWithdrawalKeepsTheRowAndHappensOnce) {
  Id id = store().InsertTaskAttachment(Make(tasks_[0], "\xFF\xD8\xFF\xE0", "a.jpg")).value();
  ASSERT_TRUE(store().WithdrawTaskAttachment(id, 1700000100, "admin").ok());
  auto again = store().WithdrawTaskAttachment(id, 1700000200, "other");
  EXPECT_EQ(again.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(again.reason(), "attachment_withdrawn");
  EXPECT_EQ(store().WithdrawTaskAttachment(id + 100, 1, "x").code(), ErrorCode::kNotFound);

  auto got = store().GetTaskAttachment(id).value();
  EXPECT_TRUE(got.withdrawn());
  EXPECT_EQ(got.withdrawn_at, 1700000100);  // the first withdrawal stands
  EXPECT_EQ(got.withdrawn_by, "admin");
  EXPECT_EQ(got.bytes, "\xFF\xD8\xFF\xE0");  // nothing is lost
  EXPECT_TRUE(store().ListTaskAttachments(tasks_[0]).value().front().withdrawn());
}

TEST_P(AttachmentContract, AnAttachmentBelongsToAnExistingTaskAndIsNotEmpty) {
  auto orphan = store().InsertTaskAttachment(Make(tasks_[1] + 100, "\xFF\xD8\xFF", "a.jpg"));
  EXPECT_EQ(orphan.status().code(), ErrorCode::kFailedPrecondition);
  auto empty = store().InsertTaskAttachment(Make(tasks_[0], "", "a.jpg"));
  EXPECT_FALSE(empty.ok());
  // Inside a transaction that rolls back, nothing stays.
  Status st = store().Transaction([&](Store& tx) -> Status {
    EXPECT_TRUE(tx.InsertTaskAttachment(Make(tasks_[0], "\xFF\xD8\xFF", "b.jpg")).ok());
    return Aborted("test", "回滚");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(store().ListTaskAttachments(tasks_[0]).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
