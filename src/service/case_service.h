// Enforcement cases (行政处罚案件), first slice: leads are recorded, filed
// into cases (立案, with the next case number of the year) or declined
// (不予立案); cases move through the ordinary procedure by the domain's
// transition table and checks; decisions are recorded with their grounds;
// the statutory periods and their countdowns are computed from the rule data.
// Every call checks permission first (cases.read / cases.manage /
// cases.approve), then the version, then the input; every write is
// transactional and audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/calendar.h"
#include "domain/enforcement/case_file.h"
#include "domain/permissions.h"
#include "service/enforcement_rules.h"
#include "service/lenient_rule_service.h"
#include "service/service_env.h"

namespace jg {

// A period of a lead or case as the API shows it.
struct PeriodView {
  std::string rule_id;                         // "filing_decision", "case_decision"
  std::optional<Date> due;                     // nullopt if it could not be computed
  std::optional<enforcement::Countdown> countdown;  // while the period runs
  std::string error;                           // why `due` is missing
};

struct LeadView {
  enforcement::Lead lead;
  PeriodView filing;  // 15 working days from found_on (第十八条)
};

struct CaseView {
  enforcement::EnforcementCase record;
  PeriodView decision;  // 90 days from filing (第六十四条)
  std::vector<enforcement::CaseAction> next_actions;
};

struct FilingRequest {
  std::int64_t version = 0;
  std::optional<Date> on;  // default: today
  std::vector<Id> officer_ids;
  enforcement::Provision violated;
  std::string note;
};

struct DeclineRequest {
  std::int64_t version = 0;
  std::optional<Date> on;
  std::optional<enforcement::NotFilingGround> ground;
  std::string explanation;
};

// A step of a case with what the record gains by it.
struct TransitionRequest {
  std::int64_t version = 0;
  enforcement::CaseAction action = enforcement::CaseAction::kInvestigate;
  std::optional<Date> on;
  std::string note;
  std::optional<Date> notice_served_on;
  std::optional<bool> statements_waived;
  std::optional<Date> hearing_requested_on;
  std::optional<Date> hearing_notice_served_on;
  std::optional<enforcement::Decision> decision;  // decide, withdraw
  std::optional<Date> decision_served_on;
  std::optional<bool> execution_completed;
};

// The particulars of a case that are not steps.
struct CaseParticulars {
  std::int64_t version = 0;
  bool extension_approved = false;  // changing it needs cases.approve
  std::vector<enforcement::ExcludedInterval> excluded;
  enforcement::Provision violated;
  std::map<std::string, bool> facts;
};

struct CaseFilter {
  std::optional<enforcement::CaseStage> stage;
  std::optional<Id> department_id;
  std::string due;  // "", "overdue" or "approaching" (approaching or due today)
  // The drill-down of the statistics (CaseQuery in store.h).
  std::optional<int> filed_year;
  std::optional<int> closed_year;
  std::optional<int> decided_year;
  std::string filed_month;   // "YYYY-MM"
  std::string closed_month;
  std::optional<enforcement::DecisionKind> decision_kind;
  std::optional<std::string> lenient_rule_id;
  std::optional<std::string> reduction_ground;
  std::optional<std::string> violated_law;
  std::optional<enforcement::ReviewKind> review_kind;
  std::optional<int> review_year;
  std::vector<std::string> review_outcomes;
  int page = 1;
  int page_size = 50;
};

struct CaseListView {
  std::vector<CaseView> items;
  std::int64_t total = 0;  // matching cases over all pages
  int page = 1;
  int page_size = 50;
};

class CaseService {
 public:
  CaseService(ServiceEnv env, const WorkCalendar& calendar, const EnforcementRules& rules,
              LenientRuleService& lenient)
      : env_(env), calendar_(calendar), rules_(rules), lenient_(lenient) {}

  Result<LeadView> CreateLead(const Actor& actor, enforcement::Lead lead);
  Result<std::vector<LeadView>> Leads(const Actor& actor, LeadQuery q);
  Result<LeadView> Lead(const Actor& actor, Id id);
  // 立案: at least two officers from the roster with valid certificates on
  // the filing day; creates the case with the next number of the year.
  Result<CaseView> FileLead(const Actor& actor, Id lead_id, const FilingRequest& req);
  // 不予立案 with a ground of 第二十条.
  Result<LeadView> DeclineLead(const Actor& actor, Id lead_id, const DeclineRequest& req);

  // One page of the cases the actor may read (staff: their department), newest
  // filed first, with the total. due= is a range over the stored decision due
  // date (case_due.cc), so it costs an indexed query, not a computation per case.
  Result<CaseListView> CaseList(const Actor& actor, const CaseFilter& f);
  Result<std::vector<CaseView>> Cases(const Actor& actor, const CaseFilter& f);
  Result<CaseView> Case(const Actor& actor, Id id);
  Result<CaseView> Transition(const Actor& actor, Id id, const TransitionRequest& req);
  Result<CaseView> UpdateParticulars(const Actor& actor, Id id, const CaseParticulars& p);
  Result<std::vector<enforcement::CaseEvent>> Events(const Actor& actor, Id id);

  // The rules that could apply given the case's violated provision and facts.
  Result<std::vector<enforcement::LenientMatch>> LenientMatches(const Actor& actor, Id id);

  Date Today() const;

 private:
  PeriodView Period(const std::string& rule_id, const enforcement::DeadlineInput& in,
                    bool running) const;
  LeadView ViewOf(enforcement::Lead l) const;
  CaseView ViewOf(enforcement::EnforcementCase c) const;
  Result<enforcement::Lead> LoadLead(const Actor& actor, Permission p, Id id,
                                     std::optional<std::int64_t> version);
  Result<enforcement::EnforcementCase> LoadCase(const Actor& actor, Permission p, Id id,
                                                std::optional<std::int64_t> version);
  Result<Date> DayOf(const std::optional<Date>& on) const;
  Result<std::vector<enforcement::CaseOfficerRef>> Officers(const std::vector<Id>& ids);
  // case_due.cc: the decision due date stored with the case on every write, and
  // the days a due= filter covers.
  void StampDecisionDue(enforcement::EnforcementCase& c) const;
  Status FillMissingDecisionDues();
  std::pair<std::optional<Date>, std::optional<Date>> DueRange(const std::string& due) const;
  // The lenient rules in force: LenientRuleService::Current().
  enforcement::ProcedureRules Procedure(const enforcement::LenientRules& lenient) const {
    return {calendar_, rules_.deadlines, lenient};
  }
  ServiceEnv env_;
  const WorkCalendar& calendar_;
  const EnforcementRules& rules_;
  LenientRuleService& lenient_;
};

}  // namespace jg
