#include "domain/draw/text.h"

#include "domain/utf8.h"

namespace jg::draw {

bool IsCodeToken(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (unsigned char c : s) {
    if (c < 0x21 || c > 0x7e || c == ',' || c == '\\') return false;
  }
  return true;
}

bool IsKeyToken(std::string_view s, std::size_t max_bytes, bool allow_empty) {
  if (s.size() > max_bytes || (s.empty() && !allow_empty)) return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f || c == ',' || c == '\\') return false;
  }
  return IsValidUtf8(s);
}

bool IsFreeText(std::string_view s, std::size_t max_bytes) {
  if (s.size() > max_bytes) return false;
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
  }
  return IsValidUtf8(s);
}

std::string EscapeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::optional<std::string> UnescapeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') return std::nullopt;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i == s.size()) return std::nullopt;
    switch (s[i]) {
      case '\\':
        out.push_back('\\');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::optional<std::uint64_t> ParseDecimal(std::string_view s, std::uint64_t max) {
  if (s.empty() || s.size() > 19 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');  // 19 digits cannot overflow
  }
  if (v > max) return std::nullopt;
  return v;
}

std::string FormatRatio(std::uint32_t ppm) {
  std::string frac = std::to_string(ppm % 1000000);
  return std::to_string(ppm / 1000000) + "." + std::string(6 - frac.size(), '0') + frac;
}

std::optional<std::uint32_t> ParseRatio(std::string_view s) {
  if (s.size() != 8 || s[1] != '.' || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t i = 2; i < 8; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint32_t>(s[i] - '0');
  }
  if (s[0] == '1') {
    if (v != 0) return std::nullopt;
    return 1000000;
  }
  return v;
}

std::string JoinComma(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    out += items[i];
  }
  return out;
}

namespace {
std::vector<std::string_view> Split(std::string_view s, char sep, std::size_t max_parts) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t at = s.find(sep, start);
    if (at == std::string_view::npos || out.size() == max_parts) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
}
}  // namespace

std::vector<std::string_view> SplitComma(std::string_view s, std::size_t max_parts) {
  if (s.empty()) return {};
  return Split(s, ',', max_parts);
}

std::vector<std::string_view> SplitTabs(std::string_view s, std::size_t max_parts) {
  return Split(s, '\t', max_parts);
}

}  // namespace jg::draw
