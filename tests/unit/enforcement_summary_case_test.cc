// The summary procedure's stored decision (简易程序): its number format and
// 备案 period from the shipped data files, the decision it is checked as, and
// the officers' certificate check it shares with filing.
#include <gtest/gtest.h>

#include "domain/enforcement/case_number.h"
#include "domain/enforcement/case_transition.h"
#include "domain/enforcement/deadline.h"
#include "domain/enforcement/summary_case.h"
#include "enforcement_fixtures.h"

namespace jg::enforcement {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(SummaryCase, ShippedNumberFormatIsToConfirm) {
  Result<CaseNumberFormats> f =
      ParseCaseNumberFormats(testing::ReadSourceFile("data/case-number-formats.csv"));
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const CaseNumberFormat* s = f->Find("jiading-summary");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->to_confirm);
  EXPECT_EQ(*FormatCaseNumber(*s, 2023, 7), "沪市监嘉简罚〔2023〕第00007号");
  EXPECT_EQ(FormatCaseNumber(*s, 2023, 100000).status().field(), "sequence");
}

TEST(SummaryCase, FilingWithTheDepartmentWithinThreeWorkingDays) {
  const DeadlineRule& rule = testing::Rule("summary_filing");
  EXPECT_TRUE(rule.to_confirm);
  EXPECT_EQ(rule.unit, PeriodUnit::kWorkingDays);
  // Decided Wednesday 2023-09-27, before 国庆: 09-28 is the first working day,
  // 09-29..10-06 are holidays, the worked weekend 10-07 and 10-08 the second and third.
  EXPECT_EQ(*ComputeDueDate(testing::Calendar(), rule, {D(2023, 9, 27), false, {}}), D(2023, 10, 8));
  EXPECT_EQ(*ComputeDueDate(testing::Calendar(), rule, {D(2023, 11, 10), false, {}}), D(2023, 11, 15));
}

TEST(SummaryCase, CheckedAsAPenaltyWithinTheLimits) {
  SummaryCase s;
  s.party_kind = PartyKind::kCitizen;
  s.penalties = {PenaltyType::kFine};
  s.fine = 20000;
  s.decided_on = D(2023, 11, 10);
  Decision d = SummaryDecision(s);
  EXPECT_EQ(d.kind, DecisionKind::kPenalty);
  EXPECT_EQ(d.decided_on, s.decided_on);
  EXPECT_TRUE(CheckSummaryProcedure(testing::Summary(), s.party_kind, d).ok());
  s.fine = 20001;
  EXPECT_EQ(CheckSummaryProcedure(testing::Summary(), s.party_kind, SummaryDecision(s)).field(), "fine");
  s.party_kind = PartyKind::kOrganisation;
  EXPECT_TRUE(CheckSummaryProcedure(testing::Summary(), s.party_kind, SummaryDecision(s)).ok());
}

TEST(SummaryCase, OfficersNeedTwoValidCertificatesAndTheMessageNamesTheAct) {
  std::vector<CaseOfficer> officers = {{"甲", "沪执-1", D(2027, 1, 1)}, {"乙", "沪执-2", D(2023, 6, 30)}};
  Status st = CheckOfficerCertificates(officers, D(2023, 11, 10), "当场处罚", "《行政处罚法》第五十二条");
  EXPECT_EQ(st.reason(), "not_enough_officers");
  EXPECT_EQ(st.field(), "officers");
  EXPECT_NE(st.message().find("当场处罚须有至少 2 名"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("第五十二条"), std::string::npos);
  EXPECT_NE(st.message().find("乙的执法证已于 2023-06-30 过期"), std::string::npos) << st.message();
  // The same certificate counts once; on its expiry day it is still valid.
  officers[1] = {"丙", "沪执-1", D(2027, 1, 1)};
  EXPECT_FALSE(CheckOfficerCertificates(officers, D(2023, 11, 10), "当场处罚", "x").ok());
  officers[1] = {"丁", "沪执-3", D(2023, 11, 10)};
  EXPECT_TRUE(CheckOfficerCertificates(officers, D(2023, 11, 10), "当场处罚", "x").ok());
}

}  // namespace
}  // namespace jg::enforcement
