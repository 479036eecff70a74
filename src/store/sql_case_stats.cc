// The counts behind the yearly case statistics: each figure a GROUP BY over
// indexed date columns (filed_on, closed_on, decided_on), never a scan of the
// cases in C++. Dates are YYYY-MM-DD text, so a year is a range and a month
// the first seven characters.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

std::string From(int y) { return std::to_string(y) + "-01-01"; }
std::string To(int y) { return std::to_string(y) + "-12-31"; }

}  // namespace

Result<CaseStatsCounts> SqlStore::CountCaseStatistics(int year,
                                                      const std::optional<Id>& department_id) {
  CaseStatsCounts out;
  // Runs `select … FROM table WHERE col in [from, to] [AND department] GROUP BY …`
  // and keeps (key, key2, count) rows.
  auto group = [&](std::vector<CaseCount>& into, const std::string& keys, int key_count,
                   const std::string& table, const std::string& col, int from_year,
                   const std::string& extra) -> Status {
    Params p;
    std::string sql = "SELECT " + keys + ", COUNT(*) FROM " + table + " WHERE " + col +
                      " >= " + Bind(p, From(from_year)) + " AND " + col +
                      " <= " + Bind(p, To(year)) + extra;
    if (department_id) sql += " AND department_id = " + Bind(p, *department_id);
    sql += key_count == 2 ? " GROUP BY 1, 2 ORDER BY 1, 2" : " GROUP BY 1 ORDER BY 1";
    auto rows = Query(sql, p);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      CaseCount c;
      c.key = r.Str(0);
      if (key_count == 2) c.key2 = r.IsNull(1) ? "" : r.Str(1);
      c.count = r.Int(key_count);
      into.push_back(std::move(c));
    }
    return Status::Ok();
  };
  // Department ids are integers on both backends: cast so key2 reads as text.
  const std::string month_dept = "SUBSTR(%s, 1, 7), CAST(department_id AS TEXT)";
  auto with = [](std::string pattern, const std::string& col) {
    return pattern.replace(pattern.find("%s"), 2, col);
  };
  JG_RETURN_IF_ERROR(group(out.filed, with(month_dept, "filed_on"), 2, "cases", "filed_on",
                           year - 1, ""));
  JG_RETURN_IF_ERROR(group(out.closed, with(month_dept, "closed_on"), 2, "cases", "closed_on",
                           year - 1, ""));
  JG_RETURN_IF_ERROR(
      group(out.filed_by_law, "violated_law", 1, "cases", "filed_on", year, ""));
  JG_RETURN_IF_ERROR(group(out.decided_by_kind, "decision_kind", 1, "cases", "decided_on", year,
                           " AND decision_kind <> ''"));
  JG_RETURN_IF_ERROR(group(out.no_penalty_by_rule, "lenient_rule_id", 1, "cases", "decided_on",
                           year, " AND decision_kind = 'no_penalty'"));
  JG_RETURN_IF_ERROR(group(out.reduced_by_ground, "reduction_ground", 1, "cases", "decided_on",
                           year, " AND decision_kind = 'reduced_penalty'"));
  JG_RETURN_IF_ERROR(group(out.summary, "SUBSTR(decided_on, 1, 4), party_kind", 2,
                           "summary_cases", "decided_on", year - 1, ""));
  return out;
}

}  // namespace jg::sql
