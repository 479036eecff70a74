// Credit publicity (行政处罚信息公示), the abnormal-operation and
// serious-violation lists (经营异常名录、严重违法失信名单) and credit repair
// (信用修复). A publicity record falls due when a case decision that the
// rules publish is recorded (RecordPublicityDue, called from the case
// decision's transaction); staff publish it within 20 working days and
// withdraw it within 3 working days of a change; it ends by itself after its
// period, or early by an approved credit repair. Rules: data/credit-publicity-
// rules.csv and the publicity deadline rules; docs/credit.md. Every call checks
// permission first (cases.read / cases.manage / credit.repair.approve), then
// the version, then the input; every write is transactional and audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/calendar.h"
#include "domain/credit/records.h"
#include "domain/enforcement/case_file.h"
#include "domain/permissions.h"
#include "service/enforcement_rules.h"
#include "service/service_env.h"

namespace jg {

// The built-in data/credit-publicity-rules.csv, parsed once.
const credit::CreditRules& BuiltInCreditRules();

// Inside the transaction that records `c`'s decision: creates the publicity
// record (status due) when the rules publish that decision, else nothing.
Status RecordPublicityDue(Store& tx, const Clock& clock, const Actor& actor,
                          const credit::CreditRules& rules, const enforcement::EnforcementCase& c);

struct PublicityView {
  credit::PublicityRecord record;
  // due, overdue, published, ended, withdrawn, repaired.
  std::string state;
  std::optional<Date> publish_due;                  // 20 working days from the decision
  std::optional<enforcement::Countdown> countdown;  // while due
  bool published_late = false;
  credit::PublicityPeriod period;
  std::optional<Date> last_day;        // of publication, once published
  std::optional<Date> repair_from;     // first day repair may be applied for
  std::optional<Date> withdrawal_due;  // 3 working days from the change
  bool withdrawn_late = false;
  std::string error;  // a date that could not be computed (calendar not covered)
};

struct PublicityFilter {
  std::string status;  // "", due, overdue, published, ending_soon, ended, withdrawn, repaired
  std::optional<Id> department_id;
  int ending_within_days = 30;  // for ending_soon
};

struct PublishRequest {
  std::int64_t version = 0;
  std::optional<Date> on;  // default today
  std::string document_number;
};

struct WithdrawRequest {
  std::int64_t version = 0;
  std::optional<Date> changed_on;  // the decision was changed or revoked on (required)
  std::optional<Date> on;          // withdrawn on, default today
  std::string reason;
};

struct ListEntryRequest {
  std::string list;  // abnormal_operation | serious_violation
  std::optional<Date> listed_on;
  std::string reason;
  std::string basis;
};

struct RemovalRequest {
  std::int64_t version = 0;
  std::optional<Date> removed_on;
  std::string reason;
};

struct RepairApplication {
  Id publicity_id = 0;
  std::string applicant;
  std::string commitment_ref;
  std::optional<Date> applied_on;
  bool obligations_performed = false;
  bool violation_corrected = false;
};

struct RepairDecision {
  std::int64_t version = 0;
  bool approve = false;
  std::optional<Date> on;
  std::string reason;  // required to refuse
};

struct RepairView {
  credit::CreditRepair repair;
  PublicityView publicity;
};

struct RepairStats {
  int year = 0;
  int applied = 0;   // applications recorded in the year
  int approved = 0;  // approved in the year
  int refused = 0;
  int pending = 0;
  int entities = 0;  // distinct parties whose records were repaired in the year
};

// One published record as the portal shows it (allow-listed in http).
struct PublicPenaltyPage {
  std::vector<PublicityView> items;
  std::int64_t total = 0;
};

class CreditService {
 public:
  CreditService(ServiceEnv env, const WorkCalendar& calendar, const EnforcementRules& rules,
                const credit::CreditRules& credit_rules)
      : env_(env), calendar_(calendar), rules_(rules), credit_(credit_rules) {}

  Result<std::vector<PublicityView>> Publicity(const Actor& actor, const PublicityFilter& f);
  Result<PublicityView> GetPublicity(const Actor& actor, Id id);
  Result<PublicityView> Publish(const Actor& actor, Id id, const PublishRequest& req);
  Result<PublicityView> Withdraw(const Actor& actor, Id id, const WithdrawRequest& req);

  Result<std::vector<credit::CreditListEntry>> CreditLists(const Actor& actor, Id entity_id);
  Result<credit::CreditListEntry> AddListEntry(const Actor& actor, Id entity_id,
                                               const ListEntryRequest& req);
  Result<credit::CreditListEntry> RemoveListEntry(const Actor& actor, Id entry_id,
                                                  const RemovalRequest& req);

  // Records the application with each condition assessed; one the rules
  // refuse is stored as refused with the reason (201 either way).
  Result<RepairView> Apply(const Actor& actor, const RepairApplication& a);
  // Optionally of one year's decisions and one department (the dashboard's
  // drill-down); own-scope roles see their department's only.
  Result<std::vector<RepairView>> Repairs(const Actor& actor, std::optional<credit::RepairStatus> s,
                                          std::optional<int> decided_year = std::nullopt,
                                          std::optional<Id> department_id = std::nullopt);
  Result<RepairView> Repair(const Actor& actor, Id id);
  // Approval re-assesses on the decision day and ends the publicity.
  Result<RepairView> Decide(const Actor& actor, Id id, const RepairDecision& d);
  Result<RepairStats> Stats(const Actor& actor, int year);

  // The portal: published records still within their period, by name,
  // credit code or case number fragment. No actor: public.
  Result<PublicPenaltyPage> PublicPenalties(const std::string& q, int page, int page_size);

  const credit::CreditRules& rules() const { return credit_; }
  Date Today() const;

 private:
  PublicityView ViewOf(credit::PublicityRecord p) const;
  Result<credit::PublicityRecord> Load(const Actor& actor, Permission p, Id id,
                                       std::optional<std::int64_t> version);
  Result<Date> DayOf(const std::optional<Date>& on, const char* field) const;
  Result<credit::RepairAssessment> Assess(const credit::PublicityRecord& p,
                                          const credit::CreditRepair& r, Date on);
  Result<RepairView> RepairViewOf(credit::CreditRepair r);
  ServiceEnv env_;
  const WorkCalendar& calendar_;
  const EnforcementRules& rules_;
  const credit::CreditRules& credit_;
};

}  // namespace jg
