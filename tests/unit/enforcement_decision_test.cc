// Decisions (kinds, penalty types, what each must cite), the summary
// procedure's limits from data/summary-procedure.csv at their boundaries, and
// the case number format from data/case-number-formats.csv.
#include <gtest/gtest.h>

#include "domain/enforcement/case_number.h"
#include "domain/enforcement/decision.h"
#include "enforcement_fixtures.h"

namespace jg::enforcement {
namespace {

using testing::D;
using testing::Lenient;

Decision Fine(Fen fen) {
  Decision d;
  d.kind = DecisionKind::kPenalty;
  d.decided_on = D("2023-05-10");
  d.penalties = {PenaltyType::kFine};
  d.fine = fen;
  return d;
}

Status Summary(PartyKind party, const Decision& d) {
  return CheckSummaryProcedure(testing::Summary(), party, d);
}

TEST(SummaryProcedure, ShippedLimitsCiteArticle51) {
  ASSERT_NE(testing::Summary().For(PartyKind::kCitizen), nullptr);
  EXPECT_EQ(testing::Summary().For(PartyKind::kCitizen)->max_fine, 20000);
  EXPECT_EQ(testing::Summary().For(PartyKind::kOrganisation)->max_fine, 300000);
  EXPECT_NE(testing::Summary().For(PartyKind::kCitizen)->basis.find("第五十一条"),
            std::string::npos);
}

TEST(SummaryProcedure, CitizenBoundary200Yuan) {
  EXPECT_TRUE(Summary(PartyKind::kCitizen, Fine(200'00)).ok());
  const Status over = Summary(PartyKind::kCitizen, Fine(201'00));
  EXPECT_EQ(over.reason(), "summary_procedure_not_allowed");
  EXPECT_EQ(over.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(over.field(), "fine");
  EXPECT_NE(over.message().find("不能超过 200 元，本案为 201 元"), std::string::npos)
      << over.message();
  EXPECT_NE(over.message().find("第五十一条"), std::string::npos);
  EXPECT_NE(over.message().find("普通程序"), std::string::npos);
  EXPECT_FALSE(Summary(PartyKind::kCitizen, Fine(200'01)).ok());  // 200.01 yuan
}

TEST(SummaryProcedure, OrganisationBoundary3000Yuan) {
  EXPECT_TRUE(Summary(PartyKind::kOrganisation, Fine(3000'00)).ok());
  EXPECT_EQ(Summary(PartyKind::kOrganisation, Fine(3001'00)).field(), "fine");
  EXPECT_FALSE(Summary(PartyKind::kOrganisation, Fine(3000'01)).ok());
  // 201 yuan is fine for an organisation, not for a citizen.
  EXPECT_TRUE(Summary(PartyKind::kOrganisation, Fine(201'00)).ok());
}

TEST(SummaryProcedure, OnlyWarningOrFine) {
  Decision warning = Fine(0);
  warning.penalties = {PenaltyType::kWarning};
  EXPECT_TRUE(Summary(PartyKind::kCitizen, warning).ok());
  Decision gains = Fine(100'00);
  gains.penalties.push_back(PenaltyType::kConfiscateIllegalGains);
  gains.confiscated_gains = 50'00;
  const Status s = Summary(PartyKind::kOrganisation, gains);
  EXPECT_EQ(s.field(), "penalties");
  EXPECT_NE(s.message().find("没收违法所得"), std::string::npos);
  Decision none;
  none.kind = DecisionKind::kNoPenalty;
  EXPECT_EQ(Summary(PartyKind::kCitizen, none).field(), "kind");
}

TEST(SummaryProcedure, ParserErrors) {
  const std::string header = "party_kind,max_fine_yuan,allowed_penalties,basis\n";
  const std::string both = header + "citizen,200,warning;fine,依据\norganisation,3000,fine,依据\n";
  ASSERT_TRUE(ParseSummaryLimits(both).ok());
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {header + "citizen,200,warning;fine,依据\n", "缺少当事人类别 organisation"},
      {header + "person,200,fine,依据\n", "第 2 行：第 1 列（party_kind）"},
      {header + "citizen,200元,fine,依据\n", "第 2 行：第 2 列（max_fine_yuan）"},
      {header + "citizen,200,fine;detention,依据\n", "未知的处罚种类「detention」"},
      {both + "citizen,100,fine,依据\n", "第 4 行：第 1 列（party_kind）：当事人类别重复"},
  };
  for (const Case& c : cases) {
    Result<SummaryLimits> r = ParseSummaryLimits(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().reason(), "summary_limits_syntax");
    EXPECT_NE(r.status().message().find(c.message), std::string::npos) << r.status().message();
  }
}

TEST(DecisionValidation, PenaltyNeedsTypesAndMatchingAmounts) {
  EXPECT_TRUE(ValidateDecision(Fine(5000'00), Lenient()).ok());
  Decision d = Fine(0);
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "fine");
  d = Fine(100);
  d.penalties = {PenaltyType::kWarning};
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "fine");  // amount without the type
  d.penalties.clear();
  d.fine = 0;
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "penalties");
  d = Fine(100);
  d.penalties.push_back(PenaltyType::kFine);
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "duplicate_penalty");
  d = Fine(100);
  d.penalties.push_back(PenaltyType::kConfiscateIllegalGains);
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "confiscated_gains");
  d.confiscated_gains = 1;
  d.penalties.push_back(PenaltyType::kRevokeLicence);
  EXPECT_TRUE(ValidateDecision(d, Lenient()).ok());
}

TEST(DecisionValidation, NoPenaltyCitesANoPenaltyRule) {
  Decision d;
  d.kind = DecisionKind::kNoPenalty;
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "lenient_rule_id");
  d.lenient_rule_id = "XX-99";
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "unknown_lenient_rule");
  d.lenient_rule_id = "GEN-04";  // a reduction rule
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "wrong_lenient_rule");
  d.lenient_rule_id = "SH-01";
  EXPECT_TRUE(ValidateDecision(d, Lenient()).ok());
  d.penalties = {PenaltyType::kWarning};
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "penalty_not_allowed");
}

TEST(DecisionValidation, ReducedPenaltyCitesAGround) {
  Decision d = Fine(1000'00);
  d.kind = DecisionKind::kReducedPenalty;
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "reduction_ground");
  d.reduction_ground = "SH-01";  // a no-penalty rule
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "wrong_lenient_rule");
  d.reduction_ground = "SH-07";
  EXPECT_TRUE(ValidateDecision(d, Lenient()).ok());
  d.reduction_ground = "《中华人民共和国行政处罚法》第三十二条第（一）项";
  EXPECT_TRUE(ValidateDecision(d, Lenient()).ok());
}

TEST(DecisionValidation, TransferNeedsUnitAndDate) {
  Decision d;
  d.kind = DecisionKind::kTransferToPolice;
  d.decided_on = D("2023-06-01");
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "receiving_unit");
  d.receiving_unit = "上海市公安局嘉定分局";
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "transferred_on");
  d.transferred_on = D("2023-05-31");
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "invalid_date");
  d.transferred_on = D("2023-06-02");
  EXPECT_TRUE(ValidateDecision(d, Lenient()).ok());
  d.fine = 100;
  EXPECT_EQ(ValidateDecision(d, Lenient()).reason(), "penalty_not_allowed");
}

TEST(DecisionValidation, WithdrawalNeedsReasonAndNamesAreStable) {
  Decision d;
  d.kind = DecisionKind::kWithdrawal;
  EXPECT_EQ(ValidateDecision(d, Lenient()).field(), "reason");
  d.reason = "违法事实不能成立";
  EXPECT_TRUE(ValidateDecision(d, Lenient()).ok());
  EXPECT_EQ(PenaltyTypeLabel(PenaltyType::kRevokeLicence), "吊销许可证件");
  EXPECT_EQ(ParsePenaltyType("order_closure"), PenaltyType::kOrderClosure);
  EXPECT_EQ(ParseDecisionKind("transfer_to_police"), DecisionKind::kTransferToPolice);
  EXPECT_EQ(DecisionKindLabel(DecisionKind::kNoPenalty), "不予行政处罚");
  EXPECT_EQ(FormatYuan(20001), "200.01 元");
  EXPECT_EQ(FormatYuan(300000), "3000 元");
}

// ---- Case numbers ----------------------------------------------------------------

TEST(CaseNumber, ShippedJiadingFormat) {
  Result<CaseNumberFormats> f =
      ParseCaseNumberFormats(testing::ReadSourceFile("data/case-number-formats.csv"));
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const CaseNumberFormat* jd = f->Find("jiading");
  ASSERT_NE(jd, nullptr);
  EXPECT_TRUE(jd->to_confirm);
  EXPECT_EQ(jd->name, "上海市嘉定区市场监督管理局");
  EXPECT_EQ(*FormatCaseNumber(*jd, 2023, 123), "沪市监嘉处〔2023〕第000123号");
  EXPECT_EQ(*FormatCaseNumber(*jd, 2023, 2882), "沪市监嘉处〔2023〕第002882号");
  EXPECT_EQ(*FormatCaseNumber(*jd, 2024, 999999), "沪市监嘉处〔2024〕第999999号");
  EXPECT_EQ(FormatCaseNumber(*jd, 2024, 1000000).status().field(), "sequence");
  EXPECT_EQ(FormatCaseNumber(*jd, 2024, 0).status().field(), "sequence");
  EXPECT_EQ(FormatCaseNumber(*jd, 23, 1).status().field(), "year");
}

TEST(CaseNumber, ParserErrors) {
  const std::string header = "bureau,name,pattern,sequence_digits,to_confirm\n";
  EXPECT_NE(ParseCaseNumberFormats(header + "a,局,沪市监〔{year}〕第号,6,no\n")
                .status()
                .message()
                .find("第 2 行：第 3 列（pattern）"),
            std::string::npos);
  EXPECT_NE(ParseCaseNumberFormats(header + "a,局,{seq}{year}{seq},6,no\n")
                .status()
                .message()
                .find("第 3 列（pattern）"),
            std::string::npos);
  EXPECT_NE(ParseCaseNumberFormats(header + "a,局,{year}{seq},0,no\n")
                .status()
                .message()
                .find("第 4 列（sequence_digits）"),
            std::string::npos);
  EXPECT_NE(ParseCaseNumberFormats(header + "a,局,{year}{seq},6,no\na,局,{year}{seq},6,no\n")
                .status()
                .message()
                .find("第 3 行：第 1 列（bureau）：「a」重复"),
            std::string::npos);
}

}  // namespace
}  // namespace jg::enforcement
