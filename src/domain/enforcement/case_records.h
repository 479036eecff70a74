// Records kept alongside a case: the documents issued (文书), the custody
// register of seized property (涉案物资) with its movements and final
// disposal, and administrative reconsideration and litigation (行政复议、
// 行政诉讼) against the case's decision. Pure data and the small rules on them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/civil_date.h"
#include "domain/clock.h"
#include "domain/enforcement/case_document.h"
#include "domain/enforcement/deadline.h"

namespace jg::enforcement {

// One issued document; `html` is exactly what was issued (re-prints show it).
struct CaseDocument {
  Id id = 0;
  Id case_id = 0;
  DocumentKind kind = DocumentKind::kFilingApproval;
  std::string number;
  int year = 0;
  int sequence = 0;  // per kind and year, from 1, no gaps
  Date generated_on;
  UnixSeconds generated_at = 0;
  std::string generated_by;
  std::string html;  // empty in lists
};

// ---- 涉案物资 -----------------------------------------------------------------

enum class MovementKind {
  kTransferred,      // 移交保管 (another location and/or custodian)
  kSentForTesting,   // 送检
  kReturnedFromTesting,  // 检测完毕返还
};
std::string_view MovementKindName(MovementKind k);   // "transferred", …
std::string_view MovementKindLabel(MovementKind k);  // "移交保管", …
std::optional<MovementKind> ParseMovementKind(std::string_view s);

enum class DisposalKind {
  kReturned,              // 解除扣押，退还当事人
  kConfiscatedDestroyed,  // 没收并销毁
  kAuctioned,             // 依法拍卖
  kTransferredWithCase,   // 随案移送
};
std::string_view DisposalKindName(DisposalKind k);
std::string_view DisposalKindLabel(DisposalKind k);
std::optional<DisposalKind> ParseDisposalKind(std::string_view s);

struct SeizedItemMovement {
  Id id = 0;
  Id item_id = 0;
  MovementKind kind = MovementKind::kTransferred;
  Date on;
  std::string location;   // where it is after the movement
  std::string custodian;  // who holds it after the movement
  std::string note;
  UnixSeconds at = 0;
  std::string by;
};

struct SeizedItem {
  Id id = 0;
  Id case_id = 0;
  std::string name;      // 物品名称
  std::string quantity;  // decimal text, e.g. "12.5"
  std::string unit;      // 件, 箱, 千克
  std::string location;  // where it is kept now
  std::string custodian; // who keeps it now
  Date seized_on;
  bool extension_approved = false;  // 经行政机关负责人批准延长三十日
  std::optional<DisposalKind> disposal;
  std::optional<Date> disposed_on;
  std::string disposal_approved_by;  // 批准人
  std::string disposal_note;
  std::vector<SeizedItemMovement> movements;  // oldest first, append-only
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// The testing intervals (检测期间) from the movements: from each 送检 day to
// the matching return day, or to `today` while the item is still out.
std::vector<ExcludedInterval> TestingIntervals(const SeizedItem& item, Date today);

// Checks the register fields; errors name the field (name, quantity, unit,
// location, custodian).
Status ValidateSeizedItem(const SeizedItem& item);

// Whether `m` may follow the item's movements: a return only while out for
// testing, no second 送检 while out, nothing before seizure or the last
// movement, nothing once disposed. Errors name the field.
Status CheckMovement(const SeizedItem& item, const SeizedItemMovement& m);

// ---- 行政复议、行政诉讼 --------------------------------------------------------

enum class ReviewKind { kReconsideration, kLitigation };
std::string_view ReviewKindName(ReviewKind k);   // "reconsideration", "litigation"
std::string_view ReviewKindLabel(ReviewKind k);  // "行政复议", "行政诉讼"
std::optional<ReviewKind> ParseReviewKind(std::string_view s);

// Outcome codes per kind: reconsideration upheld / corrected / revoked /
// confirmed_illegal / withdrawn; litigation won / lost / withdrawn / mediated.
const std::vector<std::string_view>& ReviewOutcomes(ReviewKind k);
std::string_view ReviewOutcomeLabel(ReviewKind k, std::string_view outcome);  // "" if unknown

struct CaseReview {
  Id id = 0;
  Id case_id = 0;
  ReviewKind kind = ReviewKind::kReconsideration;
  Date filed_on;
  std::string body;     // 复议机关 / 法院
  std::string outcome;  // "" while pending
  std::optional<Date> decided_on;
  std::string note;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// Outcome of the kind, decided_on exactly when there is an outcome and not
// before filed_on; body required. Errors name the field.
Status ValidateReview(const CaseReview& r);

}  // namespace jg::enforcement
