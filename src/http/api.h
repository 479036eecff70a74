// The JSON API under /api/v1: one Register function per module.
#pragma once

#include "http/router.h"
#include "service/audit_service.h"
#include "service/auth_service.h"
#include "service/case_review_service.h"
#include "service/case_records_service.h"
#include "service/case_service.h"
#include "service/credit_service.h"
#include "service/dashboard_service.h"
#include "service/case_stats_service.h"
#include "service/department_service.h"
#include "service/entity_service.h"
#include "service/holding_service.h"
#include "service/inspection_registry_service.h"
#include "service/lenient_rule_service.h"
#include "service/plan_service.h"
#include "service/portal_service.h"
#include "service/report_service.h"
#include "service/summary_case_service.h"
#include "service/user_service.h"

namespace jg::http {

// The services the HTTP layer calls; wired in main.
// Per-client limits of the public portal; per_second 0 turns them off.
struct PortalLimits {
  double per_second = 10;
  double burst = 40;
  // The public answers' cache (http/public_cache.h): how long an answer may
  // be served to others when no write has been handled since; 0 turns it off.
  int cache_ms = 1000;
  size_t cache_entries = 20000;
};

struct Services {
  AuthService& auth;
  UserService& users;
  DepartmentService& departments;
  AuditService& audit;
  EntityService& entities;
  HoldingService& holdings;
  PortalService& portal;
  PortalLimits portal_limits;
  InspectionRegistryService& inspection;
  PlanService& plans;
  CaseService& cases;
  CaseReviewService& case_reviews;
  CaseRecordsService& case_records;
  CreditService& credit;
  SummaryCaseService& summary_cases;
  CaseStatsService& case_stats;
  LenientRuleService& lenient_rules;
  ReportService& reports;
  DashboardService& dashboard;
};

inline constexpr const char* kSessionCookie = "jg_session";

void RegisterAuthRoutes(Router& r, Services& s, std::int64_t session_seconds);
void RegisterUserRoutes(Router& r, Services& s);
void RegisterDepartmentRoutes(Router& r, Services& s);
void RegisterAuditRoutes(Router& r, Services& s);
void RegisterEntityRoutes(Router& r, Services& s);
void RegisterHoldingRoutes(Router& r, Services& s);
void RegisterPortalRoutes(Router& r, Services& s);
void RegisterInspectionRoutes(Router& r, Services& s);
void RegisterPlanRoutes(Router& r, Services& s);
void RegisterAttachmentRoutes(Router& r, Services& s);  // inspection-tasks/{id}/attachments
void RegisterCaseRoutes(Router& r, Services& s);
void RegisterCaseReviewRoutes(Router& r, Services& s);
void RegisterCaseRecordRoutes(Router& r, Services& s);
void RegisterCreditRoutes(Router& r, Services& s);
void RegisterCaseStatsRoutes(Router& r, Services& s);  // case-stats, summary-cases
void RegisterLenientRuleRoutes(Router& r, Services& s);
void RegisterReportRoutes(Router& r, Services& s);     // reports/annual
void RegisterDashboardRoutes(Router& r, Services& s);
// The public pages of plans and draws, wrapped by the portal's per-client limit.
void RegisterPublicPlanRoutes(Router& r, Services& s, const std::function<Handler(Handler)>& publicly);
// The public penalty publicity (行政处罚信息公示), under the same limit.
void RegisterPublicCreditRoutes(Router& r, Services& s,
                                const std::function<Handler(Handler)>& publicly);

inline void RegisterApi(Router& r, Services& s, std::int64_t session_seconds) {
  RegisterAuthRoutes(r, s, session_seconds);
  RegisterUserRoutes(r, s);
  RegisterDepartmentRoutes(r, s);
  RegisterAuditRoutes(r, s);
  RegisterEntityRoutes(r, s);
  RegisterHoldingRoutes(r, s);
  RegisterPortalRoutes(r, s);
  RegisterInspectionRoutes(r, s);
  RegisterPlanRoutes(r, s);
  RegisterAttachmentRoutes(r, s);
  RegisterCaseRoutes(r, s);
  RegisterCaseReviewRoutes(r, s);
  RegisterCaseRecordRoutes(r, s);
  RegisterCreditRoutes(r, s);
  RegisterCaseStatsRoutes(r, s);
  RegisterLenientRuleRoutes(r, s);
  RegisterReportRoutes(r, s);
  RegisterDashboardRoutes(r, s);
}

}  // namespace jg::http
