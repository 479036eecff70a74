// Every signed-in request resolves its session cookie (SM3 of the token, one
// session row, one user row). Measured on SQLite and PostgreSQL in one run;
// scripts/bench.sh prints the ratio.
#include <benchmark/benchmark.h>

#include "service/auth_service.h"
#include "service/department_service.h"
#include "service/system_clock.h"
#include "service/user_service.h"
#include "support/test_stores.h"

namespace {

void BM_Authenticate(benchmark::State& state, const std::string& backend) {
  std::string skip;
  auto ts = jg::testing::MakeTestStore(backend, &skip);
  if (!ts.store) {
    state.SkipWithError(skip.c_str());
    return;
  }
  jg::SystemClock clock;
  jg::ServiceEnv env{*ts.store, clock, jg::PasswordCost::Minimum()};
  jg::DepartmentService depts(env);
  jg::UserService users(env);
  jg::AuthService auth(env, jg::LoginPolicy{.failures_per_client = 1 << 30});
  auto d = depts.Create(nullptr, {"JDSJ", "嘉定区市场监督管理局", "bureau", std::nullopt, "", ""});
  // 1000 users with a session each, so lookups hit a realistic index.
  std::vector<std::string> tokens;
  for (int i = 0; i < 1000; ++i) {
    std::string name = "user" + std::to_string(i);
    (void)users.Create(nullptr, {name, "用户", "Password1234", "inspector", d->id});
    tokens.push_back(auth.Login(name, "Password1234", "bench").value().session_token);
  }
  size_t i = 0;
  for (auto _ : state) {
    auto a = auth.Authenticate(tokens[i++ % tokens.size()]);
    if (!a.ok()) state.SkipWithError("authenticate failed");
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(BM_Authenticate, sqlite, std::string("sqlite"))->UseRealTime();
BENCHMARK_CAPTURE(BM_Authenticate, postgresql, std::string("postgresql"))->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
