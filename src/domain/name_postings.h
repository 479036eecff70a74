// The directory's name index (名称检索索引) as positional posting lists: for each
// two-code-point gram of a folded name, which entities hold it and at which
// code-point positions. A substring query of n >= 2 code points matches an
// entity exactly when its grams g0..g(n-2) sit at consecutive positions
// p, p+1, …, so matches and their count come from the lists alone, without
// reading names. Lists are cut into blocks of 2^kBlockBits entity ids so that
// a write rewrites one small block, not a whole list. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jg::name_postings {

constexpr int kBlockBits = 14;  // 16384 ids a block: a common gram's block is ≤ 64 KiB
constexpr std::int64_t kBlockMask = (std::int64_t{1} << kBlockBits) - 1;

inline std::int64_t BlockOf(std::int64_t id) { return id >> kBlockBits; }

// One occurrence: the entity's id within the block and the gram's position.
struct Entry {
  std::uint16_t low = 0;
  std::uint16_t pos = 0;
  friend bool operator==(const Entry&, const Entry&) = default;
  friend auto operator<=>(const Entry&, const Entry&) = default;
};

struct GramAt {
  std::string gram;
  std::uint16_t pos = 0;
};

// Every gram of a folded text with its code-point position, in text order
// (repeats kept). Texts beyond 65535 code points are indexed up to there.
std::vector<GramAt> GramPositions(std::string_view folded);

// A block's entries, sorted by (low, pos), as stored: 4 bytes each, little-endian.
std::string Encode(const std::vector<Entry>& entries);
std::vector<Entry> Decode(std::string_view bytes);

// How many distinct entities a sorted block holds.
int CountEntities(const std::vector<Entry>& sorted);

// Removes every entry of the ids in `clear` (lows) and adds `add`; the result
// stays sorted and free of duplicates.
std::vector<Entry> Replace(const std::vector<Entry>& sorted, const std::vector<std::uint16_t>& clear,
                           std::vector<Entry> add);

// The ids (block << kBlockBits | low), ascending, of the entities whose text
// holds the query at some position, given the block's lists of the query's
// grams g0..g(n-2) in query order (the same list may appear more than once);
// with `starts`, also where each one's first occurrence starts (code points).
std::vector<std::int64_t> MatchBlock(std::int64_t block,
                                     const std::vector<const std::vector<Entry>*>& lists,
                                     std::vector<std::uint16_t>* starts = nullptr);

// Name order without the names: the first kKeyCharacters code points of a
// name, 16 bits each, as one big-endian number (0-padded), so a < b between
// keys means the same between names (byte order of UTF-8 is code point
// order), and equal keys leave the names to decide. A code point of U+FFFF or
// beyond is kept as 0xFFFF and ends the key: the key then only bounds that
// character from below. Four whole Chinese characters (上海食品) where the
// name's first 8 bytes held two and a third of one. Names are valid UTF-8.
// Kept per block of kKeyBlockIds ids.
constexpr int kKeyBlockBits = 12;
constexpr std::int64_t kKeyBlockMask = (std::int64_t{1} << kKeyBlockBits) - 1;
constexpr std::size_t kKeyCharacters = 4;
inline std::int64_t KeyBlockOf(std::int64_t id) { return id >> kKeyBlockBits; }
std::uint64_t NameKey(std::string_view name);
// The characters a key holds: the whole ones (and how many), and whether
// the key ends in one it only bounds from below (U+FFFF or beyond).
struct KeyCharacters {
  std::string whole;
  std::size_t code_points = 0;
  bool open = false;
};
KeyCharacters CharactersOf(std::uint64_t key);
// True if every name that starts with `prefix` has the key of `prefix`.
bool KeyIsFixedBy(std::string_view prefix);
std::string EncodeKeys(const std::vector<std::uint64_t>& keys);  // 8 bytes each, little-endian
std::vector<std::uint64_t> DecodeKeys(std::string_view bytes);    // always kKeyBlockIds long

}  // namespace jg::name_postings
