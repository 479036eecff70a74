// The records kept with a case, on every backend: document numbers per kind
// and year without gaps (also under concurrent issue and after a rollback),
// stored HTML, seized items with append-only movements and versioned
// updates, reviews and their yearly counts.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "support/test_stores.h"

namespace jg {
namespace {
using namespace jg::enforcement;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

class CaseRecordsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    ts_ = testing::MakeTestStore(GetParam(), &skip);
    if (!ts_.store) GTEST_SKIP() << skip;
    Department bureau{0, "JDSJ", "嘉定区市场监督管理局", DepartmentKind::kBureau, std::nullopt, "", "", 1};
    Id root = store().InsertDepartment(bureau).value();
    Department jqs{0, "JQS", "江桥市场监管所", DepartmentKind::kStation, root, "", "", 1};
    jqs_ = store().InsertDepartment(jqs).value();
    Department nxs{0, "NXS", "南翔市场监管所", DepartmentKind::kStation, root, "", "", 1};
    nxs_ = store().InsertDepartment(nxs).value();
    case_ = MakeCase(jqs_, 1);
    other_case_ = MakeCase(nxs_, 2);
  }
  Store& store() { return *ts_.store; }
  Id MakeCase(Id dept, int seq) {
    Lead l;
    l.description = "线索";
    l.found_on = D(2023, 9, 20);
    l.department_id = dept;
    l.updated_at = 1;
    Id lead = store().InsertLead(l).value();
    EnforcementCase c;
    c.case_year = 2023;
    c.case_seq = seq;
    c.case_number = "沪市监嘉处〔2023〕第" + std::to_string(seq) + "号";
    c.lead_id = lead;
    c.department_id = dept;
    c.filed_on = D(2023, 10, 10);
    c.updated_at = 1;
    return store().InsertCase(c).value();
  }
  // Issues one document in a transaction the way the service does.
  Result<CaseDocument> Issue(const std::string& kind, int year, bool fail_after = false) {
    CaseDocument d;
    d.case_id = case_;
    d.kind = *ParseDocumentKind(kind);
    d.year = year;
    d.generated_on = D(year, 11, 1);
    d.generated_at = 5;
    d.generated_by = "legal";
    Status st = store().Transaction([&](Store& tx) -> Status {
      JG_ASSIGN_OR_RETURN(d.sequence, tx.NextDocumentSequence(kind, year));
      d.number = kind + "〔" + std::to_string(year) + "〕" + std::to_string(d.sequence) + "号";
      d.html = "<p>" + d.number + " &amp; 当事人</p>";
      JG_ASSIGN_OR_RETURN(d.id, tx.InsertCaseDocument(d));
      if (fail_after) return Internal("rolled back on purpose");
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return d;
  }
  testing::TestStore ts_;
  Id jqs_ = 0, nxs_ = 0, case_ = 0, other_case_ = 0;
};

TEST_P(CaseRecordsContract, DocumentNumbersRunPerKindAndYearWithoutGapsAndKeepTheirHtml) {
  EXPECT_EQ(store().NextDocumentSequence("penalty_notice", 2023).status().code(),
            ErrorCode::kInternal);  // outside a transaction
  auto first = Issue("penalty_notice", 2023).value();
  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(Issue("penalty_decision", 2023).value().sequence, 1);  // its own sequence
  EXPECT_EQ(Issue("penalty_notice", 2024).value().sequence, 1);    // a new year
  // A rolled-back issue leaves no gap.
  EXPECT_FALSE(Issue("penalty_notice", 2023, /*fail_after=*/true).ok());
  EXPECT_EQ(Issue("penalty_notice", 2023).value().sequence, 2);

  auto got = store().GetCaseDocument(first.id).value();
  EXPECT_EQ(got.html, "<p>penalty_notice〔2023〕1号 &amp; 当事人</p>");
  EXPECT_EQ(got.generated_by, "legal");
  EXPECT_EQ(got.generated_on, D(2023, 11, 1));
  auto list = store().ListCaseDocuments(case_).value();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].number, first.number);
  EXPECT_TRUE(list[0].html.empty());
  EXPECT_EQ(store().GetCaseDocument(9999).status().code(), ErrorCode::kNotFound);

  // A taken number is refused by the database.
  CaseDocument dup = got;
  dup.sequence = 77;
  EXPECT_EQ(store().InsertCaseDocument(dup).status().code(), ErrorCode::kAlreadyExists);
}

TEST_P(CaseRecordsContract, ConcurrentIssuesGetDistinctConsecutiveNumbers) {
  constexpr int kThreads = 4, kEach = 5;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  std::mutex mu;
  std::set<int> seqs;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto d = Issue("filing_approval", 2025);
        if (!d.ok()) {
          ++failures;
          continue;
        }
        std::lock_guard<std::mutex> lock(mu);
        seqs.insert(d->sequence);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_EQ(seqs.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(*seqs.begin(), 1);
  EXPECT_EQ(*seqs.rbegin(), kThreads * kEach);
}

TEST_P(CaseRecordsContract, ASeizedItemKeepsItsMovementsAndRefusesAStaleVersion) {
  SeizedItem item;
  item.case_id = case_;
  item.name = "过期奶粉";
  item.quantity = "12.5";
  item.unit = "千克";
  item.location = "江桥所仓库";
  item.custodian = "张三";
  item.seized_on = D(2023, 10, 12);
  item.updated_at = 1;
  item.updated_by = "jqstaff";
  Id id = store().InsertSeizedItem(item).value();
  auto got = store().GetSeizedItem(id).value();
  EXPECT_EQ(got.quantity, "12.5");
  EXPECT_EQ(got.version, 1);
  EXPECT_FALSE(got.disposal.has_value());
  EXPECT_TRUE(got.movements.empty());

  SeizedItemMovement m{0, id, MovementKind::kSentForTesting, D(2023, 10, 13), "检测所", "李四", "送检", 2, "jqstaff"};
  ASSERT_TRUE(store().InsertSeizedItemMovement(m).ok());
  m.kind = MovementKind::kReturnedFromTesting;
  m.on = D(2023, 10, 20);
  ASSERT_TRUE(store().InsertSeizedItemMovement(m).ok());
  got.location = "检测所";
  got.disposal = DisposalKind::kConfiscatedDestroyed;
  got.disposed_on = D(2023, 11, 1);
  got.disposal_approved_by = "局长";
  ASSERT_TRUE(store().UpdateSeizedItem(got).ok());
  EXPECT_EQ(store().UpdateSeizedItem(got).code(), ErrorCode::kAborted);  // version 1 is stale now
  got.id = 9999;
  EXPECT_EQ(store().UpdateSeizedItem(got).code(), ErrorCode::kNotFound);

  auto after = store().GetSeizedItem(id).value();
  EXPECT_EQ(after.version, 2);
  EXPECT_EQ(after.location, "检测所");
  EXPECT_EQ(after.disposal, DisposalKind::kConfiscatedDestroyed);
  EXPECT_EQ(after.disposed_on, D(2023, 11, 1));
  ASSERT_EQ(after.movements.size(), 2u);
  EXPECT_EQ(after.movements[0].kind, MovementKind::kSentForTesting);
  EXPECT_EQ(after.movements[1].on, D(2023, 10, 20));
  EXPECT_EQ(after.movements[0].by, "jqstaff");
  EXPECT_EQ(store().ListSeizedItems(case_).value().size(), 1u);
  EXPECT_TRUE(store().ListSeizedItems(other_case_).value().empty());
}

TEST_P(CaseRecordsContract, ReviewsRoundTripAndAreCountedByYearKindOutcomeAndDepartment) {
  auto review = [&](Id c, ReviewKind k, const char* filed, const char* outcome) {
    CaseReview r;
    r.case_id = c;
    r.kind = k;
    r.filed_on = *Date::Parse(filed);
    r.body = "机关";
    r.outcome = outcome;
    if (*outcome) r.decided_on = r.filed_on;
    r.updated_at = 1;
    return store().InsertCaseReview(r).value();
  };
  Id a = review(case_, ReviewKind::kReconsideration, "2023-11-01", "upheld");
  review(case_, ReviewKind::kReconsideration, "2023-12-01", "");
  review(other_case_, ReviewKind::kReconsideration, "2023-05-01", "upheld");
  review(case_, ReviewKind::kLitigation, "2023-06-01", "won");
  review(case_, ReviewKind::kLitigation, "2024-01-02", "lost");

  auto got = store().GetCaseReview(a).value();
  EXPECT_EQ(got.outcome, "upheld");
  EXPECT_EQ(got.decided_on, D(2023, 11, 1));
  got.outcome = "corrected";
  ASSERT_TRUE(store().UpdateCaseReview(got).ok());
  EXPECT_EQ(store().UpdateCaseReview(got).code(), ErrorCode::kAborted);
  EXPECT_EQ(store().GetCaseReview(a).value().version, 2);
  auto list = store().ListCaseReviews(case_).value();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].filed_on, D(2023, 6, 1));  // oldest filed first

  auto count = [](const std::vector<ReviewCount>& cs, ReviewKind k, const std::string& o) {
    for (const auto& c : cs)
      if (c.kind == k && c.outcome == o) return c.count;
    return std::int64_t{0};
  };
  auto all = store().CountCaseReviews(2023, std::nullopt).value();
  EXPECT_EQ(count(all, ReviewKind::kReconsideration, "corrected"), 1);
  EXPECT_EQ(count(all, ReviewKind::kReconsideration, "upheld"), 1);
  EXPECT_EQ(count(all, ReviewKind::kReconsideration, ""), 1);
  EXPECT_EQ(count(all, ReviewKind::kLitigation, "won"), 1);
  EXPECT_EQ(count(all, ReviewKind::kLitigation, "lost"), 0);  // filed in 2024
  auto own = store().CountCaseReviews(2023, jqs_).value();
  EXPECT_EQ(count(own, ReviewKind::kReconsideration, "upheld"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseRecordsContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace jg
