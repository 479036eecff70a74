// The lenient-treatment rules (免罚清单) and their history, in portable SQL.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

constexpr const char* kRuleCols =
    "list, law, article, conduct, conditions, outcome, basis, retired, edited_at, edited_by, "
    "reason";

// id, version, then kRuleCols.
LenientRuleVersion ToVersion(const Row& r) {
  LenientRuleVersion v;
  v.rule.id = r.Str(0);
  v.version = r.Int(1);
  v.rule.list = r.Str(2);
  v.rule.provision.law = r.Str(3);
  v.rule.provision.article = r.Str(4);
  v.rule.conduct = r.Str(5);
  v.rule.conditions = SplitOn(r.Str(6), ';');
  v.rule.outcome = r.Str(7) == "reduced_penalty" ? enforcement::LenientOutcome::kReducedPenalty
                                                 : enforcement::LenientOutcome::kNoPenalty;
  v.rule.basis = r.Str(8);
  v.rule.retired = r.Int(9) != 0;
  v.edited_at = r.Int(10);
  v.edited_by = r.Str(11);
  v.reason = r.Str(12);
  return v;
}

// kRuleCols in order.
Params RuleParams(const LenientRuleVersion& v) {
  return {v.rule.list,
          v.rule.provision.law,
          v.rule.provision.article,
          v.rule.conduct,
          JoinWith(v.rule.conditions, ';'),
          std::string(enforcement::LenientOutcomeName(v.rule.outcome)),
          v.rule.basis,
          std::int64_t{v.rule.retired ? 1 : 0},
          v.edited_at,
          v.edited_by,
          v.reason};
}

}  // namespace

Result<std::vector<LenientRuleVersion>> SqlStore::ListLenientRules() {
  auto rows = Query(std::string("SELECT id, version, ") + kRuleCols +
                        " FROM lenient_rules ORDER BY position, id",
                    {});
  if (!rows.ok()) return rows.status();
  std::vector<LenientRuleVersion> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(ToVersion(r));
  return out;
}

Result<std::vector<LenientRuleVersion>> SqlStore::ListLenientRuleVersions(const std::string& id) {
  auto rows = Query(std::string("SELECT rule_id, version, ") + kRuleCols +
                        " FROM lenient_rule_versions WHERE rule_id = $1 ORDER BY version DESC",
                    {id});
  if (!rows.ok()) return rows.status();
  std::vector<LenientRuleVersion> out;
  for (const auto& r : *rows) out.push_back(ToVersion(r));
  return out;
}

Result<std::int64_t> SqlStore::LenientRulesRevision() {
  auto rows = Query("SELECT COALESCE(MAX(seq), 0) FROM lenient_rule_versions", {});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Result<std::int64_t> SqlStore::SaveLenientRule(const LenientRuleVersion& v) {
  return WithTransaction<std::int64_t>([&](SqlStore& tx) -> Result<std::int64_t> {
    std::int64_t written = 1;
    if (v.version == 0) {
      Params p = {v.rule.id};
      for (auto& x : RuleParams(v)) p.push_back(std::move(x));
      auto n = tx.Exec(
          "INSERT INTO lenient_rules (id, list, law, article, conduct, conditions, outcome, basis, "
          "retired, edited_at, edited_by, reason, version, position) VALUES ($1, $2, $3, $4, $5, "
          "$6, $7, $8, $9, $10, $11, $12, 1, "
          "(SELECT COALESCE(MAX(position), 0) + 1 FROM lenient_rules))",
          p);
      if (!n.ok()) {
        if (n.status().code() == ErrorCode::kAlreadyExists) {
          return AlreadyExists("lenient_rule_exists", "规则编号 " + v.rule.id + " 已存在", "id");
        }
        return n.status();
      }
    } else {
      Params p = RuleParams(v);
      p.push_back(v.rule.id);
      p.push_back(v.version);
      auto n = tx.Exec(
          "UPDATE lenient_rules SET list = $1, law = $2, article = $3, conduct = $4, "
          "conditions = $5, outcome = $6, basis = $7, retired = $8, edited_at = $9, "
          "edited_by = $10, reason = $11, version = version + 1 WHERE id = $12 AND version = $13",
          p);
      if (!n.ok()) return n.status();
      if (*n != 1) {
        auto cur = tx.Query("SELECT 1 FROM lenient_rules WHERE id = $1", {v.rule.id});
        if (!cur.ok()) return cur.status();
        if (cur->empty()) {
          return NotFound("lenient_rule_not_found", "没有编号为 " + v.rule.id + " 的规则");
        }
        return Stale();
      }
      written = v.version + 1;
    }
    Params p = {v.rule.id, written};
    for (auto& x : RuleParams(v)) p.push_back(std::move(x));
    auto n = tx.Exec(std::string("INSERT INTO lenient_rule_versions (rule_id, version, ") +
                         kRuleCols +
                         ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                     p);
    if (!n.ok()) return n.status();
    return written;
  });
}

}  // namespace jg::sql
