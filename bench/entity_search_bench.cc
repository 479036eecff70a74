// Directory search by a two-character Chinese name fragment (e.g. 马陆), the
// commonest query of the bureau's staff. jianguan answers it through its
// bigram index (Store::SearchEntities); the obvious alternative is a plain
// `name LIKE '%马陆%'` scan. Both run on SQLite and PostgreSQL over the same
// generated directory (JG_BENCH_ENTITIES rows, default 20000; the issue's
// size is 3000000), each call timed for a p50/p99 table printed at the end.
#include <benchmark/benchmark.h>

#include "bench_support.h"
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <vector>

#include "service/system_clock.h"
#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace {

using jg::bench::Percentile;

const char* kPlaces[] = {"上海", "嘉定", "江桥", "南翔", "安亭", "马陆", "徐行", "华亭", "外冈", "菊园"};
const char* kWords[] = {"葡萄", "食品", "餐饮", "贸易", "科技", "汽车", "机电", "服饰", "医药", "建材",
                        "物流", "电子", "五金", "包装", "印刷", "农业", "文化", "咨询", "装饰", "塑料"};
const char* kForms[] = {"有限公司", "商行", "专业合作社", "经营部", "店"};

using Clock = std::chrono::steady_clock;
// query → backend/method → per-call milliseconds, for the p50/p99 table.
std::map<std::string, std::map<std::string, std::vector<double>>> g_samples;

struct Fixture {
  jg::testing::TestStore ts;
  int rows = 0;
  std::string sqlite_file;  // the SQLite database's file
};

Fixture& Get(const std::string& backend) {
  static std::map<std::string, Fixture> fixtures;
  auto it = fixtures.find(backend);
  if (it != fixtures.end()) return it->second;
  Fixture& f = fixtures[backend];
  const char* env = std::getenv("JG_BENCH_ENTITIES");
  f.rows = env ? std::atoi(env) : 20000;
  // JG_BENCH_SQLITE_FILE: a SQLite directory kept between runs (loaded by the
  // first), for working on the search without loading millions each time.
  const char* keep = std::getenv("JG_BENCH_SQLITE_FILE");
  if (backend == "sqlite" && keep) {
    auto opened = jg::OpenStore(std::string("sqlite:") + keep);
    if (!opened.ok()) throw std::runtime_error(opened.status().ToString());
    f.ts.store = std::move(opened).value();
    f.ts.url = std::string("sqlite:") + keep;
    f.sqlite_file = keep;
    jg::EntityQuery all;
    all.limit = 1;
    auto page = f.ts.store->SearchEntities(all);
    if (page.ok() && page->total >= f.rows) return f;
  } else {
    std::string skip;
    f.ts = jg::testing::MakeTestStore(backend, &skip);
    if (!f.ts.store) return f;
    f.sqlite_file = f.ts.sqlite_path;
  }
  unsigned seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  // Written through the bulk upsert in batches of 100k, as an import writes them
  // (names, grams and history: ~12k rows/s on SQLite, so 3M rows take minutes).
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<jg::Entity> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    const auto b0 = std::chrono::steady_clock::now();
    auto r = f.ts.store->UpsertEntities(batch, "import", nullptr);
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    if (std::getenv("JG_BENCH_VERBOSE"))
      std::fprintf(stderr, "batch of %zu: %.2f s\n", batch.size(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - b0).count());
    batch.clear();
  };
  for (int i = 0; i < f.rows; ++i) {
    jg::Entity e;
    e.credit_code = jg::testing::DistinctCreditCode(i);
    e.name = std::string(kPlaces[next() % 10]) + kWords[next() % 20] + kWords[next() % 20] +
             kForms[next() % 5];
    e.updated_at = 1;
    if (!jg::NormalizeEntity(e).ok()) continue;
    batch.push_back(std::move(e));
    if (batch.size() == 100000) flush();
  }
  flush();
  std::fprintf(stderr, "%s: %d entities loaded in %.1f s\n", backend.c_str(), f.rows,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  // Planner statistics, as a running system has them.
  if (f.ts.sqlite_path.empty() && !f.sqlite_file.empty()) {
    sqlite3* db = nullptr;
    sqlite3_open(f.sqlite_file.c_str(), &db);
    sqlite3_exec(db, "ANALYZE", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  } else {
    // And the visibility map and a checkpoint: autovacuum of the fresh rows
    // and the checkpoint of the load would otherwise run during the timed
    // searches (a running system has them behind it).
    jg::testing::RawSql(f.ts, "VACUUM ANALYZE");
    jg::testing::RawSql(f.ts, "CHECKPOINT");
  }
  return f;
}

// Queries: a common two-character place name, a rarer fragment, and a
// stream of 40 different three- and four-character fragments (each call the
// next one), so that no figure rests on one query's blocks being hot.
const char* kQueries[] = {"马陆", "医药专业", "(40 fragments)"};
constexpr int kStream = 2;

const std::vector<std::string>& StreamQueries() {
  static const std::vector<std::string> queries = [] {
    std::vector<std::string> q;
    for (int i = 0; q.size() < 40; ++i) {
      const std::string a = kWords[(i * 7) % 20], b = kWords[(i * 13 + 5) % 20];
      if (a == b) continue;
      // The second character of a word and the next word (3), or two words (4).
      q.push_back(i % 2 ? a.substr(3) + b : a + b);
    }
    return q;
  }();
  return queries;
}

// The query of the n-th call of benchmark argument `arg`.
std::string QueryOf(int arg, size_t n) {
  return arg == kStream ? StreamQueries()[n % StreamQueries().size()] : kQueries[arg];
}

// The stream's calls by store and fragment: JG_BENCH_VERBOSE=1 prints the
// slowest fragments, where the stream's p99 comes from.
std::map<std::string, std::map<std::string, std::vector<double>>> g_fragments;

// The first search of each query in this process: its blocks and views are
// read from the database (a server pays this once after it starts).
std::map<std::string, std::map<std::string, double>> g_first;

void BM_NameSearch_Index(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  const int arg = static_cast<int>(state.range(0));
  jg::EntityQuery q;
  q.limit = 20;
  std::int64_t total = 0;
  auto& samples = g_samples[kQueries[arg]][backend + " index"];
  // Untimed: the first search of every query (its cold time kept apart).
  for (size_t n = 0; n < (arg == kStream ? StreamQueries().size() : 1); ++n) {
    q.name = QueryOf(arg, n);
    auto t0 = Clock::now();
    auto page = f.ts.store->SearchEntities(q);
    if (!page.ok()) return state.SkipWithError(page.status().ToString().c_str());
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    g_first[kQueries[arg]][backend] = std::max(g_first[kQueries[arg]][backend], ms);
  }
  size_t n = 0;
  for (auto _ : state) {
    q.name = QueryOf(arg, n++);
    auto t0 = Clock::now();
    auto page = f.ts.store->SearchEntities(q);
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (arg == kStream) g_fragments[backend][q.name].push_back(samples.back());
    if (!page.ok()) return state.SkipWithError(page.status().ToString().c_str());
    total = page->total;
  }
  state.counters["matches"] = static_cast<double>(total);
  state.counters["rows"] = f.rows;
}

// The same answer (first page + count) by LIKE scans, straight on the driver.
void BM_NameSearch_LikeScan(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  const int arg = static_cast<int>(state.range(0));
  // The statements of the n-th call.
  auto count_of = [&](size_t n) {
    return "SELECT COUNT(*) FROM entities WHERE name LIKE '%" + QueryOf(arg, n) + "%'";
  };
  auto page_of = [&](size_t n) {
    return "SELECT id, name FROM entities WHERE name LIKE '%" + QueryOf(arg, n) +
           "%' ORDER BY name, id LIMIT 20";
  };
  std::int64_t total = 0;
  auto& samples = g_samples[kQueries[arg]][backend + " LIKE"];
  size_t n = 0;
  if (backend == "sqlite") {
    sqlite3* db = nullptr;
    sqlite3_open(f.sqlite_file.c_str(), &db);
    for (auto _ : state) {
      const std::string count_sql = count_of(n), page_sql = page_of(n);
      ++n;
      auto t0 = Clock::now();
      sqlite3_stmt *c = nullptr, *p = nullptr;
      sqlite3_prepare_v2(db, count_sql.c_str(), -1, &c, nullptr);
      sqlite3_prepare_v2(db, page_sql.c_str(), -1, &p, nullptr);
      if (sqlite3_step(c) == SQLITE_ROW) total = sqlite3_column_int64(c, 0);
      while (sqlite3_step(p) == SQLITE_ROW) benchmark::DoNotOptimize(sqlite3_column_text(p, 1));
      sqlite3_finalize(c);
      sqlite3_finalize(p);
      samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    sqlite3_close(db);
  } else {
    PGconn* conn = PQconnectdb(f.ts.url.c_str());
    for (auto _ : state) {
      const std::string count_s = count_of(n), page_s = page_of(n);
      const char* count_sql = count_s.c_str();
      const char* page_sql = page_s.c_str();
      ++n;
      auto t0 = Clock::now();
      PGresult* r = PQexec(conn, count_sql);
      total = std::atoll(PQgetvalue(r, 0, 0));
      PQclear(r);
      r = PQexec(conn, page_sql);
      benchmark::DoNotOptimize(PQntuples(r));
      PQclear(r);
      samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    PQfinish(conn);
  }
  state.counters["matches"] = static_cast<double>(total);
  state.counters["rows"] = f.rows;
}

BENCHMARK_CAPTURE(BM_NameSearch_Index, sqlite, std::string("sqlite"))->Arg(0)->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK_CAPTURE(BM_NameSearch_LikeScan, sqlite, std::string("sqlite"))->Arg(0)->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK_CAPTURE(BM_NameSearch_Index, postgresql, std::string("postgresql"))->Arg(0)->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK_CAPTURE(BM_NameSearch_LikeScan, postgresql, std::string("postgresql"))->Arg(0)->Arg(1)->Arg(2)->UseRealTime();

// p50/p99 of each query by method and store, and LIKE / index at the p50.
void PrintPercentiles() {
  std::printf("\n| query | store | index p50 | index p99 | first search | LIKE p50 | LIKE p99 | LIKE / index (p50) |\n");
  std::printf("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
  for (const auto& [query, by] : g_samples) {
    for (const char* b : {"sqlite", "postgresql"}) {
      auto i = by.find(std::string(b) + " index"), l = by.find(std::string(b) + " LIKE");
      if (i == by.end() || l == by.end() || i->second.empty() || l->second.empty()) continue;
      std::printf("| %s | %s | %.3f ms | %.3f ms | %.1f ms | %.2f ms | %.2f ms | %.0f× |\n", query.c_str(), b,
                  Percentile(i->second, 0.5), Percentile(i->second, 0.99), g_first[query][b],
                  Percentile(l->second, 0.5), Percentile(l->second, 0.99),
                  Percentile(l->second, 0.5) / Percentile(i->second, 0.5));
    }
  }
  if (!std::getenv("JG_BENCH_VERBOSE")) return;
  for (const auto& [backend, by] : g_fragments) {
    std::vector<std::pair<double, std::string>> slowest;
    for (const auto& [fragment, ms] : by) slowest.emplace_back(Percentile(ms, 0.5), fragment);
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("\n%s, slowest fragments (p50 / max of their calls):", backend.c_str());
    for (size_t i = 0; i < slowest.size() && i < 8; ++i) {
      const auto& ms = by.at(slowest[i].second);
      std::printf(" %s %.2f / %.2f ms;", slowest[i].second.c_str(), slowest[i].first,
                  *std::max_element(ms.begin(), ms.end()));
    }
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) { return jg::bench::RunThenPrint(argc, argv, PrintPercentiles); }
