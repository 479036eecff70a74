// The summary procedure (简易程序): decisions made on the spot (当场处罚) —
// a warning, or a fine within the limits of 《行政处罚法》第五十一条
// (data/summary-procedure.csv) — by at least two certified officers, numbered
// per year without gaps, to be filed with the officers' department (第五十二条).
#pragma once

#include <nlohmann/json.hpp>

#include "service/case_service.h"
#include "service/enforcement_rules.h"
#include "service/service_env.h"
#include "service/work_calendar.h"

namespace jg {

struct SummaryCaseInput {
  enforcement::PartyKind party_kind = enforcement::PartyKind::kCitizen;
  std::string party_name;
  std::optional<Id> entity_id;
  std::string credit_code;
  Id department_id = 0;
  std::string place;
  std::string facts;
  enforcement::Provision violated;
  std::vector<enforcement::PenaltyType> penalties;
  enforcement::Fen fine = 0;
  std::optional<Date> decided_on;  // default: today
  std::vector<Id> officer_ids;
  std::optional<Date> paid_on;
  std::optional<Date> filed_with_department_on;
};

struct SummaryCaseView {
  enforcement::SummaryCase record;
  PeriodView filing;  // 备案: rule summary_filing from decided_on, running until filed
};

struct SummaryCasePage {
  std::vector<SummaryCaseView> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
};

class SummaryCaseService {
 public:
  SummaryCaseService(ServiceEnv env, const WorkCalendar& calendar, const EnforcementRules& rules)
      : env_(env), calendar_(calendar), rules_(rules) {}

  // cases.manage over the department. Refusals: summary_procedure_not_allowed
  // (field kind, penalties or fine_fen) beyond the limits, not_enough_officers
  // (field officer_ids), and the input errors naming their field. Nothing is
  // written on a refusal.
  Result<SummaryCaseView> Create(const Actor& actor, const SummaryCaseInput& in);
  Result<SummaryCaseView> Get(const Actor& actor, Id id);
  // cases.read; staff see their department only.
  Result<SummaryCasePage> List(const Actor& actor, SummaryCaseQuery q, int page, int page_size);

 private:
  SummaryCaseView ViewOf(enforcement::SummaryCase s) const;
  ServiceEnv env_;
  const WorkCalendar& calendar_;
  const EnforcementRules& rules_;
};

nlohmann::json SummaryCaseJson(const enforcement::SummaryCase& s);

}  // namespace jg
