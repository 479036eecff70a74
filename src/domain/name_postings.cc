#include "domain/name_postings.h"

#include <algorithm>

namespace jg::name_postings {

std::vector<GramAt> GramPositions(std::string_view folded) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < folded.size(); ++i) {
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(folded.size());
  std::vector<GramAt> out;
  for (size_t k = 0; k + 2 < starts.size() && k <= 0xFFFF; ++k) {
    out.push_back({std::string(folded.substr(starts[k], starts[k + 2] - starts[k])),
                   static_cast<std::uint16_t>(k)});
  }
  return out;
}

std::string Encode(const std::vector<Entry>& entries) {
  std::string out(entries.size() * 4, '\0');
  for (size_t i = 0; i < entries.size(); ++i) {
    out[4 * i + 0] = static_cast<char>(entries[i].low & 0xFF);
    out[4 * i + 1] = static_cast<char>(entries[i].low >> 8);
    out[4 * i + 2] = static_cast<char>(entries[i].pos & 0xFF);
    out[4 * i + 3] = static_cast<char>(entries[i].pos >> 8);
  }
  return out;
}

std::vector<Entry> Decode(std::string_view bytes) {
  std::vector<Entry> out(bytes.size() / 4);
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].low = static_cast<std::uint16_t>(b[4 * i] | (b[4 * i + 1] << 8));
    out[i].pos = static_cast<std::uint16_t>(b[4 * i + 2] | (b[4 * i + 3] << 8));
  }
  return out;
}

int CountEntities(const std::vector<Entry>& sorted) {
  int n = 0;
  for (size_t i = 0; i < sorted.size(); ++i) n += (i == 0 || sorted[i].low != sorted[i - 1].low);
  return n;
}

std::vector<Entry> Replace(const std::vector<Entry>& sorted, const std::vector<std::uint16_t>& clear,
                           std::vector<Entry> add) {
  std::vector<std::uint16_t> gone = clear;
  std::sort(gone.begin(), gone.end());
  std::vector<Entry> kept;
  kept.reserve(sorted.size() + add.size());
  for (const Entry& e : sorted) {
    if (!std::binary_search(gone.begin(), gone.end(), e.low)) kept.push_back(e);
  }
  std::sort(add.begin(), add.end());
  std::vector<Entry> out;
  out.reserve(kept.size() + add.size());
  std::merge(kept.begin(), kept.end(), add.begin(), add.end(), std::back_inserter(out));
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

std::uint32_t Packed(const Entry& e) { return std::uint32_t{e.low} << 16 | e.pos; }

// The first entry of sorted [first, first + n) not less than `want`, looked
// for near `first` first: probes ascend, so the answer is usually a few
// entries on, and a search that starts in the middle of the rest reads a
// cache line far away at every step (the lists of a common gram are
// megabytes; those misses were most of a query's time). Gallops 1, 2, 4, …
// entries, then halves the last gap without branches on the data.
const Entry* LowerBound(const Entry* first, size_t n, std::uint32_t want) {
  size_t step = 1;
  while (step < n && Packed(first[step]) < want) {
    first += step;
    n -= step;
    step *= 2;
  }
  n = std::min(n, step + 1);
  while (n > 1) {
    const size_t half = n / 2;
    first = Packed(first[half - 1]) < want ? first + half : first;
    n -= half;
  }
  return n == 1 && Packed(*first) < want ? first + 1 : first;
}

}  // namespace

std::vector<std::int64_t> MatchBlock(std::int64_t block,
                                     const std::vector<const std::vector<Entry>*>& lists,
                                     std::vector<std::uint16_t>* starts) {
  std::vector<std::int64_t> ids;
  if (lists.empty()) return ids;
  // Drive from the shortest list; probe the others at the implied positions.
  size_t r = 0;
  for (size_t j = 1; j < lists.size(); ++j)
    if (lists[j]->size() < lists[r]->size()) r = j;
  // The driver's entries ascend, and so do the probes into each other list:
  // each search starts where that list's last one ended.
  std::vector<const Entry*> from(lists.size());
  for (size_t j = 0; j < lists.size(); ++j) from[j] = lists[j]->data();
  for (const Entry& e : *lists[r]) {
    if (e.pos < r) continue;
    const int start = e.pos - static_cast<int>(r);
    if (!ids.empty() && (ids.back() & kBlockMask) == e.low) continue;  // already matched
    bool all = true;
    for (size_t j = 0; j < lists.size() && all; ++j) {
      if (j == r) continue;
      const int want = start + static_cast<int>(j);
      if (want > 0xFFFF) { all = false; break; }
      const Entry* end = lists[j]->data() + lists[j]->size();
      const std::uint32_t key = std::uint32_t{e.low} << 16 | static_cast<std::uint32_t>(want);
      from[j] = LowerBound(from[j], static_cast<size_t>(end - from[j]), key);
      all = from[j] != end && Packed(*from[j]) == key;
    }
    if (!all) continue;
    // An entity's entries ascend by position: its first match is its first occurrence.
    ids.push_back((block << kBlockBits) | e.low);
    if (starts) starts->push_back(static_cast<std::uint16_t>(start));
  }
  return ids;
}

namespace {

constexpr std::uint32_t kOpen = 0xFFFF;

// The code point at `at` of valid UTF-8 and its length in bytes.
std::pair<std::uint32_t, size_t> CodePointAt(std::string_view s, size_t at) {
  const auto c = static_cast<unsigned char>(s[at]);
  const size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  std::uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t i = 1; i < len && at + i < s.size(); ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3F);
  return {cp, len};
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::uint64_t NameKey(std::string_view name) {
  std::uint64_t k = 0;
  size_t n = 0;
  for (size_t at = 0; at < name.size() && n < kKeyCharacters;) {
    auto [cp, len] = CodePointAt(name, at);
    at += len;
    ++n;
    k = (k << 16) | std::min(cp, kOpen);
    if (cp >= kOpen) break;
  }
  return k << (16 * (kKeyCharacters - n));
}

KeyCharacters CharactersOf(std::uint64_t key) {
  KeyCharacters out;
  for (size_t i = 0; i < kKeyCharacters; ++i) {
    const auto cp = static_cast<std::uint32_t>((key >> (16 * (kKeyCharacters - 1 - i))) & 0xFFFF);
    if (cp == 0) break;
    if (cp == kOpen) {
      out.open = true;
      break;
    }
    AppendUtf8(out.whole, cp);
    ++out.code_points;
  }
  return out;
}

bool KeyIsFixedBy(std::string_view prefix) {
  size_t n = 0;
  for (size_t at = 0; at < prefix.size() && n < kKeyCharacters; ++n) {
    auto [cp, len] = CodePointAt(prefix, at);
    if (cp >= kOpen) return true;
    at += len;
  }
  return n == kKeyCharacters;
}

std::string EncodeKeys(const std::vector<std::uint64_t>& keys) {
  std::string out(keys.size() * 8, '\0');
  for (size_t i = 0; i < keys.size(); ++i)
    for (int b = 0; b < 8; ++b) out[8 * i + b] = static_cast<char>((keys[i] >> (8 * b)) & 0xFF);
  return out;
}

std::vector<std::uint64_t> DecodeKeys(std::string_view bytes) {
  std::vector<std::uint64_t> out(std::size_t{1} << kKeyBlockBits, 0);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < out.size() && 8 * i + 8 <= bytes.size(); ++i)
    for (int b = 7; b >= 0; --b) out[i] = (out[i] << 8) | p[8 * i + b];
  return out;
}

}  // namespace jg::name_postings
