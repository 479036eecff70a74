// The case list and the yearly statistics over a million cases, on SQLite and
// PostgreSQL in one run: the first page under a stage filter, under
// due=overdue (the decision period's countdown), under a department filter,
// and the statistics of a year (every figure a GROUP BY). Each query is timed
// one call at a time and reported as p50 / p99, with the PostgreSQL/SQLite
// ratio printed at the end. "Before" is the due= filter as it was: load every
// case and compute its countdown in C++ (one iteration, on SQLite unless
// JG_BENCH_BEFORE=all; none with JG_BENCH_BEFORE=none).
//
// Data (JG_BENCH_CASES, default 1000000): a lead and a case per row and a
// filing event, generated inside the database in one INSERT … SELECT per table
// (one statement, one transaction each); 40 departments; filed over
// 2019-01-01..2023-11-14; cases filed in the last 200 days mostly still open
// (decision due 90 days after filing), the others decided (penalty, no
// penalty by rule, reduced, transfer to police, withdrawal) and closed. No
// officers: the list's per-row officer query runs and finds none.
#include <benchmark/benchmark.h>

#include "bench_support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "service/case_service.h"
#include "service/case_stats_service.h"
#include "service/enforcement_rules.h"
#include "service/work_calendar.h"
#include "support/test_stores.h"

namespace {

using jg::bench::Percentile;
using Clock = std::chrono::steady_clock;

constexpr int kDepartments = 40;
// 2023-11-15 08:00 in China.
constexpr jg::UnixSeconds kNow = 1700006400;

struct Fixture {
  jg::testing::TestStore ts;
  std::unique_ptr<jg::ManualClock> clock;
  std::unique_ptr<jg::LenientRuleService> lenient;
  std::unique_ptr<jg::CaseService> cases;
  std::unique_ptr<jg::CaseStatsService> stats;
  jg::Id first_department = 0;
  long rows = 0;
  double load_seconds = 0;
};

std::map<std::string, std::map<std::string, std::vector<double>>> g_samples;  // query → backend → ms

long Rows() {
  const char* env = std::getenv("JG_BENCH_CASES");
  return env ? std::atol(env) : 1000000;
}

// The statements that fill the tables; only the row generator and the date
// arithmetic differ between the dialects.
std::string LoadSql(bool sqlite, long n, jg::Id dept0) {
  auto date = [&](const std::string& days) {
    return sqlite ? "date('2019-01-01', '+' || (" + days + ") || ' days')"
                  : "to_char(DATE '2019-01-01' + (" + days + ")::int, 'YYYY-MM-DD')";
  };
  const std::string gen =
      sqlite ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                   std::to_string(n) + ") "
             : "WITH n(i) AS (SELECT generate_series(1::bigint, " + std::to_string(n) + ")) ";
  const std::string days = "((i * 7919) % 1779)";  // spread over 2019-01-01..2023-11-14
  const std::string dept = std::to_string(dept0) + " + (i % " + std::to_string(kDepartments) + ")";
  const std::string open = "(" + days + " >= 1579 AND i % 100 < 60)";
  const std::string kind =
      "CASE WHEN i % 100 < 60 THEN 'penalty' WHEN i % 100 < 72 THEN 'no_penalty' "
      "WHEN i % 100 < 90 THEN 'reduced_penalty' WHEN i % 100 < 91 THEN 'transfer_to_police' "
      "ELSE 'withdrawal' END";
  std::string sql = "BEGIN;";
  sql += "INSERT INTO leads (id, source, description, found_on, department_id, status, updated_at) " +
         gen + "SELECT i, 'complaint', '基准线索', " + date(days) + ", " + dept +
         ", 'filed', 1 FROM n;";
  sql +=
      "INSERT INTO cases (id, case_number, case_year, case_seq, lead_id, party_name, department_id, "
      "filed_on, stage, decision_kind, decided_on, lenient_rule_id, reduction_ground, "
      "police_unit, violated_law, updated_at, decision_due, closed_on) " +
      gen + "SELECT i, 'B' || i, 2019 + " + days + " / 365, i, i, '基准当事人' || i, " + dept +
      ", " + date(days) + ", CASE WHEN " + open +
      " THEN (CASE i % 4 WHEN 0 THEN 'filed' WHEN 1 THEN 'investigation' WHEN 2 THEN "
      "'legal_review' ELSE 'notice' END) WHEN i % 100 >= 91 THEN 'withdrawn' ELSE 'closed' END, "
      "CASE WHEN " + open + " THEN '' ELSE " + kind + " END, CASE WHEN " + open + " THEN '' ELSE " +
      date(days + " + 40") + " END, CASE WHEN NOT " + open +
      " AND i % 100 >= 60 AND i % 100 < 72 THEN 'SH-0' || (i % 9 + 1) ELSE '' END, CASE WHEN NOT " +
      open +
      " AND i % 100 >= 72 AND i % 100 < 90 THEN '《中华人民共和国行政处罚法》第三十二条' ELSE '' "
      "END, CASE WHEN NOT " + open +
      " AND i % 100 = 90 THEN '上海市公安局嘉定分局' ELSE '' END, CASE i % 5 WHEN 0 THEN "
      "'《中华人民共和国食品安全法》' WHEN 1 THEN '《中华人民共和国产品质量法》' WHEN 2 THEN "
      "'《中华人民共和国广告法》' WHEN 3 THEN '《中华人民共和国价格法》' ELSE '' END, 1, "
      "CASE WHEN " + open + " THEN " + date(days + " + 90") + " ELSE '' END, CASE WHEN " + open +
      " OR i % 100 >= 91 THEN '' ELSE " + date(days + " + 60") + " END FROM n;";
  sql += "INSERT INTO case_events (case_id, from_stage, to_stage, action, on_date, by_user, at) "
         "SELECT id, 'clue', 'filed', 'file', filed_on, 'bench', 1 FROM cases;";
  sql += "COMMIT;";
  return sql;
}

Fixture& Get(const std::string& backend) {
  static std::map<std::string, Fixture> fixtures;
  auto it = fixtures.find(backend);
  if (it != fixtures.end()) return it->second;
  Fixture& f = fixtures[backend];
  std::string skip;
  f.ts = jg::testing::MakeTestStore(backend, &skip);
  if (!f.ts.store) return f;
  f.rows = Rows();
  for (int d = 0; d < kDepartments; ++d) {
    jg::Department dep{0, "BD" + std::to_string(d), "基准部门" + std::to_string(d),
                       jg::DepartmentKind::kStation, std::nullopt, "", "", 1};
    auto id = f.ts.store->InsertDepartment(dep);
    if (!id.ok()) throw std::runtime_error(id.status().ToString());
    if (d == 0) f.first_department = *id;
    if (*id != f.first_department + d) throw std::runtime_error("department ids not consecutive");
  }
  auto t0 = Clock::now();
  jg::testing::RawSql(f.ts, LoadSql(backend == "sqlite", f.rows, f.first_department));
  jg::testing::RawSql(f.ts, "ANALYZE");
  f.load_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  std::fprintf(stderr, "%s: %ld cases loaded in %.1f s\n", backend.c_str(), f.rows, f.load_seconds);
  f.clock = std::make_unique<jg::ManualClock>(kNow);
  jg::ServiceEnv env{*f.ts.store, *f.clock};
  f.lenient = std::make_unique<jg::LenientRuleService>(env, jg::BuiltInEnforcementRules());
  f.cases = std::make_unique<jg::CaseService>(env, jg::BuiltInWorkCalendar(),
                                              jg::BuiltInEnforcementRules(), *f.lenient);
  f.stats = std::make_unique<jg::CaseStatsService>(env, *f.lenient);
  return f;
}

const jg::Actor kLeader{1, "bench", jg::Role::kLeader, 1};

// Times each call of `op` and keeps the samples for the p50/p99 table.
template <typename Op>
void Timed(benchmark::State& state, const std::string& query, const std::string& backend, Op op) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  std::int64_t n = 0;
  auto& samples = g_samples[query][backend];
  for (auto _ : state) {
    auto t0 = Clock::now();
    auto r = op(f);
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!r.ok()) return state.SkipWithError(r.status().ToString().c_str());
    n = *r;
  }
  state.counters["matching"] = static_cast<double>(n);
  state.counters["cases"] = static_cast<double>(f.rows);
}

jg::Result<std::int64_t> Page(Fixture& f, jg::CaseFilter filter) {
  auto page = f.cases->CaseList(kLeader, filter);
  if (!page.ok()) return page.status();
  return page->total;
}

void BM_CaseList_Stage(benchmark::State& state, const std::string& backend) {
  Timed(state, "list stage=investigation, page 1", backend, [](Fixture& f) {
    jg::CaseFilter filter;
    filter.stage = jg::enforcement::CaseStage::kInvestigation;
    return Page(f, filter);
  });
}

void BM_CaseList_Overdue(benchmark::State& state, const std::string& backend) {
  Timed(state, "list due=overdue, page 1", backend, [](Fixture& f) {
    jg::CaseFilter filter;
    filter.due = "overdue";
    return Page(f, filter);
  });
}

void BM_CaseList_Department(benchmark::State& state, const std::string& backend) {
  Timed(state, "list department, page 1", backend, [](Fixture& f) {
    jg::CaseFilter filter;
    filter.department_id = f.first_department + 7;
    return Page(f, filter);
  });
}

void BM_CaseStats_Year(benchmark::State& state, const std::string& backend) {
  Timed(state, "statistics of 2023", backend, [](Fixture& f) -> jg::Result<std::int64_t> {
    auto s = f.stats->Stats(kLeader, 2023, std::nullopt);
    if (!s.ok()) return s.status();
    return s->filed.current.count;
  });
}

// Before: the due= filter as it was — every case loaded (with its officers
// and excluded periods) and its countdown computed in C++.
void BM_CaseList_Overdue_Before(benchmark::State& state, const std::string& backend) {
  const char* env = std::getenv("JG_BENCH_BEFORE");
  std::string mode = env ? env : "sqlite";
  if (mode == "none" || (mode == "sqlite" && backend != "sqlite"))
    return state.SkipWithError("skipped (JG_BENCH_BEFORE)");
  Timed(state, "before: due=overdue by loading every case", backend,
        [](Fixture& f) -> jg::Result<std::int64_t> {
          const auto& rules = jg::BuiltInEnforcementRules();
          const auto* rule = rules.deadlines.Find("case_decision");
          auto all = f.ts.store->ListCases(jg::CaseQuery{});
          if (!all.ok()) return all.status();
          const jg::Date today = jg::DateInChina(kNow);
          std::int64_t n = 0;
          for (const auto& c : *all) {
            using S = jg::enforcement::CaseStage;
            if (c.stage != S::kFiled && c.stage != S::kInvestigation && c.stage != S::kLegalReview &&
                c.stage != S::kNotice && c.stage != S::kHearing)
              continue;
            auto cd = jg::enforcement::CountDownFrom(jg::BuiltInWorkCalendar(), *rule,
                                                     {c.filed_on, c.extension_approved, c.excluded},
                                                     today);
            if (cd.ok() && cd->state == jg::enforcement::CountdownState::kOverdue) ++n;
          }
          return n;
        });
}

constexpr int kIterations = 60;
BENCHMARK_CAPTURE(BM_CaseList_Stage, sqlite, std::string("sqlite"))->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Overdue, sqlite, std::string("sqlite"))->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Department, sqlite, std::string("sqlite"))->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseStats_Year, sqlite, std::string("sqlite"))->Iterations(20)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Overdue_Before, sqlite, std::string("sqlite"))->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Stage, postgresql, std::string("postgresql"))->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Overdue, postgresql, std::string("postgresql"))->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Department, postgresql, std::string("postgresql"))->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseStats_Year, postgresql, std::string("postgresql"))->Iterations(20)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CaseList_Overdue_Before, postgresql, std::string("postgresql"))->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

// p50 / p99 of each query per store, and PostgreSQL / SQLite of the p50.
void PrintPercentiles() {
  std::printf("\n| query (%ld cases) | SQLite p50 | SQLite p99 | PostgreSQL p50 | PostgreSQL p99 | PG/SQLite (p50) |\n",
              Rows());
  std::printf("| --- | --- | --- | --- | --- | --- |\n");
  for (const auto& [query, by_backend] : g_samples) {
    auto cell = [&](const char* b, double p) -> std::string {
      auto it = by_backend.find(b);
      if (it == by_backend.end() || it->second.empty()) return "—";
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f ms", Percentile(it->second, p));
      return buf;
    };
    std::string ratio = "—";
    auto s = by_backend.find("sqlite"), p = by_backend.find("postgresql");
    if (s != by_backend.end() && p != by_backend.end() && !s->second.empty() && !p->second.empty()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f×", Percentile(p->second, 0.5) / Percentile(s->second, 0.5));
      ratio = buf;
    }
    std::printf("| %s | %s | %s | %s | %s | %s |\n", query.c_str(), cell("sqlite", 0.5).c_str(),
                cell("sqlite", 0.99).c_str(), cell("postgresql", 0.5).c_str(),
                cell("postgresql", 0.99).c_str(), ratio.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) { return jg::bench::RunThenPrint(argc, argv, PrintPercentiles); }
