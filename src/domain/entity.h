// A market entity (市场主体) of the directory (检查对象名录库), identified by its
// unified social credit code. Inspections, cases and holdings hang on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/status.h"

namespace jg {

enum class EntityKind { kEnterprise, kIndividual, kCooperative, kBranch };
enum class EntityStatus { kActive, kDeregistered, kRevoked, kMovedOut };
// 信用风险分类: A low … D high; kNone until the entity is classified.
enum class RiskClass { kNone, kA, kB, kC, kD };

std::string_view EntityKindName(EntityKind k);      // "enterprise" …
std::string_view EntityKindLabel(EntityKind k);     // "企业" …
std::optional<EntityKind> ParseEntityKind(std::string_view s);  // code or Chinese label
std::string_view EntityStatusName(EntityStatus s);  // "active" …
std::string_view EntityStatusLabel(EntityStatus s); // "存续" …
std::optional<EntityStatus> ParseEntityStatus(std::string_view s);
std::string_view RiskClassName(RiskClass r);        // "" or "A".."D"
std::optional<RiskClass> ParseRiskClass(std::string_view s);  // "" -> kNone

struct Entity {
  Id id = 0;
  std::string credit_code;  // normalised, valid (or allow-listed)
  std::string name;
  EntityKind kind = EntityKind::kEnterprise;
  std::string legal_representative;
  std::string address;
  std::string street;  // 街镇, e.g. 江桥镇
  std::optional<Id> station_id;  // the 市场监管所 in charge
  std::string industry;          // GB/T 4754-2017 code, e.g. "F5223"
  std::string registered_on;     // YYYY-MM-DD, may be empty
  EntityStatus status = EntityStatus::kActive;
  RiskClass risk_class = RiskClass::kNone;
  std::string risk_classified_on;  // YYYY-MM-DD of the classification
  std::vector<std::string> tags;   // e.g. 重点监管
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// One version of an entity as it was saved (the history shown on its profile).
struct EntityVersion {
  Entity entity;  // the state at that version
  std::string source;  // "edit", "create", "import"
};

// Checks and normalises every field a person or a file supplies: the credit
// code (GB 32100), name, dates, industry code, tags. Errors name the field.
Status NormalizeEntity(Entity& e);

// GB/T 4754-2017: a section letter A–T, optionally with 2, 3 or 4 digits.
bool IsValidIndustryCode(std::string_view code);

// The lower-cased (ASCII) form of a name or query used for substring search,
// so both stores compare the same bytes.
std::string SearchFold(std::string_view text);
// Distinct two-code-point grams of the folded text: the search index keys.
// A one-code-point text has none.
std::vector<std::string> NameBigrams(std::string_view text);

// Splits "a;b；c" (half- or full-width semicolons, or commas) into trimmed tags.
std::vector<std::string> SplitTags(std::string_view text);

}  // namespace jg
