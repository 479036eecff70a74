// UTF-8 checks used wherever a human-typed string enters the system.
#pragma once

#include <cstddef>
#include <string_view>

namespace jg {

// True if `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Number of code points; `s` must be valid UTF-8.
std::size_t Utf8Length(std::string_view s);
// The first `code_points` code points of valid UTF-8 `s` (all of it if it
// has fewer).
std::string_view Utf8Prefix(std::string_view s, std::size_t code_points);

}  // namespace jg
