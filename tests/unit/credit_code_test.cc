// 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714-1997). The valid
// codes below were computed with an independent reference script, not with
// the code under test.
#include "domain/credit_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

namespace jg {
namespace {

struct ValidCase {
  std::string input;
  std::string code;  // normalised
  char authority;
  char kind;
  std::string kind_name;
};

TEST(CreditCode, AcceptsValidCodes) {
  const ValidCase cases[] = {
      {"91350100M000100Y43", "91350100M000100Y43", '9', '1', "企业"},  // widely published example
      {"91310114MA1GT5K294", "91310114MA1GT5K294", '9', '1', "企业"},
      {"92310114L00000011E", "92310114L00000011E", '9', '2', "个体工商户"},
      {"93310114MA1H3W8C7A", "93310114MA1H3W8C7A", '9', '3', "农民专业合作社"},
      {"91310114D2143569X3", "91310114D2143569X3", '9', '1', "企业"},  // org check 'X'
      {"91310114000000000A", "91310114000000000A", '9', '1', "企业"},  // org check 11 → '0'
      {"91310000132210050U", "91310000132210050U", '9', '1', "企业"},
      {"111000000000123437", "111000000000123437", '1', '1', "机关"},
      {"523101145012345692", "523101145012345692", '5', '2', "民办非企业单位"},
      {"3131011400000006XG", "3131011400000006XG", '3', '1', "律师执业机构"},
      {"Y1310114MA1K9D0E6K", "Y1310114MA1K9D0E6K", 'Y', '1', "其他"},
      {"A1110000MA00PR1Q68", "A1110000MA00PR1Q68", 'A', '1', "军队事业单位"},
      {"N2310114MA1N20000B", "N2310114MA1N20000B", 'N', '2', "村级集体经济组织"},
      // Normalisation: case, surrounding whitespace, full-width forms.
      {"91310114ma1gt5k294", "91310114MA1GT5K294", '9', '1', "企业"},
      {"  91310114MA1GT5K294\t\n", "91310114MA1GT5K294", '9', '1', "企业"},
      {"\u300091310114MA1GT5K294\u3000", "91310114MA1GT5K294", '9', '1', "企业"},
      {"\uFF19\uFF11\uFF13\uFF11\uFF10\uFF11\uFF11\uFF14\uFF2D\uFF21\uFF11\uFF27\uFF34\uFF15"
       "\uFF2B\uFF12\uFF19\uFF14",
       "91310114MA1GT5K294", '9', '1', "企业"},
      {"９１３１０１１４ｍａ１ｇｔ５ｋ２９４　", "91310114MA1GT5K294", '9', '1', "企业"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto r = ParseCreditCode(c.input);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->code, c.code);
    EXPECT_EQ(r->authority, c.authority);
    EXPECT_EQ(r->kind, c.kind);
    EXPECT_EQ(r->kind_name, c.kind_name);
    EXPECT_EQ(r->division, c.code.substr(2, 6));
    EXPECT_EQ(r->org_code, c.code.substr(8, 9));
    EXPECT_FALSE(r->allow_listed);
    EXPECT_EQ(CreditCodeCheckChar(c.code.substr(0, 17)), c.code[17]);
    EXPECT_EQ(OrgCodeCheckChar(c.code.substr(8, 8)), c.code[16]);
  }
}

TEST(CreditCode, ReportsParts) {
  auto r = ParseCreditCode("91310114MA1GT5K294");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->division, "310114");
  EXPECT_EQ(r->org_code, "MA1GT5K29");
  EXPECT_EQ(r->authority_name, "市场监管（工商）");
  EXPECT_EQ(r->kind_name, "企业");
}

struct BadCase {
  std::string input;
  std::string reason;
  std::string message_part;  // the message must name what failed
};

TEST(CreditCode, RefusesWithTheRuleThatFailed) {
  const BadCase cases[] = {
      {"", "empty", "请填写"},
      {"   ", "empty", "请填写"},
      {"\u3000\t", "empty", "请填写"},
      {"91310114MA1GT5K29", "wrong_length", "实际为17位"},
      {"91310114MA1GT5K2944", "wrong_length", "实际为19位"},
      {"统一社会信用代码", "wrong_length", "实际为8位"},
      {"91310114MA1GT5KI94", "invalid_character", "第16位字符“I”"},
      {"91310114MA1GT5K29O", "invalid_character", "第18位字符“O”"},
      {"S1310114MA1GT5K294", "invalid_character", "I、O、S、V、Z"},
      {"91310114MA1GT5K29中", "invalid_character", "第18位字符“中”"},
      {"91310114 MA1GT5K29", "invalid_character", "第9位字符空格"},
      {"91310114MA1GT-K294", "invalid_character", "第14位字符“-”"},
      {std::string("91310114MA1GT5K29\xFF"), "invalid_character", "字节0xFF"},
      {"B1310114MA1GT5K294", "unknown_authority", "第1位登记管理部门代码“B”"},
      {"01310114MA1GT5K294", "unknown_authority", "“0”"},
      {"94310114MA1GT5K294", "unknown_kind", "第2位机构类别代码“4”"},
      {"Y2310114MA1K9D0E6K", "unknown_kind", "“Y”（其他）"},
      {"5431011450123456X2", "unknown_kind", "（民政）"},
      {"9131A114MA1GT5K294", "invalid_division", "“31A114”"},
      {"91310114MA1GT5K2X4", "invalid_org_code", "应为“9”，实际为“X”"},
      {"91310114MA1GT5K394", "invalid_org_code", "“MA1GT5K39”"},
      {"91310114MA1GT5L294", "invalid_org_code", "GB 11714-1997"},
      {"91310114MA1GT5K295", "check_digit_mismatch", "应为“4”，实际为“5”"},
      {"91350100M000100Y44", "check_digit_mismatch", "应为“3”，实际为“4”"},
      {"91310114000000000B", "check_digit_mismatch", "应为“A”"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto r = ParseCreditCode(c.input);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.status().reason(), c.reason);
    EXPECT_EQ(r.status().field(), "credit_code");
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos) << r.status().message();
  }
}

TEST(CreditCode, AllowListAcceptsListedCodesOnly) {
  // The example entry of the allow-list: its check character is wrong ('A' is right).
  EXPECT_TRUE(IsAllowListedCreditCode("91310114000000000X"));
  EXPECT_FALSE(IsAllowListedCreditCode("91310114000000000A"));
  EXPECT_FALSE(IsAllowListedCreditCode("91310114000000000x"));  // expects normalised input
  auto r = ParseCreditCode(" 91310114000000000x ");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->allow_listed);
  EXPECT_EQ(r->code, "91310114000000000X");
}

TEST(CreditCode, CheckCharsRefuseMalformedInput) {
  EXPECT_EQ(CreditCodeCheckChar("91350100M000100Y4"), '3');
  EXPECT_EQ(CreditCodeCheckChar("91350100M000100Y"), '\0');
  EXPECT_EQ(CreditCodeCheckChar("91350100M000100I4"), '\0');
  EXPECT_EQ(OrgCodeCheckChar("M000100Y"), '4');
  EXPECT_EQ(OrgCodeCheckChar("D2143569"), 'X');
  EXPECT_EQ(OrgCodeCheckChar("00000000"), '0');
  EXPECT_EQ(OrgCodeCheckChar("12345678"), '8');
  EXPECT_EQ(OrgCodeCheckChar("1234567"), '\0');
  EXPECT_EQ(OrgCodeCheckChar("1234567a"), '\0');
}

TEST(CreditCode, NormalisesInput) {
  EXPECT_EQ(NormalizeCreditCodeInput(" \u3000ａｂ\uFF0D1\u00A0\uFEFF"), "AB-1");
  EXPECT_EQ(NormalizeCreditCodeInput("a\u3000b"), "A B");
  EXPECT_EQ(NormalizeCreditCodeInput("中ａ"), "中A");
  EXPECT_EQ(NormalizeCreditCodeInput("\xEF\xBC"), "\xEF\xBC");  // truncated: unchanged
}

TEST(CreditCode, KindTableIsWellFormed) {
  std::set<std::pair<char, char>> seen;
  for (const auto& k : CreditCodeKinds()) {
    EXPECT_NE(kCreditCodeAlphabet.find(k.authority), std::string_view::npos);
    EXPECT_NE(kCreditCodeAlphabet.find(k.kind), std::string_view::npos);
    EXPECT_TRUE(seen.insert({k.authority, k.kind}).second) << k.authority << k.kind;
  }
  for (std::string_view required :
       {"11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1"})
    EXPECT_TRUE(seen.count({required[0], required[1]})) << required;
  EXPECT_FALSE(seen.count({'9', '9'}));
}

TEST(OrganizationCode, AcceptsPlainAndPrintedForms) {
  const std::pair<std::string, std::string> cases[] = {
      {"M000100Y4", "M000100Y4"},  {"M000100Y-4", "M000100Y4"},
      {"d2143569-x", "D2143569X"}, {" ＤＳ143569－４ ", "DS1435694"},  // S is allowed here
      {"000000000", "000000000"},  {"12345678-8", "123456788"},
  };
  for (const auto& [input, want] : cases) {
    SCOPED_TRACE(input);
    auto r = ParseOrganizationCode(input);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, want);
  }
}

TEST(OrganizationCode, RefusesWithTheRuleThatFailed) {
  const BadCase cases[] = {
      {" ", "empty", "请填写"},
      {"M000100Y", "wrong_length", "实际为8位"},
      {"M000100Y--4", "wrong_length", "实际为11位"},
      {"M0001-0Y4", "invalid_character", "第6位字符“-”"},
      {"M000100YA", "invalid_character", "第9位字符“A”"},
      {"M000100Y-5", "check_digit_mismatch", "应为“4”，实际为“5”"},
      {"D2143569-0", "check_digit_mismatch", "应为“X”"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto r = ParseOrganizationCode(c.input);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().reason(), c.reason);
    EXPECT_EQ(r.status().field(), "organization_code");
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace jg
