// Small text rules shared by the draw's canonical serialisations and its
// file format (docs/draw-algorithm.md §2): identifier tokens, escaped free
// text, canonical decimals and ratios.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jg::draw {

// A credit code: 1–32 bytes of printable ASCII (0x21–0x7E) except ',' and '\'.
bool IsCodeToken(std::string_view s);
// A key (stratum, station, department, inspector id, item code): valid UTF-8
// of at most `max_bytes` bytes with no control character (< 0x20, 0x7F), no
// ',' and no '\'; empty only when `allow_empty`.
bool IsKeyToken(std::string_view s, std::size_t max_bytes, bool allow_empty);
// Free text (plan, exclusions, seed source): valid UTF-8, at most `max_bytes`,
// control characters other than TAB, LF and CR refused.
bool IsFreeText(std::string_view s, std::size_t max_bytes);

// `\` → `\\`, TAB → `\t`, LF → `\n`, CR → `\r`; everything else as is.
std::string EscapeText(std::string_view s);
// The inverse; nullopt on any other backslash sequence or a raw control char.
std::optional<std::string> UnescapeText(std::string_view s);

// Canonical unsigned decimal: no sign, no leading zeros ("0" itself allowed).
std::optional<std::uint64_t> ParseDecimal(std::string_view s, std::uint64_t max);

// A ratio in parts per million written with exactly six decimals: "0.050000".
std::string FormatRatio(std::uint32_t ppm);
std::optional<std::uint32_t> ParseRatio(std::string_view s);  // 0.000000 … 1.000000

std::string JoinComma(const std::vector<std::string>& items);
// Split at ',' or TAB; at most `max_parts` + 1 parts are returned, so a caller
// that sees more than `max_parts` knows the input has too many (bounded memory).
std::vector<std::string_view> SplitComma(std::string_view s, std::size_t max_parts);  // "" → {}
std::vector<std::string_view> SplitTabs(std::string_view s, std::size_t max_parts);

}  // namespace jg::draw
