// The documents (文书) of an enforcement case, rendered as print-ready A4 HTML
// from the case record: 立案审批表, 行政处罚告知书, 行政处罚决定书 (also for a
// reduced penalty), 不予行政处罚决定书 and 结案审批表. Their titles and number
// formats (data/document-formats.csv) and the remedies a decision must name
// (data/legal-remedies.csv) are data. Pure: the number, the dates and the
// bureau are passed in; the caller stores what was issued.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"
#include "domain/enforcement/case_file.h"
#include "domain/enforcement/decision.h"
#include "domain/entity.h"
#include "domain/status.h"

namespace jg::enforcement {

enum class DocumentKind {
  kFilingApproval,     // 立案审批表
  kPenaltyNotice,      // 行政处罚告知书
  kPenaltyDecision,    // 行政处罚决定书 (penalty or reduced penalty)
  kNoPenaltyDecision,  // 不予行政处罚决定书
  kClosingApproval,    // 结案审批表
};
std::string_view DocumentKindName(DocumentKind k);  // "filing_approval", …
std::optional<DocumentKind> ParseDocumentKind(std::string_view s);
inline constexpr DocumentKind kDocumentKinds[] = {
    DocumentKind::kFilingApproval, DocumentKind::kPenaltyNotice, DocumentKind::kPenaltyDecision,
    DocumentKind::kNoPenaltyDecision, DocumentKind::kClosingApproval};

struct DocumentFormat {
  DocumentKind kind = DocumentKind::kFilingApproval;
  std::string title;    // 行政处罚决定书
  std::string pattern;  // 沪市监嘉处〔{year}〕{seq}号
  int sequence_digits = 1;
  bool to_confirm = false;
};

struct DocumentFormats {
  std::vector<DocumentFormat> formats;  // one per kind
  const DocumentFormat* Find(DocumentKind k) const;
};

// Parses data/document-formats.csv (kind, title, pattern, sequence_digits,
// to_confirm). All or nothing; InvalidArgument "document_formats_syntax",
// field "document_formats", naming line and column; every kind exactly once.
Result<DocumentFormats> ParseDocumentFormats(std::string_view text);

// The number of document `sequence` of `year`, e.g. 沪市监嘉处告〔2026〕12号.
Result<std::string> FormatDocumentNumber(const DocumentFormat& f, int year, int sequence);

// A way to challenge a decision, with its period and basis.
struct LegalRemedy {
  std::string id;     // reconsideration, litigation
  std::string name;   // 申请行政复议
  int length = 0;     // 60
  std::string unit;   // 日 / 个月
  std::string start;  // 收到本决定书之日起
  std::string body;   // 上海市嘉定区人民政府
  std::string basis;  // 《中华人民共和国行政复议法》第二十条
};

// Parses data/legal-remedies.csv (id, name, length, unit, start, body,
// basis); InvalidArgument "legal_remedies_syntax", field "legal_remedies".
Result<std::vector<LegalRemedy>> ParseLegalRemedies(std::string_view text);

// 金额大写 as on Chinese bills: 300000 fen → 叁仟元整, 100050 → 壹仟元零伍角,
// 1000005 → 壹万元零伍分, 1000 → 壹拾元整, 0 → 零元整. Negative amounts get 负.
std::string AmountInCapitals(Fen amount);
// "3,000.00"
std::string AmountInFigures(Fen amount);
// 二〇二六年十一月二十五日
std::string ChineseDate(Date d);

// What a document is rendered from.
struct DocumentInput {
  DocumentKind kind = DocumentKind::kFilingApproval;
  std::string number;
  Date issued_on;           // the document's date (seal line)
  std::string bureau_name;  // 上海市嘉定区市场监督管理局
  std::string department_name;  // 承办部门
  const EnforcementCase* record = nullptr;
  const Entity* party = nullptr;  // the party's directory entry, when the case has one
  std::string lead_description;   // the lead as recorded (案件来源与基本情况)
  // Supplied when the document is generated (the case has no field for them yet):
  std::string facts;          // 违法事实; default: the lead as recorded
  std::string legal_basis;    // 处罚依据 (penalty and reduced penalty, and the notice)
  std::string intended_penalty;  // the notice before a decision: 拟作出的行政处罚
  const LenientRule* lenient_rule = nullptr;  // the rule a no-penalty decision cites
  std::vector<LegalRemedy> remedies;
  bool to_confirm = false;  // the number format is not yet confirmed (shown on screen only)
};

// Whether `kind` can be issued for the case as it stands, given what the
// request supplies. FailedPrecondition "document_not_applicable", field
// naming what is missing ("stage", "decision", "decision.kind",
// "intended_penalty", "legal_basis"), message in Chinese saying why.
Status CheckDocumentApplicable(const DocumentInput& in);

// The whole A4 page (<!DOCTYPE html> … ) with every value HTML-escaped.
std::string RenderCaseDocument(const DocumentInput& in, const DocumentFormat& format);

// Escapes & < > " ' for HTML text and attributes.
std::string HtmlEscape(std::string_view s);

}  // namespace jg::enforcement
