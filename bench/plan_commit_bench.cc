// Committing a 双随机 plan: the eligible-population query (active entities
// holding a valid food licence with the 含酒类 item, minus those randomly
// inspected in the last months) and the commitment over the frozen list.
// The query runs through Store::ListEligibleEntities on SQLite and
// PostgreSQL over the same generated directory (JG_BENCH_ENTITIES, default
// 20000; a third hold a food licence, half of those with 含酒类); the
// obvious alternative — load every active entity with its licences and
// filter in C++ — is measured next to it.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>

#include "domain/draw/draw.h"
#include "domain/draw/snapshot.h"
#include "support/credit_codes.h"
#include "support/test_stores.h"

namespace {

struct Fixture {
  jg::testing::TestStore ts;
  int rows = 0;
};

Fixture& Get(const std::string& backend) {
  static std::map<std::string, Fixture> fixtures;
  auto it = fixtures.find(backend);
  if (it != fixtures.end()) return it->second;
  Fixture& f = fixtures[backend];
  std::string skip;
  f.ts = jg::testing::MakeTestStore(backend, &skip);
  if (!f.ts.store) return f;
  const char* env = std::getenv("JG_BENCH_ENTITIES");
  f.rows = env ? std::atoi(env) : 20000;
  const jg::RiskClass classes[] = {jg::RiskClass::kA, jg::RiskClass::kB, jg::RiskClass::kC,
                                   jg::RiskClass::kD, jg::RiskClass::kNone};
  (void)f.ts.store->Transaction([&](jg::Store& tx) -> jg::Status {
    for (int i = 0; i < f.rows; ++i) {
      jg::Entity e;
      e.credit_code = jg::testing::DistinctCreditCode(i);
      e.name = "抽查基准主体" + std::to_string(i);
      e.risk_class = classes[i % 5];
      if (e.risk_class != jg::RiskClass::kNone) e.risk_classified_on = "2023-01-10";
      e.updated_at = 1;
      if (!jg::NormalizeEntity(e).ok()) continue;
      auto id = tx.InsertEntity(e, "import");
      if (!id.ok()) return id.status();
      if (i % 3 != 0) continue;
      jg::Holding h;
      h.kind = "food_operation_licence";
      char number[32];
      std::snprintf(number, sizeof number, "JY1310114%07d", i);
      h.identifier = number;
      h.entity_id = *id;
      h.valid_from = "2022-01-01";
      h.valid_until = "2027-01-01";
      h.attributes.emplace("business_items", "预包装食品销售");
      if (i % 2 == 0) h.attributes.emplace("business_items", "含酒类");
      h.updated_at = 1;
      auto hid = tx.InsertHolding(h);
      if (!hid.ok()) return hid.status();
    }
    return jg::Status::Ok();
  });
  jg::testing::RawSql(f.ts, "ANALYZE");
  return f;
}

jg::PlanPopulation AlcoholLicensees() {
  jg::PlanPopulation pop;
  pop.holding_kind = "food_operation_licence";
  pop.holding_item = "含酒类";
  return pop;
}

// jianguan: one query with the filters and exclusions pushed into SQL.
void BM_EligiblePopulation_Query(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  size_t n = 0;
  for (auto _ : state) {
    auto rows = f.ts.store->ListEligibleEntities(AlcoholLicensees(), "2023-03-01", 2023, 2);
    if (!rows.ok()) return state.SkipWithError(rows.status().ToString().c_str());
    n = rows->size();
  }
  state.counters["eligible"] = static_cast<double>(n);
  state.counters["rows"] = f.rows;
}

// The alternative: page through every active entity and ask for its licences.
void BM_EligiblePopulation_LoadAndFilter(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  size_t n = 0;
  for (auto _ : state) {
    n = 0;
    jg::HoldingQuery hq;
    hq.kind = "food_operation_licence";
    hq.status = jg::HoldingStatus::kValid;
    hq.limit = 1000000;
    auto holdings = f.ts.store->SearchHoldings(hq);
    if (!holdings.ok()) return state.SkipWithError(holdings.status().ToString().c_str());
    std::map<jg::Id, bool> alcohol;
    for (const auto& h : holdings->items) {
      for (auto [a, b] = h.attributes.equal_range("business_items"); a != b; ++a)
        if (a->second == "含酒类") alcohol[h.entity_id] = true;
    }
    jg::EntityQuery q;
    q.status = jg::EntityStatus::kActive;
    q.sort = jg::EntityQuery::Sort::kCreditCode;
    q.limit = 10000;
    for (q.offset = 0;; q.offset += q.limit) {
      auto page = f.ts.store->SearchEntities(q);
      if (!page.ok()) return state.SkipWithError(page.status().ToString().c_str());
      for (const auto& e : page->items) n += alcohol.count(e.id);
      if (static_cast<int>(page->items.size()) < q.limit) break;
    }
  }
  state.counters["eligible"] = static_cast<double>(n);
  state.counters["rows"] = f.rows;
}

// The commitment over the frozen list (pure domain: SM3 digests).
void BM_CommitFrozenList(benchmark::State& state) {
  Fixture& f = Get("sqlite");
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  auto rows = f.ts.store->ListEligibleEntities(AlcoholLicensees(), "", 2023, 0);
  if (!rows.ok()) return state.SkipWithError(rows.status().ToString().c_str());
  jg::draw::DrawInput in;
  for (const auto& e : *rows)
    (void)in.eligible.Add(e.credit_code, jg::draw::StratumOf(e.risk_class), e.station_code);
  in.params.plan = "bench";
  in.params.items = {"SP-001"};
  in.params.strata = {{"A", false, 5, 0}, {"D", true, 0, 200000}};
  in.seed = std::string(32, 'x');
  for (auto _ : state) {
    auto c = jg::draw::Commit(in, jg::draw::SeedMode::kCommitReveal);
    benchmark::DoNotOptimize(c);
  }
  state.counters["eligible"] = static_cast<double>(rows->size());
}

BENCHMARK_CAPTURE(BM_EligiblePopulation_Query, sqlite, std::string("sqlite"))->UseRealTime();
BENCHMARK_CAPTURE(BM_EligiblePopulation_LoadAndFilter, sqlite, std::string("sqlite"))->UseRealTime();
BENCHMARK_CAPTURE(BM_EligiblePopulation_Query, postgresql, std::string("postgresql"))->UseRealTime();
BENCHMARK_CAPTURE(BM_EligiblePopulation_LoadAndFilter, postgresql, std::string("postgresql"))->UseRealTime();
BENCHMARK(BM_CommitFrozenList)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
