// The directory of market entities, written once in portable SQL.
#include <unordered_map>

#include "domain/name_postings.h"

#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kEntityCols =
    "credit_code, name, kind, legal_representative, address, street, station_id, industry, "
    "registered_on, status, risk_class, risk_classified_on, tags, updated_at, updated_by";

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += ';';
    out += t;
  }
  return out;
}

// Columns of kEntityCols starting at `at`.
Entity ToEntity(const Row& r, size_t at) {
  Entity e;
  e.credit_code = r.Str(at + 0);
  e.name = r.Str(at + 1);
  e.kind = ParseEntityKind(r.Str(at + 2)).value_or(EntityKind::kEnterprise);
  e.legal_representative = r.Str(at + 3);
  e.address = r.Str(at + 4);
  e.street = r.Str(at + 5);
  e.station_id = r.OptInt(at + 6);
  e.industry = r.Str(at + 7);
  e.registered_on = r.Str(at + 8);
  e.status = ParseEntityStatus(r.Str(at + 9)).value_or(EntityStatus::kActive);
  e.risk_class = ParseRiskClass(r.Str(at + 10)).value_or(RiskClass::kNone);
  e.risk_classified_on = r.Str(at + 11);
  e.tags = SplitTags(r.Str(at + 12));
  e.updated_at = r.Int(at + 13);
  e.updated_by = r.Str(at + 14);
  return e;
}

Params EntityParams(const Entity& e) {
  return {e.credit_code,
          e.name,
          std::string(EntityKindName(e.kind)),
          e.legal_representative,
          e.address,
          e.street,
          OptId(e.station_id),
          e.industry,
          e.registered_on,
          std::string(EntityStatusName(e.status)),
          std::string(RiskClassName(e.risk_class)),
          e.risk_classified_on,
          JoinTags(e.tags),
          e.updated_at,
          e.updated_by};
}

// kEntityCols of `e` for a bulk insert; `tags` is JoinTags(e.tags), kept by the caller.
void AppendEntityCells(const Entity& e, const std::string& tags, RowRef& row) {
  row.insert(row.end(), {e.credit_code, e.name, EntityKindName(e.kind), e.legal_representative,
                         e.address, e.street});
  if (e.station_id) row.emplace_back(*e.station_id);
  else row.emplace_back(nullptr);
  row.insert(row.end(), {e.industry, e.registered_on, EntityStatusName(e.status),
                         RiskClassName(e.risk_class), e.risk_classified_on, tags});
  row.emplace_back(e.updated_at);
  row.emplace_back(std::string_view(e.updated_by));
}

}  // namespace

Status SqlStore::WriteEntityTags(const Entity& e, Id id) {
  JG_RETURN_IF_ERROR(Exec("DELETE FROM entity_tags WHERE entity_id = $1", {id}).status());
  for (const auto& t : e.tags) {
    JG_RETURN_IF_ERROR(
        Exec("INSERT INTO entity_tags (tag, entity_id) VALUES ($1, $2)", {t, id}).status());
  }
  return Status::Ok();
}

Status SqlStore::KeepSupersededVersion(Id id, std::int64_t version) {
  return Exec(std::string("INSERT INTO entity_versions (entity_id, version, source, ") +
                  kEntityCols + ") SELECT id, version, source, " + kEntityCols +
                  " FROM entities WHERE id = $1 AND version = $2",
              {id, version})
      .status();
}

Result<Id> SqlStore::InsertEntity(const Entity& in, const std::string& source) {
  return WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    Params p = EntityParams(in);
    p.push_back(SearchFold(in.name));
    p.push_back(source);
    auto rows = tx.Query(std::string("INSERT INTO entities (") + kEntityCols +
                             ", name_fold, source, version) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                             "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1) RETURNING id",
                         p);
    if (!rows.ok()) return Field(rows.status(), "credit_code", "该统一社会信用代码已在名录中");
    Id id = rows->front().Int(0);
    JG_RETURN_IF_ERROR(tx.WriteEntityTags(in, id));
    JG_RETURN_IF_ERROR(WriteNamePostings(*tx.bound_, tx.pool_->dialect(), {{id, "", SearchFold(in.name), "", in.name}}));
    return id;
  });
}

Status SqlStore::UpdateEntity(const Entity& in, const std::string& source) {
  auto r = WithTransaction<Id>([&](SqlStore& tx) -> Result<Id> {
    // The name as it was, locked: its grams leave the index if it changes.
    auto before = tx.Query("SELECT name_fold, name FROM entities WHERE id = $1" + tx.pool_->dialect().for_update,
                           {in.id});
    if (!before.ok()) return before.status();
    if (before->empty()) return NotFound("entity_not_found", "市场主体不存在");
    std::vector<NameChange> names;
    JG_RETURN_IF_ERROR(
        tx.UpdateEntityRow(in, source, before->front().Str(0), before->front().Str(1), names));
    JG_RETURN_IF_ERROR(WriteNamePostings(*tx.bound_, tx.pool_->dialect(), names));
    return in.id;
  });
  return r.status();
}

Status SqlStore::UpdateEntityRow(const Entity& in, const std::string& source,
                                 const std::string& old_fold, const std::string& old_name,
                                 std::vector<NameChange>& names) {
  // The version being superseded goes into the history first (nothing when
  // the version is stale: the update below then changes no row).
  JG_RETURN_IF_ERROR(KeepSupersededVersion(in.id, in.version));
  Params p = EntityParams(in);
  p.push_back(SearchFold(in.name));
  p.push_back(in.id);
  p.push_back(in.version);
  p.push_back(source);
  auto n = Exec(
      "UPDATE entities SET credit_code = $1, name = $2, kind = $3, legal_representative = $4, "
      "address = $5, street = $6, station_id = $7, industry = $8, registered_on = $9, "
      "status = $10, risk_class = $11, risk_classified_on = $12, tags = $13, updated_at = $14, "
      "updated_by = $15, name_fold = $16, source = $19, version = version + 1 "
      "WHERE id = $17 AND version = $18",
      p);
  if (!n.ok()) return Field(n.status(), "credit_code", "该统一社会信用代码已在名录中");
  if (*n != 1) {
    auto cur = GetEntity(in.id);
    if (!cur.ok()) return cur.status();
    return Stale();
  }
  JG_RETURN_IF_ERROR(WriteEntityTags(in, in.id));
  names.push_back({in.id, old_fold, SearchFold(in.name), old_name, in.name});
  return Status::Ok();
}

Result<Entity> SqlStore::GetEntity(Id id) {
  auto rows = Query(std::string("SELECT id, version, ") + kEntityCols + " FROM entities WHERE id = $1",
                    {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("entity_not_found", "市场主体不存在");
  Entity e = ToEntity(rows->front(), 2);
  e.id = rows->front().Int(0);
  e.version = rows->front().Int(1);
  return e;
}

Result<Entity> SqlStore::FindEntityByCreditCode(const std::string& code) {
  auto rows = Query(std::string("SELECT id, version, ") + kEntityCols +
                        " FROM entities WHERE credit_code = $1",
                    {code});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("entity_not_found", "名录中没有该统一社会信用代码");
  Entity e = ToEntity(rows->front(), 2);
  e.id = rows->front().Int(0);
  e.version = rows->front().Int(1);
  return e;
}

namespace {

// The conditions of a query other than its name, on `entities e`.
std::string FilterClause(const EntityQuery& q, Params& p) {
  std::string where;
  if (!q.credit_code.empty()) where += " AND e.credit_code = " + Bind(p, q.credit_code);
  if (!q.street.empty()) where += " AND e.street = " + Bind(p, q.street);
  if (!q.industry_prefix.empty())
    where += " AND e.industry LIKE " + Bind(p, LikeEscape(q.industry_prefix) + "%") + " ESCAPE '\\'";
  if (q.kind) where += " AND e.kind = " + Bind(p, std::string(EntityKindName(*q.kind)));
  if (q.status) where += " AND e.status = " + Bind(p, std::string(EntityStatusName(*q.status)));
  if (q.risk_class) where += " AND e.risk_class = " + Bind(p, std::string(RiskClassName(*q.risk_class)));
  if (!q.tag.empty())
    where += " AND e.id IN (SELECT entity_id FROM entity_tags WHERE tag = " + Bind(p, q.tag) + ")";
  if (q.station_id) where += " AND e.station_id = " + Bind(p, *q.station_id);
  if (!q.holding_kind.empty())
    where += " AND e.id IN (SELECT entity_id FROM holdings WHERE status = 'valid' AND kind = " +
             Bind(p, q.holding_kind) + ")";
  return where;
}

const char* SortColumn(EntityQuery::Sort s) {
  switch (s) {
    case EntityQuery::Sort::kName: return "e.name";
    case EntityQuery::Sort::kCreditCode: return "e.credit_code";
    case EntityQuery::Sort::kRegisteredOn: return "e.registered_on";
    case EntityQuery::Sort::kUpdatedAt: return "e.updated_at";
  }
  return "e.name";
}

// Ids per `id IN (…)` statement.
constexpr size_t kIdsPerStatement = 1000;
// Entities a name-sorted page may visit in name-key order before the matches
// count as sparse (then there are few of them and they are sorted whole).
constexpr size_t kMaxMergeVisits = 20000;
// Known matches of a name-sorted page few enough to sort by key outright
// (about as fast as a merge that finds the page early, 3M entities).
constexpr size_t kMatchesToSort = 10000;
// Rows of the name index a page may walk from its matches' least key.
constexpr size_t kWalkBudget = 2048;

}  // namespace

Result<EntityPage> SqlStore::SearchEntities(const EntityQuery& q) {
  const int limit = std::clamp(q.limit, 1, 10000);
  const int offset = std::max(q.offset, 0);
  const std::string folded = SearchFold(q.name);
  // Two or more characters: the name index answers (sql_name_index.cc).
  if (!name_postings::GramPositions(folded).empty()) return SearchByName(q, folded, limit, offset);

  Params p;
  std::string where = " WHERE 1 = 1" + FilterClause(q, p);
  // One character: no gram to look up; the substring decides.
  if (!q.name.empty())
    where += " AND e.name_fold LIKE " + Bind(p, "%" + LikeEscape(folded) + "%") + " ESCAPE '\\'";
  auto count = Query("SELECT COUNT(*) FROM entities e" + where, p);
  if (!count.ok()) return count.status();
  EntityPage page;
  page.total = count->front().Int(0);

  const std::string dir = q.descending ? " DESC" : " ASC";
  std::string order = std::string(" ORDER BY ") + SortColumn(q.sort);
  if (q.sort != EntityQuery::Sort::kUpdatedAt) order += " " + pool_->dialect().binary_collation;
  order += dir + ", e.id" + dir;
  std::string sql = std::string("SELECT e.id, e.version, ") + kEntityCols + " FROM entities e" +
                    where + order + " LIMIT " + Bind(p, std::int64_t{limit}) + " OFFSET " +
                    Bind(p, std::int64_t{offset});
  // Column names of kEntityCols are unambiguous: only `entities e` is in FROM.
  auto rows = Query(sql, p);
  if (!rows.ok()) return rows.status();
  for (const auto& r : *rows) {
    Entity e = ToEntity(r, 2);
    e.id = r.Int(0);
    e.version = r.Int(1);
    page.items.push_back(std::move(e));
  }
  return page;
}

Result<EntityPage> SqlStore::SearchByName(const EntityQuery& q, const std::string& folded,
                                          int limit, int offset) {
  EntityPage page;
  std::vector<Id> ordered;  // the page's ids, in order
  Params fp;
  const std::string filters = FilterClause(q, fp);
  if (filters.empty() && q.sort == EntityQuery::Sort::kName) {
    auto m = MatchName(folded, NameWant::kMembership);
    if (!m.ok()) return m.status();
    page.total = m->total;
    if (page.total == 0 || offset >= page.total) return page;
    // How many entities a walk through name order would pass for the page,
    // were the matches spread evenly: the choice of strategy.
    const size_t need = std::min<size_t>(page.total, static_cast<size_t>(offset) + limit);
    std::optional<std::int64_t> max_id = m->view ? m->view->MaxId() : std::nullopt;
    if (!max_id) {
      auto rows = Query("SELECT COALESCE(MAX(id), 0) FROM entities", {});
      if (!rows.ok()) return rows.status();
      max_id = rows->front().Int(0);
      if (m->view) m->view->PutMaxId(*max_id);
    }
    const double spread = static_cast<double>(need) * static_cast<double>(*max_id) /
                          static_cast<double>(page.total);
    // Walk the name order from the least (greatest) key a match can have:
    // matches that share a prefix (马陆…) come at once.
    if (spread <= kWalkBudget / 2) {
      auto walked = WalkFromPrefix(*m, q.descending ? m->upper : m->lower, need, q.descending,
                                   kWalkBudget + 4 * need);
      if (!walked.ok()) return walked.status();
      if (walked->size() == need) {
        std::vector<Id> ids;
        for (size_t i = offset; i < need; ++i) ids.push_back((*walked)[i].second);
        return FetchEntities(ids, page);
      }
    }
    // Matches spread thin over name order: met early in name-key order, or
    // sparse, so few, and sorted whole.
    // With the matches known (a query of several grams), sorting them by key
    // costs about a visit each: a few of them are sorted straight away, and
    // for more the merge stops at as many visits. (The least key a match can
    // have is only a bound: 装饰服饰's is 上海服饰, from names with 服饰服饰,
    // and 60k entities came before its first match.)
    const bool few_known = !m->membership_by_lists && m->total <= static_cast<std::int64_t>(kMatchesToSort);
    if (spread <= kMaxMergeVisits / 2 && !few_known) {
      const size_t visits = m->membership_by_lists
                                ? kMaxMergeVisits
                                : std::min(kMaxMergeVisits, std::max(static_cast<size_t>(m->total), 4 * need));
      auto merged = PageByKeyMerge(*m, offset, limit, q.descending, visits);
      if (!merged.ok()) return merged.status();
      if (*merged) return FetchEntities(**merged, page);
    }
    if (m->membership_by_lists) m->FillIdsFromLists();
    auto ids = PageByName(*m, offset, limit, q.descending);
    if (!ids.ok()) return ids.status();
    return FetchEntities(*ids, page);
  }
  auto m = MatchName(folded, NameWant::kIds);
  if (!m.ok()) return m.status();
  // (sort key, id) of the matches that pass the other conditions.
  const bool numeric = q.sort == EntityQuery::Sort::kUpdatedAt;
  std::vector<std::pair<std::string, Id>> keyed;
  std::vector<std::pair<std::int64_t, Id>> keyed_num;
  for (size_t b = 0; b < m->ids.size(); b += kIdsPerStatement) {
    Params p = fp;
    const std::string in = BindChunk(p, m->ids, b, kIdsPerStatement);
    auto rows = Query(std::string("SELECT e.id, ") + SortColumn(q.sort) +
                          " FROM entities e WHERE e.id IN (" + in + ")" + filters,
                      p);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      if (numeric) keyed_num.emplace_back(r.Int(1), r.Int(0));
      else keyed.emplace_back(r.Str(1), r.Int(0));
    }
  }
  auto take = [&](auto& v) {
    page.total = static_cast<std::int64_t>(v.size());
    if (q.descending) std::sort(v.begin(), v.end(), std::greater<>());
    else std::sort(v.begin(), v.end());
    for (size_t i = offset; i < v.size() && i < static_cast<size_t>(offset + limit); ++i)
      ordered.push_back(v[i].second);
  };
  if (numeric) take(keyed_num);
  else take(keyed);
  return FetchEntities(ordered, page);
}

Result<EntityPage> SqlStore::FetchEntities(const std::vector<Id>& ordered, EntityPage& page) {
  if (ordered.empty()) return std::move(page);
  Params p;
  const std::string in = BindList(p, ordered.begin(), ordered.end());
  auto rows = Query(std::string("SELECT e.id, e.version, ") + kEntityCols +
                        " FROM entities e WHERE e.id IN (" + in + ")",
                    p);
  if (!rows.ok()) return rows.status();
  std::unordered_map<Id, Entity> by_id;
  for (const auto& r : *rows) {
    Entity e = ToEntity(r, 2);
    e.id = r.Int(0);
    e.version = r.Int(1);
    by_id.emplace(e.id, std::move(e));
  }
  for (auto id : ordered) {
    auto it = by_id.find(id);
    if (it != by_id.end()) page.items.push_back(std::move(it->second));
  }
  return std::move(page);
}

Result<std::vector<EntityVersion>> SqlStore::ListEntityVersions(Id id) {
  // The current version is the entity's row; the ones it superseded are kept.
  auto rows = Query(std::string("SELECT version, source, ") + kEntityCols +
                        " FROM entities WHERE id = $1 UNION ALL SELECT version, source, " +
                        kEntityCols + " FROM entity_versions WHERE entity_id = $1 ORDER BY 1 DESC",
                    {id});
  if (!rows.ok()) return rows.status();
  std::vector<EntityVersion> out;
  for (const auto& r : *rows) {
    EntityVersion v;
    v.entity = ToEntity(r, 2);
    v.entity.id = id;
    v.entity.version = r.Int(0);
    v.source = r.Str(1);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace jg::sql

namespace jg::sql {
namespace {

// Credit codes per lookup of the existing ones: under SQLite's 32766 and
// PostgreSQL's 65535 bound parameters.
constexpr size_t kRowsPerStatement = 500;
constexpr size_t kNamesPerIndexWrite = 65536;
constexpr size_t kLargeImport = 50000;

}  // namespace

Result<Store::UpsertCounts> SqlStore::UpsertEntities(std::vector<Entity>& es,
                                                     const std::string& source,
                                                     const std::function<void(int)>& progress) {
  bool given = false;
  return UpsertEntityChunks(
      [&]() -> Result<std::vector<Entity>*> { return given ? nullptr : (given = true, &es); },
      es.size(), source, progress);
}

Result<Store::UpsertCounts> SqlStore::UpsertEntityChunks(
    const std::function<Result<std::vector<Entity>*>()>& next, size_t expected,
    const std::string& source, const std::function<void(int)>& progress) {
  return WithTransaction<UpsertCounts>([&](SqlStore& tx) -> Result<UpsertCounts> {
    // A large file on SQLite: a page cache (256 MiB) that holds the indexes being
    // filled (default 32 MiB; 1M rows spill it and rewrite pages over and
    // over), given back when the import ends.
    std::optional<std::int64_t> cache_pages;
    if (tx.pool_->dialect().name == "sqlite" && expected >= kLargeImport) {
      auto cur = tx.Query("PRAGMA cache_size", {});
      if (cur.ok() && !cur->empty()) cache_pages = cur->front().Int(0);
      if (cache_pages) JG_RETURN_IF_ERROR(tx.Exec("PRAGMA cache_size = -262144", {}).status());
    }
    struct Restore {
      SqlStore& tx;
      std::optional<std::int64_t> pages;
      ~Restore() {
        if (pages) (void)tx.Exec("PRAGMA cache_size = " + std::to_string(*pages), {});
      }
    } restore{tx, cache_pages};
    // A large load into a smaller SQLite directory: its secondary indexes are
    // dropped and built again after (one sort each instead of a million
    // random inserts), inside the transaction, so a rollback or a reader sees
    // them as they were. PostgreSQL would lock readers out meanwhile: not there.
    std::vector<std::string> rebuild;
    if (tx.pool_->dialect().name == "sqlite" && expected >= kLargeImport) {
      auto largest = tx.Query("SELECT COALESCE(MAX(id), 0) FROM entities", {});
      if (!largest.ok()) return largest.status();
      if (static_cast<std::int64_t>(expected) >= largest->front().Int(0)) {
        auto indexes = tx.Query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                "tbl_name = 'entities' AND sql IS NOT NULL ORDER BY name",
                                {});
        if (!indexes.ok()) return indexes.status();
        for (const auto& r : *indexes) {
          JG_RETURN_IF_ERROR(tx.Exec("DROP INDEX " + r.Str(0), {}).status());
          rebuild.push_back(r.Str(1));
        }
      }
    }
    UpsertCounts counts;
    for (;;) {
      auto chunk = next();
      if (!chunk.ok()) return chunk.status();
      if (!*chunk) break;
      JG_RETURN_IF_ERROR(tx.UpsertChunk(**chunk, source, counts, progress));
    }
    for (const auto& create : rebuild) JG_RETURN_IF_ERROR(tx.Exec(create, {}).status());
    return counts;
  });
}

Status SqlStore::UpsertChunk(std::vector<Entity>& es, const std::string& source,
                             UpsertCounts& counts, const std::function<void(int)>& progress) {
  // PostgreSQL: the lookup of existing codes is prepared once and would
  // keep the plan made when the directory was small (a scan of `entities`
  // per code looked up: quadratic in the import); it is planned with the
  // sizes of now. Only it: the foreign-key checks of the rows written after
  // are prepared statements too, and planning each of those again made
  // writing a million entity versions take 35 s instead of 2.
  const bool replan = pool_->dialect().name == "postgresql" && es.size() >= kRowsPerStatement;
  if (replan)
    JG_RETURN_IF_ERROR(Exec("SET LOCAL plan_cache_mode = force_custom_plan", {}).status());
  // Which codes are already in the directory, a chunk at a time.
  struct Taken {
    Id id;
    int version;
    std::string fold, name;
  };
  std::unordered_map<std::string, Taken> taken;
  for (size_t b = 0; b < es.size(); b += kRowsPerStatement) {
    Params p;
    std::string in;
    for (size_t i = b; i < std::min(es.size(), b + kRowsPerStatement); ++i)
      in += (i > b ? ", " : "") + Bind(p, es[i].credit_code);
    // Locked (PostgreSQL): their names leave the index if they change.
    auto rows = Query("SELECT credit_code, id, version, name_fold, name FROM entities WHERE "
                      "credit_code IN (" + in + ")" + pool_->dialect().for_update,
                      p);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows)
      taken.emplace(r.Str(0), Taken{r.Int(1), static_cast<int>(r.Int(2)), r.Str(3), r.Str(4)});
  }
  if (replan) JG_RETURN_IF_ERROR(Exec("SET LOCAL plan_cache_mode = DEFAULT", {}).status());
  // Name index changes of the whole batch, written a few blocks at a time.
  std::vector<NameChange> names;
  std::vector<Entity*> fresh;
  for (Entity& e : es) {
    auto it = taken.find(e.credit_code);
    if (it == taken.end()) {
      fresh.push_back(&e);
      continue;
    }
    e.id = it->second.id;
    e.version = it->second.version;
    JG_RETURN_IF_ERROR(UpdateEntityRow(e, source, it->second.fold, it->second.name, names));
    ++e.version;
    ++counts.updated;
  }

  // New entities: their ids taken first, then the rows streamed in chunks
  // (Connection::InsertRows), the name index written after each chunk.
  if (!fresh.empty()) {
    std::string take = pool_->dialect().take_ids;
    take.replace(take.find("{table}"), 7, "entities");
    auto ids = Query(take, {static_cast<std::int64_t>(fresh.size())});
    if (!ids.ok()) return ids.status();
    if (ids->size() != fresh.size()) return Internal("新主体的编号数目不对");
    for (size_t i = 0; i < fresh.size(); ++i) {
      fresh[i]->id = (*ids)[i].Int(0);
      fresh[i]->version = 1;
    }
  }
  static const std::vector<std::string> entity_cols =
      SplitColumns(std::string("id, ") + kEntityCols + ", name_fold, source, version");
  for (size_t b = 0; b < fresh.size(); b += kNamesPerIndexWrite) {
    const size_t end = std::min(fresh.size(), b + kNamesPerIndexWrite);
    for (size_t i = b; i < end; ++i)
      names.push_back({fresh[i]->id, "", SearchFold(fresh[i]->name), "", fresh[i]->name});
    size_t at = b;
    std::string tags;
    auto entity_row = [&](RowRef& row) {
      if (at == end) return false;
      const Entity& e = *fresh[at];
      tags = JoinTags(e.tags);
      row.emplace_back(e.id);
      AppendEntityCells(e, tags, row);
      row.emplace_back(std::string_view(names[names.size() - (end - at)].new_fold));
      row.emplace_back(std::string_view(source));
      row.emplace_back(std::int64_t{1});
      ++at;
      return true;
    };
    if (Status st = bound_->InsertRows("entities", entity_cols, entity_row); !st.ok())
      return Field(st, "credit_code", "该统一社会信用代码已在名录中");
    at = b;
    size_t tag = 0;
    JG_RETURN_IF_ERROR(bound_->InsertRows("entity_tags", {"tag", "entity_id"}, [&](RowRef& row) {
      while (at < end && tag == fresh[at]->tags.size()) ++at, tag = 0;
      if (at == end) return false;
      row.insert(row.end(), {fresh[at]->tags[tag++], fresh[at]->id});
      return true;
    }));
    // The name index a few blocks at a time: each block is rewritten about once.
    JG_RETURN_IF_ERROR(WriteNamePostings(*bound_, pool_->dialect(), names));
    names.clear();
    counts.inserted += static_cast<int>(end - b);
    if (progress) progress(counts.updated + counts.inserted);
  }
  JG_RETURN_IF_ERROR(WriteNamePostings(*bound_, pool_->dialect(), names));
  return Status::Ok();
}

}  // namespace jg::sql
