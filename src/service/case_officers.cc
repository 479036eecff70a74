#include "service/case_officers.h"

#include <set>

namespace jg {

Result<std::vector<enforcement::CaseOfficerRef>> RosterOfficers(Store& store,
                                                                const std::vector<Id>& ids) {
  std::vector<enforcement::CaseOfficerRef> out;
  std::set<Id> seen;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string field = "officer_ids[" + std::to_string(i) + "]";
    if (!seen.insert(ids[i]).second)
      return InvalidArgument("duplicate_officer", "同一执法人员不能重复列为办案人员", field);
    auto ins = store.GetInspector(ids[i]);
    if (!ins.ok()) return InvalidArgument("inspector_not_found", "执法人员名录中没有该人员", field);
    if (!ins->active)
      return InvalidArgument("inspector_inactive", ins->name + " 已不在执法人员名录中", field);
    enforcement::CaseOfficer o{ins->name, ins->certificate_no, std::nullopt};
    if (auto d = Date::Parse(ins->certificate_expires); d.ok()) o.certificate_expires = *d;
    out.push_back({ins->id, std::move(o)});
  }
  return out;
}

}  // namespace jg
