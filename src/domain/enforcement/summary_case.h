// A decision made on the spot under the summary procedure (简易程序, 当场处罚,
// 《行政处罚法》第五十一条、第五十二条): a warning or a small fine, decided by
// at least two certified officers, numbered per year in the bureau's format,
// then paid and filed with the officers' department (备案). Pure data; the
// limits are CheckSummaryProcedure (decision.h), the officers
// CheckOfficerCertificates (case_transition.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/enforcement/case_file.h"
#include "domain/enforcement/decision.h"
#include "domain/enforcement/lenient_rules.h"

namespace jg::enforcement {

struct SummaryCase {
  Id id = 0;
  std::string decision_number;  // 当场行政处罚决定书编号, unique
  int decision_year = 0;
  int decision_seq = 0;  // gap-free within the year
  PartyKind party_kind = PartyKind::kCitizen;
  std::string party_name;
  std::optional<Id> entity_id;  // when the party is in the directory
  std::string credit_code;
  Id department_id = 0;  // the officers' department (备案 goes to it)
  std::string place;     // 地点
  std::string facts;     // 违法事实
  Provision violated;    // 违反的规定
  std::vector<PenaltyType> penalties;  // warning and/or fine
  Fen fine = 0;
  Date decided_on;
  std::vector<CaseOfficerRef> officers;  // at least two, certified on decided_on
  std::optional<Date> paid_on;                   // 罚款缴纳之日
  std::optional<Date> filed_with_department_on;  // 报所属部门备案之日
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// The decision CheckSummaryProcedure looks at.
inline Decision SummaryDecision(const SummaryCase& s) {
  Decision d;
  d.kind = DecisionKind::kPenalty;
  d.decided_on = s.decided_on;
  d.penalties = s.penalties;
  d.fine = s.fine;
  return d;
}

}  // namespace jg::enforcement
