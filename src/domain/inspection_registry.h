// The two registries of 双随机、一公开 supervision: the inspection item list
// (抽查事项清单: what may be inspected, on what legal basis, by whom and how)
// and the inspector roster (执法检查人员名录库: who may inspect, for which
// items, and from which entities they must recuse).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/status.h"

namespace jg {

// 重点检查事项 or 一般检查事项.
enum class Importance { kKey, kGeneral };
std::string_view ImportanceName(Importance i);   // "key", "general"
std::string_view ImportanceLabel(Importance i);  // "重点", "一般"
std::optional<Importance> ParseImportance(std::string_view s);  // code or label

// 检查方式. The stored and API form is the Chinese term.
enum class InspectionMethod { kOnSite, kDocumentary, kOnlineMonitoring, kSampling };
std::string_view InspectionMethodName(InspectionMethod m);  // "现场检查" …
// The Chinese term, or the English code on_site, documentary, online_monitoring, sampling.
std::optional<InspectionMethod> ParseInspectionMethod(std::string_view s);

struct InspectionItem {
  Id id = 0;
  std::string code;      // e.g. "SP-001"; fixed once created
  std::string name;      // 抽查事项
  std::string sub_item;  // 检查子项
  std::string legal_basis;
  std::optional<Id> department_id;  // 检查实施主体; unset only on seeded items
  std::string target;    // 检查对象: a description or a holding kind code
  std::vector<std::string> checklist;  // 检查要点, one line each
  InspectionMethod method = InspectionMethod::kOnSite;
  Importance importance = Importance::kGeneral;
  std::string inspector_requirements;
  bool active = true;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// A declared conflict of interest: the inspector recuses from this entity.
struct InspectorConflict {
  std::string credit_code;  // normalised, valid
  std::string reason;
  std::string declared_on;  // YYYY-MM-DD
};

struct Inspector {
  Id id = 0;
  std::optional<Id> user_id;  // the account of the inspector, if any
  std::string name;
  Id department_id = 0;          // the department they belong to (scope of management)
  std::optional<Id> station_id;  // the station they work at (所所交叉)
  std::string certificate_no;    // 执法证号
  std::string certificate_expires;  // YYYY-MM-DD
  std::string available_from;    // YYYY-MM-DD or "" (no limit)
  std::string available_to;      // YYYY-MM-DD or ""
  bool active = true;
  std::vector<std::string> qualified_items;  // item codes, sorted, distinct
  std::vector<InspectorConflict> conflicts;  // by credit code
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// "^[A-Z]{1,4}-[0-9]{3}$", e.g. "SP-001".
bool IsValidInspectionItemCode(std::string_view code);

// Trims and checks every field a person supplies (the code upper-cased and
// checked, name, legal basis and target required, checklist points one line
// each). Errors name the field. Whether department_id exists is the service's.
Status NormalizeInspectionItem(InspectionItem& item);

// Trims and checks the name, certificate number (≤ 32 characters), the dates
// (certificate_expires required; available_from <= available_to), the
// qualified item codes (upper-cased, sorted, distinct) and the conflicts.
Status NormalizeInspector(Inspector& inspector);

// The credit code (GB 32100, field "credit_code"), reason and date.
Status NormalizeInspectorConflict(InspectorConflict& conflict);

// True when the certificate has not expired on `date` (YYYY-MM-DD): valid
// through its expiry day.
bool CertificateValidOn(const Inspector& inspector, std::string_view date);

// True when the inspector is active and `date` lies in the availability window.
bool AvailableOn(const Inspector& inspector, std::string_view date);

}  // namespace jg
