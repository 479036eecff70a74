#include "domain/enforcement/case_file.h"

#include <array>

namespace jg::enforcement {
namespace {
struct Named {
  std::string_view code;
  std::string_view label;
};
constexpr std::array<Named, 4> kSources = {{{"complaint", "投诉、举报"},
                                            {"inspection_finding", "监督检查发现"},
                                            {"sampling_failure", "抽样检验不合格"},
                                            {"transfer", "移送、交办"}}};
constexpr std::array<std::string_view, 3> kLeadStatuses = {"open", "filed", "declined"};
}  // namespace

std::string_view LeadSourceName(LeadSource s) { return kSources[static_cast<int>(s)].code; }
std::string_view LeadSourceLabel(LeadSource s) { return kSources[static_cast<int>(s)].label; }
std::optional<LeadSource> ParseLeadSource(std::string_view s) {
  for (std::size_t i = 0; i < kSources.size(); ++i) {
    if (kSources[i].code == s) return static_cast<LeadSource>(i);
  }
  return std::nullopt;
}

std::string_view LeadStatusName(LeadStatus s) { return kLeadStatuses[static_cast<int>(s)]; }
std::optional<LeadStatus> ParseLeadStatus(std::string_view s) {
  for (std::size_t i = 0; i < kLeadStatuses.size(); ++i) {
    if (kLeadStatuses[i] == s) return static_cast<LeadStatus>(i);
  }
  return std::nullopt;
}

CaseRecord ToCaseRecord(const EnforcementCase& c) {
  CaseRecord r;
  r.stage = c.stage;
  for (const auto& o : c.officers) r.officers.push_back(o.officer);
  r.notice_served_on = c.notice_served_on;
  r.statements_waived = c.statements_waived;
  r.hearing_requested_on = c.hearing_requested_on;
  r.hearing_notice_served_on = c.hearing_notice_served_on;
  r.decision = c.decision;
  r.decision_served_on = c.decision_served_on;
  r.execution_completed = c.execution_completed;
  return r;
}

}  // namespace jg::enforcement
