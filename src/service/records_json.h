// Canonical JSON of records for audit digests (keys sorted, secrets left out).
#pragma once

#include <string>

#include "domain/accounts.h"

namespace jg {

std::string CanonicalJson(const Department& d);
std::string CanonicalJson(const User& u);

}  // namespace jg
