// The 双随机 draw at district-of-a-megacity size, against the obvious
// alternative in the same run: the same stratified selection done as
// `ORDER BY random() LIMIT k` per stratum in SQLite and in PostgreSQL.
//
// Data (JG_BENCH_DRAW_ENTITIES, default 10,000,000): valid credit codes, four
// credit-risk strata A 50% / B 45% / C 3.5% / D 1.5% drawn at 3% / 5% / 20% /
// 60% (about 535k entities at full size), 12 stations; 4% were inspected
// recently and are excluded before the snapshot. A roster of 2,000 inspectors
// (1,800 in the 12 stations, 200 in two bureau departments; 95% qualified for
// both of the plan's items) with one conflict of interest each with a random
// entity, 30 station conflicts, 所所交叉 on, 2 inspectors per entity, a
// workload cap of 700 over recorded workloads of 0–199.
//
// Measured: building the snapshot from the in-memory directory (the floor:
// "reading the snapshot"), the commitment (the SM3 digest of the canonical
// list), the draw (which re-digests the list to check it is the committed
// one, selects and assigns), the selection alone, `jianguan verify` of the
// exported file (in memory), and the SQL. The snapshot's memory per entity
// is reported as a counter. Ratios are printed at the end.
#include <benchmark/benchmark.h>

#include "bench_support.h"
#include <libpq-fe.h>
#include <malloc.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/credit_code.h"
#include "domain/draw/draw.h"
#include "domain/draw/draw_file.h"
#include "support/test_stores.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace draw = jg::draw;

constexpr int kStations = 12;
constexpr const char* kStrata[] = {"A", "B", "C", "D"};
constexpr std::uint32_t kRatioPpm[] = {30000, 50000, 200000, 600000};

std::size_t Entities() {
  const char* env = std::getenv("JG_BENCH_DRAW_ENTITIES");
  return env ? std::strtoull(env, nullptr, 10) : 10'000'000;
}

// The n-th code of a sequence of up to 10^7 distinct valid codes, ascending.
std::string Code(std::size_t n) {
  char body[16];
  std::snprintf(body, sizeof body, "M%07zu", n % 10'000'000);
  std::string org(body);
  org += jg::OrgCodeCheckChar(org);
  std::string first17 = "91310114" + org;
  return first17 + jg::CreditCodeCheckChar(first17);
}

// SplitMix64: a fixed, portable stream for the generated data (not the draw).
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The directory as it comes out of the store: one row per entity.
struct Directory {
  std::string codes;  // 18 bytes each
  std::vector<std::uint8_t> stratum, station, recent;
  std::size_t size() const { return stratum.size(); }
  std::string_view code(std::size_t i) const { return std::string_view(codes).substr(i * 18, 18); }
};

const Directory& Dir() {
  static const Directory d = [] {
    auto t0 = Clock::now();
    Directory d;
    const std::size_t n = Entities();
    d.codes.reserve(n * 18);
    d.stratum.resize(n);
    d.station.resize(n);
    d.recent.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      d.codes += Code(i);
      std::uint64_t r = Mix(i) % 1000;
      d.stratum[i] = r < 500 ? 0 : r < 950 ? 1 : r < 985 ? 2 : 3;
      d.station[i] = static_cast<std::uint8_t>(Mix(i ^ 0x5a5a) % kStations);
      d.recent[i] = Mix(i ^ 0xa5a5) % 100 < 4;
    }
    std::fprintf(stderr, "draw_bench: %zu entities generated in %.1f s\n", n,
                 std::chrono::duration<double>(Clock::now() - t0).count());
    return d;
  }();
  return d;
}

std::string StationCode(int s) {
  char b[8];
  std::snprintf(b, sizeof b, "S%02d", s + 1);
  return b;
}

draw::Snapshot BuildSnapshot(const Directory& d) {
  draw::Snapshot s;
  s.Reserve(d.size());
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (d.recent[i]) continue;  // exclusion: randomly inspected in the last 6 months
    (void)s.Add(d.code(i), kStrata[d.stratum[i]], StationCode(d.station[i]));
  }
  return s;
}

draw::DrawInput MakeInput(const Directory& d, bool with_inspectors) {
  draw::DrawInput in;
  in.eligible = BuildSnapshot(d);
  in.params.plan = "2024年度食品经营者双随机抽查（基准）";
  in.params.exclusions = "近6个月内已被随机抽查的主体";
  for (int s = 0; s < 4; ++s) {
    draw::StratumRule r;
    r.stratum = kStrata[s];
    r.by_ratio = true;
    r.ratio_ppm = kRatioPpm[s];
    in.params.strata.push_back(r);
  }
  in.seed = "bench-seed-0123456789abcdef";
  if (!with_inspectors) {
    in.params.per_entity = draw::kSelectionOnly;
    return in;
  }
  in.params.items = {"SP-01", "SP-02"};
  in.params.per_entity = 2;
  in.params.workload_cap = 700;
  in.params.cross_station = true;
  for (int k = 0; k < 2000; ++k) {
    draw::Inspector i;
    char id[16];
    std::snprintf(id, sizeof id, "I%04d", k);
    i.id = id;
    if (k < 1800) {
      i.station = StationCode(k % kStations);
      i.department = "市场监管所" + i.station;
    } else {
      i.department = k < 1900 ? "执法大队" : "食品安全科";
    }
    i.items = {"SP-01"};
    if (Mix(k) % 100 < 95) i.items.push_back("SP-02");
    i.workload = Mix(k ^ 0x77) % 200;
    in.inspectors.push_back(i);
    in.conflicts.push_back(
        {i.id, draw::ConflictKind::kEntity, std::string(d.code(Mix(k ^ 0x99) % d.size()))});
    if (k % 67 == 0) {
      in.conflicts.push_back(
          {i.id, draw::ConflictKind::kStation, StationCode(static_cast<int>(Mix(k) % kStations))});
    }
  }
  return in;
}

struct Prepared {
  draw::DrawInput input;
  draw::DrawCommitment commitment;
};

Prepared& Full() {
  static Prepared p = [] {
    Prepared p{MakeInput(Dir(), true), {}};
    auto c = draw::Commit(p.input, draw::SeedMode::kCommitReveal);
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    p.commitment = *c;
    return p;
  }();
  return p;
}

Prepared& SelectionOnly() {
  static Prepared p = [] {
    Prepared p{MakeInput(Dir(), false), {}};
    auto c = draw::Commit(p.input, draw::SeedMode::kCommitReveal);
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    p.commitment = *c;
    return p;
  }();
  return p;
}

std::map<std::string, double> g_seconds;  // benchmark → best seconds per run

template <typename Op>
void Timed(benchmark::State& state, const std::string& name, Op op) {
  double best = 1e300;
  for (auto _ : state) {
    auto t0 = Clock::now();
    op(state);
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  g_seconds[name] = best;
}

void BM_ReadSnapshot(benchmark::State& state) {
  const Directory& d = Dir();
  std::size_t heap_before = mallinfo2().uordblks + mallinfo2().hblkhd;
  std::optional<draw::Snapshot> keep;
  Timed(state, "snapshot", [&](benchmark::State&) {
    keep.reset();
    keep.emplace(BuildSnapshot(d));
  });
  std::size_t heap_after = mallinfo2().uordblks + mallinfo2().hblkhd;
  state.counters["entries"] = static_cast<double>(keep->size());
  state.counters["bytes_per_entry"] =
      static_cast<double>(heap_after - heap_before) / static_cast<double>(keep->size());
}

void BM_Commit(benchmark::State& state) {
  Prepared& p = Full();
  Timed(state, "commit", [&](benchmark::State& st) {
    auto c = draw::Commit(p.input, draw::SeedMode::kCommitReveal);
    if (!c.ok()) st.SkipWithError(c.status().ToString().c_str());
  });
}

void BM_Draw(benchmark::State& state) {
  Prepared& p = Full();
  std::size_t drawn = 0;
  Timed(state, "draw", [&](benchmark::State& st) {
    auto r = draw::RunDraw(p.input, p.commitment);
    if (!r.ok()) return st.SkipWithError(r.status().ToString().c_str());
    drawn = r->selected.size();
  });
  state.counters["drawn"] = static_cast<double>(drawn);
  state.counters["inspectors"] = static_cast<double>(p.input.inspectors.size());
}

void BM_DrawSelectionOnly(benchmark::State& state) {
  Prepared& p = SelectionOnly();
  Timed(state, "selection", [&](benchmark::State& st) {
    auto r = draw::RunDraw(p.input, p.commitment);
    if (!r.ok()) st.SkipWithError(r.status().ToString().c_str());
  });
}

void BM_Verify(benchmark::State& state) {
  Prepared& p = Full();
  static const std::string file = [&] {
    auto r = draw::RunDraw(p.input, p.commitment);
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return draw::ExportDrawFile(p.input, *r);
  }();
  Timed(state, "verify", [&](benchmark::State& st) {
    auto v = draw::VerifyDrawFile(file);
    if (!v.ok()) return st.SkipWithError(v.status().ToString().c_str());
    if (!v->ok) st.SkipWithError(v->mismatch.c_str());
  });
  state.counters["file_MB"] = static_cast<double>(file.size()) / 1e6;
}

// --- The SQL alternative --------------------------------------------------

struct SqlFixture {
  jg::testing::TestStore ts;
  std::vector<std::uint64_t> counts;  // per stratum, as the engine computes them
};

SqlFixture& Sql(const std::string& backend) {
  static std::map<std::string, SqlFixture> fixtures;
  auto it = fixtures.find(backend);
  if (it != fixtures.end()) return it->second;
  SqlFixture& f = fixtures[backend];
  std::string skip;
  f.ts = jg::testing::MakeTestStore(backend, &skip);
  if (!f.ts.store) return f;
  const Directory& d = Dir();
  std::vector<std::uint64_t> sizes(4);
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (!d.recent[i]) ++sizes[d.stratum[i]];
  }
  for (int s = 0; s < 4; ++s) {
    draw::StratumRule r{kStrata[s], true, 0, kRatioPpm[s]};
    f.counts.push_back(draw::StratumCount(r, sizes[s]));
  }
  const char* ddl =
      "CREATE TABLE draw_directory (credit_code TEXT PRIMARY KEY, stratum TEXT NOT NULL, "
      "station TEXT NOT NULL, recently_inspected INTEGER NOT NULL)";
  jg::testing::RawSql(f.ts, ddl);
  auto t0 = Clock::now();
  if (backend == "sqlite") {
    sqlite3* db = nullptr;
    sqlite3_open(f.ts.sqlite_path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr,
                 nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO draw_directory VALUES (?, ?, ?, ?)", -1, &st, nullptr);
    for (std::size_t i = 0; i < d.size(); ++i) {
      std::string_view c = d.code(i);
      std::string station = StationCode(d.station[i]);
      sqlite3_bind_text(st, 1, c.data(), static_cast<int>(c.size()), SQLITE_STATIC);
      sqlite3_bind_text(st, 2, kStrata[d.stratum[i]], 1, SQLITE_STATIC);
      sqlite3_bind_text(st, 3, station.data(), static_cast<int>(station.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int(st, 4, d.recent[i]);
      if (sqlite3_step(st) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
      sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  } else {
    PGconn* c = PQconnectdb(f.ts.url.c_str());
    PQclear(PQexec(c, "COPY draw_directory FROM STDIN"));
    std::string buf;
    for (std::size_t i = 0; i < d.size(); ++i) {
      buf.append(d.code(i));
      buf += '\t';
      buf += kStrata[d.stratum[i]];
      buf += '\t';
      buf += StationCode(d.station[i]);
      buf += d.recent[i] ? "\t1\n" : "\t0\n";
      if (buf.size() > (1 << 20)) {
        PQputCopyData(c, buf.data(), static_cast<int>(buf.size()));
        buf.clear();
      }
    }
    PQputCopyData(c, buf.data(), static_cast<int>(buf.size()));
    PQputCopyEnd(c, nullptr);
    PGresult* r = PQgetResult(c);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error("COPY: " + msg);
  }
  // The index a DBA would add for "per stratum, not recently inspected".
  jg::testing::RawSql(f.ts,
                      "CREATE INDEX draw_directory_stratum ON draw_directory "
                      "(stratum, recently_inspected)");
  jg::testing::RawSql(f.ts, "ANALYZE");
  std::fprintf(stderr, "draw_bench: %s loaded in %.1f s\n", backend.c_str(),
               std::chrono::duration<double>(Clock::now() - t0).count());
  return f;
}

std::string StratumQuery(int s, std::uint64_t k) {
  return std::string("SELECT credit_code, station FROM draw_directory WHERE stratum = '") +
         kStrata[s] + "' AND recently_inspected = 0 ORDER BY random() LIMIT " + std::to_string(k);
}

void BM_OrderByRandom(benchmark::State& state, const std::string& backend) {
  SqlFixture& f = Sql(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  std::uint64_t rows = 0;
  if (backend == "sqlite") {
    sqlite3* db = nullptr;
    sqlite3_open(f.ts.sqlite_path.c_str(), &db);
    Timed(state, "sql/sqlite", [&](benchmark::State&) {
      rows = 0;
      for (int s = 0; s < 4; ++s) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, StratumQuery(s, f.counts[s]).c_str(), -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) ++rows;
        sqlite3_finalize(st);
      }
    });
    sqlite3_close(db);
  } else {
    PGconn* c = PQconnectdb(f.ts.url.c_str());
    Timed(state, "sql/postgresql", [&](benchmark::State& st) {
      rows = 0;
      for (int s = 0; s < 4; ++s) {
        PGresult* r = PQexec(c, StratumQuery(s, f.counts[s]).c_str());
        if (PQresultStatus(r) != PGRES_TUPLES_OK) st.SkipWithError(PQresultErrorMessage(r));
        rows += static_cast<std::uint64_t>(PQntuples(r));
        PQclear(r);
      }
    });
    PQfinish(c);
  }
  state.counters["drawn"] = static_cast<double>(rows);
}

void PrintRatios() {
  auto get = [](const char* k) {
    auto it = g_seconds.find(k);
    return it == g_seconds.end() ? 0.0 : it->second;
  };
  double snap = get("snapshot"), drw = get("draw"), ver = get("verify");
  double sq = get("sql/sqlite"), pg = get("sql/postgresql");
  std::fprintf(stderr, "\nThe draw of %zu entities (best of the runs, seconds):\n", Entities());
  std::fprintf(stderr,
               "  snapshot from memory %.3f | commit %.3f | draw %.3f (selection only %.3f) | "
               "verify %.3f\n",
               snap, get("commit"), drw, get("selection"), ver);
  if (drw > 0 && sq > 0)
    std::fprintf(stderr, "  ORDER BY random() in SQLite:     %.3f s = %.1f× the draw\n", sq,
                 sq / drw);
  if (drw > 0 && pg > 0)
    std::fprintf(stderr, "  ORDER BY random() in PostgreSQL: %.3f s = %.1f× the draw\n", pg,
                 pg / drw);
  if (snap > 0)
    std::fprintf(stderr, "  draw / snapshot read: %.2f×, verify / snapshot read: %.2f×\n",
                 drw / snap, ver / snap);
}

}  // namespace

BENCHMARK(BM_ReadSnapshot)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Commit)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Draw)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DrawSelectionOnly)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Verify)->Iterations(2)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_OrderByRandom, sqlite, std::string("sqlite"))
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_OrderByRandom, postgresql, std::string("postgresql"))
    ->Iterations(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) { return jg::bench::RunThenPrint(argc, argv, PrintRatios); }
