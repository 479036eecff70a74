// The stored records of enforcement: a lead (线索) found by the bureau, the
// case (案件) filed from it, and the events of the case (each transition).
// Pure data; the rules that move them are case_stage.h / case_transition.h,
// the periods deadline.h, the decision decision.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/enforcement/case_stage.h"
#include "domain/enforcement/case_transition.h"
#include "domain/enforcement/deadline.h"
#include "domain/enforcement/decision.h"

namespace jg::enforcement {

// Where a lead came from (案件线索来源).
enum class LeadSource {
  kComplaint,          // 投诉、举报
  kInspectionFinding,  // 监督检查发现 (optionally the inspection task)
  kSamplingFailure,    // 抽样检验不合格
  kTransfer,           // 移送、交办
};
std::string_view LeadSourceName(LeadSource s);  // "complaint", …
std::string_view LeadSourceLabel(LeadSource s);
std::optional<LeadSource> ParseLeadSource(std::string_view s);

enum class LeadStatus { kOpen, kFiled, kDeclined };
std::string_view LeadStatusName(LeadStatus s);  // "open", "filed", "declined"
std::optional<LeadStatus> ParseLeadStatus(std::string_view s);

struct Lead {
  Id id = 0;
  LeadSource source = LeadSource::kComplaint;
  std::optional<Id> inspection_task_id;  // inspection findings only
  std::optional<Id> entity_id;
  std::string credit_code;  // the party, when known
  std::string party_name;
  std::string description;
  Date found_on;  // 发现线索之日 (the filing period starts the next day)
  Id department_id = 0;
  bool extension_approved = false;           // 经批准延长十五个工作日
  std::vector<ExcludedInterval> excluded;    // testing, right-holder identification
  LeadStatus status = LeadStatus::kOpen;
  std::optional<NotFilingGround> decline_ground;  // 不予立案 (第二十条)
  std::string decline_reason;
  std::optional<Date> decided_on;  // the day filed or declined
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
  // Read, never written: the case it was filed into (立案), if it was.
  std::optional<Id> case_id;
  std::string case_number;
};

// 办案人员 of a case: an inspector of the roster, as they were on filing.
struct CaseOfficerRef {
  Id inspector_id = 0;
  CaseOfficer officer;
};

struct EnforcementCase {
  Id id = 0;
  std::string case_number;  // 案件编号, unique
  int case_year = 0;
  int case_seq = 0;  // the sequence of the year
  Id lead_id = 0;
  std::optional<Id> entity_id;
  std::string credit_code;
  std::string party_name;
  Id department_id = 0;
  Date filed_on;
  std::vector<CaseOfficerRef> officers;  // at least two
  CaseStage stage = CaseStage::kFiled;
  // The deadline inputs of the case decision period (第六十四条).
  bool extension_approved = false;
  std::vector<ExcludedInterval> excluded;
  // What the case record holds for the transitions (CaseRecord).
  std::optional<Date> notice_served_on;
  bool statements_waived = false;
  std::optional<Date> hearing_requested_on;
  std::optional<Date> hearing_notice_served_on;
  std::optional<Decision> decision;
  std::optional<Date> decision_served_on;
  bool execution_completed = false;
  // The provision violated and the facts recorded, for the lenient-rule matcher.
  Provision violated;
  std::map<std::string, bool> facts;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
  // The due date of the decision period while it runs, as the service computed
  // it from the record and the calendar on the last write; stored so that the
  // due= list filter is an indexed query (nullopt: no running period).
  std::optional<Date> decision_due;
};

// The CaseRecord the transition checks look at.
CaseRecord ToCaseRecord(const EnforcementCase& c);

struct CaseEvent {
  Id id = 0;
  Id case_id = 0;
  CaseStage from = CaseStage::kClue;
  CaseStage to = CaseStage::kFiled;
  CaseAction action = CaseAction::kFile;
  Date on;
  std::string by;
  std::string note;
  UnixSeconds at = 0;
};

}  // namespace jg::enforcement
