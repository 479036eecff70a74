#include "domain/draw/sm3_stream.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace jg::draw {
namespace {

constexpr std::size_t kBatch = 64 * 1024;

const EVP_MD* Sm3Md() {
  // Fetched once: an implicit fetch on every init would dominate the DRBG.
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SM3", nullptr);
  // SM3 is in OpenSSL 3's default provider; without it no caller can recover
  // (the same policy as domain/sm3.cc).
  if (md == nullptr) throw std::runtime_error("OpenSSL SM3 unavailable");
  return md;
}

void Check(int rc) {
  if (rc != 1) throw std::runtime_error("OpenSSL SM3 failed");
}

}  // namespace

Sm3Hasher::Sm3Hasher() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr) throw std::runtime_error("OpenSSL out of memory");
  Check(EVP_DigestInit_ex(ctx_, Sm3Md(), nullptr));
}

Sm3Hasher::~Sm3Hasher() {
  EVP_MD_CTX_free(ctx_);
}

void Sm3Hasher::Flush() {
  if (buffer_.empty()) return;
  Check(EVP_DigestUpdate(ctx_, buffer_.data(), buffer_.size()));
  buffer_.clear();
}

void Sm3Hasher::Update(std::string_view bytes) {
  if (bytes.size() >= kBatch) {
    Flush();
    Check(EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()));
    return;
  }
  if (buffer_.size() + bytes.size() > kBatch) Flush();
  if (buffer_.capacity() < kBatch) buffer_.reserve(kBatch);
  buffer_.append(bytes);
}

Digest Sm3Hasher::Final() {
  Flush();
  Digest d{};
  unsigned int len = 0;
  Check(EVP_DigestFinal_ex(ctx_, d.data(), &len));
  if (len != d.size()) throw std::runtime_error("OpenSSL SM3 digest size");
  Check(EVP_DigestInit_ex(ctx_, Sm3Md(), nullptr));
  return d;
}

Digest Sm3(std::string_view bytes) {
  Digest d{};
  unsigned int len = 0;
  Check(EVP_Digest(bytes.data(), bytes.size(), d.data(), &len, Sm3Md(), nullptr));
  return d;
}

std::string HexOf(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string_view AsBytes(const Digest& d) {
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

std::string HexOf(const Digest& d) {
  return HexOf(AsBytes(d));
}

std::optional<std::string> DecodeHex(std::string_view hex, bool lower_only) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [lower_only](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (!lower_only && c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

}  // namespace jg::draw
