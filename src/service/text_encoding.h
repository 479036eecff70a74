// Spreadsheets in China save CSV as GB18030 (Excel's "CSV" on a Chinese
// Windows), UTF-8 or UTF-8 with a BOM. This finds out which and converts.
#pragma once

#include <string>
#include <string_view>

#include "domain/status.h"

namespace jg {

struct DecodedText {
  std::string encoding;   // "UTF-8", "UTF-8 (BOM)" or "GB18030"
  std::string converted;  // a GB18030 file as UTF-8; empty for a UTF-8 file
  bool was_converted = false;
  size_t bom = 0;  // bytes of the UTF-8 file's BOM
  // The text as UTF-8: the input itself (a file of hundreds of megabytes is
  // not copied) without its BOM, or the converted text.
  std::string_view Utf8(std::string_view input) const {
    return was_converted ? std::string_view(converted) : input.substr(bom);
  }
};

// Valid UTF-8 is taken as UTF-8; anything else must be valid GB18030
// (converted with iconv), or the file is refused naming the byte offset.
// The result's Utf8() views `bytes`, which must outlive it.
Result<DecodedText> DecodeSpreadsheetText(std::string_view bytes);

}  // namespace jg
