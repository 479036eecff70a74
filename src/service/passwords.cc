#include "service/passwords.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace jg {
namespace {
void EnsureSodium() {
  static const int kInit = sodium_init();
  if (kInit < 0) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}
PasswordCost PasswordCost::Minimum() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_argon2id_str(out.data(), password.data(), password.size(), cost.ops,
                                 cost.mem_bytes) != 0) {
    return ResourceExhausted("hash_failed", "服务器内存不足，无法计算密码摘要");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view password, const std::string& encoded) {
  EnsureSodium();
  if (encoded.empty()) return false;
  return crypto_pwhash_argon2id_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  EnsureSodium();
  std::array<unsigned char, 32> buf{};
  randombytes_buf(buf.data(), buf.size());
  std::array<char, 65> hex{};
  sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
  return std::string(hex.data());
}

}  // namespace jg
