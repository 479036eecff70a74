// The decision due date stored with each case (cases.decision_due), so that
// GET /cases?due= is a range over an index instead of computing the countdown
// of every case. It is derived from the record (filing day, extension,
// excluded periods, stage) and the calendar, recomputed on every write of the
// case; cases written before migration 0009 are filled in on the first due=
// query. A calendar loaded with --calendar that moves a holiday takes effect
// on each case's next write (restart-time recomputation: not done).
#include <algorithm>

#include "service/case_service.h"

namespace jg {
using namespace jg::enforcement;

void CaseService::StampDecisionDue(EnforcementCase& c) const {
  // The view computes the period exactly as the API shows it; a case counts
  // for due= only while its countdown runs (as the list filtered before).
  CaseView v = ViewOf(c);
  c.decision_due = v.decision.countdown ? v.decision.due : std::nullopt;
}

Status CaseService::FillMissingDecisionDues() {
  for (;;) {
    JG_ASSIGN_OR_RETURN(auto ids, env_.store.CasesWithoutDecisionDue(500));
    if (ids.empty()) return Status::Ok();
    for (Id id : ids) {
      JG_ASSIGN_OR_RETURN(auto c, env_.store.GetCase(id));
      StampDecisionDue(c);
      JG_RETURN_IF_ERROR(env_.store.SetCaseDecisionDue(id, c.decision_due));
    }
  }
}

// overdue: due before today. approaching: due from today up to the last day
// whose countdown today says "approaching" (warn_before units of the rule,
// working days for a working-day rule) — found by asking the countdown itself.
std::pair<std::optional<Date>, std::optional<Date>> CaseService::DueRange(
    const std::string& due) const {
  Date today = Today();
  if (due == "overdue") return {std::nullopt, today.AddDays(-1)};
  std::optional<Date> last = today;
  if (const DeadlineRule* rule = rules_.deadlines.Find("case_decision")) {
    const int horizon = std::max(rule->warn_before, 0) * 3 + 31;
    for (int i = 1; i <= horizon; ++i) {
      auto d = today.AddDays(i);
      if (!d) break;
      auto cd = CountDown(calendar_, *rule, *d, today);
      if (!cd.ok() || cd->state != CountdownState::kApproaching) break;
      last = *d;
    }
  }
  return {today, last};
}

}  // namespace jg
