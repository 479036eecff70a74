// The text pieces of the case documents: 金额大写, amounts in figures, dates in
// Chinese, HTML escaping; and the two rule files the documents use.
#include <array>

#include "domain/enforcement/case_document.h"
#include "domain/enforcement/rule_table.h"

namespace jg::enforcement {
namespace {

constexpr std::array<std::string_view, 10> kCapitalDigits = {"零", "壹", "贰", "叁", "肆",
                                                             "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<std::string_view, 4> kCapitalPlaces = {"", "拾", "佰", "仟"};
constexpr std::array<std::string_view, 4> kCapitalSections = {"", "万", "亿", "万亿"};

// Writes a whole number of yuan (> 0) in capitals. A run of zeros inside the
// number is read as one 零; zeros at the end of a four-digit section are not
// read; a section that is all zero adds no section word (壹亿零伍元, not 壹亿万零伍元).
std::string YuanInCapitals(std::int64_t n) {
  std::vector<int> sections;  // lowest first, four digits each
  while (n > 0) {
    sections.push_back(static_cast<int>(n % 10000));
    n /= 10000;
  }
  std::string out;
  bool pending_zero = false;
  for (size_t s = sections.size(); s-- > 0;) {
    const int sec = sections[s];
    if (sec == 0) {
      pending_zero = !out.empty();
      continue;
    }
    const int digits[4] = {sec / 1000, sec / 100 % 10, sec / 10 % 10, sec % 10};
    for (int i = 0; i < 4; ++i) {
      const int place = 3 - i;
      if (digits[i] == 0) {
        if (!out.empty()) pending_zero = true;
        continue;
      }
      if (pending_zero) out += "零";
      pending_zero = false;
      out += kCapitalDigits[static_cast<size_t>(digits[i])];
      out += kCapitalPlaces[static_cast<size_t>(place)];
    }
    out += kCapitalSections[s < kCapitalSections.size() ? s : 0];
    // Zeros at the end of this section are read before the next non-zero digit.
    pending_zero = (sec % 10 == 0);
  }
  return out;
}

std::string_view ChineseDigit(int d) {
  static constexpr std::array<std::string_view, 10> k = {"〇", "一", "二", "三", "四",
                                                         "五", "六", "七", "八", "九"};
  return k[static_cast<size_t>(d)];
}

// 1..31 as 一, 十, 十一, 二十, 二十五, 三十一.
std::string ChineseSmallNumber(int n) {
  std::string out;
  if (n >= 20) out += ChineseDigit(n / 10);
  if (n >= 10) out += "十";
  if (n % 10 != 0 || n < 10) out += ChineseDigit(n % 10);
  return out;
}

const TableSpec& FormatSpec() {
  static const TableSpec spec{"文书文号格式",
                              "document_formats_syntax",
                              "document_formats",
                              {"kind", "title", "pattern", "sequence_digits", "to_confirm"}};
  return spec;
}

const TableSpec& RemedySpec() {
  static const TableSpec spec{"救济途径",
                              "legal_remedies_syntax",
                              "legal_remedies",
                              {"id", "name", "length", "unit", "start", "body", "basis"}};
  return spec;
}

int Count(std::string_view s, std::string_view what) {
  int n = 0;
  for (auto p = s.find(what); p != std::string_view::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

std::string AmountInCapitals(Fen amount) {
  std::string out = amount < 0 ? "负" : "";
  const Fen a = amount < 0 ? -amount : amount;
  const std::int64_t yuan = a / 100;
  const int jiao = static_cast<int>(a / 10 % 10);
  const int fen = static_cast<int>(a % 10);
  if (a == 0) return "零元整";
  if (yuan > 0) {
    std::string y = YuanInCapitals(yuan);
    // Bills write a leading 拾 as 壹拾 so nothing can be written in front of it.
    if (y.rfind("拾", 0) == 0) y = "壹" + y;
    out += y + "元";
  }
  if (jiao == 0 && fen == 0) return out + "整";
  if (jiao > 0) {
    out += std::string(kCapitalDigits[static_cast<size_t>(jiao)]) + "角";
  } else if (yuan > 0) {
    out += "零";  // 壹元零伍分
  }
  if (fen > 0) out += std::string(kCapitalDigits[static_cast<size_t>(fen)]) + "分";
  return out;
}

std::string AmountInFigures(Fen amount) {
  std::string out = amount < 0 ? "-" : "";
  const Fen a = amount < 0 ? -amount : amount;
  std::string yuan = std::to_string(a / 100);
  for (int i = static_cast<int>(yuan.size()) - 3; i > 0; i -= 3) yuan.insert(static_cast<size_t>(i), ",");
  const Fen cents = a % 100;
  return out + yuan + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

std::string ChineseDate(Date d) {
  std::string out;
  for (char c : std::to_string(d.year())) out += ChineseDigit(c - '0');
  return out + "年" + ChineseSmallNumber(d.month()) + "月" + ChineseSmallNumber(d.day()) + "日";
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view DocumentKindName(DocumentKind k) {
  switch (k) {
    case DocumentKind::kFilingApproval: return "filing_approval";
    case DocumentKind::kPenaltyNotice: return "penalty_notice";
    case DocumentKind::kPenaltyDecision: return "penalty_decision";
    case DocumentKind::kNoPenaltyDecision: return "no_penalty_decision";
    case DocumentKind::kClosingApproval: return "closing_approval";
  }
  return "";
}

std::optional<DocumentKind> ParseDocumentKind(std::string_view s) {
  for (DocumentKind k : kDocumentKinds)
    if (DocumentKindName(k) == s) return k;
  return std::nullopt;
}

const DocumentFormat* DocumentFormats::Find(DocumentKind k) const {
  for (const auto& f : formats)
    if (f.kind == k) return &f;
  return nullptr;
}

Result<DocumentFormats> ParseDocumentFormats(std::string_view text) {
  const TableSpec& spec = FormatSpec();
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, ParseRuleTable(text, spec));
  DocumentFormats out;
  for (const TableRow& row : rows) {
    DocumentFormat f;
    JG_ASSIGN_OR_RETURN(std::string kind, TextCell(spec, row, 0));
    auto k = ParseDocumentKind(kind);
    if (!k) return CellError(spec, row, 0, "未知的文书种类「" + kind + "」");
    if (out.Find(*k)) return CellError(spec, row, 0, "「" + kind + "」重复");
    f.kind = *k;
    JG_ASSIGN_OR_RETURN(f.title, TextCell(spec, row, 1));
    JG_ASSIGN_OR_RETURN(f.pattern, TextCell(spec, row, 2));
    if (Count(f.pattern, "{year}") != 1 || Count(f.pattern, "{seq}") != 1)
      return CellError(spec, row, 2, "格式须恰好含一个 {year} 和一个 {seq}");
    JG_ASSIGN_OR_RETURN(f.sequence_digits, IntCell(spec, row, 3, 1, 9));
    JG_ASSIGN_OR_RETURN(f.to_confirm, BoolCell(spec, row, 4));
    out.formats.push_back(std::move(f));
  }
  for (DocumentKind k : kDocumentKinds) {
    if (!out.Find(k))
      return LineError(spec, rows.back().line,
                       "缺少文书种类「" + std::string(DocumentKindName(k)) + "」");
  }
  return out;
}

Result<std::string> FormatDocumentNumber(const DocumentFormat& f, int year, int sequence) {
  if (year < 2000 || year > 9999)
    return InvalidArgument("invalid_document_number", "年份应为四位数 2000–9999", "year");
  if (sequence < 1) return InvalidArgument("invalid_document_number", "文书序号应从 1 起", "sequence");
  std::string seq = std::to_string(sequence);
  if (static_cast<int>(seq.size()) < f.sequence_digits)
    seq.insert(0, static_cast<size_t>(f.sequence_digits) - seq.size(), '0');
  std::string out = f.pattern;
  out.replace(out.find("{year}"), 6, std::to_string(year));
  out.replace(out.find("{seq}"), 5, seq);
  return out;
}

Result<std::vector<LegalRemedy>> ParseLegalRemedies(std::string_view text) {
  const TableSpec& spec = RemedySpec();
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, ParseRuleTable(text, spec));
  std::vector<LegalRemedy> out;
  for (const TableRow& row : rows) {
    LegalRemedy r;
    JG_ASSIGN_OR_RETURN(r.id, TextCell(spec, row, 0));
    JG_ASSIGN_OR_RETURN(r.name, TextCell(spec, row, 1));
    JG_ASSIGN_OR_RETURN(r.length, IntCell(spec, row, 2, 1, 9999));
    JG_ASSIGN_OR_RETURN(r.unit, TextCell(spec, row, 3));
    if (r.unit != "日" && r.unit != "个月") return CellError(spec, row, 3, "单位须为「日」或「个月」");
    JG_ASSIGN_OR_RETURN(r.start, TextCell(spec, row, 4));
    JG_ASSIGN_OR_RETURN(r.body, TextCell(spec, row, 5));
    JG_ASSIGN_OR_RETURN(r.basis, TextCell(spec, row, 6));
    for (const auto& o : out)
      if (o.id == r.id) return CellError(spec, row, 0, "「" + r.id + "」重复");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace jg::enforcement
