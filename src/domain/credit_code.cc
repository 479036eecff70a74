#include "domain/credit_code.h"

#include <array>
#include <vector>

#include "domain/utf8.h"

namespace jg {
namespace {

// GB 32100-2015 表1 "登记管理部门代码和机构类别代码" (position 1 and 2). Rows for
// A (中央军委改革和编制办公室) and N (农业) were added to the code table after
// 2015; keep this table in step with the standard as amended.
constexpr CreditCodeKind kKinds[] = {
    {'1', '1', "机构编制", "机关"},
    {'1', '2', "机构编制", "事业单位"},
    {'1', '3', "机构编制", "中央编办直接管理机构编制的群众团体"},
    {'1', '9', "机构编制", "其他"},
    {'2', '1', "外交", "外国常驻新闻机构"},
    {'2', '9', "外交", "其他"},
    {'3', '1', "司法行政", "律师执业机构"},
    {'3', '2', "司法行政", "公证处"},
    {'3', '3', "司法行政", "基层法律服务所"},
    {'3', '4', "司法行政", "司法鉴定机构"},
    {'3', '5', "司法行政", "仲裁委员会"},
    {'3', '9', "司法行政", "其他"},
    {'4', '1', "文化", "外国在华文化中心"},
    {'4', '9', "文化", "其他"},
    {'5', '1', "民政", "社会团体"},
    {'5', '2', "民政", "民办非企业单位"},
    {'5', '3', "民政", "基金会"},
    {'5', '9', "民政", "其他"},
    {'6', '1', "旅游", "外国旅游部门常驻代表机构"},
    {'6', '2', "旅游", "港澳台地区旅游部门常驻内地（大陆）代表机构"},
    {'6', '9', "旅游", "其他"},
    {'7', '1', "宗教", "宗教活动场所"},
    {'7', '2', "宗教", "宗教院校"},
    {'7', '9', "宗教", "其他"},
    {'8', '1', "工会", "基层工会"},
    {'8', '9', "工会", "其他"},
    {'9', '1', "市场监管（工商）", "企业"},
    {'9', '2', "市场监管（工商）", "个体工商户"},
    {'9', '3', "市场监管（工商）", "农民专业合作社"},
    {'A', '1', "中央军委改革和编制办公室", "军队事业单位"},
    {'A', '9', "中央军委改革和编制办公室", "其他"},
    {'N', '1', "农业", "组级集体经济组织"},
    {'N', '2', "农业", "村级集体经济组织"},
    {'N', '3', "农业", "乡镇级集体经济组织"},
    {'N', '9', "农业", "其他"},
    {'Y', '1', "其他", "其他"},
};

// Lawful early pilot codes that fail a check character: accepted as they are
// (structure is still checked) and reported with allow_listed = true. The
// bureau adds the codes it has confirmed with the registering authority, one
// line each with the source of the confirmation.
constexpr std::string_view kAllowList[] = {
    // EXAMPLE ONLY — not a real code (all-zero body, correct check would be 'A');
    // kept so the tests exercise the allow-list. Replace with confirmed codes.
    "91310114000000000X",
};

// GB 32100-2015 §5: weights of positions 1–17 (3^(i-1) mod 31), modulus 31.
constexpr std::array<int, 17> kCreditWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                29, 25, 13, 8,  24, 10, 30, 28};
// GB 11714-1997: weights of the 8 body characters, modulus 11.
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};

int CreditValue(char c) {
  auto pos = kCreditCodeAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

int OrgValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Splits into characters: one well-formed UTF-8 sequence each, or a single
// stray byte (so malformed input is still counted and reported).
std::vector<std::string_view> SplitChars(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 1;
    if (i + len > s.size() || !IsValidUtf8(s.substr(i, len))) len = 1;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// How a character is shown in a message: as itself when printable.
std::string Shown(std::string_view ch) {
  auto c = static_cast<unsigned char>(ch[0]);
  if (ch == " ") return "空格";
  if (ch.size() == 1 && (c < 0x20 || c >= 0x7F)) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("字节0x") + kHex[c >> 4] + kHex[c & 0xF];
  }
  return "“" + std::string(ch) + "”";
}

Status Bad(std::string reason, std::string message) {
  return InvalidArgument(std::move(reason), std::move(message), "credit_code");
}

const CreditCodeKind* FindKind(char authority, char kind) {
  for (const auto& k : kKinds)
    if (k.authority == authority && (kind == 0 || k.kind == kind)) return &k;
  return nullptr;
}

bool StartsOrEndsWithSpace(std::string_view s, bool front, std::size_t* len) {
  static constexpr std::string_view kSpaces[] = {" ",  "\t", "\n",       "\r",
                                                 "\v", "\f", "\xC2\xA0", "\xEF\xBB\xBF"};
  for (auto sp : kSpaces) {
    if (front ? s.starts_with(sp) : s.ends_with(sp)) {
      *len = sp.size();
      return true;
    }
  }
  return false;
}

}  // namespace

std::span<const CreditCodeKind> CreditCodeKinds() {
  return kKinds;
}

std::string NormalizeCreditCodeInput(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  for (std::size_t i = 0; i < n;) {
    if (i + 2 < n && p[i] == 0xEF && (p[i + 1] == 0xBC || p[i + 1] == 0xBD) &&
        (p[i + 2] & 0xC0) == 0x80) {
      unsigned cp = 0xF000u | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        char c = static_cast<char>(cp - 0xFEE0);
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        i += 3;
        continue;
      }
    }
    if (i + 2 < n && p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80) {  // U+3000
      out += ' ';
      i += 3;
      continue;
    }
    char c = raw[i++];
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string_view v = out;
  std::size_t len = 0;
  while (StartsOrEndsWithSpace(v, true, &len)) v.remove_prefix(len);
  while (StartsOrEndsWithSpace(v, false, &len)) v.remove_suffix(len);
  return std::string(v);
}

char CreditCodeCheckChar(std::string_view first17) {
  if (first17.size() != kCreditWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    int v = CreditValue(first17[i]);
    if (v < 0) return '\0';
    sum += v * kCreditWeights[i];
  }
  int check = 31 - sum % 31;
  return kCreditCodeAlphabet[check == 31 ? 0 : check];
}

char OrgCodeCheckChar(std::string_view first8) {
  if (first8.size() != kOrgWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first8.size(); ++i) {
    int v = OrgValue(first8[i]);
    if (v < 0) return '\0';
    sum += v * kOrgWeights[i];
  }
  int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

bool IsAllowListedCreditCode(std::string_view code) {
  for (auto allowed : kAllowList)
    if (allowed == code) return true;
  return false;
}

Result<CreditCodeInfo> ParseCreditCode(std::string_view raw) {
  const std::string code = NormalizeCreditCodeInput(raw);
  if (code.empty()) return Bad("empty", "请填写统一社会信用代码");
  const auto chars = SplitChars(code);
  if (chars.size() != 18)
    return Bad("wrong_length",
               "统一社会信用代码应为18位，实际为" + std::to_string(chars.size()) + "位");
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].size() != 1 || CreditValue(chars[i][0]) < 0)
      return Bad("invalid_character", "第" + std::to_string(i + 1) + "位字符" + Shown(chars[i]) +
                                          "不合法：统一社会信用代码只用数字0–9和大写字母，"
                                          "从不使用字母I、O、S、V、Z（易与1、0、5、U、2混淆）");
  }
  const CreditCodeKind* authority = FindKind(code[0], 0);
  if (authority == nullptr)
    return Bad("unknown_authority",
               "第1位登记管理部门代码“" + code.substr(0, 1) + "”未在GB 32100-2015中定义");
  const CreditCodeKind* kind = FindKind(code[0], code[1]);
  if (kind == nullptr)
    return Bad("unknown_kind", "第2位机构类别代码“" + code.substr(1, 1) + "”不是登记管理部门“" +
                                   code.substr(0, 1) + "”（" + authority->authority_name +
                                   "）下定义的类别");
  for (std::size_t i = 2; i < 8; ++i) {
    if (!IsDigit(code[i]))
      return Bad("invalid_division",
                 "第3–8位登记管理机关行政区划码应为6位数字，实际为“" + code.substr(2, 6) + "”");
  }
  const bool allow_listed = IsAllowListedCreditCode(code);
  const char org_check = OrgCodeCheckChar(std::string_view(code).substr(8, 8));
  if (code[16] != org_check && !allow_listed)
    return Bad("invalid_org_code",
               "第9–17位组织机构代码“" + code.substr(8, 9) + "”校验位错误（GB 11714-1997）：应为“" +
                   std::string(1, org_check) + "”，实际为“" + code.substr(16, 1) + "”");
  const char check = CreditCodeCheckChar(std::string_view(code).substr(0, 17));
  if (code[17] != check && !allow_listed)
    return Bad("check_digit_mismatch", "第18位校验码错误：按前17位计算应为“" +
                                           std::string(1, check) + "”，实际为“" +
                                           code.substr(17, 1) + "”");
  CreditCodeInfo info;
  info.code = code;
  info.authority = code[0];
  info.kind = code[1];
  info.division = code.substr(2, 6);
  info.org_code = code.substr(8, 9);
  info.allow_listed = allow_listed;
  info.authority_name = kind->authority_name;
  info.kind_name = kind->kind_name;
  return info;
}

Result<std::string> ParseOrganizationCode(std::string_view raw) {
  auto bad = [](std::string reason, std::string message) -> Status {
    return InvalidArgument(std::move(reason), std::move(message), "organization_code");
  };
  std::string code = NormalizeCreditCodeInput(raw);
  if (code.empty()) return bad("empty", "请填写组织机构代码");
  if (code.size() == 10 && code[8] == '-') code.erase(8, 1);
  const auto chars = SplitChars(code);
  if (chars.size() != 9)
    return bad("wrong_length", "组织机构代码应为9位（或“XXXXXXXX-X”形式），实际为" +
                                   std::to_string(chars.size()) + "位");
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char c = chars[i][0];
    const bool ok = chars[i].size() == 1 && (i < 8 ? OrgValue(c) >= 0 : IsDigit(c) || c == 'X');
    if (!ok)
      return bad("invalid_character",
                 "第" + std::to_string(i + 1) + "位字符" + Shown(chars[i]) +
                     "不合法：组织机构代码本体为数字或大写字母，校验码为数字或X");
  }
  const char check = OrgCodeCheckChar(std::string_view(code).substr(0, 8));
  if (code[8] != check)
    return bad("check_digit_mismatch", "组织机构代码校验码错误：应为“" + std::string(1, check) +
                                           "”，实际为“" + code.substr(8, 1) + "”");
  return code;
}

}  // namespace jg
