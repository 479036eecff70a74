// The name index (名称检索索引): positional posting lists kept in
// entity_name_postings and name keys in entity_name_keys (migration 0018),
// written with every entity write. Read by sql_name_search.cc.
#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "domain/name_postings.h"
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

namespace np = name_postings;
using Key = std::pair<std::string, std::int64_t>;  // gram, block: byte order = code-point order

// Keys a statement carries: 5 values a row stays far under both backends' limits.
constexpr size_t kKeysPerStatement = 1000;

std::int64_t NewRev() {
  thread_local std::mt19937_64 rng(std::random_device{}());
  return static_cast<std::int64_t>(rng() >> 1);
}

struct BlockChange {
  std::vector<std::uint16_t> clear;
  std::vector<np::Entry> add;
};

// Name keys of entities, read a key block at a time within the writer's
// transaction (after the keys of this write were stored).
class KeyReader {
 public:
  explicit KeyReader(Connection& c) : c_(c) {}
  Status Load(const std::set<std::int64_t>& key_blocks) {
    std::vector<std::int64_t> missing;
    for (auto b : key_blocks)
      if (!blocks_.count(b)) missing.push_back(b);
    if (missing.empty()) return Status::Ok();
    Params p;
    const std::string in = BindList(p, missing.begin(), missing.end());
    auto rows = c_.Query("SELECT block, keys FROM entity_name_keys WHERE block IN (" + in + ")", p);
    if (!rows.ok()) return rows.status();
    for (auto b : key_blocks) blocks_.emplace(b, std::vector<std::uint64_t>{});
    for (const auto& r : *rows) blocks_[r.Int(0)] = np::DecodeKeys(r.Str(1));
    return Status::Ok();
  }
  std::uint64_t Get(std::int64_t id) const {
    auto it = blocks_.find(np::KeyBlockOf(id));
    if (it == blocks_.end() || it->second.empty()) return 0;
    return it->second[id & np::kKeyBlockMask];
  }

 private:
  Connection& c_;
  std::map<std::int64_t, std::vector<std::uint64_t>> blocks_;
};

Status ApplyChunk(Connection& c, const Dialect& d,
                  std::vector<std::pair<const Key, BlockChange>*>& chunk, KeyReader& keys) {
  const bool locks = !d.for_update.empty();
  if (locks) {
    // Rows to lock must exist: placeholders first, in key order (a
    // concurrent writer of the same new key waits here, not later).
    Params p;
    for (auto* kv : chunk) {
      p.push_back(kv->first.first);
      p.push_back(kv->first.second);
    }
    JG_RETURN_IF_ERROR(c.Exec("INSERT INTO entity_name_postings (gram, block, entities, rev, "
                              "entries) VALUES " +
                                  RowPlaceholders(chunk.size(), 2, ", 0, 0, ''") +
                                  " ON CONFLICT (gram, block) DO NOTHING",
                              p)
                           .status());
  }
  Params p;
  std::string grams, blocks;
  std::set<std::int64_t> block_set;
  std::string last_gram;
  for (auto* kv : chunk) {
    if (kv->first.first != last_gram || grams.empty()) {
      grams += (grams.empty() ? "" : ", ") + Bind(p, kv->first.first);
      last_gram = kv->first.first;
    }
    block_set.insert(kv->first.second);
  }
  blocks = BindList(p, block_set.begin(), block_set.end());
  auto rows = c.Query("SELECT gram, block, entries, min_key, max_key FROM entity_name_postings WHERE gram IN (" +
                          grams + ") AND block IN (" + blocks + ") ORDER BY gram " +
                          d.binary_collation + ", block" + d.for_update,
                      p);
  if (!rows.ok()) return rows.status();
  struct Current {
    std::string entries;
    std::int64_t min_key, max_key;
  };
  std::map<Key, Current> current;
  for (const auto& r : *rows) current.emplace(Key{r.Str(0), r.Int(1)}, Current{r.Str(2), r.Int(3), r.Int(4)});
  // The key blocks under the chunk's posting blocks.
  std::set<std::int64_t> key_blocks;
  for (auto b : block_set) {
    const std::int64_t first = (b << np::kBlockBits) >> np::kKeyBlockBits;
    for (std::int64_t k = 0; k < (std::int64_t{1} << (np::kBlockBits - np::kKeyBlockBits)); ++k)
      key_blocks.insert(first + k);
  }
  JG_RETURN_IF_ERROR(keys.Load(key_blocks));

  Params upsert;
  size_t n_upsert = 0;
  for (auto* kv : chunk) {
    auto it = current.find(kv->first);
    const std::vector<np::Entry> before =
        it == current.end() ? std::vector<np::Entry>{} : np::Decode(it->second.entries);
    std::vector<np::Entry> after = np::Replace(before, kv->second.clear, std::move(kv->second.add));
    if (after.empty()) {
      if (it != current.end()) {
        JG_RETURN_IF_ERROR(c.Exec("DELETE FROM entity_name_postings WHERE gram = $1 AND block = $2",
                                  {kv->first.first, kv->first.second})
                               .status());
      }
      continue;
    }
    std::uint64_t lo = ~std::uint64_t{0}, hi = 0;
    const std::int64_t base = kv->first.second << np::kBlockBits;
    for (size_t i = 0; i < after.size(); ++i) {
      if (i > 0 && after[i].low == after[i - 1].low) continue;
      const std::uint64_t k = keys.Get(base | after[i].low);
      lo = std::min(lo, k);
      hi = std::max(hi, k);
    }
    const auto min_key = static_cast<std::int64_t>(lo), max_key = static_cast<std::int64_t>(hi);
    if (after == before && it != current.end() && it->second.min_key == min_key &&
        it->second.max_key == max_key)
      continue;
    upsert.push_back(kv->first.first);
    upsert.push_back(kv->first.second);
    upsert.push_back(std::int64_t{np::CountEntities(after)});
    upsert.push_back(NewRev());
    upsert.push_back(min_key);
    upsert.push_back(max_key);
    upsert.push_back(Bytes{np::Encode(after)});
    ++n_upsert;
  }
  if (n_upsert == 0) return Status::Ok();
  return c.Exec("INSERT INTO entity_name_postings (gram, block, entities, rev, min_key, max_key, "
                "entries) VALUES " +
                    RowPlaceholders(n_upsert, 7) +
                    " ON CONFLICT (gram, block) DO UPDATE SET entities = excluded.entities, "
                    "rev = excluded.rev, min_key = excluded.min_key, max_key = excluded.max_key, "
                    "entries = excluded.entries",
                upsert)
      .status();
}

// Whether a change moves the entity's name key (a new entity always has one).
bool KeyChanges(const NameChange& ch) {
  return ch.old_name.empty() || np::NameKey(ch.old_name) != np::NameKey(ch.new_name);
}

// Whether a change touches the index at all: its entries or its name key
// (which the key bounds of its lists follow).
bool IndexChanges(const NameChange& ch) { return ch.old_fold != ch.new_fold || KeyChanges(ch); }

// Sets the name keys of the changed entities, a block of kKeyBlockIds at a time.
Status WriteNameKeys(Connection& c, const Dialect& d, const std::vector<NameChange>& changes) {
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::uint64_t>>> by_block;
  for (const auto& ch : changes) {
    if (!KeyChanges(ch)) continue;
    by_block[np::KeyBlockOf(ch.id)].emplace_back(ch.id & np::kKeyBlockMask, np::NameKey(ch.new_name));
  }
  for (auto it = by_block.begin(); it != by_block.end();) {
    std::vector<decltype(it)> chunk;
    for (; it != by_block.end() && chunk.size() < kKeysPerStatement; ++it) chunk.push_back(it);
    Params p;
    std::string in;
    for (auto b : chunk) in += (in.empty() ? "" : ", ") + Bind(p, b->first);
    if (!d.for_update.empty()) {
      JG_RETURN_IF_ERROR(c.Exec("INSERT INTO entity_name_keys (block, rev, keys) VALUES " +
                                    RowPlaceholders(chunk.size(), 1, ", 0, ''") +
                                    " ON CONFLICT (block) DO NOTHING",
                                p)
                             .status());
    }
    auto rows = c.Query("SELECT block, keys FROM entity_name_keys WHERE block IN (" + in +
                            ") ORDER BY block" + d.for_update,
                        p);
    if (!rows.ok()) return rows.status();
    std::map<std::int64_t, std::string> current;
    for (const auto& r : *rows) current.emplace(r.Int(0), r.Str(1));
    Params upsert;
    for (auto b : chunk) {
      auto keys = np::DecodeKeys(current[b->first]);
      for (const auto& [low, key] : b->second) keys[low] = key;
      upsert.push_back(b->first);
      upsert.push_back(NewRev());
      upsert.push_back(Bytes{np::EncodeKeys(keys)});
    }
    JG_RETURN_IF_ERROR(c.Exec("INSERT INTO entity_name_keys (block, rev, keys) VALUES " +
                                  RowPlaceholders(chunk.size(), 3) +
                                  " ON CONFLICT (block) DO UPDATE SET rev = excluded.rev, "
                                  "keys = excluded.keys",
                              upsert)
                           .status());
  }
  return Status::Ok();
}

// A change of the index draws a new generation before anything else
// (migration 0020). On PostgreSQL the row's lock, held to the commit, also
// makes writers of the index queue at one place.
Status NewGeneration(Connection& c) {
  return c.Exec("UPDATE entity_name_generation SET generation = $1 WHERE id = 1", {NewRev()})
      .status();
}

}  // namespace

Status WriteNamePostings(Connection& c, const Dialect& d, const std::vector<NameChange>& changes) {
  // Writes that keep every folded name and name key change nothing: no new
  // generation, so searchers keep what they have read.
  if (std::none_of(changes.begin(), changes.end(), IndexChanges)) return Status::Ok();
  JG_RETURN_IF_ERROR(NewGeneration(c));
  // Keys first: the lists' key bounds are computed from them (and every
  // writer locks keys, then lists, in that order).
  JG_RETURN_IF_ERROR(WriteNameKeys(c, d, changes));
  std::map<Key, BlockChange> by_key;
  for (const auto& ch : changes) {
    // An unchanged folded name keeps its entries, but a new name key may move
    // its lists' key bounds: those rows are rewritten too.
    if (!IndexChanges(ch)) continue;
    const std::int64_t block = np::BlockOf(ch.id);
    const auto low = static_cast<std::uint16_t>(ch.id & np::kBlockMask);
    for (const auto& g : np::GramPositions(ch.old_fold)) {
      auto& clear = by_key[{g.gram, block}].clear;
      if (clear.empty() || clear.back() != low) clear.push_back(low);
    }
    for (const auto& g : np::GramPositions(ch.new_fold)) by_key[{g.gram, block}].add.push_back({low, g.pos});
  }
  KeyReader keys(c);
  std::vector<std::pair<const Key, BlockChange>*> chunk;
  for (auto& kv : by_key) {
    chunk.push_back(&kv);
    if (chunk.size() == kKeysPerStatement) {
      JG_RETURN_IF_ERROR(ApplyChunk(c, d, chunk, keys));
      chunk.clear();
    }
  }
  if (!chunk.empty()) JG_RETURN_IF_ERROR(ApplyChunk(c, d, chunk, keys));
  return Status::Ok();
}

Status RebuildNamePostings(Connection& c, const Dialect& d) {
  JG_RETURN_IF_ERROR(NewGeneration(c));
  JG_RETURN_IF_ERROR(c.Exec("DELETE FROM entity_name_postings", {}).status());
  JG_RETURN_IF_ERROR(c.Exec("DELETE FROM entity_name_keys", {}).status());
  std::int64_t last = -1;
  for (;;) {
    // A block range at a time: each block's lists are written once.
    auto rows = c.Query("SELECT id, name_fold, name FROM entities WHERE id > $1 ORDER BY id LIMIT 65536",
                        {last});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Ok();
    std::vector<NameChange> changes;
    changes.reserve(rows->size());
    for (const auto& r : *rows) changes.push_back({r.Int(0), "", r.Str(1), "", r.Str(2)});
    last = changes.back().id;
    JG_RETURN_IF_ERROR(WriteNamePostings(c, d, changes));
  }
}

Status FillNamePostingsIfMissing(Connection& c, const Dialect& d) {
  auto rows = c.Query(
      "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM entities LIMIT 1) e), "
      "(SELECT COUNT(*) FROM (SELECT 1 FROM entity_name_postings LIMIT 1) p)",
      {});
  if (!rows.ok()) return rows.status();
  if (rows->front().Int(0) == 0 || rows->front().Int(1) != 0) return Status::Ok();
  return RebuildNamePostings(c, d);
}

}  // namespace jg::sql
