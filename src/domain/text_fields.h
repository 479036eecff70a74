// Checks shared by every record a person types in: trimmed, valid UTF-8,
// within a length in characters, dates as YYYY-MM-DD. Errors name the field
// and say in Chinese what is wrong.
#pragma once

#include <string>
#include <string_view>

#include "domain/status.h"

namespace jg {

// ASCII whitespace off both ends.
std::string Trim(std::string_view s);

// Trims `value` in place, then: valid UTF-8 (invalid_utf8), no NUL
// (invalid_character), at least `min` characters (required) and at most `max` (too_long).
Status CheckText(std::string& value, const char* field, const char* label, size_t min,
                 size_t max);

// Trims `value`; "" is accepted unless `required`; otherwise a valid date.
Status CheckDate(std::string& value, const char* field, const char* label, bool required);

// ASCII upper case in place.
void UpperAscii(std::string& s);

}  // namespace jg
