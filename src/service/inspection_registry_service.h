// The 双随机 registries: the inspection item list (抽查事项清单), kept by the
// legal department with its history, and the inspector roster (执法检查人员
// 名录库), kept by each department for its own inspectors, with declared
// conflicts of interest (an inspector may declare their own).
#pragma once

#include <string>
#include <vector>

#include "domain/inspection_registry.h"
#include "service/service_env.h"

namespace jg {

class InspectionRegistryService {
 public:
  explicit InspectionRegistryService(ServiceEnv env) : env_(env) {}

  Result<std::vector<InspectionItem>> Items(const Actor& actor, bool include_inactive);
  Result<InspectionItem> Item(const Actor& actor, Id id);
  // Every saved version, newest first.
  Result<std::vector<InspectionItem>> ItemHistory(const Actor& actor, Id id);
  Result<InspectionItem> CreateItem(const Actor& actor, InspectionItem item);
  // Every field but the code (fixed once created); item.version is the one read.
  Result<InspectionItem> UpdateItem(const Actor& actor, Id id, InspectionItem item);

  Result<std::vector<Inspector>> Inspectors(const Actor& actor, const InspectorQuery& q);
  Result<Inspector> GetInspector(const Actor& actor, Id id);
  // `actor` null: the system itself (demo data from the command line).
  Result<Inspector> CreateInspector(const Actor* actor, Inspector inspector);
  // Replaces the qualifications; the conflicts stay. inspector.version is the one read.
  Result<Inspector> UpdateInspector(const Actor& actor, Id id, Inspector inspector);
  // Declared today (China time) by a manager of the inspector's department or
  // by the inspector the record belongs to (self-declaration).
  Result<Inspector> DeclareConflict(const Actor& actor, Id id, InspectorConflict conflict);
  Status WithdrawConflict(const Actor& actor, Id id, const std::string& credit_code);

  // Today's date in China, YYYY-MM-DD (certificate validity is judged on it).
  std::string Today() const;

 private:
  Status CheckItemReferences(const InspectionItem& item);
  Status CheckInspectorReferences(const Inspector& inspector);
  ServiceEnv env_;
};

}  // namespace jg
