// The case number (案件编号 / 文号) of a bureau, e.g. 沪市监嘉处〔2023〕第000123号,
// as data per bureau (data/case-number-formats.csv): a pattern with {year}
// and {seq} and the width the sequence is zero-padded to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jg::enforcement {

struct CaseNumberFormat {
  std::string bureau;   // code, e.g. "jiading"
  std::string name;     // 上海市嘉定区市场监督管理局
  std::string pattern;  // 沪市监嘉处〔{year}〕第{seq}号
  int sequence_digits = 6;
  bool to_confirm = false;
};

struct CaseNumberFormats {
  std::vector<CaseNumberFormat> formats;
  const CaseNumberFormat* Find(std::string_view bureau) const;  // nullptr if none
};

// Parses data/case-number-formats.csv (columns bureau, name, pattern,
// sequence_digits, to_confirm). All or nothing; InvalidArgument
// "case_number_formats_syntax", field "case_number_formats", naming line and
// column: a pattern without exactly one {year} and one {seq}, a width outside
// 1–9, a duplicate bureau.
Result<CaseNumberFormats> ParseCaseNumberFormats(std::string_view text);

// The number of case `sequence` (1-based) of `year`.
// Errors: InvalidArgument "invalid_case_number" for a year outside 2000–9999
// (field "year") or a sequence < 1 or too wide for the format (field "sequence").
Result<std::string> FormatCaseNumber(const CaseNumberFormat& format, int year, int sequence);

}  // namespace jg::enforcement
