// 统一社会信用代码 (unified social credit identifier, GB 32100-2015) and
// 组织机构代码 (organisation code, GB 11714-1997): normalisation, parsing and
// check characters. Pure functions, no I/O. See docs/credit-codes.md.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace jg {

// The 31 characters a credit code may use, in value order 0–30 (no I, O, S, V, Z).
inline constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// One row of GB 32100-2015 表1: a registering authority (position 1) and one of
// its institution kinds (position 2).
struct CreditCodeKind {
  char authority;
  char kind;
  const char* authority_name;
  const char* kind_name;
};
// All rows of the table, grouped by authority (for validation, UI and generators).
std::span<const CreditCodeKind> CreditCodeKinds();

// Trims whitespace (ASCII, U+00A0, U+3000, U+FEFF) at both ends, maps full-width
// ASCII (U+FF01–U+FF5E) and U+3000 to half-width, and upper-cases ASCII letters.
// Other bytes pass through unchanged.
std::string NormalizeCreditCodeInput(std::string_view raw);

struct CreditCodeInfo {
  std::string code;            // the normalised 18 characters
  char authority = 0;          // position 1
  char kind = 0;               // position 2
  std::string division;        // positions 3–8, administrative division code
  std::string org_code;        // positions 9–17, organisation code
  bool allow_listed = false;   // on the allow-list (accepted even if a check fails)
  std::string authority_name;  // e.g. "市场监管（工商）"
  std::string kind_name;       // e.g. "企业"
};

// Normalises, then validates structure and both check characters. On failure:
// InvalidArgument with field "credit_code" and reason one of empty, wrong_length,
// invalid_character, unknown_authority, unknown_kind, invalid_division,
// invalid_org_code, check_digit_mismatch.
Result<CreditCodeInfo> ParseCreditCode(std::string_view raw);

// The check character (position 18) for 17 characters of kCreditCodeAlphabet;
// '\0' if `first17` is not exactly that.
char CreditCodeCheckChar(std::string_view first17);
// The GB 11714 check character ('0'–'9' or 'X') for 8 characters from 0–9, A–Z;
// '\0' if `first8` is not exactly that.
char OrgCodeCheckChar(std::string_view first8);

// A stand-alone 9-character organisation code, also in the printed form
// "XXXXXXXX-X". Returns the 9 characters without the hyphen. Failure reasons:
// empty, wrong_length, invalid_character, check_digit_mismatch; field
// "organization_code".
Result<std::string> ParseOrganizationCode(std::string_view raw);

// True if `code` (normalised, 18 characters) is on the allow-list of lawful early
// pilot codes that fail a check character. The list lives in credit_code.cc.
bool IsAllowListedCreditCode(std::string_view code);

}  // namespace jg
