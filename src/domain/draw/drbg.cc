#include "domain/draw/drbg.h"

#include <unordered_map>
#include <utility>

namespace jg::draw {
namespace {

void AppendBe(std::string& out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

Digest SeedMaterial(std::string_view seed, const Digest& eligible, const Digest& params) {
  Sm3Hasher h;
  h.Update(kDrawAlgorithm);
  h.Update(AsBytes(eligible));
  h.Update(AsBytes(params));
  h.Update(seed);
  return h.Final();
}

Drbg::Drbg(const Digest& key, std::string_view label) : key_(key) {
  prefix_.append(AsBytes(key_));
  AppendBe(prefix_, label.size(), 4);
  prefix_.append(label);
}

Digest Drbg::Block(std::uint64_t i) const {
  std::string msg = prefix_;
  AppendBe(msg, i, 8);
  return Sm3(msg);
}

std::uint64_t Drbg::NextWord() {
  if (next_word_ >= 4) {
    block_ = Block(counter_++);
    next_word_ = 0;
  }
  std::uint64_t w = 0;
  for (int b = 0; b < 8; ++b) w = (w << 8) | block_[next_word_ * 8 + b];
  ++next_word_;
  ++words_used_;
  return w;
}

std::uint64_t Drbg::UniformBelow(std::uint64_t n) {
  if (n == 0) n = 1;
  const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
  for (;;) {
    std::uint64_t w = NextWord();
    if (w >= threshold) return w % n;
  }
}

std::vector<std::uint64_t> SampleWithoutReplacement(Drbg& drbg, std::uint64_t n, std::uint64_t k) {
  std::vector<std::uint64_t> out;
  if (k > n) k = n;
  out.reserve(k);
  if (k == 0) return out;
  if (k * 4 >= n) {  // dense: the whole virtual array is small enough
    std::vector<std::uint64_t> a(n);
    for (std::uint64_t i = 0; i < n; ++i) a[i] = i;
    for (std::uint64_t j = 0; j < k; ++j) {
      std::uint64_t r = j + drbg.UniformBelow(n - j);
      std::swap(a[j], a[r]);
      out.push_back(a[j]);
    }
    return out;
  }
  // Sparse: only displaced cells are stored; a[x] == x otherwise. a[j] is never
  // read again after step j (later r >= j' > j), so only a[r] is written.
  std::unordered_map<std::uint64_t, std::uint64_t> moved;
  moved.reserve(k * 2);
  auto get = [&moved](std::uint64_t x) {
    auto it = moved.find(x);
    return it == moved.end() ? x : it->second;
  };
  for (std::uint64_t j = 0; j < k; ++j) {
    std::uint64_t r = j + drbg.UniformBelow(n - j);
    std::uint64_t vj = get(j), vr = get(r);
    moved[r] = vj;
    out.push_back(vr);
  }
  return out;
}

}  // namespace jg::draw
