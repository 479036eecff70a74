// The bureau dashboard (GET /api/v1/dashboard: DashboardService::Get) and the
// annual report (ReportService::Annual) over a generated district on SQLite
// and PostgreSQL in one run, next to the dashboard's figures computed by
// hand-written SQL straight from the records in each database (the obvious
// alternative: GROUP BY over the year's tasks joined to their entities, and
// over the cases). Each call timed and reported as p50 / p99, with the ratio
// of each store's hand-written SQL to jianguan's dashboard and the
// PostgreSQL/SQLite ratio printed at the end.
//
// Data, generated inside the database (one INSERT … SELECT per table):
// JG_BENCH_ENTITIES entities (default 20000) over 12 streets; 40 departments
// each leading one plan a year over 2014–2023; JG_BENCH_INSPECTIONS tasks
// (default 100000) spread over those plans (2 % cancelled, 1 % without a
// result yet, 39 % with a problem found, as in the report); JG_BENCH_CASES
// cases (default 30000) filed over 2014–2023, the last 200 days' mostly open
// (decision due stored, as every write stores it);
// JG_BENCH_HOLDINGS food licences (default 20000) ending over 2022–2026. The
// defaults are the quick run of `make bench`; the district is
// JG_BENCH_ENTITIES=1000000 JG_BENCH_INSPECTIONS=2000000 JG_BENCH_CASES=300000.
#include <benchmark/benchmark.h>

#include "bench_support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "service/case_records_service.h"
#include "service/case_service.h"
#include "service/case_stats_service.h"
#include "service/credit_service.h"
#include "service/dashboard_service.h"
#include "service/enforcement_rules.h"
#include "service/holding_service.h"
#include "service/plan_service.h"
#include "service/report_service.h"
#include "service/work_calendar.h"
#include "support/test_stores.h"

namespace {

using jg::bench::Percentile;
using Clock = std::chrono::steady_clock;

constexpr int kDepartments = 40;
constexpr int kYears = 10;  // 2014–2023
// 2023-11-15 08:00 in China.
constexpr jg::UnixSeconds kNow = 1700006400;

long Env(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v ? std::atol(v) : fallback;
}
long Entities() { return Env("JG_BENCH_ENTITIES", 20000); }
long Inspections() { return Env("JG_BENCH_INSPECTIONS", 100000); }
long Cases() { return Env("JG_BENCH_CASES", 30000); }
long Holdings() { return Env("JG_BENCH_HOLDINGS", 20000); }

struct Fixture {
  jg::testing::TestStore ts;
  std::unique_ptr<jg::ManualClock> clock;
  std::unique_ptr<jg::LenientRuleService> lenient;
  std::unique_ptr<jg::CaseService> cases;
  std::unique_ptr<jg::CaseStatsService> stats;
  std::unique_ptr<jg::DashboardService> dashboard;
  std::unique_ptr<jg::PlanService> plans;
  std::unique_ptr<jg::CreditService> credit;
  std::unique_ptr<jg::CaseRecordsService> case_records;
  std::unique_ptr<jg::HoldingService> holdings;
  std::unique_ptr<jg::ReportService> reports;
  jg::Id first_department = 0;
  // One connection kept open for the hand-written SQL.
  sqlite3* lite = nullptr;
  PGconn* pg = nullptr;
};

std::map<std::string, std::map<std::string, std::vector<double>>> g_samples;  // query → backend → ms

// The statements that fill the tables; only the row generator and the date
// arithmetic differ between the dialects.
std::string LoadSql(bool sqlite, jg::Id dept0) {
  auto date = [&](const std::string& base, const std::string& days) {
    return sqlite ? "date('" + base + "', '+' || (" + days + ") || ' days')"
                  : "to_char(DATE '" + base + "' + (" + days + ")::int, 'YYYY-MM-DD')";
  };
  auto gen = [&](long n) {
    return sqlite ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                        std::to_string(n) + ") "
                  : "WITH n(i) AS (SELECT generate_series(1::bigint, " + std::to_string(n) + ")) ";
  };
  const std::string d0 = std::to_string(dept0);
  const std::string plans = std::to_string(kDepartments * kYears);
  const std::string streets =
      "CASE i % 12 WHEN 0 THEN '新成路街道' WHEN 1 THEN '真新街道' WHEN 2 THEN '菊园新区' "
      "WHEN 3 THEN '嘉定镇街道' WHEN 4 THEN '南翔镇' WHEN 5 THEN '安亭镇' WHEN 6 THEN '马陆镇' "
      "WHEN 7 THEN '徐行镇' WHEN 8 THEN '华亭镇' WHEN 9 THEN '外冈镇' WHEN 10 THEN '江桥镇' "
      "ELSE '嘉定工业区' END";
  std::string sql = "BEGIN;";
  sql += "INSERT INTO entities (id, credit_code, name, name_fold, kind, street, station_id, status, "
         "updated_at) " + gen(Entities()) + "SELECT i, 'BENCH' || i, '基准企业' || i, '基准企业' || i, "
         "'enterprise', " + streets + ", " + d0 + " + (i % " + std::to_string(kDepartments) +
         "), 'active', 1 FROM n;";
  // Plan p (1-based): year 2014 + (p-1) / 40, lead department (p-1) % 40.
  sql += "INSERT INTO inspection_plans (id, name, year, period_from, period_to, lead_department_id, "
         "seed_mode, status, updated_at) " + gen(kDepartments * kYears) +
         "SELECT i, '基准计划' || i, 2014 + (i - 1) / " + std::to_string(kDepartments) +
         ", '2014-01-01', '2023-12-31', " + d0 + " + (i - 1) % " + std::to_string(kDepartments) +
         ", 'commit-reveal', 'drawn', 1 FROM n;";
  // Task i: plan 1 + i % plans, entity 1 + (i / plans) % entities: (plan, entity) unique.
  const std::string plan = "(1 + i % " + plans + ")";
  const std::string year_of = "(2014 + (" + plan + " - 1) / " + std::to_string(kDepartments) + ")";
  // Outcomes and statuses vary with the task's rank inside its plan (i / plans),
  // not with i itself, which fixes the plan: every plan gets the same mix.
  const std::string r = "((i / " + plans + ") % 100)";
  const std::string pending = "(" + r + " = 97)";
  sql += "INSERT INTO inspection_tasks (id, plan_id, entity_id, credit_code, stratum, status, outcome, "
         "findings, inspected_on, updated_at) " + gen(Inspections()) + "SELECT i, " + plan +
         ", 1 + (i / " + plans + ") % " + std::to_string(Entities()) + ", 'BENCH' || i, '', "
         "CASE WHEN " + r + " IN (48, 98) THEN 'cancelled' WHEN " + pending + " THEN 'assigned' ELSE 'done' END, "
         "CASE WHEN " + pending + " THEN '' WHEN " + r + " < 1 THEN 'case_filed' WHEN " + r + " < 30 THEN "
         "'corrected' WHEN " + r + " < 38 THEN 'problem_other' WHEN " + r + " < 39 THEN 'uncooperative' "
         "ELSE 'no_problem' END, '', CASE WHEN " + pending + " THEN '' ELSE " +
         (sqlite ? "printf('%d-%02d-%02d', " + year_of + ", 1 + i % 12, 1 + i % 28)"
                 : "to_char(make_date(" + year_of + "::int, (1 + i % 12)::int, (1 + i % 28)::int), 'YYYY-MM-DD')") +
         " END, 1 FROM n;";
  const std::string days = "((i * 7919) % 3605)";  // 2014-01-01 .. 2023-11-14
  const std::string open = "(" + days + " >= 3405 AND i % 100 < 60)";
  const std::string dept = d0 + " + (i % " + std::to_string(kDepartments) + ")";
  sql += "INSERT INTO leads (id, source, description, found_on, department_id, status, updated_at) " +
         gen(Cases()) + "SELECT i, 'complaint', '基准线索', " + date("2014-01-01", days) + ", " + dept +
         ", 'filed', 1 FROM n;";
  sql += "INSERT INTO cases (id, case_number, case_year, case_seq, lead_id, party_name, department_id, "
         "filed_on, stage, updated_at, decision_due, closed_on) " + gen(Cases()) +
         "SELECT i, 'B' || i, 2014 + " + days + " / 365, i, i, '基准当事人' || i, " + dept + ", " +
         date("2014-01-01", days) + ", CASE WHEN " + open + " THEN 'investigation' ELSE 'closed' END, 1, "
         "CASE WHEN " + open + " THEN " + date("2014-01-01", days + " + 90") + " ELSE '' END, "
         "CASE WHEN " + open + " THEN '' ELSE " + date("2014-01-01", days + " + 60") + " END FROM n;";
  sql += "INSERT INTO holdings (id, kind, identifier, entity_id, valid_from, valid_until, status, "
         "updated_at) " + gen(Holdings()) + "SELECT i, 'food_operation_licence', 'JYB' || i, 1 + i % " +
         std::to_string(Entities()) + ", '2018-01-01', " + date("2022-01-01", "(i * 31) % 1826") +
         ", CASE WHEN i % 20 = 0 THEN 'cancelled' ELSE 'valid' END, 1 FROM n;";
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
  for (int d = 0; d < kDepartments; ++d) {
    jg::Department dep{0, "BD" + std::to_string(d), "基准部门" + std::to_string(d),
                       jg::DepartmentKind::kStation, std::nullopt, "", "", 1};
    auto id = f.ts.store->InsertDepartment(dep);
    if (!id.ok()) throw std::runtime_error(id.status().ToString());
    if (d == 0) f.first_department = *id;
    if (*id != f.first_department + d) throw std::runtime_error("department ids not consecutive");
  }
  auto t0 = Clock::now();
  jg::testing::RawSql(f.ts, LoadSql(backend == "sqlite", f.first_department));
  jg::testing::RawSql(f.ts, "ANALYZE");
  std::fprintf(stderr, "%s: %ld entities, %ld inspections, %ld cases, %ld holdings loaded in %.1f s\n",
               backend.c_str(), Entities(), Inspections(), Cases(), Holdings(),
               std::chrono::duration<double>(Clock::now() - t0).count());
  f.clock = std::make_unique<jg::ManualClock>(kNow);
  jg::ServiceEnv env{*f.ts.store, *f.clock};
  f.lenient = std::make_unique<jg::LenientRuleService>(env, jg::BuiltInEnforcementRules());
  f.cases = std::make_unique<jg::CaseService>(env, jg::BuiltInWorkCalendar(),
                                              jg::BuiltInEnforcementRules(), *f.lenient);
  f.stats = std::make_unique<jg::CaseStatsService>(env, *f.lenient);
  f.dashboard = std::make_unique<jg::DashboardService>(env, *f.stats, *f.cases);
  f.plans = std::make_unique<jg::PlanService>(env, jg::BuiltInWorkCalendar());
  f.credit = std::make_unique<jg::CreditService>(env, jg::BuiltInWorkCalendar(), jg::BuiltInEnforcementRules(),
                                                 jg::BuiltInCreditRules());
  f.case_records = std::make_unique<jg::CaseRecordsService>(
      env, jg::BuiltInWorkCalendar(), jg::BuiltInEnforcementRules(), jg::BuiltInDocumentRules(), *f.lenient);
  f.holdings = std::make_unique<jg::HoldingService>(env);
  f.reports = std::make_unique<jg::ReportService>(
      env, jg::BuiltInReportFigures(),
      jg::ReportSources{*f.plans, *f.stats, *f.credit, *f.case_records, *f.holdings});
  if (backend == "sqlite") {
    sqlite3_open(f.ts.sqlite_path.c_str(), &f.lite);
  } else {
    f.pg = PQconnectdb(f.ts.url.c_str());
  }
  return f;
}

const jg::Actor kLeader{1, "bench", jg::Role::kLeader, 1};

// Times each call and keeps the samples for the p50/p99 table; the counters
// show the figures, so both stores can be seen to agree.
void Timed(benchmark::State& state, const std::string& query, const std::string& backend,
           bool one_department) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  auto& samples = g_samples[query][backend];
  std::optional<jg::Id> dept;
  if (one_department) dept = f.first_department + 7;
  jg::Dashboard last;
  for (auto _ : state) {
    auto t0 = Clock::now();
    auto d = f.dashboard->Get(kLeader, 2023, dept);
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!d.ok()) return state.SkipWithError(d.status().ToString().c_str());
    last = std::move(d).value();
  }
  state.counters["inspected"] = static_cast<double>(last.inspections.inspected.count);
  state.counters["problems"] = static_cast<double>(last.inspections.problems.count);
  state.counters["filed"] = static_cast<double>(last.cases_filed.current.count);
  state.counters["overdue"] = static_cast<double>(last.cases_overdue.count);
  state.counters["expiring"] = static_cast<double>(last.holdings_expiring.count);
}

// The dashboard's figures by hand-written SQL straight from the records: the
// year's tasks by (result month, lead department, street) joined to their
// entities, cases filed and closed by month and department over two years,
// decisions by kind, deadlines, repairs and expiring holdings. Every row is
// read, as a page would read them.
std::vector<std::string> HandWrittenSql(const jg::Id* dept) {
  const std::string d = dept ? " AND department_id = " + std::to_string(*dept) : "";
  const std::string pd = dept ? " AND pl.lead_department_id = " + std::to_string(*dept) : "";
  return {
      "SELECT SUBSTR(t.inspected_on, 1, 7), pl.lead_department_id, e.street, COUNT(*), "
      "SUM(CASE WHEN t.outcome <> '' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN t.outcome IN ('corrected', 'case_filed', 'problem_other', 'uncooperative') "
      "THEN 1 ELSE 0 END), SUM(CASE WHEN t.outcome = 'case_filed' THEN 1 ELSE 0 END) "
      "FROM inspection_plans pl JOIN inspection_tasks t ON t.plan_id = pl.id "
      "JOIN entities e ON e.id = t.entity_id WHERE pl.year = 2023 AND t.status <> 'cancelled'" + pd +
          " GROUP BY 1, 2, 3",
      "SELECT SUBSTR(filed_on, 1, 7), department_id, COUNT(*) FROM cases "
      "WHERE filed_on >= '2022-01-01' AND filed_on <= '2023-12-31'" + d + " GROUP BY 1, 2",
      "SELECT SUBSTR(closed_on, 1, 7), department_id, COUNT(*) FROM cases "
      "WHERE closed_on >= '2022-01-01' AND closed_on <= '2023-12-31'" + d + " GROUP BY 1, 2",
      "SELECT decision_kind, COUNT(*) FROM cases WHERE decided_on >= '2023-01-01' "
      "AND decided_on <= '2023-12-31' AND decision_kind <> ''" + d + " GROUP BY 1",
      "SELECT SUM(CASE WHEN decision_due < '2023-11-15' THEN 1 ELSE 0 END), COUNT(*) FROM cases "
      "WHERE decision_due > '' AND decision_due <= '2023-11-22' AND stage <> 'closed'" + d,
      "SELECT SUM(CASE WHEN status = 'approved' AND decided_on >= '2023-01-01' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) FROM credit_repairs WHERE 1 = 1" + d,
      "SELECT SUM(CASE WHEN valid_until <= '2023-11-15' THEN 1 ELSE 0 END), COUNT(*) FROM holdings "
      "WHERE status = 'valid' AND valid_until <> '' AND valid_until <= '2023-12-15'",
  };
}

// Runs each statement and reads every row; returns the rows read.
long RunRaw(Fixture& f, const std::vector<std::string>& sql) {
  long rows = 0;
  for (const auto& q : sql) {
    if (f.lite) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(f.lite, q.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(sqlite3_errmsg(f.lite));
      while (sqlite3_step(st) == SQLITE_ROW) ++rows;
      sqlite3_finalize(st);
    } else {
      PGresult* r = PQexec(f.pg, q.c_str());
      if (PQresultStatus(r) != PGRES_TUPLES_OK) throw std::runtime_error(PQresultErrorMessage(r));
      rows += PQntuples(r);
      PQclear(r);
    }
  }
  return rows;
}

void BM_HandWrittenSql(benchmark::State& state, const std::string& backend, bool one_department) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  jg::Id dept = f.first_department + 7;
  const auto sql = HandWrittenSql(one_department ? &dept : nullptr);
  auto& samples = g_samples[one_department ? "dashboard of 2023, one department: hand-written SQL"
                                           : "dashboard of 2023, whole bureau: hand-written SQL"][backend];
  long rows = 0;
  for (auto _ : state) {
    auto t0 = Clock::now();
    rows = RunRaw(f, sql);
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_AnnualReport(benchmark::State& state, const std::string& backend) {
  Fixture& f = Get(backend);
  if (!f.ts.store) return state.SkipWithError("backend not configured");
  auto& samples = g_samples["annual report of 2023 (with 2022)"][backend];
  jg::report::AnnualReport last;
  for (auto _ : state) {
    auto t0 = Clock::now();
    auto r = f.reports->Annual(kLeader, 2023);
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!r.ok()) return state.SkipWithError(r.status().ToString().c_str());
    last = std::move(r).value();
  }
  state.counters["figures"] = static_cast<double>(last.figures.size());
}

void BM_Dashboard_Bureau(benchmark::State& state, const std::string& backend) {
  Timed(state, "dashboard of 2023, whole bureau", backend, false);
}
void BM_Dashboard_Department(benchmark::State& state, const std::string& backend) {
  Timed(state, "dashboard of 2023, one department", backend, true);
}

constexpr int kIterations = 20;
#define JG_TIMED(...) BENCHMARK_CAPTURE(__VA_ARGS__)->Iterations(kIterations)->UseRealTime()->Unit(benchmark::kMillisecond)
JG_TIMED(BM_Dashboard_Bureau, sqlite, std::string("sqlite"));
JG_TIMED(BM_Dashboard_Department, sqlite, std::string("sqlite"));
JG_TIMED(BM_AnnualReport, sqlite, std::string("sqlite"));
JG_TIMED(BM_HandWrittenSql, sqlite_bureau, std::string("sqlite"), false);
JG_TIMED(BM_HandWrittenSql, sqlite_department, std::string("sqlite"), true);
JG_TIMED(BM_Dashboard_Bureau, postgresql, std::string("postgresql"));
JG_TIMED(BM_Dashboard_Department, postgresql, std::string("postgresql"));
JG_TIMED(BM_AnnualReport, postgresql, std::string("postgresql"));
JG_TIMED(BM_HandWrittenSql, postgresql_bureau, std::string("postgresql"), false);
JG_TIMED(BM_HandWrittenSql, postgresql_department, std::string("postgresql"), true);

// p50 / p99 of each query per store, and PostgreSQL / SQLite of the p50.
void PrintPercentiles() {
  std::printf("\n| query (%ld inspections, %ld cases) | SQLite p50 | SQLite p99 | PostgreSQL p50 | PostgreSQL p99 | PG/SQLite (p50) |\n",
              Inspections(), Cases());
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
  // jianguan next to the obvious alternative in the same database.
  std::printf("\n| figures of 2023 | store | hand-written SQL p50 | jianguan dashboard p50 | SQL / jianguan |\n");
  std::printf("| --- | --- | --- | --- | --- |\n");
  for (const char* scope : {"whole bureau", "one department"}) {
    for (const char* b : {"sqlite", "postgresql"}) {
      auto sql = g_samples[std::string("dashboard of 2023, ") + scope + ": hand-written SQL"][b];
      auto ours = g_samples[std::string("dashboard of 2023, ") + scope][b];
      if (sql.empty() || ours.empty()) continue;
      double a = Percentile(sql, 0.5), o = Percentile(ours, 0.5);
      std::printf("| %s | %s | %.2f ms | %.2f ms | %.1f× |\n", scope, b, a, o, a / o);
    }
  }
}

}  // namespace

int main(int argc, char** argv) { return jg::bench::RunThenPrint(argc, argv, PrintPercentiles); }
