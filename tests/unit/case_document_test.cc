// The case documents: 金额大写, Chinese dates, numbering from the shipped
// format file, when each kind may be issued, the rendered page (escaping,
// A4 print CSS, remedies from the shipped file), and the seized-property and
// review rules.
#include <gtest/gtest.h>

#include "domain/enforcement/case_document.h"
#include "domain/enforcement/case_records.h"
#include "enforcement_fixtures.h"

namespace jg::enforcement {
namespace {
using testing::ReadSourceFile;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(AmountInCapitals, WritesYuanJiaoFenAsOnBills) {
  EXPECT_EQ(AmountInCapitals(300000), "叁仟元整");
  EXPECT_EQ(AmountInCapitals(0), "零元整");
  EXPECT_EQ(AmountInCapitals(1000), "壹拾元整");
  EXPECT_EQ(AmountInCapitals(1500), "壹拾伍元整");
  EXPECT_EQ(AmountInCapitals(100500), "壹仟零伍元整");
  EXPECT_EQ(AmountInCapitals(1001000), "壹万零壹拾元整");
  EXPECT_EQ(AmountInCapitals(1010000), "壹万零壹佰元整");
  EXPECT_EQ(AmountInCapitals(10000000), "壹拾万元整");
  EXPECT_EQ(AmountInCapitals(100000500), "壹佰万零伍元整");
  EXPECT_EQ(AmountInCapitals(120000000), "壹佰贰拾万元整");
  EXPECT_EQ(AmountInCapitals(10000000000), "壹亿元整");
  EXPECT_EQ(AmountInCapitals(10000000500), "壹亿零伍元整");
  EXPECT_EQ(AmountInCapitals(10500000000), "壹亿零伍佰万元整");
  EXPECT_EQ(AmountInCapitals(123456789), "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分");
  EXPECT_EQ(AmountInCapitals(20050), "贰佰元伍角");
  EXPECT_EQ(AmountInCapitals(105), "壹元零伍分");
  EXPECT_EQ(AmountInCapitals(5), "伍分");
  EXPECT_EQ(AmountInCapitals(50), "伍角");
  EXPECT_EQ(AmountInCapitals(-300000), "负叁仟元整");
  EXPECT_EQ(AmountInFigures(300000), "3,000.00");
  EXPECT_EQ(AmountInFigures(123456789), "1,234,567.89");
  EXPECT_EQ(AmountInFigures(5), "0.05");
}

TEST(ChineseDate, WritesTheYearDigitByDigitAndMonthAndDayAsNumbers) {
  EXPECT_EQ(ChineseDate(D(2026, 11, 25)), "二〇二六年十一月二十五日");
  EXPECT_EQ(ChineseDate(D(2023, 1, 10)), "二〇二三年一月十日");
  EXPECT_EQ(ChineseDate(D(2030, 12, 31)), "二〇三〇年十二月三十一日");
  EXPECT_EQ(ChineseDate(D(2024, 2, 9)), "二〇二四年二月九日");
}

const DocumentFormats& Formats() {
  static const DocumentFormats f = [] {
    auto r = ParseDocumentFormats(ReadSourceFile("data/document-formats.csv"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : DocumentFormats();
  }();
  return f;
}

std::vector<LegalRemedy> Remedies() {
  auto r = ParseLegalRemedies(ReadSourceFile("data/legal-remedies.csv"));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<LegalRemedy>();
}

TEST(DocumentFormats, TheShippedFileNumbersEveryKindAndBadFilesNameLineAndColumn) {
  const DocumentFormat* notice = Formats().Find(DocumentKind::kPenaltyNotice);
  ASSERT_NE(notice, nullptr);
  EXPECT_EQ(notice->title, "行政处罚告知书");
  EXPECT_EQ(FormatDocumentNumber(*notice, 2026, 12).value(), "沪市监嘉处告〔2026〕12号");
  EXPECT_EQ(FormatDocumentNumber(*notice, 2026, 0).status().field(), "sequence");
  for (DocumentKind k : kDocumentKinds) EXPECT_NE(Formats().Find(k), nullptr) << DocumentKindName(k);

  const std::string header = "kind,title,pattern,sequence_digits,to_confirm\n";
  auto missing = ParseDocumentFormats(header + "filing_approval,立案审批表,立〔{year}〕{seq}号,1,no\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().reason(), "document_formats_syntax");
  auto bad = ParseDocumentFormats(header + "filing_approval,立案审批表,立〔{year}〕号,1,no\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("第 2 行"), std::string::npos) << bad.status().message();

  auto remedies = Remedies();
  ASSERT_EQ(remedies.size(), 2u);
  EXPECT_EQ(remedies[0].length, 60);
  EXPECT_EQ(remedies[0].basis, "《中华人民共和国行政复议法》第二十条");
  EXPECT_EQ(remedies[1].unit, "个月");
  EXPECT_EQ(remedies[1].basis, "《中华人民共和国行政诉讼法》第四十六条");
}

struct Fixture {
  EnforcementCase c;
  Entity party;
  LenientRule rule;
  DocumentInput in;
  Fixture() {
    c.case_number = "沪市监嘉处〔2026〕第000003号";
    c.party_name = "嘉定<某某>食品&商店";
    c.credit_code = "91310114MA1GXXXX0X";
    c.filed_on = D(2026, 9, 1);
    c.stage = CaseStage::kDecided;
    c.violated = {"《中华人民共和国食品安全法》", "第三十四条"};
    c.officers = {{1, {"张三", "沪执-01", std::nullopt}}, {2, {"李四", "沪执-02", std::nullopt}}};
    Decision d;
    d.kind = DecisionKind::kPenalty;
    d.decided_on = D(2026, 10, 20);
    d.penalties = {PenaltyType::kWarning, PenaltyType::kFine};
    d.fine = 300000;
    c.decision = d;
    party.name = c.party_name;
    party.address = "上海市嘉定区某路1号";
    party.legal_representative = "王<五>";
    in.kind = DocumentKind::kPenaltyDecision;
    in.number = "沪市监嘉处〔2026〕1号";
    in.issued_on = D(2026, 10, 21);
    in.bureau_name = "上海市嘉定区市场监督管理局";
    in.record = &c;
    in.party = &party;
    in.lead_description = "销售超过保质期的食品<script>alert(1)</script>";
    in.legal_basis = "《中华人民共和国食品安全法》第一百二十四条第一款";
    in.remedies = Remedies();
  }
};

TEST(CaseDocument, ADecisionIsRenderedEscapedWithTheAmountInCapitalsAndTheRemedies) {
  Fixture f;
  ASSERT_TRUE(CheckDocumentApplicable(f.in).ok());
  std::string html = RenderCaseDocument(f.in, *Formats().Find(DocumentKind::kPenaltyDecision));
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("<h1>行政处罚决定书</h1>"), std::string::npos);
  EXPECT_NE(html.find("沪市监嘉处〔2026〕1号"), std::string::npos);
  EXPECT_NE(html.find("嘉定&lt;某某&gt;食品&amp;商店"), std::string::npos);
  EXPECT_NE(html.find("王&lt;五&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<某某>"), std::string::npos);
  EXPECT_NE(html.find("罚款人民币 3,000.00 元（叁仟元整）"), std::string::npos);
  EXPECT_NE(html.find("警告"), std::string::npos);
  EXPECT_NE(html.find("违反了《中华人民共和国食品安全法》第三十四条的规定"), std::string::npos);
  EXPECT_NE(html.find("依据《中华人民共和国食品安全法》第一百二十四条第一款的规定"), std::string::npos);
  EXPECT_NE(html.find("60日内向上海市嘉定区人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）"),
            std::string::npos);
  EXPECT_NE(html.find("6个月内向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）"),
            std::string::npos);
  EXPECT_NE(html.find("二〇二六年十月二十一日"), std::string::npos);
  EXPECT_NE(html.find("id=\"print\""), std::string::npos);
}

TEST(CaseDocument, EachKindNamesWhatIsMissingWhenTheCaseIsNotReady) {
  Fixture f;
  f.in.legal_basis.clear();
  EXPECT_EQ(CheckDocumentApplicable(f.in).field(), "legal_basis");

  f.c.decision.reset();
  f.c.stage = CaseStage::kInvestigation;
  Status st = CheckDocumentApplicable(f.in);
  EXPECT_EQ(st.reason(), "document_not_applicable");
  EXPECT_EQ(st.field(), "decision");
  EXPECT_EQ(st.code(), ErrorCode::kFailedPrecondition);

  f.in.kind = DocumentKind::kPenaltyNotice;
  EXPECT_EQ(CheckDocumentApplicable(f.in).field(), "stage");
  f.c.stage = CaseStage::kLegalReview;
  EXPECT_EQ(CheckDocumentApplicable(f.in).field(), "intended_penalty");
  f.in.intended_penalty = "警告，并处罚款人民币叁仟元整";
  EXPECT_TRUE(CheckDocumentApplicable(f.in).ok());

  f.in.kind = DocumentKind::kClosingApproval;
  EXPECT_EQ(CheckDocumentApplicable(f.in).field(), "stage");
  f.in.kind = DocumentKind::kFilingApproval;
  EXPECT_TRUE(CheckDocumentApplicable(f.in).ok());

  f.in.kind = DocumentKind::kNoPenaltyDecision;
  Decision d;
  d.kind = DecisionKind::kPenalty;
  f.c.decision = d;
  EXPECT_EQ(CheckDocumentApplicable(f.in).field(), "decision.kind");
  f.c.decision->kind = DecisionKind::kNoPenalty;
  f.c.decision->penalties.clear();
  f.rule.id = "SH-06";
  f.rule.list = "沪市监规范〔2023〕14号";
  f.rule.basis = "《中华人民共和国行政处罚法》第三十三条第一款";
  f.in.lenient_rule = &f.rule;
  ASSERT_TRUE(CheckDocumentApplicable(f.in).ok());
  std::string html = RenderCaseDocument(f.in, *Formats().Find(DocumentKind::kNoPenaltyDecision));
  EXPECT_NE(html.find("不予行政处罚决定书"), std::string::npos);
  EXPECT_NE(html.find("《中华人民共和国行政处罚法》第三十三条第一款及沪市监规范〔2023〕14号（SH-06）"),
            std::string::npos);
}

TEST(SeizedItems, TestingIntervalsComeFromTheMovementsAndMovementsMustFollowInOrder) {
  SeizedItem item;
  item.name = "过期奶粉";
  item.quantity = "12.5";
  item.unit = "千克";
  item.location = "江桥所仓库";
  item.custodian = "张三";
  item.seized_on = D(2023, 1, 6);
  EXPECT_TRUE(ValidateSeizedItem(item).ok());
  item.quantity = "0";
  EXPECT_EQ(ValidateSeizedItem(item).field(), "quantity");
  item.quantity = "1.2345";
  EXPECT_EQ(ValidateSeizedItem(item).field(), "quantity");
  item.quantity = "3";

  SeizedItemMovement back{0, 0, MovementKind::kReturnedFromTesting, D(2023, 1, 19), "仓库", "张三", "", 0, ""};
  EXPECT_EQ(CheckMovement(item, back).reason(), "not_testing");
  SeizedItemMovement sent{0, 0, MovementKind::kSentForTesting, D(2023, 1, 10), "检测所", "李四", "", 0, ""};
  SeizedItemMovement early = sent;
  early.on = D(2023, 1, 5);
  EXPECT_EQ(CheckMovement(item, early).field(), "on");
  ASSERT_TRUE(CheckMovement(item, sent).ok());
  item.movements.push_back(sent);
  EXPECT_EQ(CheckMovement(item, sent).reason(), "already_testing");
  // Still out: the interval runs to today.
  auto open = TestingIntervals(item, D(2023, 1, 12));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].to, D(2023, 1, 12));
  ASSERT_TRUE(CheckMovement(item, back).ok());
  item.movements.push_back(back);
  auto closed = TestingIntervals(item, D(2023, 3, 1));
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].from, D(2023, 1, 10));
  EXPECT_EQ(closed[0].to, D(2023, 1, 19));
  // The worked example of docs/enforcement.md: seized 2023-01-06, testing
  // 01-10..19 → 2023-02-15.
  const DeadlineRule* seizure = testing::Rules().Find("seizure");
  ASSERT_NE(seizure, nullptr);
  auto due = ComputeDueDate(testing::Calendar(), *seizure, {item.seized_on, false, closed});
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  EXPECT_EQ(*due, D(2023, 2, 15));
  item.disposal = DisposalKind::kReturned;
  EXPECT_EQ(CheckMovement(item, sent).reason(), "item_disposed");
}

TEST(CaseReviews, OutcomesBelongToTheirKindAndNeedADecisionDate) {
  CaseReview r;
  r.kind = ReviewKind::kReconsideration;
  r.filed_on = D(2023, 11, 1);
  EXPECT_EQ(ValidateReview(r).field(), "body");
  r.body = "上海市嘉定区人民政府";
  EXPECT_TRUE(ValidateReview(r).ok());
  r.outcome = "lost";  // a litigation outcome
  EXPECT_EQ(ValidateReview(r).field(), "outcome");
  r.outcome = "corrected";
  EXPECT_EQ(ValidateReview(r).field(), "decided_on");
  r.decided_on = D(2023, 10, 1);
  EXPECT_EQ(ValidateReview(r).reason(), "invalid_date");
  r.decided_on = D(2023, 12, 1);
  EXPECT_TRUE(ValidateReview(r).ok());
  EXPECT_EQ(ReviewOutcomeLabel(ReviewKind::kLitigation, "lost"), "败诉");
  EXPECT_EQ(ReviewOutcomes(ReviewKind::kReconsideration).size(), 5u);
}

}  // namespace
}  // namespace jg::enforcement
