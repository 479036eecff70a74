// A database holding records of every kind the exchange format carries
// (every table of ExchangeTables() gets at least one row), with the values
// that are easy to lose in CSV: commas, quotes, CR/LF, leading "-" and "=",
// spaces, Chinese, empty strings next to NULLs, negative integers. Written
// through the services where they audit (departments, users) and through the
// Store elsewhere, each write with its audit entry, so the chain is real.
#pragma once

#include "support/test_stores.h"

namespace jg::testing {

void PopulateEveryKind(const TestStore& ts);

}  // namespace jg::testing
