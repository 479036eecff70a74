// Incremental SM3 (GB/T 32905-2016) with raw 32-byte digests, for hashing
// large canonical texts (the eligible list) without building them in memory,
// and for the DRBG of the random draw. Hex helpers for digests and seeds.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace jg::draw {

using Digest = std::array<std::uint8_t, 32>;

class Sm3Hasher {
 public:
  Sm3Hasher();
  ~Sm3Hasher();
  Sm3Hasher(const Sm3Hasher&) = delete;
  Sm3Hasher& operator=(const Sm3Hasher&) = delete;

  void Update(std::string_view bytes);
  // The digest of everything given since construction or the last Final().
  Digest Final();

 private:
  void Flush();
  evp_md_ctx_st* ctx_ = nullptr;
  std::string buffer_;  // small updates are batched into 64 KiB calls
};

Digest Sm3(std::string_view bytes);

std::string HexOf(std::string_view bytes);  // lower case
std::string HexOf(const Digest& d);
// Strict: an even number of hex digits; lower case only when `lower_only`.
std::optional<std::string> DecodeHex(std::string_view hex, bool lower_only = false);
std::string_view AsBytes(const Digest& d);

}  // namespace jg::draw
