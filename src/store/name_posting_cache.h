// Internal to store/: decoded blocks of the name index, shared by every
// search of one store. A block is reused only while its row still carries the
// revision it was read at (revisions are drawn at random on every write, so a
// rewritten, rolled-back or restored block never matches a stale entry): the
// cache can make a search faster, never different.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/name_postings.h"

namespace jg::sql {

template <typename T>
class RevisionCache {
 public:
  using Block = std::shared_ptr<const std::vector<T>>;

  Block Find(const std::string& gram, std::int64_t block, std::int64_t rev) {
    std::lock_guard lock(mu_);
    auto it = items_.find(Key(gram, block));
    if (it == items_.end() || it->second.rev != rev) return nullptr;
    return it->second.entries;
  }

  void Put(const std::string& gram, std::int64_t block, std::int64_t rev, Block entries) {
    std::lock_guard lock(mu_);
    // Bounded: past the cap the cache starts over (hot blocks come back at once).
    if (bytes_ > kMaxBytes) {
      items_.clear();
      bytes_ = 0;
    }
    bytes_ += entries->size() * sizeof(T);
    items_[Key(gram, block)] = {rev, std::move(entries)};
  }

 private:
  static constexpr std::size_t kMaxBytes = 128u << 20;
  static std::string Key(const std::string& gram, std::int64_t block) {
    return gram + '\0' + std::to_string(block);
  }
  struct Item {
    std::int64_t rev = 0;
    Block entries;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Item> items_;
  std::size_t bytes_ = 0;
};

// Decoded posting blocks, and blocks of name sort keys (gram "" ).
struct NameIndexCache {
  RevisionCache<name_postings::Entry> postings;
  RevisionCache<std::uint64_t> keys;
  // A key block's entities in (key, id) order, without the empty slots.
  RevisionCache<std::pair<std::uint64_t, std::uint16_t>> sorted_keys;
};

}  // namespace jg::sql
