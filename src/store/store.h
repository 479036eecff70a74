// The one storage interface of jianguan, shaped by the domain. Two backends
// implement it (SQLite, PostgreSQL) and one contract suite
// (tests/contract) runs against both, so they cannot drift.
//
// Contract for every method:
//  - Errors come back as Status codes, never exceptions. A unique-key clash is
//    kAlreadyExists, a missing referenced row kFailedPrecondition, a stale
//    version kAborted, a lost connection kUnavailable, on both backends.
//  - Methods are thread-safe on the Store returned by OpenStore; the Store
//    handed to a Transaction callback belongs to that callback's thread only.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/accounts.h"
#include "domain/audit.h"
#include "domain/case_review.h"
#include "domain/credit/records.h"
#include "domain/enforcement/case_file.h"
#include "domain/enforcement/case_records.h"
#include "domain/enforcement/lenient_rules.h"
#include "domain/enforcement/summary_case.h"
#include "domain/entity.h"
#include "domain/holding.h"
#include "domain/inspection_plan.h"
#include "domain/inspection_registry.h"
#include "domain/registration.h"
#include "domain/status.h"
#include "domain/task_attachment.h"

namespace jg {

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash = kAuditGenesisHash;
};

// A directory search. Empty/unset fields do not filter. `name` is a substring
// (any length; two Chinese characters such as 马陆 work), matched on the
// SearchFold form so both stores agree.
struct EntityQuery {
  std::string credit_code;  // exact, normalised
  std::string name;
  std::string street;
  std::string industry_prefix;  // "F52" matches F5223
  std::optional<EntityKind> kind;
  std::optional<EntityStatus> status;
  std::optional<RiskClass> risk_class;
  std::string tag;
  std::optional<Id> station_id;
  std::string holding_kind;  // holds a valid holding of this kind
  enum class Sort { kName, kCreditCode, kRegisteredOn, kUpdatedAt };
  Sort sort = Sort::kName;
  bool descending = false;
  int offset = 0;
  int limit = 50;  // at most 10000 (exports page through)
};

struct EntityPage {
  std::vector<Entity> items;
  std::int64_t total = 0;  // matches before paging
};

struct HoldingQuery {
  std::optional<Id> entity_id;
  std::string kind;
  std::optional<HoldingStatus> status;
  std::string attribute_key;    // with attribute_value: e.g. business_items = 含酒类
  std::string attribute_value;
  std::string valid_until_to;   // valid_until <= this (expiring/expired lists); excludes no-expiry
  std::string valid_from_from;  // issued on or after (YYYY-MM-DD)
  std::string valid_from_to;    // issued on or before
  int offset = 0;
  int limit = 50;
};

struct HoldingPage {
  std::vector<Holding> items;
  std::int64_t total = 0;
};

// Licences issued in a period, per kind (the annual report's 核发许可证件).
struct LicenceIssueCount {
  std::string kind;            // HoldingKind::code
  std::int64_t issued = 0;     // valid_from within the period, whatever the status now
  std::int64_t with_item = 0;  // of those, holding the asked business item (含酒类)
};

struct RegistrationQuery {
  std::optional<Id> entity_id;
  std::optional<RegistrationKind> kind;
  std::string service_point;
  std::string from;  // handled_on >= (YYYY-MM-DD)
  std::string to;    // handled_on <=
  int offset = 0;
  int limit = 50;
};

// The inspector roster. Unset fields do not filter.
struct InspectorQuery {
  std::optional<Id> department_id;
  std::optional<Id> station_id;
  std::string item_code;  // qualified for this inspection item
  std::optional<Id> user_id;  // the inspector record of this account
  bool active_only = false;
};

struct PlanQuery {
  std::optional<int> year;
  std::optional<PlanStatus> status;
  std::optional<Id> department_id;  // lead or participating
};

// One entity of a plan's eligible population (the draw's snapshot row).
struct EligibleEntity {
  Id id = 0;
  std::string credit_code;
  RiskClass risk_class = RiskClass::kNone;
  std::string station_code;  // the station in charge's department code, "" if none
};

struct TaskQuery {
  std::optional<Id> plan_id;
  std::optional<Id> entity_id;
  std::optional<Id> inspector_id;  // among the current inspectors
  std::optional<TaskStatus> status;
  bool published_only = false;     // only tasks of plans whose results are published
  // The drill-down of the dashboard's inspection figures (InspectionGroup):
  // plans of the year, led by the department, the result's month "YYYY-MM",
  // the entity's street ("" = none recorded) and which count the task is in:
  // "drawn" (not cancelled), "inspected" (with a result), "problem" (a
  // problem found) or "case_filed"; "" = any task.
  std::optional<int> plan_year;
  std::optional<Id> lead_department_id;
  std::string inspected_month;
  std::optional<std::string> street;
  std::string counted;
  int offset = 0;
  int limit = 200;
};

// Counts over random-inspection tasks whose plan lies in `year` (by period_from).
struct InspectionCounts {
  std::string key;  // department id, month "YYYY-MM", or "" for the total
  std::int64_t plans = 0;
  std::int64_t drawn = 0;      // tasks, excluding cancelled
  std::int64_t inspected = 0;  // with a result
  std::int64_t problems = 0;   // IsProblem outcomes
  std::int64_t cases = 0;      // outcome case_filed
};

// One credit-risk stratum of a drawn plan: its population frozen with the
// commitment (-1 when the plan was committed before populations were kept:
// read it from the draw file) and the results of its tasks.
struct StratumSample {
  Id plan_id = 0;
  std::string stratum;  // "A".."D", "" = unclassified
  std::int64_t eligible = -1;
  std::int64_t inspected = 0;  // tasks with a result
  std::int64_t problems = 0;   // IsProblem outcomes
};

// Enforcement leads and cases. Unset fields do not filter.
struct LeadQuery {
  std::optional<Id> department_id;
  std::optional<enforcement::LeadStatus> status;
};
struct CaseQuery {
  std::optional<Id> department_id;
  std::optional<enforcement::CaseStage> stage;
  // The drill-down of the statistics (years of filed_on, of the close step,
  // of the decision).
  std::optional<int> filed_year;
  std::optional<int> closed_year;
  std::optional<int> decided_year;
  // The month "YYYY-MM" of filed_on / of the close step (the dashboard's bars).
  std::string filed_month;
  std::string closed_month;
  std::optional<enforcement::DecisionKind> decision_kind;
  std::optional<std::string> lenient_rule_id;
  std::optional<std::string> reduction_ground;
  std::optional<std::string> violated_law;  // "" = none recorded
  // Cases with a reconsideration or litigation (case_reviews) of this kind,
  // filed in review_year, with one of review_outcomes when not empty (the
  // annual report's 复议纠错 / 诉讼败诉 drill-down).
  std::optional<enforcement::ReviewKind> review_kind;
  std::optional<int> review_year;
  std::vector<std::string> review_outcomes;
  // The stored decision due date (cases.decision_due) within [from, to],
  // both inclusive; a case without a running period never matches.
  std::optional<Date> due_from;
  std::optional<Date> due_to;
  // Paging: skip `offset`, return at most `limit` (0 = all).
  std::int64_t offset = 0;
  std::int64_t limit = 0;
};

// Counts behind the yearly case statistics, each a GROUP BY in SQL.
struct CaseCount {
  std::string key;     // a department id, law, decision kind, rule, month "YYYY-MM"…
  std::string key2;    // a second key where grouped by two (department id)
  std::int64_t count = 0;
};
struct CaseStatsCounts {
  // Filed (filed_on) and closed (the close step) by month and department, over
  // the year and the year before: key "YYYY-MM", key2 the department id.
  std::vector<CaseCount> filed;
  std::vector<CaseCount> closed;
  // The year only: filed by violated law; decided by decision kind; no-penalty
  // decisions by lenient rule; reduced penalties by ground.
  std::vector<CaseCount> filed_by_law;
  std::vector<CaseCount> decided_by_kind;
  std::vector<CaseCount> no_penalty_by_rule;
  std::vector<CaseCount> reduced_by_ground;
  // Summary-procedure decisions over both years: key year "YYYY", key2 party kind.
  std::vector<CaseCount> summary;
};

struct SummaryCaseQuery {
  std::optional<Id> department_id;
  std::optional<int> year;  // of decided_on
  std::optional<enforcement::PartyKind> party_kind;
  std::string party;  // substring of the party's name or credit code
  std::int64_t offset = 0;
  std::int64_t limit = 0;  // 0 = all
};

// Reconsideration and litigation counted by kind and outcome ("" = pending)
// over the records filed in `year`.
struct ReviewCount {
  enforcement::ReviewKind kind = enforcement::ReviewKind::kReconsideration;
  std::string outcome;
  std::int64_t count = 0;
};

struct PublicityQuery {
  std::optional<credit::PublicityStatus> status;
  std::optional<Id> department_id;
  std::string credit_code;
  std::optional<Id> case_id;
};

struct RepairQuery {
  std::optional<credit::RepairStatus> status;
  std::optional<Id> department_id;
  std::optional<Id> publicity_id;
  std::optional<int> decided_year;  // the year of decided_on (the dashboard's drill-down)
};

// The counts of the bureau dashboard (工作看板) for one year, each a GROUP BY
// in SQL. `department_id` limits inspections to plans that department leads
// and credit repairs to its records; holdings are the directory's (their
// lists are not kept per department).
struct DashboardQuery {
  int year = 0;
  std::optional<Id> department_id;
  std::string today;           // YYYY-MM-DD, China time
  std::string expiring_until;  // YYYY-MM-DD: the end of the "expiring soon" window
};
// Random-inspection tasks (not cancelled) of the year's plans, grouped by the
// month of the result ("" before one is recorded), the plan's lead department
// and the entity's street ("" where none is recorded).
struct InspectionGroup {
  std::string month;
  Id department_id = 0;
  std::string street;
  std::int64_t drawn = 0;
  std::int64_t inspected = 0;
  std::int64_t problems = 0;
  std::int64_t cases = 0;
};
struct DashboardCounts {
  std::vector<InspectionGroup> inspections;
  // Credit repairs approved with decided_on in the year, and those pending
  // now (whatever the year of application: the work still to do).
  std::int64_t repairs_approved = 0;
  std::int64_t repairs_pending = 0;
  // Valid holdings with a validity end: on or before today (expired, still
  // marked valid), and on or before expiring_until (today's included).
  std::int64_t holdings_expired = 0;
  std::int64_t holdings_expiring = 0;
};

// One saved version of a lenient-treatment rule (免罚清单), as the legal
// department left it. edited_by empty: the built-in list (data/lenient-rules.csv).
struct LenientRuleVersion {
  enforcement::LenientRule rule;
  std::int64_t version = 0;
  UnixSeconds edited_at = 0;
  std::string edited_by;
  std::string reason;  // why it was edited (required on every hand edit)
};

class Store {
 public:
  virtual ~Store() = default;

  // Which backend this is: "sqlite" or "postgresql".
  virtual std::string BackendName() const = 0;

  // Runs `fn` in one transaction on one connection; commits if it returns OK,
  // rolls back otherwise (and if it throws). Writes that must be audited run
  // here together with their AppendAudit, so a record never changes without
  // its audit entry. Nested calls join the outer transaction.
  virtual Status Transaction(const std::function<Status(Store&)>& fn) = 0;

  // ---- departments ----
  virtual Result<std::vector<Department>> ListDepartments() = 0;
  virtual Result<Department> GetDepartment(Id id) = 0;
  // Returns the new id. kAlreadyExists if the code is taken (field "code").
  virtual Result<Id> InsertDepartment(const Department& d) = 0;
  // Writes every field of `d` if its stored version equals d.version, then
  // bumps the version. kAborted (reason "stale_version") if it does not;
  // kNotFound if there is no such department.
  virtual Status UpdateDepartment(const Department& d) = 0;

  // ---- users ----
  // All users, or those of one department.
  virtual Result<std::vector<User>> ListUsers(std::optional<Id> department_id) = 0;
  virtual Result<User> GetUser(Id id) = 0;
  virtual Result<User> FindUserByUsername(const std::string& username) = 0;
  // kAlreadyExists if the username is taken (field "username").
  virtual Result<Id> InsertUser(const User& u) = 0;
  // Same version rule as UpdateDepartment. Does not touch the login counters.
  virtual Status UpdateUser(const User& u) = 0;
  // Records the failed-login count and lock; does not bump the version, so an
  // admin's edit is never refused because someone mistyped a password.
  virtual Status SetLoginState(Id user_id, int failed_logins, UnixSeconds locked_until) = 0;

  // ---- sessions ----
  virtual Status InsertSession(const Session& s) = 0;
  virtual Result<Session> GetSession(const std::string& token_hash) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteSessionsOfUser(Id user_id) = 0;
  virtual Status DeleteExpiredSessions(UnixSeconds now) = 0;

  // ---- the directory of market entities ----
  // Inserts `e` (already normalised) at version 1 and records that version in
  // its history with `source`. kAlreadyExists (field "credit_code") on a taken code.
  virtual Result<Id> InsertEntity(const Entity& e, const std::string& source) = 0;
  // Writes `e` if its stored version equals e.version, bumps the version and
  // records the new version in the history. kAborted "stale_version" otherwise.
  virtual Status UpdateEntity(const Entity& e, const std::string& source) = 0;
  // The bulk form for imports: each entity (normalised, codes distinct) whose
  // credit code is in the directory updates it at its current version, every
  // other one is inserted; histories and search indexes as for the single
  // forms. Multi-row statements: a few round trips per thousand entities.
  // `progress` (optional) is called with the number written so far.
  struct UpsertCounts {
    int inserted = 0;
    int updated = 0;
  };
  virtual Result<UpsertCounts> UpsertEntities(std::vector<Entity>& es, const std::string& source,
                                              const std::function<void(int)>& progress) = 0;
  // The same, fed a chunk at a time, all in one transaction: `next` gives
  // the next chunk (null at the end; an error rolls everything back), each
  // written before the next is asked for, so the caller can check the rows
  // of the next chunk meanwhile. Codes must be distinct across chunks.
  // `expected` is about how many rows will come (a large load into a smaller
  // SQLite directory builds the entities' indexes after its rows).
  virtual Result<UpsertCounts> UpsertEntityChunks(
      const std::function<Result<std::vector<Entity>*>()>& next, size_t expected,
      const std::string& source, const std::function<void(int)>& progress) = 0;
  virtual Result<Entity> GetEntity(Id id) = 0;
  virtual Result<Entity> FindEntityByCreditCode(const std::string& code) = 0;
  // Same results, same order on every backend; ties broken by id.
  virtual Result<EntityPage> SearchEntities(const EntityQuery& q) = 0;
  // Reads ahead what the first name searches would read (a server calls it
  // once it listens, so that the first user does not wait); changes nothing.
  virtual Status WarmNameSearch() { return Status::Ok(); }
  // Every saved version, newest first.
  virtual Result<std::vector<EntityVersion>> ListEntityVersions(Id id) = 0;

  // ---- holdings ----
  virtual Result<std::vector<HoldingKind>> ListHoldingKinds() = 0;
  // kAlreadyExists (field "identifier") when the kind already has this identifier.
  virtual Result<Id> InsertHolding(const Holding& h) = 0;
  // Same version rule as UpdateEntity; replaces the attributes.
  virtual Status UpdateHolding(const Holding& h) = 0;
  virtual Result<Holding> GetHolding(Id id) = 0;
  // Ordered by valid_until (no expiry last), then id.
  virtual Result<HoldingPage> SearchHoldings(const HoldingQuery& q) = 0;
  // Holdings of kinds of category "licence" whose valid_from (the issue date)
  // lies in [from, to] (YYYY-MM-DD, both inclusive), counted per kind, whatever
  // their status today; with_item counts those whose business_items include
  // `business_item`. Kinds with none issued are absent; ordered by kind code.
  virtual Result<std::vector<LicenceIssueCount>> CountLicencesIssued(
      const std::string& from, const std::string& to, const std::string& business_item) = 0;

  // ---- registrations ----
  virtual Result<Id> InsertRegistration(const Registration& r) = 0;
  // Newest first (handled_on, then id).
  virtual Result<std::vector<Registration>> ListRegistrations(const RegistrationQuery& q) = 0;
  // Counts by service point, month and kind for handled_on in [from, to].
  virtual Result<std::vector<RegistrationCount>> CountRegistrations(const std::string& from,
                                                                    const std::string& to) = 0;

  // ---- the inspection item list (抽查事项清单) ----
  // Ordered by code. Inactive items only when asked.
  virtual Result<std::vector<InspectionItem>> ListInspectionItems(bool include_inactive) = 0;
  virtual Result<InspectionItem> GetInspectionItem(Id id) = 0;
  // Inserts at version 1 and records that version in the history.
  // kAlreadyExists (field "code") on a taken code.
  virtual Result<Id> InsertInspectionItem(const InspectionItem& item) = 0;
  // Writes every field but the code (fixed once created) if the stored version
  // equals item.version, bumps it and records the new version in the history.
  // kAborted "stale_version" otherwise; kNotFound if there is no such item.
  virtual Status UpdateInspectionItem(const InspectionItem& item) = 0;
  // Every saved version, newest first.
  virtual Result<std::vector<InspectionItem>> ListInspectionItemVersions(Id id) = 0;

  // ---- the inspector roster (执法检查人员名录库) ----
  // Ordered by department, then name, then id; with qualifications and conflicts.
  virtual Result<std::vector<Inspector>> ListInspectors(const InspectorQuery& q) = 0;
  // With qualifications and conflicts loaded.
  virtual Result<Inspector> GetInspector(Id id) = 0;
  // Inserts at version 1 with its qualifications (conflicts are declared with
  // AddInspectorConflict). kAlreadyExists with field "certificate_no" or
  // "user_id" on a taken certificate number or account.
  virtual Result<Id> InsertInspector(const Inspector& i) = 0;
  // Same version rule as UpdateEntity; replaces the qualifications, leaves the
  // conflicts as they are.
  virtual Status UpdateInspector(const Inspector& i) = 0;
  // kAlreadyExists (field "credit_code") if already declared; kNotFound if
  // there is no such inspector. Does not change the inspector's version.
  virtual Status AddInspectorConflict(Id inspector_id, const InspectorConflict& c) = 0;
  // kNotFound if no such declaration.
  virtual Status RemoveInspectorConflict(Id inspector_id, const std::string& credit_code) = 0;

  // ---- 双随机 plans, draws and tasks ----
  // Inserts at version 1 with its items, member departments and strata.
  // kFailedPrecondition for an unknown department or item code.
  virtual Result<Id> InsertPlan(const InspectionPlan& p) = 0;
  // Every field and the child rows, when p.version is current (then version+1);
  // kAborted stale_version otherwise.
  virtual Status UpdatePlan(const InspectionPlan& p) = 0;
  virtual Result<InspectionPlan> GetPlan(Id id) = 0;
  // Newest period first.
  virtual Result<std::vector<InspectionPlan>> ListPlans(const PlanQuery& q) = 0;
  // Active (存续) entities matching the population, sorted by credit code
  // (bytewise), without those with a random-inspection task (not cancelled)
  // in a plan whose period ends on or after `recent_since` (when not ""), and
  // without those already drawn `max_per_year` times in plans of `year` (when > 0).
  virtual Result<std::vector<EligibleEntity>> ListEligibleEntities(
      const PlanPopulation& pop, const std::string& recent_since, int year, int max_per_year) = 0;
  // Open (assigned) tasks per inspector id: the workload a draw starts from.
  virtual Result<std::vector<std::pair<Id, std::int64_t>>> OpenTaskCounts() = 0;
  // kAlreadyExists when the plan already has a commitment.
  virtual Status InsertPlanDraw(const PlanDraw& d) = 0;
  virtual Result<PlanDraw> GetPlanDraw(Id plan_id) = 0;
  // Records the seed and draw file of a committed plan (the commitment fields
  // never change: the SQL does not touch them).
  virtual Status UpdatePlanDraw(const PlanDraw& d) = 0;
  // Inserts at version 1 with its inspectors in order.
  virtual Result<Id> InsertTask(const InspectionTask& t) = 0;
  // Every result of a task as recorded, oldest first.
  virtual Status InsertTaskResult(const TaskResultRecord& r) = 0;
  virtual Result<std::vector<TaskResultRecord>> ListTaskResults(Id task_id) = 0;
  // Photos and files of a task's result (sql_attachments.cc). Insert stores
  // the bytes; List gives every attachment, withdrawn ones too, by id and
  // without bytes; Get gives one with its bytes; Withdraw marks one in force
  // as withdrawn (kFailedPrecondition if it already is), keeping the row.
  virtual Result<Id> InsertTaskAttachment(const TaskAttachment& a) = 0;
  virtual Result<std::vector<TaskAttachment>> ListTaskAttachments(Id task_id) = 0;
  virtual Result<TaskAttachment> GetTaskAttachment(Id id) = 0;
  virtual Status WithdrawTaskAttachment(Id id, UnixSeconds at, const std::string& by) = 0;
  // With current inspectors and the entity name; ordered by plan, then credit code.
  virtual Result<std::vector<InspectionTask>> ListTasks(const TaskQuery& q) = 0;
  // How many tasks ListTasks(q) would return without offset and limit.
  virtual Result<std::int64_t> CountTasks(const TaskQuery& q) = 0;
  virtual Result<InspectionTask> GetTask(Id id) = 0;
  // Status, result and inspectors when t.version is current; kAborted otherwise.
  virtual Status UpdateTask(const InspectionTask& t) = 0;
  virtual Status InsertRecusal(Id plan_id, int n, Id task_id, Id recused, Id replacement,
                               const std::string& reason, UnixSeconds at,
                               const std::string& by) = 0;
  // group_by: "" (one total row), "department" (the plan's lead department id),
  // "month" (YYYY-MM of inspected_on; tasks without a result under ""),
  // "street" (the entity's 街镇 now), "risk" (the task's stratum: the
  // credit-risk class at the draw) or "item" (each inspection item of the
  // plan: a task of a plan with two items counts under both).
  virtual Result<std::vector<InspectionCounts>> CountInspections(int year,
                                                                 const std::string& group_by) = 0;
  // The eligible population per stratum, frozen with the commitment (inside
  // its transaction).
  virtual Status InsertPlanPopulation(
      Id plan_id, const std::vector<std::pair<std::string, std::int64_t>>& eligible) = 0;
  // Per drawn or published plan of `year` and per stratum of its population
  // or of its tasks, ordered by plan id then stratum.
  virtual Result<std::vector<StratumSample>> ListStratumSamples(int year) = 0;

  // ---- enforcement: leads (线索), cases (案件) and their events ----
  // Inserts at version 1 with its excluded periods. kFailedPrecondition for an
  // unknown department, entity or inspection task.
  virtual Result<Id> InsertLead(const enforcement::Lead& l) = 0;
  // With its excluded periods. kNotFound "lead_not_found".
  virtual Result<enforcement::Lead> GetLead(Id id) = 0;
  // Newest found first, then id descending.
  virtual Result<std::vector<enforcement::Lead>> ListLeads(const LeadQuery& q) = 0;
  // Every field and the excluded periods when l.version is current (then
  // version+1); kAborted stale_version otherwise; kNotFound if none.
  virtual Status UpdateLead(const enforcement::Lead& l) = 0;
  // The highest case sequence of `year`, 0 when the year has none.
  virtual Result<int> LastCaseSequence(int year) = 0;
  // Inserts at version 1 with its officers (in order) and excluded periods.
  // kAlreadyExists (field "case_number") on a taken number or year sequence,
  // or when the lead already has a case (field "lead_id").
  virtual Result<Id> InsertCase(const enforcement::EnforcementCase& c) = 0;
  // With officers and excluded periods. kNotFound "case_not_found".
  virtual Result<enforcement::EnforcementCase> GetCase(Id id) = 0;
  // Newest filed first, then id descending; with officers and excluded periods.
  // Inserting or updating a case stores c.decision_due (nullopt: none); the
  // close event stores the closing day (closed_year).
  virtual Result<std::vector<enforcement::EnforcementCase>> ListCases(const CaseQuery& q) = 0;
  // Every field but number, lead and officers (fixed on filing), and the
  // excluded periods, when c.version is current (then version+1); kAborted
  // stale_version otherwise; kNotFound if none.
  virtual Status UpdateCase(const enforcement::EnforcementCase& c) = 0;
  // Appends one transition of a case; returns its id.
  virtual Result<Id> InsertCaseEvent(const enforcement::CaseEvent& e) = 0;
  // Oldest first.
  virtual Result<std::vector<enforcement::CaseEvent>> ListCaseEvents(Id case_id) = 0;
  // How many cases ListCases(q) would return without paging.
  virtual Result<std::int64_t> CountCases(const CaseQuery& q) = 0;
  // Cases whose stored decision due date was never computed (written before
  // migration 0009), at most `limit`.
  virtual Result<std::vector<Id>> CasesWithoutDecisionDue(int limit) = 0;
  // Stores a case's decision due date (nullopt: no running period) without
  // touching its version: it is derived from the record and the calendar.
  virtual Status SetCaseDecisionDue(Id id, const std::optional<Date>& due) = 0;
  // The counts of `year` (and for filed/closed/summary the year before),
  // of one department when given.
  virtual Result<CaseStatsCounts> CountCaseStatistics(int year,
                                                      const std::optional<Id>& department_id) = 0;
  // The inspection, credit-repair and holding counts of the dashboard (the
  // case figures come from CountCaseStatistics and CountCases). Read-only;
  // each group or count agrees with the list its drill-down opens
  // (ListTasks, ListCreditRepairs, SearchHoldings with the same filters).
  virtual Result<DashboardCounts> CountDashboard(const DashboardQuery& q) = 0;

  // ---- summary procedure (简易程序): decisions made on the spot ----
  // The next decision sequence of `year` (1, 2, …). Must run inside
  // Transaction: the number is taken under a row lock and given back if the
  // transaction rolls back, so numbers have no gaps.
  virtual Result<int> NextSummarySequence(int year) = 0;
  // Inserts at version 1 with its officers (in order). kAlreadyExists (field
  // "decision_number") on a taken number; kFailedPrecondition for an unknown
  // department, entity or inspector.
  virtual Result<Id> InsertSummaryCase(const enforcement::SummaryCase& s) = 0;
  // With officers. kNotFound "summary_case_not_found".
  virtual Result<enforcement::SummaryCase> GetSummaryCase(Id id) = 0;
  // Newest decided first, then id descending; with officers.
  virtual Result<std::vector<enforcement::SummaryCase>> ListSummaryCases(
      const SummaryCaseQuery& q) = 0;
  virtual Result<std::int64_t> CountSummaryCases(const SummaryCaseQuery& q) = 0;

  // ---- case-file sampling (案卷抽查) and legal advice letters (法治建议书) ----
  // Cases in stage closed whose closing event (case_events to_stage closed)
  // falls in [from, to] (YYYY-MM-DD), with their department's code; ordered by
  // case year, then sequence.
  virtual Result<std::vector<case_review::EligibleCase>> ListClosedCases(
      const std::string& from, const std::string& to) = 0;
  // Inserts at version 1.
  virtual Result<Id> InsertReviewRound(const case_review::Round& r) = 0;
  // Every field when r.version is current (then version+1); kAborted
  // stale_version otherwise; kNotFound "round_not_found" if none.
  virtual Status UpdateReviewRound(const case_review::Round& r) = 0;
  virtual Result<case_review::Round> GetReviewRound(Id id) = 0;
  // Newest year and quarter first, then id descending; all years when unset.
  virtual Result<std::vector<case_review::Round>> ListReviewRounds(std::optional<int> year) = 0;
  // kAlreadyExists when the round already has a commitment.
  virtual Status InsertReviewDraw(const case_review::RoundDraw& d) = 0;
  // kNotFound "draw_not_found" before the commitment.
  virtual Result<case_review::RoundDraw> GetReviewDraw(Id round_id) = 0;
  // Records seed_hex, draw_file, drawn_at, drawn_by (the commitment never changes).
  virtual Status UpdateReviewDraw(const case_review::RoundDraw& d) = 0;
  // Inserts an unscored sample at version 1. kAlreadyExists if the case or
  // the position is already in the round; kFailedPrecondition for an unknown case.
  virtual Result<Id> InsertReviewSample(const case_review::Sample& s) = 0;
  // With case number, party, scores (checklist order is the caller's) and
  // findings in order; ordered by position. kNotFound "sample_not_found".
  virtual Result<case_review::Sample> GetReviewSample(Id id) = 0;
  virtual Result<std::vector<case_review::Sample>> ListReviewSamples(Id round_id) = 0;
  // The score sheet (reviewer, date, scores, findings, total, grade) when
  // s.version is current (then version+1); kAborted stale_version otherwise.
  virtual Status UpdateReviewSample(const case_review::Sample& s) = 0;
  // Inserts at version 1. kFailedPrecondition for an unknown department or round.
  virtual Result<Id> InsertLetter(const case_review::Letter& l) = 0;
  // kNotFound "letter_not_found".
  virtual Result<case_review::Letter> GetLetter(Id id) = 0;
  // Newest first (id descending).
  virtual Result<std::vector<case_review::Letter>> ListLetters() = 0;
  // Every field when l.version is current (then version+1); kAborted
  // stale_version otherwise; kAlreadyExists (field "number") on a taken number
  // or year sequence.
  virtual Status UpdateLetter(const case_review::Letter& l) = 0;
  // The highest letter sequence of `year`, 0 when none.
  virtual Result<int> LastLetterSequence(int year) = 0;
  // ---- records kept with a case (sql_case_records.cc) ----
  // The next number of document `kind` in `year` (1 for the first), counted
  // up in the same transaction: must run inside Transaction, and the number is
  // used only if that transaction commits, so issued numbers have no gaps.
  // Concurrent callers serialise on the counter row.
  virtual Result<int> NextDocumentSequence(const std::string& kind, int year) = 0;
  // Inserts an issued document with its HTML. kAlreadyExists (field "number")
  // on a taken number or kind/year/sequence.
  virtual Result<Id> InsertCaseDocument(const enforcement::CaseDocument& d) = 0;
  // With its HTML. kNotFound "document_not_found".
  virtual Result<enforcement::CaseDocument> GetCaseDocument(Id id) = 0;
  // The documents of a case, oldest first, without their HTML.
  virtual Result<std::vector<enforcement::CaseDocument>> ListCaseDocuments(Id case_id) = 0;

  // Inserts at version 1 (movements are added with InsertSeizedItemMovement).
  virtual Result<Id> InsertSeizedItem(const enforcement::SeizedItem& item) = 0;
  // With its movements, oldest first. kNotFound "seized_item_not_found".
  virtual Result<enforcement::SeizedItem> GetSeizedItem(Id id) = 0;
  // The items of a case in the order registered, with movements.
  virtual Result<std::vector<enforcement::SeizedItem>> ListSeizedItems(Id case_id) = 0;
  // Every field but the case when item.version is current (then version+1);
  // kAborted stale_version otherwise; kNotFound if none. Leaves movements.
  virtual Status UpdateSeizedItem(const enforcement::SeizedItem& item) = 0;
  // Appends one movement (never changed or removed); returns its id.
  virtual Result<Id> InsertSeizedItemMovement(const enforcement::SeizedItemMovement& m) = 0;

  virtual Result<Id> InsertCaseReview(const enforcement::CaseReview& r) = 0;
  // kNotFound "review_not_found".
  virtual Result<enforcement::CaseReview> GetCaseReview(Id id) = 0;
  // Oldest filed first, then id.
  virtual Result<std::vector<enforcement::CaseReview>> ListCaseReviews(Id case_id) = 0;
  // Same version rule as UpdateSeizedItem.
  virtual Status UpdateCaseReview(const enforcement::CaseReview& r) = 0;
  // Counts of the reviews filed in `year`, by kind and outcome; only cases of
  // `department_id` when given.
  virtual Result<std::vector<ReviewCount>> CountCaseReviews(int year,
                                                            std::optional<Id> department_id) = 0;
  // ---- credit publicity (行政处罚信息公示), credit lists, credit repair ----
  // Inserts at version 1. kAlreadyExists (field "case_id") when the case has one.
  virtual Result<Id> InsertPublicity(const credit::PublicityRecord& p) = 0;
  // kNotFound "publicity_not_found".
  virtual Result<credit::PublicityRecord> GetPublicity(Id id) = 0;
  // Filters when set (credit_code exact); newest decision first, then id descending.
  virtual Result<std::vector<credit::PublicityRecord>> ListPublicity(
      const PublicityQuery& q) = 0;
  // Every field but the case and its snapshot when p.version is current (then
  // version+1); kAborted stale_version otherwise; kNotFound if none.
  virtual Status UpdatePublicity(const credit::PublicityRecord& p) = 0;
  virtual Result<Id> InsertCreditListEntry(const credit::CreditListEntry& e) = 0;
  // kNotFound "credit_list_entry_not_found".
  virtual Result<credit::CreditListEntry> GetCreditListEntry(Id id) = 0;
  // Of one entity, newest listed first.
  virtual Result<std::vector<credit::CreditListEntry>> ListCreditListEntries(Id entity_id) = 0;
  // removed_on, removal_reason when e.version is current (then version+1).
  virtual Status UpdateCreditListEntry(const credit::CreditListEntry& e) = 0;
  virtual Result<Id> InsertCreditRepair(const credit::CreditRepair& r) = 0;
  // kNotFound "credit_repair_not_found".
  virtual Result<credit::CreditRepair> GetCreditRepair(Id id) = 0;
  // Newest applied first.
  virtual Result<std::vector<credit::CreditRepair>> ListCreditRepairs(const RepairQuery& q) = 0;
  // Status, conditions and the decision when r.version is current (then version+1).
  virtual Status UpdateCreditRepair(const credit::CreditRepair& r) = 0;

  // ---- the lenient-treatment rules (免罚清单) ----
  // The current version of every rule, retired ones included, in list order.
  virtual Result<std::vector<LenientRuleVersion>> ListLenientRules() = 0;
  // Every saved version of one rule, newest first; empty if there is no such rule.
  virtual Result<std::vector<LenientRuleVersion>> ListLenientRuleVersions(const std::string& id) = 0;
  // Changes whenever any rule is saved (0: the list was never seeded), so a
  // reader can keep a parsed copy and reload only when it moved.
  virtual Result<std::int64_t> LenientRulesRevision() = 0;
  // v.version 0: a new rule (kAlreadyExists "lenient_rule_exists" on a taken id),
  // placed last. Otherwise writes v as version v.version+1 if the stored
  // version equals v.version (kAborted "stale_version" if not; kNotFound
  // "lenient_rule_not_found"). Either way the version joins the history.
  // Returns the version written.
  virtual Result<std::int64_t> SaveLenientRule(const LenientRuleVersion& v) = 0;

  // ---- audit log ----
  // Appends `e` after the current head: fills seq, prev_hash and hash, moves
  // the head. Must run inside Transaction; concurrent appends serialise.
  virtual Result<AuditEvent> AppendAudit(AuditEvent e) = 0;
  // Calls `visit` for every entry in log position order until it returns false.
  virtual Status ScanAudit(const std::function<bool(const AuditEvent&)>& visit) = 0;
  // Newest first, entries with seq < before_seq (0 = from the newest).
  virtual Result<std::vector<AuditEvent>> ListAudit(std::int64_t before_seq, int limit) = 0;
  virtual Result<AuditHead> GetAuditHead() = 0;
};

// Opens a store from a URL: "sqlite:PATH" (or a bare path) or
// "postgresql://…" / "postgres://…". Applies pending migrations.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace jg
