// Spreadsheets in China save CSV as GB18030 (Excel's "CSV" on a Chinese
// Windows), UTF-8 or UTF-8 with a BOM. This finds out which and converts.
#pragma once

#include <string>
#include <string_view>

#include "domain/status.h"

namespace jg {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)" or "GB18030"
};

// Valid UTF-8 is taken as UTF-8; anything else must be valid GB18030
// (converted with iconv), or the file is refused naming the byte offset.
Result<DecodedText> DecodeSpreadsheetText(std::string_view bytes);

}  // namespace jg
