// Reading query-string parameters with errors that name the parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/accounts.h"
#include "http/request.h"

namespace jg::http {

// The value of `k`, or "" when absent.
std::string Param(const Request& req, const char* k);
// A positive integer when present (invalid_value otherwise); absent leaves *out unset.
Status IdQuery(const Request& req, const char* k, std::optional<Id>* out);
// An integer in [min, max] when present (invalid_value otherwise).
Status PageQuery(const Request& req, const char* k, int min, int max, std::optional<int>* out);
// A year 2000–9999 when present (invalid_value otherwise).
Status YearQuery(const Request& req, const char* k, std::optional<int>* out);
// A month "YYYY-MM" of 2000–9999 when present (invalid_value otherwise);
// absent leaves *out empty.
Status MonthQuery(const Request& req, const char* k, std::string* out);
// 1/true or 0/false; absent is false.
Status FlagQuery(const Request& req, const char* k, bool* out);

}  // namespace jg::http
