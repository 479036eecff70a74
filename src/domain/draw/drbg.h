// The deterministic random bit generator of the draw (docs/draw-algorithm.md §3):
// SM3 in counter mode, keyed by seed material that binds the seed to the
// committed eligible list and parameters; one independent stream per label.
// Never std::mt19937 or <random>: every byte must be re-derivable by anyone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/draw/sm3_stream.h"

namespace jg::draw {

inline constexpr std::string_view kDrawAlgorithm = "jianguan-draw-v1";

// SM3("jianguan-draw-v1" ‖ E ‖ D ‖ seed), E the raw 32-byte digest of the
// canonical eligible list and D that of the parameters: the selection key uses
// D = S (the stratum rules), the assignment key D = P (all parameters).
Digest SeedMaterial(std::string_view seed, const Digest& eligible, const Digest& params);

class Drbg {
 public:
  Drbg(const Digest& key, std::string_view label);

  // block_i = SM3(K ‖ uint32_be(len(label)) ‖ label ‖ uint64_be(i)).
  Digest Block(std::uint64_t i) const;
  // The next 64-bit big-endian word: words 0..3 of block 0, then of block 1, …
  std::uint64_t NextWord();
  // Uniform in [0, n) for n >= 1 (n == 0 is treated as 1): draws words w until
  // w >= 2^64 mod n, returns w mod n. Always consumes at least one word.
  std::uint64_t UniformBelow(std::uint64_t n);

  std::uint64_t words_used() const { return words_used_; }

 private:
  Digest key_;
  std::string prefix_;  // K ‖ uint32_be(len) ‖ label, the counter appended per block
  std::uint64_t counter_ = 0;
  Digest block_{};
  int next_word_ = 4;  // index into block_ (4 = exhausted)
  std::uint64_t words_used_ = 0;
};

// Partial Fisher–Yates over the virtual array a = [0, n): for j = 0..k-1,
// r = j + UniformBelow(n - j), swap a[j] and a[r], output a[j]. Returns the k
// positions in draw order. O(k) time and memory (a sparse swap map) when k ≪ n.
// Requires k <= n.
std::vector<std::uint64_t> SampleWithoutReplacement(Drbg& drbg, std::uint64_t n, std::uint64_t k);

}  // namespace jg::draw
