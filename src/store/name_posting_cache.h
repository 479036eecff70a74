// Internal to store/: what searches of one store have read of the name index,
// kept so that the next search reads less (docs/name-search.md).
// - Decoded blocks, reused only while their row still carries the revision
//   they were read at (revisions are drawn at random on every write, so a
//   rewritten, rolled-back or restored block never matches a stale entry).
// - A view of the index at one generation (migration 0020): the blocks and
//   revisions of the grams searched, every key block's revision. It is filled
//   only from reads that saw the same generation before and after them, so it
//   is that generation's index; a search that reads another generation starts
//   a new view.
// Either can make a search faster, never different.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/name_postings.h"

namespace jg::sql {

// A gram (two code points: at most 8 bytes) as one number; "" is 0.
inline std::uint64_t PackGram(std::string_view gram) {
  std::uint64_t v = 0;
  std::memcpy(&v, gram.data(), std::min<std::size_t>(gram.size(), sizeof v));
  return v;
}

template <typename T>
class RevisionCache {
 public:
  using Block = std::shared_ptr<const std::vector<T>>;

  Block Find(std::string_view gram, std::int64_t block, std::int64_t rev) {
    std::lock_guard lock(mu_);
    auto it = items_.find({PackGram(gram), block});
    if (it == items_.end() || it->second.rev != rev) return nullptr;
    return it->second.entries;
  }

  void Put(std::string_view gram, std::int64_t block, std::int64_t rev, Block entries) {
    std::lock_guard lock(mu_);
    // Bounded: past the cap the cache starts over (hot blocks come back at once).
    if (bytes_ > kMaxBytes) {
      items_.clear();
      bytes_ = 0;
    }
    bytes_ += entries->size() * sizeof(T);
    items_[{PackGram(gram), block}] = {rev, std::move(entries)};
  }

 private:
  static constexpr std::size_t kMaxBytes = 128u << 20;
  using Key = std::pair<std::uint64_t, std::int64_t>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<std::uint64_t>{}(k.first * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(k.second));
    }
  };
  struct Item {
    std::int64_t rev = 0;
    Block entries;
  };
  std::mutex mu_;
  std::unordered_map<Key, Item, KeyHash> items_;
  std::size_t bytes_ = 0;
};

// One row of entity_name_postings without its entries.
struct GramBlock {
  std::int64_t block = 0;
  std::int64_t entities = 0;
  std::int64_t rev = 0;
  std::uint64_t min_key = 0, max_key = 0;
};

// The index at one generation, as far as searches have read it.
class GenerationView {
 public:
  using Blocks = std::shared_ptr<const std::vector<GramBlock>>;  // ascending by block
  using Revisions = std::shared_ptr<const std::vector<std::pair<std::int64_t, std::int64_t>>>;
  using SortedKeys = std::shared_ptr<const std::vector<std::pair<std::uint64_t, std::uint16_t>>>;
  using SortedKeyBlocks = std::shared_ptr<const std::vector<std::pair<std::int64_t, SortedKeys>>>;

  explicit GenerationView(std::int64_t generation) : generation_(generation) {}
  std::int64_t generation() const { return generation_; }

  Blocks Gram(const std::string& gram) {
    std::lock_guard lock(mu_);
    auto it = grams_.find(gram);
    return it == grams_.end() ? nullptr : it->second;
  }
  void PutGram(const std::string& gram, Blocks blocks) {
    std::lock_guard lock(mu_);
    // Bounded like the block cache: rows of a few thousand grams.
    if (grams_.size() >= kMaxGrams) grams_.clear();
    grams_[gram] = std::move(blocks);
  }
  // (block, rev) of every key block.
  Revisions KeyRevisions() {
    std::lock_guard lock(mu_);
    return key_revisions_;
  }
  void PutKeyRevisions(Revisions r) {
    std::lock_guard lock(mu_);
    key_revisions_ = std::move(r);
  }
  // The directory's greatest entity id (inserts write names, so draw a new
  // generation): how thinly matches spread, for the choice of page strategy.
  std::optional<std::int64_t> MaxId() {
    std::lock_guard lock(mu_);
    return max_id_;
  }
  void PutMaxId(std::int64_t id) {
    std::lock_guard lock(mu_);
    max_id_ = id;
  }
  // Every key block's entities in (key, id) order, for the name-order merge.
  SortedKeyBlocks SortedKeyOrder() {
    std::lock_guard lock(mu_);
    return sorted_keys_;
  }
  void PutSortedKeyOrder(SortedKeyBlocks s) {
    std::lock_guard lock(mu_);
    sorted_keys_ = std::move(s);
  }

 private:
  static constexpr std::size_t kMaxGrams = 4096;
  const std::int64_t generation_;
  std::mutex mu_;
  std::unordered_map<std::string, Blocks> grams_;
  Revisions key_revisions_;
  SortedKeyBlocks sorted_keys_;
  std::optional<std::int64_t> max_id_;
};

// Decoded posting blocks, and blocks of name sort keys (gram "").
struct NameIndexCache {
  RevisionCache<name_postings::Entry> postings;
  RevisionCache<std::uint64_t> keys;
  // A key block's entities in (key, id) order, without the empty slots.
  RevisionCache<std::pair<std::uint64_t, std::uint16_t>> sorted_keys;

  // The view of `generation`: the current one if it is of that generation,
  // else a new empty one that replaces it.
  std::shared_ptr<GenerationView> View(std::int64_t generation) {
    std::lock_guard lock(mu);
    if (!view || view->generation() != generation) view = std::make_shared<GenerationView>(generation);
    return view;
  }

 private:
  std::mutex mu;
  std::shared_ptr<GenerationView> view;
};

}  // namespace jg::sql
