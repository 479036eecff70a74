// `jianguan serve`: wires store, services, dispatcher and server; stops
// gracefully on SIGTERM or SIGINT.
#include <pthread.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "http/server.h"
#include "service/system_clock.h"
#include "service/enforcement_rules.h"
#include "service/work_calendar.h"
#include "service/dashboard_service.h"

namespace jg::cli {

int Serve(const ServeOptions& o) {
  // Block the stop signals in every thread; one thread waits for them.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGTERM);
  sigaddset(&sigs, SIGINT);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);

  auto store = OpenStore(o.db);
  if (!store.ok()) {
    std::cerr << "jianguan: " << store.status().ToString() << "\n";
    return ExitCodeOf(store.status());
  }
  SystemClock clock;
  ServiceEnv env{**store, clock};
  LoginPolicy policy;
  AuthService auth(env, policy);
  UserService users(env);
  DepartmentService departments(env);
  AuditService audit(env);
  EntityService entities(env);
  HoldingService holdings(env);
  PortalService portal(env);
  InspectionRegistryService inspection(env);
  WorkCalendar calendar = BuiltInWorkCalendar();
  if (!o.calendar.empty()) {
    auto loaded = LoadWorkCalendar(o.calendar);
    if (!loaded.ok()) {
      std::cerr << "jianguan: " << loaded.status().ToString() << "\n";
      return ExitCodeOf(loaded.status());
    }
    calendar = std::move(loaded).value();
  }
  PlanService plans(env, calendar);
  LenientRuleService lenient_rules(env, BuiltInEnforcementRules());
  CaseService cases(env, calendar, BuiltInEnforcementRules(), lenient_rules);
  CaseReviewService case_reviews(env, BuiltInCaseReviewRules());
  CaseRecordsService case_records(env, calendar, BuiltInEnforcementRules(),
                                  BuiltInDocumentRules(), lenient_rules);
  CreditService credit(env, calendar, BuiltInEnforcementRules(), BuiltInCreditRules());
  SummaryCaseService summary_cases(env, calendar, BuiltInEnforcementRules());
  CaseStatsService case_stats(env, lenient_rules);
  ReportService reports(env, BuiltInReportFigures(),
                        {plans, case_stats, credit, case_records, holdings});
  DashboardService dashboard(env, case_stats, cases);
  http::Services services{auth,      users,      departments,
                          audit,     entities,   holdings,
                          portal,    http::PortalLimits{o.portal_rate, o.portal_rate * 4, o.portal_cache_ms},
                          inspection, plans,      cases,
                          case_reviews, case_records, credit,
                          summary_cases, case_stats, lenient_rules, reports, dashboard};

  std::string web_root = o.web_root;
  if (web_root.empty()) web_root = "web/dist";
  if (!std::filesystem::is_directory(web_root)) {
    spdlog::warn("web root {} not found: serving the API only (run `make web`)", web_root);
  }
  http::Dispatcher dispatcher(services, http::StaticFiles(web_root), policy.session_seconds);
  http::ServerConfig cfg;
  cfg.address = o.address;
  cfg.port = static_cast<std::uint16_t>(o.port);
  cfg.threads = o.threads;
  cfg.access_log = o.access_log;
  http::Server server(cfg, dispatcher);
  if (Status st = server.Listen(); !st.ok()) {
    std::cerr << "jianguan: " << st.ToString() << "\n";
    return ExitCodeOf(st);
  }
  spdlog::info("jianguan serving http://{}:{}/ on {} ({})", o.address, server.port(),
               (*store)->BackendName(), o.db.rfind("postgres", 0) == 0 ? "postgresql" : o.db);
  std::cout.flush();

  std::thread waiter([&] {
    int sig = 0;
    sigwait(&sigs, &sig);
    spdlog::info("signal {}: stopping", sig);
    server.Stop();
  });
  // What the first name searches would read (the key blocks' name order: about
  // half a second at 3M entities), read while the server already answers.
  std::thread warm([&] {
    if (Status st = (*store)->WarmNameSearch(); !st.ok())
      spdlog::warn("name search warm-up: {}", st.ToString());
  });
  server.Run();
  // Wake the waiter if Run ended for another reason.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  warm.join();
  spdlog::info("stopped");
  return kExitOk;
}

}  // namespace jg::cli
