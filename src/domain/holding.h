// What an entity holds that is regulated (DESIGN.md's `Holding`): a licence,
// later a piece of special equipment or a measuring instrument. Kinds are
// data (holding_kinds table), not code: each names its identifier rule and the
// attributes it carries, e.g. a food operation licence's business items with
// 含酒类 (the report's "二证合一").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/status.h"

namespace jg {

struct HoldingKind {
  std::string code;             // e.g. "food_operation_licence"
  std::string name;             // 食品经营许可证
  std::string category;         // licence | equipment | instrument
  std::string identifier_rule;  // "jy14" (JY + 14 digits), "drug_retail", "xk", or "free"
  std::string legal_basis;      // regulation and article
  std::vector<std::string> attribute_keys;  // attributes this kind carries
};

enum class HoldingStatus { kValid, kSuspended, kRevoked, kCancelled };
std::string_view HoldingStatusName(HoldingStatus s);   // "valid" …
std::string_view HoldingStatusLabel(HoldingStatus s);  // "有效" …
std::optional<HoldingStatus> ParseHoldingStatus(std::string_view s);

struct Holding {
  Id id = 0;
  std::string kind;  // HoldingKind::code
  std::string identifier;
  Id entity_id = 0;
  std::string valid_from;   // YYYY-MM-DD
  std::string valid_until;  // YYYY-MM-DD; "" = no expiry
  HoldingStatus status = HoldingStatus::kValid;
  // Kind-specific attributes; a key may hold several values (business items).
  std::multimap<std::string, std::string> attributes;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// Checks the identifier against the kind's rule, the dates (from <= until),
// and that every attribute key is one the kind declares. Errors name the field.
Status NormalizeHolding(const HoldingKind& kind, Holding& h);

// 食品经营许可证编号: "JY" + 14 digits (business form 1, province 2, city 2,
// county 2, serial 6, check 1). The check digit's algorithm is not public, so
// only the shape and the form digit (1–3) are checked.
Status CheckFoodLicenceNumber(std::string_view number);

// Expiry as seen on `today` (YYYY-MM-DD): "expired", "expiring" (within
// `window_days`), or "" when in force with time to spare or without expiry.
std::string ExpiryState(const Holding& h, std::string_view today, int window_days);

}  // namespace jg
