// The counts of the bureau dashboard: three statements, each a GROUP BY or a
// conditional SUM over indexed columns or kept counts, so the page never
// loads records to count them. Dates are YYYY-MM-DD text: a year is a range, a month the first
// seven characters.
#include "store/sql_store_impl.h"

namespace jg::sql {

Result<DashboardCounts> SqlStore::CountDashboard(const DashboardQuery& q) {
  DashboardCounts out;
  const std::string from = std::to_string(q.year) + "-01-01";
  const std::string to = std::to_string(q.year) + "-12-31";
  {
    // Tasks of the year's plans by (result month, lead department, street),
    // read from the trigger-kept inspection_counts (migration 0016): a few
    // thousand groups, folded into the three series in service/.
    Params p;
    std::string sql =
        "SELECT c.month, pl.lead_department_id, c.street, SUM(c.tasks), "
        "SUM(CASE WHEN c.outcome <> '' THEN c.tasks ELSE 0 END), "
        "SUM(CASE WHEN c.outcome IN " + std::string(kProblemOutcomesSql) +
        " THEN c.tasks ELSE 0 END), "
        "SUM(CASE WHEN c.outcome = 'case_filed' THEN c.tasks ELSE 0 END) "
        "FROM inspection_plans pl JOIN inspection_counts c ON c.plan_id = pl.id "
        "WHERE pl.year = " + Bind(p, std::int64_t{q.year}) + " AND c.status <> 'cancelled'";
    if (q.department_id) sql += " AND pl.lead_department_id = " + Bind(p, *q.department_id);
    sql += " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    auto rows = Query(sql, p);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      out.inspections.push_back(
          {r.IsNull(0) ? "" : r.Str(0), r.Int(1), r.Str(2), r.Int(3), r.Int(4), r.Int(5), r.Int(6)});
    }
  }
  {
    Params p;
    std::string sql =
        "SELECT COALESCE(SUM(CASE WHEN status = 'approved' AND decided_on >= " + Bind(p, from) +
        " AND decided_on <= " + Bind(p, to) + " THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) FROM credit_repairs";
    if (q.department_id) sql += " WHERE department_id = " + Bind(p, *q.department_id);
    auto rows = Query(sql, p);
    if (!rows.ok()) return rows.status();
    out.repairs_approved = rows->front().Int(0);
    out.repairs_pending = rows->front().Int(1);
  }
  {
    // The holdings_until (status, valid_until) index bounds the scan to the
    // window; SearchHoldings' expiring list uses the same two conditions.
    Params p;
    std::string sql =
        "SELECT COALESCE(SUM(CASE WHEN valid_until <= " + Bind(p, q.today) +
        " THEN 1 ELSE 0 END), 0), COUNT(*) FROM holdings WHERE status = 'valid' "
        "AND valid_until <> '' AND valid_until <= " + Bind(p, q.expiring_until);
    auto rows = Query(sql, p);
    if (!rows.ok()) return rows.status();
    out.holdings_expired = rows->front().Int(0);
    out.holdings_expiring = rows->front().Int(1);
  }
  return out;
}

}  // namespace jg::sql
