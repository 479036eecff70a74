#include "service/text_encoding.h"

#include <errno.h>
#include <iconv.h>

#include "domain/utf8.h"

namespace jg {

Result<DecodedText> DecodeSpreadsheetText(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (!IsValidUtf8(bytes))
      return InvalidArgument("invalid_encoding", "文件以 UTF-8 标记开头，但内容不是有效的 UTF-8", "file");
    return DecodedText{"UTF-8 (BOM)", {}, false, 3};
  }
  if (IsValidUtf8(bytes)) return DecodedText{"UTF-8", {}, false, 0};
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return Internal("iconv cannot convert GB18030");
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* o = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &o, &out_left) == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        size_t used = static_cast<size_t>(o - out.data());
        out.resize(out.size() * 2);
        o = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      size_t offset = bytes.size() - in_left;
      iconv_close(cd);
      return InvalidArgument("invalid_encoding",
                             "文件既不是 UTF-8 也不是 GB18030 编码（第 " + std::to_string(offset) +
                                 " 字节处无法识别），请另存为 UTF-8 或 GB18030 CSV",
                             "file");
    }
  }
  iconv_close(cd);
  out.resize(static_cast<size_t>(o - out.data()));
  return DecodedText{"GB18030", std::move(out), true, 0};
}

}  // namespace jg
