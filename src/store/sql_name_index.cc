// The name index (名称检索索引): positional posting lists kept in
// entity_name_postings (migration 0018), written with every entity write and
// read by SearchEntities.
#include <map>
#include <queue>
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
// A page sorted by name reads the names of at most this many matches; past
// it, it walks the name index instead.
constexpr size_t kNamesToSort = 256;
constexpr size_t kIdsPerNameFetch = 512;
// Entities of one key the merge visits before taking that key's matches
// straight from the blocks.
constexpr size_t kTieVisits = 1024;

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

// Sets the name keys of the changed entities, a block of kKeyBlockIds at a time.
Status WriteNameKeys(Connection& c, const Dialect& d, const std::vector<NameChange>& changes) {
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::uint64_t>>> by_block;
  for (const auto& ch : changes) {
    const std::uint64_t key = np::NameKey(ch.new_name);
    if (!ch.old_name.empty() && np::NameKey(ch.old_name) == key) continue;
    by_block[np::KeyBlockOf(ch.id)].emplace_back(ch.id & np::kKeyBlockMask, key);
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

}  // namespace

Status WriteNamePostings(Connection& c, const Dialect& d, const std::vector<NameChange>& changes) {
  // Keys first: the lists' key bounds are computed from them (and every
  // writer locks keys, then lists, in that order).
  JG_RETURN_IF_ERROR(WriteNameKeys(c, d, changes));
  std::map<Key, BlockChange> by_key;
  for (const auto& ch : changes) {
    // An unchanged folded name keeps its entries, but a new name key may move
    // its lists' key bounds: those rows are rewritten too.
    if (ch.old_fold == ch.new_fold && np::NameKey(ch.old_name) == np::NameKey(ch.new_name)) continue;
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

bool SqlStore::NameMatch::Contains(Id id) const {
  if (!membership_by_lists) {
    const auto at = static_cast<std::uint64_t>(id);
    return at / 64 < bits.size() && (bits[at / 64] >> (at % 64)) & 1;
  }
  auto it = lists.find(np::BlockOf(id));
  if (it == lists.end()) return false;
  const auto low = static_cast<std::uint16_t>(id & np::kBlockMask);
  auto e = std::lower_bound(it->second->begin(), it->second->end(), np::Entry{low, 0});
  return e != it->second->end() && e->low == low;
}

Result<SqlStore::NameMatch> SqlStore::MatchName(const std::string& folded, NameWant want) {
  const auto grams = np::GramPositions(folded);
  NameMatch out;
  if (grams.empty()) return out;
  std::vector<std::string> distinct;
  for (const auto& g : grams)
    if (std::find(distinct.begin(), distinct.end(), g.gram) == distinct.end()) distinct.push_back(g.gram);
  Params p;
  const std::string in = BindList(p, distinct.begin(), distinct.end());
  auto meta = Query("SELECT gram, block, entities, rev, min_key, max_key FROM entity_name_postings "
                    "WHERE gram IN (" + in + ")",
                    p);
  if (!meta.ok()) return meta.status();
  // gram → block → (entities, rev)
  std::map<std::string, std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>>> blocks;
  // Per gram, the least and greatest name key of its entities: every match
  // holds every gram, so its key lies within each gram's bounds.
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> bounds;
  for (const auto& r : *meta) {
    blocks[r.Str(0)][r.Int(1)] = {r.Int(2), r.Int(3)};
    auto [it, fresh] = bounds.try_emplace(r.Str(0), ~std::uint64_t{0}, 0);
    it->second.first = std::min(it->second.first, static_cast<std::uint64_t>(r.Int(4)));
    it->second.second = std::max(it->second.second, static_cast<std::uint64_t>(r.Int(5)));
  }
  if (blocks.size() < distinct.size()) return out;  // a gram nobody holds
  out.lower = 0;
  out.upper = ~std::uint64_t{0};
  for (const auto& [g, b] : bounds) {
    out.lower = std::max(out.lower, b.first);
    out.upper = std::min(out.upper, b.second);
  }
  const bool one_gram = grams.size() == 1;
  if (one_gram) {
    // A two-character query: its gram's entities are its matches.
    for (const auto& [b, v] : blocks.begin()->second) out.total += v.first;
    if (want == NameWant::kTotal) return out;
  }
  // Blocks every gram is in.
  std::vector<std::int64_t> common;
  for (const auto& [b, v] : blocks.at(distinct.front())) {
    bool all = true;
    for (const auto& g : distinct) all = all && blocks.at(g).count(b);
    if (all) common.push_back(b);
  }
  // Decoded lists: from the cache when the row's revision is unchanged.
  std::map<Key, RevisionCache<np::Entry>::Block> lists;
  for (const auto& g : distinct) {
    Params fp = {g};
    std::string missing;
    for (auto b : common) {
      auto hit = name_cache_->postings.Find(g, b, blocks.at(g).at(b).second);
      if (hit) {
        lists[{g, b}] = std::move(hit);
      } else {
        missing += (missing.empty() ? "" : ", ") + Bind(fp, b);
      }
    }
    if (missing.empty()) continue;
    auto rows = Query("SELECT block, rev, entries FROM entity_name_postings WHERE gram = $1 AND "
                      "block IN (" + missing + ")",
                      fp);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      auto decoded = std::make_shared<const std::vector<np::Entry>>(np::Decode(r.Str(2)));
      name_cache_->postings.Put(g, r.Int(0), r.Int(1), decoded);
      lists[{g, r.Int(0)}] = std::move(decoded);
    }
  }
  if (one_gram && want == NameWant::kMembership) {
    for (auto& [k, list] : lists) out.lists[k.second] = list;
    out.membership_by_lists = true;
    return out;
  }
  out.total = 0;
  for (auto b : common) {
    std::vector<const std::vector<np::Entry>*> ls;
    for (const auto& g : grams) {
      auto it = lists.find({g.gram, b});
      if (it == lists.end()) break;  // written since the first read: not there now
      ls.push_back(it->second.get());
    }
    if (ls.size() != grams.size()) continue;
    auto ids = np::MatchBlock(b, ls);
    out.total += static_cast<std::int64_t>(ids.size());
    out.ids.insert(out.ids.end(), ids.begin(), ids.end());
  }
  // Membership in O(1): a bit per id up to the greatest match.
  if (!out.ids.empty()) out.bits.assign(static_cast<std::size_t>(out.ids.back()) / 64 + 1, 0);
  for (Id id : out.ids) out.bits[static_cast<std::size_t>(id) / 64] |= std::uint64_t{1} << (id % 64);
  return out;
}

Result<std::vector<std::pair<std::string, Id>>> SqlStore::WalkFromPrefix(
    const NameMatch& m, std::uint64_t key, size_t need, bool descending, size_t budget) {
  std::vector<std::pair<std::string, Id>> named;
  size_t read = 0;
  const std::string coll = pool_->dialect().binary_collation;
  // SQLite uses the index for a row value only without a COLLATE (its
  // column order is already binary); PostgreSQL needs it to match "C".
  const std::string cmp_coll = pool_->dialect().name == "sqlite" ? "" : " " + coll;
  const std::string dir = descending ? " DESC" : "";
  const std::string order = " ORDER BY name " + coll + dir + ", id" + dir;
  // The prefix cut to whole characters (a bound the database accepts as text).
  std::string start = np::KeyPrefix(key);
  for (size_t i = start.size(); i-- > 0;) {
    const auto c = static_cast<unsigned char>(start[i]);
    if ((c & 0xC0) == 0x80) continue;
    const size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + len > start.size()) start.resize(i);
    break;
  }
  std::optional<std::pair<std::string, Id>> after;
  std::int64_t chunk = std::clamp<std::int64_t>(static_cast<std::int64_t>(need) * 2, 32, 4096);
  while (named.size() < need && read < budget) {
    Params p;
    std::string sql = "SELECT id, name FROM entities WHERE ";
    if (after) {
      sql += "(name" + cmp_coll + ", id) " + (descending ? "<" : ">") + " (" + Bind(p, after->first) +
             ", " + Bind(p, after->second) + ")";
    } else if (descending) {  // names that start with the prefix, or sort before it
      sql += "name" + cmp_coll + " <= " + Bind(p, start + "\U0010FFFF");
    } else {
      sql += "name" + cmp_coll + " >= " + Bind(p, start);
    }
    chunk = std::min<std::int64_t>(chunk, static_cast<std::int64_t>(budget - read));
    auto rows = Query(sql + order + " LIMIT " + Bind(p, chunk), p);
    if (!rows.ok()) return rows.status();
    read += rows->size();
    for (const auto& r : *rows) {
      if (m.Contains(r.Int(0))) {
        named.emplace_back(r.Str(1), r.Int(0));
        if (named.size() == need) break;
      }
    }
    if (static_cast<std::int64_t>(rows->size()) < chunk) break;
    after = {rows->back().Str(1), rows->back().Int(0)};
    chunk = std::min<std::int64_t>(chunk * 2, 16384);
  }
  return named;
}

Result<std::vector<Id>> SqlStore::PageByName(const NameMatch& m, int offset, int limit,
                                              bool descending) {
  const std::vector<Id>& ids = m.ids;
  const size_t need = std::min<size_t>(ids.size(), static_cast<size_t>(offset) + limit);
  if (need == 0 || static_cast<size_t>(offset) >= ids.size()) return std::vector<Id>{};
  // The matches' name keys, from the key blocks (cached by revision).
  std::vector<std::int64_t> blocks;
  for (Id id : ids)
    if (blocks.empty() || blocks.back() != np::KeyBlockOf(id)) blocks.push_back(np::KeyBlockOf(id));
  auto revs = KeyBlockRevisions(&blocks);
  if (!revs.ok()) return revs.status();
  auto keys = LoadKeyBlocks(*revs);
  if (!keys.ok()) return keys.status();
  // In the page's direction, (key, id) orders as (name, id) does except
  // among equal keys. Ids ascend, so their key blocks are met in order.
  auto for_each_key = [&](auto&& fn) {
    auto block = keys->begin();
    for (Id id : ids) {
      const std::int64_t kb = np::KeyBlockOf(id);
      while (block != keys->end() && block->first < kb) ++block;
      const std::uint64_t k = block != keys->end() && block->first == kb
                                  ? (*block->second.second)[id & np::kKeyBlockMask]
                                  : 0;
      fn(descending ? ~k : k, id);
    }
  };
  // The need-th smallest key: a bounded max-heap, one pass.
  std::priority_queue<std::pair<std::uint64_t, Id>> heap;
  for_each_key([&](std::uint64_t k, Id id) {
    const std::pair<std::uint64_t, Id> v{k, descending ? -id : id};
    if (heap.size() < need) heap.push(v);
    else if (v < heap.top()) heap.pop(), heap.push(v);
  });
  const std::uint64_t last = heap.top().first;
  // Every match whose key is at most the need-th one's: the page is among them.
  std::vector<Id> cands;
  std::uint64_t first = last;
  for_each_key([&](std::uint64_t k, Id id) {
    if (k > last) return;
    cands.push_back(id);
    first = std::min(first, k);
  });
  std::vector<std::pair<std::string, Id>> named;
  // Many share a key (a common prefix): walk the name order from the first of
  // them, meeting the matches in order — unless they are sparse there; then,
  // as for a few, read their names and sort.
  bool walked = false;
  if (cands.size() > kNamesToSort) {
    auto w = WalkFromPrefix(m, descending ? ~first : first, need, descending, 8 * cands.size());
    if (!w.ok()) return w.status();
    walked = w->size() == need;
    if (walked) named = std::move(*w);
  }
  if (!walked) {
    auto sorted = NamesInOrder(std::move(cands), descending);
    if (!sorted.ok()) return sorted.status();
    named = std::move(*sorted);
  }
  std::vector<Id> page;
  for (size_t i = offset; i < named.size() && i < need; ++i) page.push_back(named[i].second);
  return page;
}

}  // namespace jg::sql

namespace jg::sql {

Result<std::optional<std::vector<Id>>> SqlStore::PageByKeyMerge(const NameMatch& m, int offset,
                                                                 int limit, bool descending,
                                                                 size_t max_visits) {
  using Sorted = RevisionCache<std::pair<std::uint64_t, std::uint16_t>>::Block;
  const size_t need = std::min<size_t>(m.total, static_cast<size_t>(offset) + limit);
  if (need == 0) return std::optional<std::vector<Id>>(std::vector<Id>{});
  // Every key block, each in (key, id) order: cached per revision.
  auto revs = KeyBlockRevisions(nullptr);
  if (!revs.ok()) return revs.status();
  std::vector<std::pair<std::int64_t, Sorted>> blocks;
  std::vector<std::pair<std::int64_t, std::int64_t>> missing;
  for (const auto& [block, rev] : *revs) {
    if (auto hit = name_cache_->sorted_keys.Find("", block, rev)) blocks.emplace_back(block, std::move(hit));
    else missing.emplace_back(block, rev);
  }
  auto keys = LoadKeyBlocks(missing);
  if (!keys.ok()) return keys.status();
  for (const auto& [block, at] : *keys) {
    const auto& [rev, k] = at;
    std::vector<std::pair<std::uint64_t, std::uint16_t>> sorted;
    for (size_t low = 0; low < k->size(); ++low)
      if ((*k)[low] != 0) sorted.emplace_back((*k)[low], static_cast<std::uint16_t>(low));
    std::sort(sorted.begin(), sorted.end());
    auto decoded = std::make_shared<const decltype(sorted)>(std::move(sorted));
    name_cache_->sorted_keys.Put("", block, rev, decoded);
    blocks.emplace_back(block, std::move(decoded));
  }
  // A k-way merge of the blocks in the page's direction: (key, id) as seen
  // from that direction, so "smaller" always means "earlier on the page".
  struct Head {
    std::uint64_t key;  // ~key when descending
    Id id;              // -id when descending
    size_t block, at;
    bool operator>(const Head& o) const { return std::tie(key, id) > std::tie(o.key, o.id); }
  };
  auto head_of = [&](size_t b, size_t at) -> std::optional<Head> {
    const auto& v = *blocks[b].second;
    if (at >= v.size()) return std::nullopt;
    const auto& [k, low] = v[descending ? v.size() - 1 - at : at];
    const Id id = (blocks[b].first << np::kKeyBlockBits) | low;
    return Head{descending ? ~k : k, descending ? -id : id, b, at};
  };
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heap;
  for (size_t b = 0; b < blocks.size(); ++b)
    if (auto h = head_of(b, 0)) heap.push(*h);
  std::vector<std::pair<std::uint64_t, Id>> found;  // (direction key, real id), in order
  size_t visits = 0, ties = 0, tie_visits = 0;
  bool crowded = false;
  while (!heap.empty()) {
    const Head h = heap.top();
    if (found.size() >= need) {
      const std::uint64_t last = found[need - 1].first;
      if (h.key != last) break;  // the page and every tie of its last key are known
      if (ties > kNamesToSort) {
        crowded = true;
        break;
      }
      if (++tie_visits > kTieVisits) {
        // A long run of one key: its matches straight from each block's run
        // of that key, instead of visiting the run in merge order.
        const std::uint64_t real = descending ? ~last : last;
        while (!found.empty() && found.back().first == last) found.pop_back();
        for (const auto& [block, sorted] : blocks) {
          auto lo = std::lower_bound(sorted->begin(), sorted->end(), std::make_pair(real, std::uint16_t{0}));
          for (auto it = lo; it != sorted->end() && it->first == real; ++it) {
            const Id id = (block << np::kKeyBlockBits) | it->second;
            if (m.Contains(id)) found.emplace_back(last, id);
          }
        }
        crowded = found.size() > need + kNamesToSort;
        break;
      }
    }
    heap.pop();
    if (++visits > max_visits) return std::optional<std::vector<Id>>();
    const Id id = descending ? -h.id : h.id;
    if (m.Contains(id)) {
      found.emplace_back(h.key, id);
      if (found.size() > need && h.key == found[need - 1].first) ++ties;
    }
    if (auto next = head_of(h.block, h.at + 1)) heap.push(*next);
  }
  std::vector<std::pair<std::string, Id>> named;
  if (crowded) {
    // One prefix shared by very many matches: walk the names from it.
    auto w = WalkFromPrefix(m, descending ? ~found.front().first : found.front().first, need,
                            descending, 8 * max_visits);
    if (!w.ok()) return w.status();
    if (w->size() < need) return std::optional<std::vector<Id>>();
    named = std::move(*w);
  } else {
    // Their names decide among equal keys.
    std::vector<Id> ids;
    for (const auto& f : found) ids.push_back(f.second);
    auto sorted = NamesInOrder(std::move(ids), descending);
    if (!sorted.ok()) return sorted.status();
    named = std::move(*sorted);
  }
  std::vector<Id> page;
  for (size_t i = offset; i < named.size() && i < need; ++i) page.push_back(named[i].second);
  return std::optional<std::vector<Id>>(std::move(page));
}

}  // namespace jg::sql

namespace jg::sql {

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> SqlStore::KeyBlockRevisions(
    const std::vector<std::int64_t>* only) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  auto add = [&](const std::vector<Row>& rows) {
    for (const auto& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  };
  if (!only) {
    auto rows = Query("SELECT block, rev FROM entity_name_keys", {});
    if (!rows.ok()) return rows.status();
    add(*rows);
    return out;
  }
  for (size_t b = 0; b < only->size(); b += kKeysPerStatement) {
    Params p;
    const std::string in = BindList(p, only->begin() + static_cast<std::ptrdiff_t>(b),
                                    only->begin() + static_cast<std::ptrdiff_t>(
                                                        std::min(only->size(), b + kKeysPerStatement)));
    auto rows = Query("SELECT block, rev FROM entity_name_keys WHERE block IN (" + in + ")", p);
    if (!rows.ok()) return rows.status();
    add(*rows);
  }
  return out;
}

Result<std::map<std::int64_t, std::pair<std::int64_t, RevisionCache<std::uint64_t>::Block>>>
SqlStore::LoadKeyBlocks(const std::vector<std::pair<std::int64_t, std::int64_t>>& revs) {
  std::map<std::int64_t, std::pair<std::int64_t, RevisionCache<std::uint64_t>::Block>> out;
  std::vector<std::int64_t> missing;
  for (const auto& [block, rev] : revs) {
    if (auto hit = name_cache_->keys.Find("", block, rev)) out[block] = {rev, std::move(hit)};
    else missing.push_back(block);
  }
  for (size_t b = 0; b < missing.size(); b += kKeysPerStatement) {
    Params p;
    const std::string in = BindList(p, missing.begin() + static_cast<std::ptrdiff_t>(b),
                                    missing.begin() + static_cast<std::ptrdiff_t>(
                                                          std::min(missing.size(), b + kKeysPerStatement)));
    auto rows = Query("SELECT block, rev, keys FROM entity_name_keys WHERE block IN (" + in + ")", p);
    if (!rows.ok()) return rows.status();
    // Kept under the revision read with them (a write may have come between).
    for (const auto& r : *rows) {
      auto decoded = std::make_shared<const std::vector<std::uint64_t>>(np::DecodeKeys(r.Str(2)));
      name_cache_->keys.Put("", r.Int(0), r.Int(1), decoded);
      out[r.Int(0)] = {r.Int(1), std::move(decoded)};
    }
  }
  return out;
}

Result<std::vector<std::pair<std::string, Id>>> SqlStore::NamesInOrder(std::vector<Id> ids,
                                                                        bool descending) {
  std::sort(ids.begin(), ids.end());
  std::vector<std::pair<std::string, Id>> named;
  for (size_t b = 0; b < ids.size(); b += kIdsPerNameFetch) {
    Params p;
    const std::string in = BindList(p, ids.begin() + static_cast<std::ptrdiff_t>(b),
                                    ids.begin() + static_cast<std::ptrdiff_t>(
                                                      std::min(ids.size(), b + kIdsPerNameFetch)));
    auto rows = Query("SELECT id, name FROM entities WHERE id IN (" + in + ")", p);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) named.emplace_back(r.Str(1), r.Int(0));
  }
  if (descending) std::sort(named.begin(), named.end(), std::greater<>());
  else std::sort(named.begin(), named.end());
  return named;
}

}  // namespace jg::sql
