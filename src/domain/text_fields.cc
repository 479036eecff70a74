#include "domain/text_fields.h"

#include <cctype>

#include "domain/civil_date.h"
#include "domain/utf8.h"

namespace jg {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

Status CheckText(std::string& value, const char* field, const char* label, size_t min,
                 size_t max) {
  value = Trim(value);
  if (!IsValidUtf8(value))
    return InvalidArgument("invalid_utf8", std::string(label) + "不是有效的 UTF-8 文本", field);
  if (value.find('\0') != std::string::npos)
    return InvalidArgument("invalid_character", std::string(label) + "含有空字符", field);
  size_t n = Utf8Length(value);
  if (n < min) return InvalidArgument("required", std::string("请填写") + label, field);
  if (n > max)
    return InvalidArgument("too_long", std::string(label) + "最多 " + std::to_string(max) + " 个字",
                           field);
  return Status::Ok();
}

Status CheckDate(std::string& value, const char* field, const char* label, bool required) {
  value = Trim(value);
  if (value.empty()) {
    if (required) return InvalidArgument("required", std::string("请填写") + label, field);
    return Status::Ok();
  }
  return Date::Parse(value, field).status();
}

void UpperAscii(std::string& s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

}  // namespace jg
