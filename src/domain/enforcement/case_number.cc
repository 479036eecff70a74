#include "domain/enforcement/case_number.h"

#include <algorithm>

#include "domain/enforcement/rule_table.h"

namespace jg::enforcement {
namespace {

constexpr std::string_view kYear = "{year}";
constexpr std::string_view kSeq = "{seq}";

int Count(std::string_view s, std::string_view what) {
  int n = 0;
  for (std::size_t pos = s.find(what); pos != std::string_view::npos; pos = s.find(what, pos + 1)) {
    ++n;
  }
  return n;
}

const TableSpec& Spec() {
  static const TableSpec spec{"案件编号格式",
                              "case_number_formats_syntax",
                              "case_number_formats",
                              {"bureau", "name", "pattern", "sequence_digits", "to_confirm"}};
  return spec;
}

std::string Replace(std::string s, std::string_view what, const std::string& with) {
  const std::size_t pos = s.find(what);
  return s.replace(pos, what.size(), with);
}

}  // namespace

const CaseNumberFormat* CaseNumberFormats::Find(std::string_view bureau) const {
  for (const CaseNumberFormat& f : formats) {
    if (f.bureau == bureau) return &f;
  }
  return nullptr;
}

Result<CaseNumberFormats> ParseCaseNumberFormats(std::string_view text) {
  const TableSpec& spec = Spec();
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, ParseRuleTable(text, spec));
  CaseNumberFormats out;
  for (const TableRow& row : rows) {
    CaseNumberFormat f;
    JG_ASSIGN_OR_RETURN(f.bureau, TextCell(spec, row, 0));
    if (out.Find(f.bureau) != nullptr) return CellError(spec, row, 0, "「" + f.bureau + "」重复");
    JG_ASSIGN_OR_RETURN(f.name, TextCell(spec, row, 1));
    JG_ASSIGN_OR_RETURN(f.pattern, TextCell(spec, row, 2));
    if (Count(f.pattern, kYear) != 1 || Count(f.pattern, kSeq) != 1) {
      return CellError(spec, row, 2,
                       "格式须恰好含一个 {year} 和一个 {seq}，如 沪市监嘉处〔{year}〕第{seq}号");
    }
    JG_ASSIGN_OR_RETURN(f.sequence_digits, IntCell(spec, row, 3, 1, 9));
    JG_ASSIGN_OR_RETURN(f.to_confirm, BoolCell(spec, row, 4));
    out.formats.push_back(std::move(f));
  }
  return out;
}

Result<std::string> FormatCaseNumber(const CaseNumberFormat& format, int year, int sequence) {
  if (year < 2000 || year > 9999) {
    return InvalidArgument("invalid_case_number", "年份应为四位数 2000–9999", "year");
  }
  std::string seq = std::to_string(sequence);
  if (sequence < 1 || static_cast<int>(seq.size()) > format.sequence_digits) {
    return InvalidArgument("invalid_case_number",
                           "案件序号应为 1 至 " +
                               std::string(static_cast<std::size_t>(format.sequence_digits), '9') +
                               " 之间的整数（收到 " + seq + "）",
                           "sequence");
  }
  seq.insert(0, static_cast<std::size_t>(format.sequence_digits) - seq.size(), '0');
  return Replace(Replace(format.pattern, kYear, std::to_string(year)), kSeq, seq);
}

}  // namespace jg::enforcement
