// Password hashing with argon2id (libsodium's crypto_pwhash_str), and the
// random tokens of sessions and CSRF.
#pragma once

#include <string>
#include <string_view>

#include "domain/status.h"

namespace jg {

struct PasswordCost {
  unsigned long long ops;
  size_t mem_bytes;
  // libsodium's INTERACTIVE limits: 2 passes, 64 MiB. The default.
  static PasswordCost Interactive();
  // The minimum libsodium allows; only for tests, which hash many passwords.
  static PasswordCost Minimum();
};

Result<std::string> HashPassword(std::string_view password, PasswordCost cost);
// Constant-time check of `password` against an encoded argon2id hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

// 32 random bytes from the OS CSPRNG, hex-encoded (64 characters).
std::string RandomToken();

}  // namespace jg
