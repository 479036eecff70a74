// The counts behind the yearly case statistics: each figure a GROUP BY over
// the trigger-kept case_counts (migration 0017: cases by month of filing,
// closing and decision), never a scan of the cases. Dates are YYYY-MM-DD
// text, so a month is the first seven characters and a year the months
// YYYY-01 to YYYY-12.
#include "store/sql_store_impl.h"

namespace jg::sql {
namespace {

std::string From(int y) { return std::to_string(y) + "-01-01"; }
std::string To(int y) { return std::to_string(y) + "-12-31"; }

}  // namespace

Result<CaseStatsCounts> SqlStore::CountCaseStatistics(int year,
                                                      const std::optional<Id>& department_id) {
  CaseStatsCounts out;
  // Runs `SELECT keys, SUM(cases) FROM case_counts WHERE measure … AND month
  // in [from_year-01, year-12] [AND department] GROUP BY keys` over the
  // trigger-kept counts (migration 0017) and keeps (key, key2, count) rows.
  auto counted = [&](std::vector<CaseCount>& into, const std::string& keys, int key_count,
                     const std::string& measure, int from_year, const std::string& extra) -> Status {
    Params p;
    std::string sql = "SELECT " + keys + ", SUM(cases) FROM case_counts WHERE measure = " +
                      Bind(p, measure) + " AND month >= " + Bind(p, std::to_string(from_year) + "-01") +
                      " AND month <= " + Bind(p, std::to_string(year) + "-12") + extra;
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
  const std::string month_dept = "month, CAST(department_id AS TEXT)";
  JG_RETURN_IF_ERROR(counted(out.filed, month_dept, 2, "filed", year - 1, ""));
  JG_RETURN_IF_ERROR(counted(out.closed, month_dept, 2, "closed", year - 1, ""));
  JG_RETURN_IF_ERROR(counted(out.filed_by_law, "key", 1, "filed", year, ""));
  JG_RETURN_IF_ERROR(counted(out.decided_by_kind, "key", 1, "decided", year, " AND key <> ''"));
  JG_RETURN_IF_ERROR(
      counted(out.no_penalty_by_rule, "detail", 1, "decided", year, " AND key = 'no_penalty'"));
  JG_RETURN_IF_ERROR(
      counted(out.reduced_by_ground, "detail", 1, "decided", year, " AND key = 'reduced_penalty'"));

  // Summary-procedure decisions (a smaller table): a GROUP BY over its
  // covering index on decided_on.
  Params p;
  std::string sql =
      "SELECT SUBSTR(decided_on, 1, 4), party_kind, COUNT(*) FROM summary_cases WHERE decided_on >= " +
      Bind(p, From(year - 1)) + " AND decided_on <= " + Bind(p, To(year));
  if (department_id) sql += " AND department_id = " + Bind(p, *department_id);
  sql += " GROUP BY 1, 2 ORDER BY 1, 2";
  auto rows = Query(sql, p);
  if (!rows.ok()) return rows.status();
  for (const auto& r : *rows) out.summary.push_back({r.Str(0), r.IsNull(1) ? "" : r.Str(1), r.Int(2)});
  return out;
}

}  // namespace jg::sql
