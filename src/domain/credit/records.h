// The stored records of credit publicity: a penalty publicity record (one
// per published-worthy case decision), the entries of the abnormal-operation
// list and the serious-violation list, and credit repair applications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/civil_date.h"
#include "domain/clock.h"
#include "domain/credit/publicity.h"
#include "domain/enforcement/decision.h"

namespace jg::credit {

// Stored states; "ended" (the period is over) is computed from the dates.
enum class PublicityStatus { kDue, kPublished, kWithdrawn, kRepaired };
std::string_view PublicityStatusName(PublicityStatus s);  // "due", "published", …
std::optional<PublicityStatus> ParsePublicityStatus(std::string_view s);

struct PublicityRecord {
  Id id = 0;
  Id case_id = 0;
  Id department_id = 0;
  std::optional<Id> entity_id;
  std::string credit_code;
  std::string party_name;
  std::string case_number;
  std::string document_number;  // 行政处罚决定书文号, when recorded on publication
  std::string violated_law;
  std::string violated_article;
  enforcement::Decision decision;  // kind, decided_on, penalties, amounts
  std::string authority;           // 作出决定的机关
  PublicityStatus status = PublicityStatus::kDue;
  std::optional<Date> published_on;
  std::optional<Date> changed_on;  // the decision was changed or revoked on
  std::optional<Date> withdrawn_on;
  std::string withdrawal_reason;
  std::optional<Date> repaired_on;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

enum class CreditList { kAbnormalOperation, kSeriousViolation };
std::string_view CreditListName(CreditList l);   // "abnormal_operation", "serious_violation"
std::string_view CreditListLabel(CreditList l);  // "经营异常名录", "严重违法失信名单"
std::optional<CreditList> ParseCreditList(std::string_view s);

struct CreditListEntry {
  Id id = 0;
  Id entity_id = 0;
  CreditList list = CreditList::kAbnormalOperation;
  Date listed_on;
  std::string reason;
  std::string basis;
  std::optional<Date> removed_on;
  std::string removal_reason;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

enum class RepairStatus { kPending, kApproved, kRefused };
std::string_view RepairStatusName(RepairStatus s);  // "pending", "approved", "refused"
std::optional<RepairStatus> ParseRepairStatus(std::string_view s);

struct CreditRepair {
  Id id = 0;
  Id publicity_id = 0;
  Id department_id = 0;  // the publicity's
  std::string applicant;       // the enterprise's person applying (staff record it)
  std::string commitment_ref;  // 信用修复承诺书 reference
  Date applied_on;
  bool obligations_performed = false;
  bool violation_corrected = false;
  RepairStatus status = RepairStatus::kPending;
  std::vector<RepairConditionState> conditions;  // as assessed when applied / decided
  std::optional<Date> decided_on;
  std::string decided_by;
  std::string refusal_reason;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

}  // namespace jg::credit
