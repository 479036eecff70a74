// Search by name (docs/name-search.md): the matches of a query from the
// name index (sql_name_index.cc writes it) and a page of them in name order.
#include <map>
#include <queue>

#include "domain/name_postings.h"
#include "domain/utf8.h"
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

namespace np = name_postings;
using Key = std::pair<std::string, std::int64_t>;  // gram, block

// Key blocks an IN (…) list names.
constexpr size_t kBlocksPerStatement = 1000;
// A page sorted by name reads the names of at most this many matches that tie
// on their name key (about a millisecond of reads); past it, it walks the
// name index from their prefix instead.
constexpr size_t kNamesToSort = 1024;
constexpr size_t kIdsPerNameFetch = 512;
// Entities of one key the merge visits before taking that key's matches
// straight from the blocks.
constexpr size_t kTieVisits = 1024;
// Ties on the page's last key past which the cluster that holds the query
// right after the key is read from the name index in order.
constexpr size_t kTieCluster = 32;

}  // namespace

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

void SqlStore::NameMatch::FillIdsFromLists() {
  ids.clear();
  for (const auto& [block, list] : lists) {
    auto in_block = np::MatchBlock(block, {list.get()});
    ids.insert(ids.end(), in_block.begin(), in_block.end());
  }
}

Result<std::int64_t> SqlStore::NameIndexGeneration() {
  auto rows = Query("SELECT generation FROM entity_name_generation WHERE id = 1", {});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Internal("entity_name_generation has no row");
  return rows->front().Int(0);
}

Result<SqlStore::NameMatch> SqlStore::MatchName(const std::string& folded, NameWant want) {
  const auto grams = np::GramPositions(folded);
  NameMatch out;
  if (grams.empty()) return out;
  std::vector<std::string> distinct;
  for (const auto& g : grams)
    if (std::find(distinct.begin(), distinct.end(), g.gram) == distinct.end()) distinct.push_back(g.gram);
  // The grams' blocks: from the view of the index's generation, else read
  // (and kept in the view when the generation stayed the same meanwhile).
  auto generation = NameIndexGeneration();
  if (!generation.ok()) return generation.status();
  out.view = name_cache_->View(*generation);
  std::map<std::string, GenerationView::Blocks> blocks;
  std::vector<std::string> unread;
  for (const auto& g : distinct) {
    if (auto hit = out.view->Gram(g)) blocks[g] = std::move(hit);
    else unread.push_back(g);
  }
  if (!unread.empty()) {
    Params p;
    const std::string in = BindList(p, unread.begin(), unread.end());
    auto meta = Query("SELECT gram, block, entities, rev, min_key, max_key FROM entity_name_postings "
                      "WHERE gram IN (" + in + ") ORDER BY gram, block",
                      p);
    if (!meta.ok()) return meta.status();
    std::map<std::string, std::vector<GramBlock>> read;
    for (const auto& r : *meta)
      read[r.Str(0)].push_back({r.Int(1), r.Int(2), r.Int(3), static_cast<std::uint64_t>(r.Int(4)),
                                static_cast<std::uint64_t>(r.Int(5))});
    auto again = NameIndexGeneration();
    if (!again.ok()) return again.status();
    for (auto& [g, v] : read) {
      auto shared = std::make_shared<const std::vector<GramBlock>>(std::move(v));
      if (*again == *generation) out.view->PutGram(g, shared);
      blocks[g] = std::move(shared);
    }
  }
  if (blocks.size() < distinct.size()) return out;  // a gram nobody holds
  // Every match holds every gram, so its name key lies within each gram's
  // least and greatest key.
  out.lower = 0;
  out.upper = ~std::uint64_t{0};
  for (const auto& [g, v] : blocks) {
    std::uint64_t lo = ~std::uint64_t{0}, hi = 0;
    for (const auto& b : *v) lo = std::min(lo, b.min_key), hi = std::max(hi, b.max_key);
    out.lower = std::max(out.lower, lo);
    out.upper = std::min(out.upper, hi);
  }
  const bool one_gram = grams.size() == 1;
  if (one_gram) {
    // A two-character query: its gram's entities are its matches.
    for (const auto& b : *blocks.begin()->second) out.total += b.entities;
    if (want == NameWant::kTotal) return out;
  }
  // Blocks every gram is in, with each gram's revision of it.
  struct Common {
    std::int64_t block;
    std::vector<std::int64_t> revs;  // per distinct gram
  };
  std::vector<Common> common;
  for (const auto& b : *blocks.at(distinct.front())) {
    Common c{b.block, {}};
    for (const auto& g : distinct) {
      const auto& v = *blocks.at(g);
      auto it = std::lower_bound(v.begin(), v.end(), b.block,
                                 [](const GramBlock& x, std::int64_t blk) { return x.block < blk; });
      if (it == v.end() || it->block != b.block) break;
      c.revs.push_back(it->rev);
    }
    if (c.revs.size() == distinct.size()) common.push_back(std::move(c));
  }
  // Decoded lists: from the cache when the row's revision is unchanged.
  std::map<Key, RevisionCache<np::Entry>::Block> lists;
  for (size_t gi = 0; gi < distinct.size(); ++gi) {
    const auto& g = distinct[gi];
    Params fp = {g};
    std::string missing;
    for (const auto& c : common) {
      if (auto hit = name_cache_->postings.Find(g, c.block, c.revs[gi])) {
        lists[{g, c.block}] = std::move(hit);
      } else {
        missing += (missing.empty() ? "" : ", ") + Bind(fp, c.block);
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
  if (std::none_of(folded.begin(), folded.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); }))
    out.literal = folded;
  for (const auto& c : common) {
    const std::int64_t b = c.block;
    std::vector<const std::vector<np::Entry>*> ls;
    for (const auto& g : grams) {
      auto it = lists.find({g.gram, b});
      if (it == lists.end()) break;  // written since the first read: not there now
      ls.push_back(it->second.get());
    }
    if (ls.size() != grams.size()) continue;
    auto ids = np::MatchBlock(b, ls, &out.starts);
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
  // The prefix as a bound the database accepts as text: a character the key
  // only bounds from below (U+FFFF or beyond) is completed with the least
  // such one walking up; walking down, every name with the key sorts at or
  // before the whole characters followed by the greatest one.
  const auto chars = np::CharactersOf(key);
  const std::string start = chars.whole + (chars.open && !descending ? "\xEF\xBF\xBF" : "");
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
  auto revs = KeyBlockRevisions(&blocks, *m.view);
  if (!revs.ok()) return revs.status();
  auto keys = LoadKeyBlocks(*revs);
  if (!keys.ok()) return keys.status();
  // In the page's direction, (key, id) orders as (name, id) does except
  // among equal keys. Ids ascend, so their key blocks are met in order; the
  // key of a match a few ahead is prefetched, since the keys of tens of
  // thousands of matches spread over megabytes are mostly cache misses.
  std::vector<std::pair<std::uint64_t, Id>> keyed(ids.size());
  {
    constexpr size_t kAhead = 8;
    std::vector<const std::uint64_t*> at(ids.size(), nullptr);
    auto block = keys->begin();
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::int64_t kb = np::KeyBlockOf(ids[i]);
      while (block != keys->end() && block->first < kb) ++block;
      if (block != keys->end() && block->first == kb)
        at[i] = block->second.second->data() + (ids[i] & np::kKeyBlockMask);
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i + kAhead < ids.size() && at[i + kAhead]) __builtin_prefetch(at[i + kAhead]);
      const std::uint64_t k = at[i] ? *at[i] : 0;
      keyed[i] = {descending ? ~k : k, descending ? -ids[i] : ids[i]};
    }
  }
  // The need-th smallest (key, id), then every match whose key is at most
  // its key: the page is among them.
  std::nth_element(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(need - 1), keyed.end());
  const std::uint64_t last = keyed[need - 1].first;
  std::vector<std::pair<std::uint64_t, Id>> found;  // (direction key, direction id), in order
  for (const auto& kid : keyed)
    if (kid.first <= last) found.push_back(kid);
  std::sort(found.begin(), found.end());
  std::vector<Id> cands;
  for (auto& f : found) {
    if (descending) f.second = -f.second;  // the real ids from here on
    cands.push_back(f.second);
  }
  const std::uint64_t first = found.front().first;
  // Many tie on the last key: their cluster from the name index, as the
  // merge does.
  auto clustered = NamesWithTieCluster(m, found, need, descending);
  if (!clustered.ok()) return clustered.status();
  std::vector<std::pair<std::string, Id>> named;
  if (*clustered) named = std::move(**clustered);
  // In id order, as the walk and the name fetch expect them.
  std::sort(cands.begin(), cands.end());
  // Many share a key (a common prefix): walk the name order from the first of
  // them, meeting the matches in order — unless they are sparse there; then,
  // as for a few, read their names and sort.
  bool walked = static_cast<bool>(*clustered);
  if (!walked && cands.size() > kNamesToSort) {
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

Result<std::optional<std::vector<Id>>> SqlStore::PageByKeyMerge(const NameMatch& m, int offset,
                                                                 int limit, bool descending,
                                                                 size_t max_visits) {
  const size_t need = std::min<size_t>(m.total, static_cast<size_t>(offset) + limit);
  if (need == 0) return std::optional<std::vector<Id>>(std::vector<Id>{});
  auto kept = SortedKeyOrder(*m.view);
  if (!kept.ok()) return kept.status();
  const auto& blocks = **kept;
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
  // Each block from the least (greatest) key a match can have.
  std::priority_queue<Head, std::vector<Head>, std::greater<>> heap;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const auto& v = *blocks[b].second;
    const size_t skip =
        descending ? static_cast<size_t>(v.end() - std::upper_bound(v.begin(), v.end(),
                                                                     std::make_pair(m.upper, std::uint16_t{0xFFFF})))
                   : static_cast<size_t>(std::lower_bound(v.begin(), v.end(), std::make_pair(m.lower, std::uint16_t{0})) -
                                         v.begin());
    if (auto h = head_of(b, skip)) heap.push(*h);
  }
  std::vector<std::pair<std::uint64_t, Id>> found;  // (direction key, real id), in order
  size_t visits = 0, ties = 0, tie_visits = 0;
  bool crowded = false;
  while (!heap.empty()) {
    const Head h = heap.top();
    if (found.size() >= need) {
      const std::uint64_t last = found[need - 1].first;
      if (h.key != last) break;  // the page and every tie of its last key are known
      if (ties > kNamesToSort || ++tie_visits > kTieVisits) {
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
  auto clustered = NamesWithTieCluster(m, found, need, descending);
  if (!clustered.ok()) return clustered.status();
  if (*clustered) {
    named = std::move(**clustered);
  } else if (crowded) {
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

Result<GenerationView::SortedKeyBlocks> SqlStore::SortedKeyOrder(GenerationView& view) {
  using Sorted = RevisionCache<std::pair<std::uint64_t, std::uint16_t>>::Block;
  if (auto kept = view.SortedKeyOrder()) return kept;
  auto revs = KeyBlockRevisions(nullptr, view);
  if (!revs.ok()) return revs.status();
  std::vector<std::pair<std::int64_t, Sorted>> assembled;
  std::vector<std::pair<std::int64_t, std::int64_t>> missing;
  for (const auto& [block, rev] : *revs) {
    if (auto hit = name_cache_->sorted_keys.Find("", block, rev)) assembled.emplace_back(block, std::move(hit));
    else missing.emplace_back(block, rev);
  }
  auto keys = LoadKeyBlocks(missing);
  if (!keys.ok()) return keys.status();
  // A block rewritten since its revision was read comes at its new revision.
  bool as_listed = true;
  for (const auto& [block, at] : *keys) {
    const auto& [rev, k] = at;
    std::vector<std::pair<std::uint64_t, std::uint16_t>> sorted;
    for (size_t low = 0; low < k->size(); ++low)
      if ((*k)[low] != 0) sorted.emplace_back((*k)[low], static_cast<std::uint16_t>(low));
    std::sort(sorted.begin(), sorted.end());
    auto decoded = std::make_shared<const decltype(sorted)>(std::move(sorted));
    name_cache_->sorted_keys.Put("", block, rev, decoded);
    assembled.emplace_back(block, std::move(decoded));
    auto listed = std::lower_bound(missing.begin(), missing.end(), std::make_pair(block, std::int64_t{0}),
                                   [](const auto& x, const auto& y) { return x.first < y.first; });
    as_listed = as_listed && listed != missing.end() && listed->first == block && listed->second == rev;
  }
  as_listed = as_listed && keys->size() == missing.size();
  std::sort(assembled.begin(), assembled.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  auto kept = std::make_shared<const std::vector<std::pair<std::int64_t, Sorted>>>(std::move(assembled));
  // Only the generation's own revisions make the generation's merge order.
  auto own = view.KeyRevisions();
  if (as_listed && own && *own == *revs) view.PutSortedKeyOrder(kept);
  return GenerationView::SortedKeyBlocks(kept);
}

Status SqlStore::WarmNameSearch() {
  auto generation = NameIndexGeneration();
  if (!generation.ok()) return generation.status();
  return SortedKeyOrder(*name_cache_->View(*generation)).status();
}

Result<std::optional<std::vector<std::pair<std::string, Id>>>> SqlStore::NamesWithTieCluster(
    const NameMatch& m, const std::vector<std::pair<std::uint64_t, Id>>& found, size_t need,
    bool descending) {
  using Named = std::vector<std::pair<std::string, Id>>;
  if (m.literal.empty() || m.starts.size() != m.ids.size() || found.size() < need) return std::optional<Named>();
  // The last key's ties sit at the end of `found`.
  const std::uint64_t last = found[need - 1].first;
  size_t first_tie = found.size();
  while (first_tie > 0 && found[first_tie - 1].first == last) --first_tie;
  if (found.size() - first_tie < kTieCluster) return std::optional<Named>();
  // The cluster: the ties whose first match starts at one place s within the
  // key's whole characters or right after them (the place most of them
  // share). Every name with the key's first s characters followed by the
  // query (or with the key's characters, where they go on past the query)
  // holds the query at s and has the key. A name with that prefix that holds
  // the query earlier too is among the others, read by id and skipped in the
  // walk.
  const auto chars = np::CharactersOf(descending ? ~last : last);
  std::map<size_t, size_t> at_start;
  auto start_of = [&](Id id) -> std::optional<size_t> {
    auto at = std::lower_bound(m.ids.begin(), m.ids.end(), id);
    if (at == m.ids.end() || *at != id) return std::nullopt;
    return m.starts[at - m.ids.begin()];
  };
  for (size_t i = first_tie; i < found.size(); ++i)
    if (auto s = start_of(found[i].second); s && *s <= chars.code_points) ++at_start[*s];
  if (at_start.empty()) return std::optional<Named>();
  const size_t s = std::max_element(at_start.begin(), at_start.end(), [](const auto& x, const auto& y) {
                     return x.second < y.second;
                   })->first;
  std::string prefix = std::string(Utf8Prefix(chars.whole, s)) + m.literal;
  const size_t shared = std::min(prefix.size(), chars.whole.size());
  if (prefix.compare(0, shared, chars.whole, 0, shared) != 0) return std::optional<Named>();
  if (chars.whole.size() > prefix.size()) prefix = chars.whole;
  if (!np::KeyIsFixedBy(prefix)) return std::optional<Named>();  // names with it could have other keys
  std::vector<Id> others, cluster;
  for (size_t i = 0; i < found.size(); ++i) {
    const Id id = found[i].second;
    if (i >= first_tie && start_of(id) == s) {
      cluster.push_back(id);
      continue;
    }
    others.push_back(id);
  }
  if (cluster.empty() || others.size() > kNamesToSort) return std::optional<Named>();
  std::sort(cluster.begin(), cluster.end());
  std::sort(others.begin(), others.end());
  auto named = NamesInOrder(others, descending);
  if (!named.ok()) return named.status();
  // The cluster's first names in the page's direction: every name with the
  // prefix holds the query and has the key, so it is a tie, in the cluster
  // or among the others.
  const size_t want = std::min(need, cluster.size());
  const std::string coll = pool_->dialect().binary_collation;
  const std::string cmp_coll = pool_->dialect().name == "sqlite" ? "" : " " + coll;
  const std::string dir = descending ? " DESC" : "";
  Params p;
  const std::string bound = descending ? Bind(p, prefix + "\U0010FFFF") : Bind(p, prefix);
  auto rows = Query("SELECT id, name FROM entities WHERE name" + cmp_coll + (descending ? " <= " : " >= ") +
                        bound + " ORDER BY name " + coll + dir + ", id" + dir + " LIMIT " +
                        Bind(p, static_cast<std::int64_t>(want + others.size())),
                    p);
  if (!rows.ok()) return rows.status();
  size_t taken = 0;
  for (const auto& r : *rows) {
    if (taken == want) break;
    const Id id = r.Int(0);
    if (std::binary_search(others.begin(), others.end(), id)) continue;
    // Written since the matches were read: not the cluster any more.
    if (r.Str(1).rfind(prefix, 0) != 0 || !std::binary_search(cluster.begin(), cluster.end(), id))
      return std::optional<Named>();
    named->emplace_back(r.Str(1), id);
    ++taken;
  }
  if (taken < want) return std::optional<Named>();
  if (descending) std::sort(named->begin(), named->end(), std::greater<>());
  else std::sort(named->begin(), named->end());
  return std::optional<Named>(std::move(*named));
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> SqlStore::KeyBlockRevisions(
    const std::vector<std::int64_t>* only, GenerationView& view) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  if (auto all = view.KeyRevisions()) {
    if (!only) return *all;
    for (auto b : *only) {
      auto it = std::lower_bound(all->begin(), all->end(), std::make_pair(b, std::int64_t{0}),
                                 [](const auto& x, const auto& y) { return x.first < y.first; });
      if (it != all->end() && it->first == b) out.push_back(*it);
    }
    return out;
  }
  auto add = [&](const std::vector<Row>& rows) {
    for (const auto& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  };
  if (!only) {
    auto rows = Query("SELECT block, rev FROM entity_name_keys ORDER BY block", {});
    if (!rows.ok()) return rows.status();
    add(*rows);
    auto again = NameIndexGeneration();
    if (!again.ok()) return again.status();
    if (*again == view.generation())
      view.PutKeyRevisions(std::make_shared<const std::vector<std::pair<std::int64_t, std::int64_t>>>(out));
    return out;
  }
  for (size_t b = 0; b < only->size(); b += kBlocksPerStatement) {
    Params p;
    const std::string in = BindChunk(p, *only, b, kBlocksPerStatement);
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
  for (size_t b = 0; b < missing.size(); b += kBlocksPerStatement) {
    Params p;
    const std::string in = BindChunk(p, missing, b, kBlocksPerStatement);
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
  auto add = [&](const std::vector<Row>& rows) {
    for (const auto& r : rows) named.emplace_back(r.Str(1), r.Int(0));
  };
  if (ids.empty()) return named;
  if (pool_->dialect().name == "postgresql") {
    // One array parameter: an IN list of hundreds of parameters cost
    // PostgreSQL more to parse and plan than to read the rows.
    std::string array = "{";
    for (Id id : ids) array += (array.size() > 1 ? "," : "") + std::to_string(id);
    auto rows = Query("SELECT id, name FROM entities WHERE id = ANY($1::bigint[])", {array + "}"});
    if (!rows.ok()) return rows.status();
    add(*rows);
  } else {
    for (size_t b = 0; b < ids.size(); b += kIdsPerNameFetch) {
      Params p;
      const std::string in = BindChunk(p, ids, b, kIdsPerNameFetch);
      auto rows = Query("SELECT id, name FROM entities WHERE id IN (" + in + ")", p);
      if (!rows.ok()) return rows.status();
      add(*rows);
    }
  }
  if (descending) std::sort(named.begin(), named.end(), std::greater<>());
  else std::sort(named.begin(), named.end());
  return named;
}

}  // namespace jg::sql
