// Internal to store/: the one SQL implementation of Store, over a
// ConnectionPool. Split across sql_store.cc (accounts, sessions, audit),
// sql_entities.cc (the directory), sql_name_index.cc and sql_name_search.cc
// (the name index: writing it, searching it), and one file per other part.
#pragma once

#include <algorithm>
#include <exception>
#include <map>
#include <optional>

#include "store/connection_pool.h"
#include "store/name_posting_cache.h"
#include "store/sql_name_index.h"
#include "store/sql_store.h"

namespace jg::sql {

// A list kept in one text column: the items joined by `sep`; splitting drops
// empty pieces (checklist lines, lenient-rule facts).
inline std::string JoinWith(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

inline std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = s.find(sep, pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// The task outcomes that count as a problem found (InspectionOutcome IsProblem),
// for SQL: the statistics and the drill-down list must agree on them.
inline constexpr char kProblemOutcomesSql[] =
    "('corrected', 'case_filed', 'problem_other', 'uncooperative')";

// Escapes % _ and \\ for LIKE ... ESCAPE '\\'.
inline std::string LikeEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

// Appends "$n" for the next parameter.
inline std::string Bind(Params& p, Value v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

// "$n, $n+1, …" binding each value of [first, last): the list of an IN (…).
template <typename It>
std::string BindList(Params& p, It first, It last) {
  std::string out;
  for (; first != last; ++first) out += (out.empty() ? "" : ", ") + Bind(p, *first);
  return out;
}
// BindList of the `n` values of `v` from `at` on (fewer at its end): one
// statement's share of a list too long for one IN (…).
template <typename T>
std::string BindChunk(Params& p, const std::vector<T>& v, size_t at, size_t n) {
  return BindList(p, v.begin() + static_cast<std::ptrdiff_t>(at),
                  v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), at + n)));
}

// A column list "name1, name2, …" as "$1, $2, …" (for INSERT … VALUES) and as
// "name1 = $1, name2 = $2, …" (for UPDATE … SET), so a statement's
// placeholders follow its column list.
inline std::vector<std::string> SplitColumns(std::string_view cols) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= cols.size()) {
    size_t comma = cols.find(',', pos);
    if (comma == std::string_view::npos) comma = cols.size();
    std::string_view c = cols.substr(pos, comma - pos);
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    out.emplace_back(c);
    pos = comma + 1;
  }
  return out;
}
inline std::string Placeholders(std::string_view cols) {
  std::string out;
  for (size_t i = 1; i <= SplitColumns(cols).size(); ++i)
    out += (i > 1 ? ", $" : "$") + std::to_string(i);
  return out;
}
// "($1, $2), ($3, $4), …": `rows` groups of `cols` numbered parameters, each
// ending with `tail` (e.g. ", 1" for a constant column): a multi-row VALUES.
inline std::string RowPlaceholders(size_t rows, size_t cols, std::string_view tail = {}) {
  std::string out;
  size_t n = 0;
  for (size_t r = 0; r < rows; ++r) {
    out += r ? ", (" : "(";
    for (size_t c = 0; c < cols; ++c) out += (c ? ", $" : "$") + std::to_string(++n);
    out += tail;
    out += ')';
  }
  return out;
}
inline std::string Assignments(std::string_view cols) {
  std::string out;
  auto names = SplitColumns(cols);
  for (size_t i = 0; i < names.size(); ++i)
    out += (i > 0 ? ", " : "") + names[i] + " = $" + std::to_string(i + 1);
  return out;
}

inline Value OptId(const std::optional<Id>& v) {
  if (v) return *v;
  return nullptr;
}

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::shared_ptr<ConnectionPool> pool)
      : pool_(std::move(pool)), name_cache_(std::make_shared<NameIndexCache>()) {}
  SqlStore(std::shared_ptr<ConnectionPool> pool, Connection* bound,
           std::shared_ptr<NameIndexCache> name_cache)
      : pool_(std::move(pool)), bound_(bound), name_cache_(std::move(name_cache)) {}

  std::string BackendName() const override { return pool_->dialect().name; }

  Status Transaction(const std::function<Status(Store&)>& fn) override {
    if (bound_) return fn(*this);  // nested: join the outer transaction
    auto lease = pool_->Acquire();
    if (!lease.ok()) return lease.status();
    Connection& c = **lease;
    if (auto b = c.Exec(pool_->dialect().begin, {}); !b.ok()) {
      lease->MarkBroken();
      return b.status();
    }
    SqlStore view(pool_, &c, name_cache_);
    Status st;
    try {
      st = fn(view);
    } catch (const std::exception& ex) {
      st = Internal(std::string("transaction threw: ") + ex.what());
    }
    if (st.ok()) {
      auto commit = c.Exec("COMMIT", {});
      if (commit.ok()) return Status::Ok();
      st = commit.status();
    }
    if (!c.Exec("ROLLBACK", {}).ok()) lease->MarkBroken();
    return st;
  }

  // For the exchange format (store/exchange*.cc), which reads and writes
  // whole tables below the domain types. ReadSnapshot runs `fn` on one
  // connection inside a consistent read-only snapshot (SQLite: a deferred
  // read transaction, PostgreSQL: REPEATABLE READ); WriteTransaction inside
  // one write transaction, committed only if `fn` returns OK.
  Status ReadSnapshot(const std::function<Status(Connection&, const Dialect&)>& fn) {
    auto lease = pool_->Acquire();
    if (!lease.ok()) return lease.status();
    Connection& c = **lease;
    if (auto b = c.Exec(pool_->dialect().read_begin, {}); !b.ok()) {
      lease->MarkBroken();
      return b.status();
    }
    Status st = fn(c, pool_->dialect());
    if (!c.Exec(st.ok() ? "COMMIT" : "ROLLBACK", {}).ok()) lease->MarkBroken();
    return st;
  }
  Status WriteTransaction(const std::function<Status(Connection&, const Dialect&)>& fn) {
    return Transaction([&](Store& s) -> Status {
      auto& tx = static_cast<SqlStore&>(s);
      return fn(*tx.bound_, pool_->dialect());
    });
  }

  // ---- departments (sql_accounts.cc) ----
  Result<std::vector<Department>> ListDepartments() override;
  Result<Department> GetDepartment(Id id) override;
  Result<Id> InsertDepartment(const Department& d) override;
  Status UpdateDepartment(const Department& d) override;
  // ---- users (sql_accounts.cc) ----
  Result<std::vector<User>> ListUsers(std::optional<Id> department_id) override;
  Result<User> GetUser(Id id) override;
  Result<User> FindUserByUsername(const std::string& username) override;
  Result<Id> InsertUser(const User& u) override;
  Status UpdateUser(const User& u) override;
  Status SetLoginState(Id user_id, int failed_logins, UnixSeconds locked_until) override;
  // ---- sessions (sql_accounts.cc) ----
  Status InsertSession(const Session& s) override;
  Result<Session> GetSession(const std::string& token_hash) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteSessionsOfUser(Id user_id) override;
  Status DeleteExpiredSessions(UnixSeconds now) override;
  // ---- audit (sql_audit.cc) ----
  Result<AuditEvent> AppendAudit(AuditEvent e) override;
  Status ScanAudit(const std::function<bool(const AuditEvent&)>& visit) override;
  Result<std::vector<AuditEvent>> ListAudit(std::int64_t before_seq, int limit) override;
  Result<AuditHead> GetAuditHead() override;

  // ---- entities (sql_entities.cc) ----
  Result<Id> InsertEntity(const Entity& e, const std::string& source) override;
  Status UpdateEntity(const Entity& e, const std::string& source) override;
  Result<UpsertCounts> UpsertEntities(std::vector<Entity>& es, const std::string& source,
                                      const std::function<void(int)>& progress) override;
  Result<UpsertCounts> UpsertEntityChunks(const std::function<Result<std::vector<Entity>*>()>& next,
                                          size_t expected, const std::string& source,
                                          const std::function<void(int)>& progress) override;
  Result<Entity> GetEntity(Id id) override;
  Result<Entity> FindEntityByCreditCode(const std::string& code) override;
  Result<EntityPage> SearchEntities(const EntityQuery& q) override;
  Status WarmNameSearch() override;
  Result<std::vector<EntityVersion>> ListEntityVersions(Id id) override;

  // ---- holdings and registrations (sql_holdings.cc) ----
  Result<std::vector<HoldingKind>> ListHoldingKinds() override;
  Result<Id> InsertHolding(const Holding& h) override;
  Status UpdateHolding(const Holding& h) override;
  Result<Holding> GetHolding(Id id) override;
  Result<HoldingPage> SearchHoldings(const HoldingQuery& q) override;
  Result<std::vector<LicenceIssueCount>> CountLicencesIssued(const std::string& from,
                                                             const std::string& to,
                                                             const std::string& business_item) override;
  Result<Id> InsertRegistration(const Registration& r) override;
  Result<std::vector<Registration>> ListRegistrations(const RegistrationQuery& q) override;
  Result<std::vector<RegistrationCount>> CountRegistrations(const std::string& from,
                                                            const std::string& to) override;

  // ---- inspection items and inspectors (sql_inspection.cc) ----
  Result<std::vector<InspectionItem>> ListInspectionItems(bool include_inactive) override;
  Result<InspectionItem> GetInspectionItem(Id id) override;
  Result<Id> InsertInspectionItem(const InspectionItem& item) override;
  Status UpdateInspectionItem(const InspectionItem& item) override;
  Result<std::vector<InspectionItem>> ListInspectionItemVersions(Id id) override;
  Result<std::vector<Inspector>> ListInspectors(const InspectorQuery& q) override;
  Result<Inspector> GetInspector(Id id) override;
  Result<Id> InsertInspector(const Inspector& i) override;
  Status UpdateInspector(const Inspector& i) override;
  Status AddInspectorConflict(Id inspector_id, const InspectorConflict& c) override;
  Status RemoveInspectorConflict(Id inspector_id, const std::string& credit_code) override;

  Result<Id> InsertPlan(const InspectionPlan& p) override;
  Status UpdatePlan(const InspectionPlan& p) override;
  Result<InspectionPlan> GetPlan(Id id) override;
  Result<std::vector<InspectionPlan>> ListPlans(const PlanQuery& q) override;
  Result<std::vector<EligibleEntity>> ListEligibleEntities(const PlanPopulation& pop,
                                                           const std::string& recent_since,
                                                           int year, int max_per_year) override;
  Result<std::vector<std::pair<Id, std::int64_t>>> OpenTaskCounts() override;
  Status InsertPlanDraw(const PlanDraw& d) override;
  Result<PlanDraw> GetPlanDraw(Id plan_id) override;
  Status UpdatePlanDraw(const PlanDraw& d) override;
  Result<Id> InsertTask(const InspectionTask& t) override;
  Result<std::vector<InspectionTask>> ListTasks(const TaskQuery& q) override;
  Result<std::int64_t> CountTasks(const TaskQuery& q) override;
  Result<InspectionTask> GetTask(Id id) override;
  Status UpdateTask(const InspectionTask& t) override;
  Status InsertRecusal(Id plan_id, int n, Id task_id, Id recused, Id replacement,
                       const std::string& reason, UnixSeconds at, const std::string& by) override;
  Status InsertTaskResult(const TaskResultRecord& r) override;
  Result<std::vector<TaskResultRecord>> ListTaskResults(Id task_id) override;
  Result<Id> InsertTaskAttachment(const TaskAttachment& a) override;  // sql_attachments.cc
  Result<std::vector<TaskAttachment>> ListTaskAttachments(Id task_id) override;
  Result<TaskAttachment> GetTaskAttachment(Id id) override;
  Status WithdrawTaskAttachment(Id id, UnixSeconds at, const std::string& by) override;
  Status InsertPlanPopulation(
      Id plan_id, const std::vector<std::pair<std::string, std::int64_t>>& eligible) override;
  Result<std::vector<StratumSample>> ListStratumSamples(int year) override;
  Result<std::vector<InspectionCounts>> CountInspections(int year,
                                                         const std::string& group_by) override;

  Result<Id> InsertLead(const enforcement::Lead& l) override;
  Result<enforcement::Lead> GetLead(Id id) override;
  Result<std::vector<enforcement::Lead>> ListLeads(const LeadQuery& q) override;
  Status UpdateLead(const enforcement::Lead& l) override;
  Result<int> LastCaseSequence(int year) override;
  Result<Id> InsertCase(const enforcement::EnforcementCase& c) override;
  Result<enforcement::EnforcementCase> GetCase(Id id) override;
  Result<std::vector<enforcement::EnforcementCase>> ListCases(const CaseQuery& q) override;
  Status UpdateCase(const enforcement::EnforcementCase& c) override;
  Result<Id> InsertCaseEvent(const enforcement::CaseEvent& e) override;
  Result<std::vector<enforcement::CaseEvent>> ListCaseEvents(Id case_id) override;
  Result<std::int64_t> CountCases(const CaseQuery& q) override;
  Result<std::vector<Id>> CasesWithoutDecisionDue(int limit) override;
  Status SetCaseDecisionDue(Id id, const std::optional<Date>& due) override;
  Result<CaseStatsCounts> CountCaseStatistics(int year,
                                              const std::optional<Id>& department_id) override;
  Result<DashboardCounts> CountDashboard(const DashboardQuery& q) override;  // sql_dashboard.cc
  Result<int> NextSummarySequence(int year) override;
  Result<Id> InsertSummaryCase(const enforcement::SummaryCase& s) override;
  Result<enforcement::SummaryCase> GetSummaryCase(Id id) override;
  Result<std::vector<enforcement::SummaryCase>> ListSummaryCases(
      const SummaryCaseQuery& q) override;
  Result<std::int64_t> CountSummaryCases(const SummaryCaseQuery& q) override;

  // ---- case-file sampling and legal advice letters (sql_case_reviews.cc) ----
  Result<std::vector<case_review::EligibleCase>> ListClosedCases(const std::string& from,
                                                                 const std::string& to) override;
  Result<Id> InsertReviewRound(const case_review::Round& r) override;
  Status UpdateReviewRound(const case_review::Round& r) override;
  Result<case_review::Round> GetReviewRound(Id id) override;
  Result<std::vector<case_review::Round>> ListReviewRounds(std::optional<int> year) override;
  Status InsertReviewDraw(const case_review::RoundDraw& d) override;
  Result<case_review::RoundDraw> GetReviewDraw(Id round_id) override;
  Status UpdateReviewDraw(const case_review::RoundDraw& d) override;
  Result<Id> InsertReviewSample(const case_review::Sample& s) override;
  Result<case_review::Sample> GetReviewSample(Id id) override;
  Result<std::vector<case_review::Sample>> ListReviewSamples(Id round_id) override;
  Status UpdateReviewSample(const case_review::Sample& s) override;
  Result<Id> InsertLetter(const case_review::Letter& l) override;
  Result<case_review::Letter> GetLetter(Id id) override;
  Result<std::vector<case_review::Letter>> ListLetters() override;
  Status UpdateLetter(const case_review::Letter& l) override;
  Result<int> LastLetterSequence(int year) override;
  Result<int> NextDocumentSequence(const std::string& kind, int year) override;
  Result<Id> InsertCaseDocument(const enforcement::CaseDocument& d) override;
  Result<enforcement::CaseDocument> GetCaseDocument(Id id) override;
  Result<std::vector<enforcement::CaseDocument>> ListCaseDocuments(Id case_id) override;
  Result<Id> InsertSeizedItem(const enforcement::SeizedItem& item) override;
  Result<enforcement::SeizedItem> GetSeizedItem(Id id) override;
  Result<std::vector<enforcement::SeizedItem>> ListSeizedItems(Id case_id) override;
  Status UpdateSeizedItem(const enforcement::SeizedItem& item) override;
  Result<Id> InsertSeizedItemMovement(const enforcement::SeizedItemMovement& m) override;
  Result<Id> InsertCaseReview(const enforcement::CaseReview& r) override;
  Result<enforcement::CaseReview> GetCaseReview(Id id) override;
  Result<std::vector<enforcement::CaseReview>> ListCaseReviews(Id case_id) override;
  Status UpdateCaseReview(const enforcement::CaseReview& r) override;
  Result<std::vector<ReviewCount>> CountCaseReviews(int year,
                                                    std::optional<Id> department_id) override;
  Result<Id> InsertPublicity(const credit::PublicityRecord& p) override;
  Result<credit::PublicityRecord> GetPublicity(Id id) override;
  Result<std::vector<credit::PublicityRecord>> ListPublicity(const PublicityQuery& q) override;
  Status UpdatePublicity(const credit::PublicityRecord& p) override;
  Result<Id> InsertCreditListEntry(const credit::CreditListEntry& e) override;
  Result<credit::CreditListEntry> GetCreditListEntry(Id id) override;
  Result<std::vector<credit::CreditListEntry>> ListCreditListEntries(Id entity_id) override;
  Status UpdateCreditListEntry(const credit::CreditListEntry& e) override;
  Result<Id> InsertCreditRepair(const credit::CreditRepair& r) override;
  Result<credit::CreditRepair> GetCreditRepair(Id id) override;
  Result<std::vector<credit::CreditRepair>> ListCreditRepairs(const RepairQuery& q) override;
  Status UpdateCreditRepair(const credit::CreditRepair& r) override;
  Result<std::vector<LenientRuleVersion>> ListLenientRules() override;
  Result<std::vector<LenientRuleVersion>> ListLenientRuleVersions(const std::string& id) override;
  Result<std::int64_t> LenientRulesRevision() override;
  Result<std::int64_t> SaveLenientRule(const LenientRuleVersion& v) override;

  Status Migrate() {
    return Transaction([&](Store& store) -> Status {
      auto& tx = static_cast<SqlStore&>(store);
      JG_RETURN_IF_ERROR(tx.bound_->ExecScript(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
      auto rows = tx.Query("SELECT version FROM schema_migrations", {});
      if (!rows.ok()) return rows.status();
      std::vector<std::int64_t> applied;
      for (const auto& r : *rows) applied.push_back(r.Int(0));
      for (const Migration& m : pool_->driver().migrations()) {
        if (std::find(applied.begin(), applied.end(), m.version) != applied.end()) continue;
        JG_RETURN_IF_ERROR(tx.bound_->ExecScript(m.sql));
        auto ins = tx.Exec(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            {std::int64_t{m.version}, std::string(m.name), std::int64_t{0}});
        if (!ins.ok()) return ins.status();
      }
      return FillNamePostingsIfMissing(*tx.bound_, pool_->dialect());
    });
  }

 private:
  Status WriteEntityTags(const Entity& e, Id id);
  // The update of one entity inside a transaction; its name change (from the
  // name it had, read under lock by the caller) is appended for the index.
  Status UpdateEntityRow(const Entity& in, const std::string& source, const std::string& old_fold,
                         const std::string& old_name, std::vector<NameChange>& names);
  // One chunk of UpsertEntityChunks, in its transaction: existing codes
  // updated, new ones streamed in with their history, tags and name index.
  Status UpsertChunk(std::vector<Entity>& es, const std::string& source, UpsertCounts& counts,
                     const std::function<void(int)>& progress);
  // The name index (sql_name_index.cc): which entities hold a folded query of
  // two or more code points; `ids` only when asked for, ascending.
  struct NameMatch {
    std::int64_t total = 0;
    std::vector<Id> ids;  // ascending: asked for, or a query of several grams
    std::vector<std::uint16_t> starts;  // with ids: where each one's first match starts
    // The query, when it is the matched names' own text (no ASCII letter
    // that folding may have changed); else empty.
    std::string literal;
    std::vector<std::uint64_t> bits;  // the same ids as a bitmap
    // A one-gram query's lists by block, when membership was asked for.
    std::map<std::int64_t, std::shared_ptr<const std::vector<name_postings::Entry>>> lists;
    bool membership_by_lists = false;
    // Every match's name key is within [lower, upper].
    std::uint64_t lower = 0, upper = ~std::uint64_t{0};
    // The index at the generation the match was read at.
    std::shared_ptr<GenerationView> view;
    bool Contains(Id id) const;
    // A one-gram match's ids from its lists (no second read of the index).
    void FillIdsFromLists();
  };
  enum class NameWant { kTotal, kIds, kMembership };
  // entity_name_generation: drawn again by every write of the name index.
  Result<std::int64_t> NameIndexGeneration();
  Result<NameMatch> MatchName(const std::string& folded, NameWant want);
  // Every key block's entities in (key, id) order at the view's generation:
  // kept in the view, else assembled from blocks cached per revision.
  Result<GenerationView::SortedKeyBlocks> SortedKeyOrder(GenerationView& view);
  // The page in name order found by merging every entity in name-key order
  // (each key block's entities sorted once per revision, cached) and testing
  // membership, until the page and its ties are known; nullopt when the
  // matches are too sparse for that (more than `max_visits` entities).
  Result<std::optional<std::vector<Id>>> PageByKeyMerge(const NameMatch& m, int offset, int limit,
                                                        bool descending, size_t max_visits);
  // The page's names when many matches tie on the last key: those whose
  // query starts right after the key's whole characters all begin with them
  // and the query, so the name index gives them in order from that prefix
  // and only the others' names are read; nullopt when that does not apply.
  Result<std::optional<std::vector<std::pair<std::string, Id>>>> NamesWithTieCluster(
      const NameMatch& m, const std::vector<std::pair<std::uint64_t, Id>>& found, size_t need,
      bool descending);
  // Of `ids` (ascending), those at [offset, offset + limit) in name order.
  Result<std::vector<Id>> PageByName(const NameMatch& m, int offset, int limit, bool descending);
  // (block, rev) of the name-key blocks: `only` those, or every one; from
  // the view when it has them (and kept there when read within its generation).
  Result<std::vector<std::pair<std::int64_t, std::int64_t>>> KeyBlockRevisions(
      const std::vector<std::int64_t>* only, GenerationView& view);
  // Decoded name-key blocks by block, with the revision they were read at:
  // from the cache where that revision is cached, else read.
  Result<std::map<std::int64_t, std::pair<std::int64_t, RevisionCache<std::uint64_t>::Block>>>
  LoadKeyBlocks(const std::vector<std::pair<std::int64_t, std::int64_t>>& revs);
  // The names of `ids`, in (name, id) order (descending if asked).
  Result<std::vector<std::pair<std::string, Id>>> NamesInOrder(std::vector<Id> ids, bool descending);
  // The first `need` of `ids` in name order from the names that start with
  // `key`'s bytes, reading at most about `budget` rows of the name index.
  Result<std::vector<std::pair<std::string, Id>>> WalkFromPrefix(const NameMatch& m,
                                                                 std::uint64_t key, size_t need,
                                                                 bool descending, size_t budget);
  Result<EntityPage> SearchByName(const EntityQuery& q, const std::string& folded, int limit,
                                  int offset);
  // The entities of `ordered`, in that order, appended to the page.
  Result<EntityPage> FetchEntities(const std::vector<Id>& ordered, EntityPage& page);
  Status WriteHoldingAttributes(const Holding& h, Id id);
  Status LoadHoldingAttributes(std::vector<Holding>& hs);
  // Copies the entity's row at `version` into its history, before an update
  // supersedes it (callers hold the row's lock, so the version cannot move).
  Status KeepSupersededVersion(Id id, std::int64_t version);
  Status WriteInspectionItemVersion(const InspectionItem& item, Id id);
  Status WriteInspectorQualifications(const Inspector& i, Id id);
  Status LoadInspectorDetails(std::vector<Inspector>& is);
  Status WritePlanChildren(const InspectionPlan& p);
  Status LoadPlanChildren(InspectionPlan& p);
  Status WriteTaskInspectors(const InspectionTask& t);
  Status LoadTaskInspectors(std::vector<InspectionTask>& ts);
  Status WriteExcluded(const char* table, const char* key, Id id,
                       const std::vector<enforcement::ExcludedInterval>& ex);
  Result<std::vector<enforcement::ExcludedInterval>> LoadExcluded(const char* table,
                                                                  const char* key, Id id);
  Status LoadCaseChildren(enforcement::EnforcementCase& c);
  Result<std::vector<case_review::Sample>> QuerySamples(const std::string& where, const Params& p);
  Status LoadMovements(enforcement::SeizedItem& item);

  // Runs `fn` on a transaction view: the current one when bound, else a new one.
  template <typename T>
  Result<T> WithTransaction(const std::function<Result<T>(SqlStore&)>& fn) {
    std::optional<Result<T>> out;
    Status st = Transaction([&](Store& s) -> Status {
      out.emplace(fn(static_cast<SqlStore&>(s)));
      return out->status();
    });
    if (!st.ok()) return st;
    return std::move(*out);
  }

  // Runs on the bound connection inside a transaction, or on a pooled one.
  template <typename F>
  auto WithConnection(F&& f) -> decltype(f(std::declval<Connection&>())) {
    if (bound_) return f(*bound_);
    auto lease = pool_->Acquire();
    if (!lease.ok()) return lease.status();
    auto r = f(**lease);
    if (!r.ok() && r.status().code() == ErrorCode::kUnavailable) lease->MarkBroken();
    return r;
  }
  Result<std::vector<Row>> Query(const std::string& q, const Params& p) {
    return WithConnection([&](Connection& c) { return c.Query(q, p); });
  }
  Result<std::int64_t> Exec(const std::string& q, const Params& p) {
    return WithConnection([&](Connection& c) { return c.Exec(q, p); });
  }
  static Status Stale() {
    return Aborted("stale_version", "记录已被他人修改，请刷新后重试");
  }
  // Names the field of a unique clash, keeping every other error as it is.
  static Status Field(const Status& s, const char* field, const char* message) {
    if (s.code() == ErrorCode::kAlreadyExists) return AlreadyExists(s.reason(), message, field);
    return s;
  }

  std::shared_ptr<ConnectionPool> pool_;
  Connection* bound_ = nullptr;
  std::shared_ptr<NameIndexCache> name_cache_;
};

}  // namespace jg::sql
