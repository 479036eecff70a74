// The exchange format at scale: `export --dir` of a directory of N entities
// (with a version each, a holding and its attributes, and an audit entry)
// and `import --dir` of that export into an empty database, on SQLite and
// PostgreSQL in one run, with the PostgreSQL/SQLite ratio printed at the end.
//
// N: JG_BENCH_ENTITIES, default 20000 (quick); BENCH_MODE=full makes it 200000.
// The data is generated inside the database (one INSERT … SELECT per table);
// each import goes into a fresh empty store, whose creation is not timed.
#include <benchmark/benchmark.h>

#include "bench_support.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "store/exchange.h"
#include "support/test_stores.h"

namespace {
using Clock = std::chrono::steady_clock;

long Entities() {
  if (const char* env = std::getenv("JG_BENCH_ENTITIES")) return std::atol(env);
  const char* mode = std::getenv("BENCH_MODE");
  return mode && std::string(mode) == "full" ? 200000 : 20000;
}

std::string LoadSql(bool sqlite, long n) {
  const std::string gen =
      sqlite ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                   std::to_string(n) + ") "
             : "WITH n(i) AS (SELECT generate_series(1::bigint, " + std::to_string(n) + ")) ";
  const std::string code = sqlite ? "printf('91310114MA%08d', i)" : "'91310114MA' || lpad(i::text, 8, '0')";
  std::string sql = "BEGIN;";
  sql += "INSERT INTO entities (id, credit_code, name, name_fold, kind, address, street, registered_on, "
         "status, tags, updated_at, updated_by, version, source) " + gen + "SELECT i, " + code +
         ", '基准主体' || i || '号商店', '基准主体' || i || '号商店', 'enterprise', "
         "'嘉定区江桥镇, 金沙江路 ' || i || ' 号', '江桥镇', '2020-01-01', 'active', '重点监管', 1, "
         "'bench', 2, 'bench' FROM n;";
  // Each entity's first version, superseded by its row (version 2).
  sql += "INSERT INTO entity_versions (entity_id, version, source, credit_code, name, kind, "
         "legal_representative, address, street, station_id, industry, registered_on, status, "
         "risk_class, risk_classified_on, tags, updated_at, updated_by) SELECT id, 1, 'bench', "
         "credit_code, name, kind, '', address, street, NULL, '', registered_on, status, '', '', tags, "
         "updated_at, updated_by FROM entities;";
  sql += "INSERT INTO holdings (id, kind, identifier, entity_id, valid_from, valid_until, status, "
         "updated_at) SELECT id, 'food_operation_licence', 'JY' || (13101140000000 + id), id, "
         "'2023-01-01', '2028-12-31', 'valid', 1 FROM entities;";
  sql += "INSERT INTO holding_attributes (holding_id, key, value) SELECT id, 'business_items', "
         "'含酒类' FROM holdings;";
  sql += "COMMIT;";
  return sql;
}

struct Fixture {
  jg::testing::TestStore ts;
  std::filesystem::path dir;
};

std::map<std::string, std::map<std::string, double>> g_best;  // operation → backend → seconds

Fixture& Get(const std::string& backend) {
  static std::map<std::string, Fixture> fixtures;
  auto it = fixtures.find(backend);
  if (it != fixtures.end()) return it->second;
  Fixture& f = fixtures[backend];
  std::string skip;
  f.ts = jg::testing::MakeTestStore(backend, &skip);
  if (!f.ts.store) return f;
  jg::testing::RawSql(f.ts, LoadSql(backend == "sqlite", Entities()));
  f.dir = std::filesystem::temp_directory_path() / ("jianguan-exchange-bench-" + backend);
  std::filesystem::remove_all(f.dir);
  return f;
}

void Record(const std::string& op, const std::string& backend, double s) {
  auto& best = g_best[op][backend];
  if (best == 0 || s < best) best = s;
}

void BM_Export(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  for (auto _ : state) {
    auto t0 = Clock::now();
    auto sum = jg::ExportExchange(*f.ts.store, f.dir.string(), 0);
    Record("export", backend, std::chrono::duration<double>(Clock::now() - t0).count());
    if (!sum.ok()) return state.SkipWithError(sum.status().ToString().c_str());
  }
  state.counters["entities"] = static_cast<double>(Entities());
}

void BM_Import(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  if (!std::filesystem::exists(f.dir / "manifest.csv")) {
    auto sum = jg::ExportExchange(*f.ts.store, f.dir.string(), 0);
    if (!sum.ok()) return state.SkipWithError(sum.status().ToString().c_str());
  }
  for (auto _ : state) {
    state.PauseTiming();
    std::string skip;
    auto target = jg::testing::MakeTestStore(backend, &skip);
    state.ResumeTiming();
    auto t0 = Clock::now();
    auto rep = jg::ImportExchange(*target.store, f.dir.string());
    Record("import", backend, std::chrono::duration<double>(Clock::now() - t0).count());
    if (!rep.ok()) return state.SkipWithError(rep.status().ToString().c_str());
    if (!rep->applied) return state.SkipWithError(rep->errors.front().reason.c_str());
  }
  state.counters["entities"] = static_cast<double>(Entities());
}

BENCHMARK_CAPTURE(BM_Export, sqlite, std::string("sqlite"))->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Import, sqlite, std::string("sqlite"))->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export, postgresql, std::string("postgresql"))->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Import, postgresql, std::string("postgresql"))->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);

void PrintTable() {
  std::printf("\n| %ld entities (+ versions, holdings, attributes) | SQLite | PostgreSQL | PG/SQLite |\n",
              Entities());
  std::printf("| --- | --- | --- | --- |\n");
  for (const auto& [op, by] : g_best) {
    auto s = by.count("sqlite") ? by.at("sqlite") : 0.0;
    auto p = by.count("postgresql") ? by.at("postgresql") : 0.0;
    auto cell = [](double v) {
      char buf[32];
      if (v == 0) return std::string("—");
      std::snprintf(buf, sizeof buf, "%.2f s", v);
      return std::string(buf);
    };
    char ratio[32] = "—";
    if (s > 0 && p > 0) std::snprintf(ratio, sizeof ratio, "%.2f×", p / s);
    std::printf("| %s (best of 3) | %s | %s | %s |\n", op.c_str(), cell(s).c_str(), cell(p).c_str(), ratio);
  }
}

}  // namespace

int main(int argc, char** argv) { return jg::bench::RunThenPrint(argc, argv, PrintTable); }
