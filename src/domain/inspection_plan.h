// 双随机、一公开 plans (抽查计划) and the inspection tasks a draw creates.
// A plan names the eligible population (filters over the directory), its
// strata with a count or a ratio each, the exclusions, and the inspector
// rules; it is drafted, approved, committed (the draw's commitment is
// published), drawn, and its results are published. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/draw/draw.h"
#include "domain/entity.h"
#include "domain/status.h"

namespace jg {

// draft → approved → committed → drawn → published; any state before
// published → cancelled (with a reason; a cancelled draw is never re-rolled:
// a new draw needs a new plan and a new commitment).
enum class PlanStatus { kDraft, kApproved, kCommitted, kDrawn, kPublished, kCancelled };
std::string_view PlanStatusName(PlanStatus s);   // "draft" …
std::string_view PlanStatusLabel(PlanStatus s);  // "草稿" …
std::optional<PlanStatus> ParsePlanStatus(std::string_view s);

// Who may be drawn: active (存续) entities matching every set filter.
struct PlanPopulation {
  std::optional<EntityKind> kind;
  std::string street;           // 街镇, exact
  std::optional<Id> station_id; // the station in charge
  std::string industry_prefix;  // GB/T 4754 prefix
  std::string tag;              // e.g. 重点监管
  std::string holding_kind;     // holds a valid holding of this kind
  std::string holding_item;     // …whose business items include this (e.g. 含酒类)
};

struct InspectionPlan {
  Id id = 0;
  std::string name;          // e.g. 2023年嘉定区食品经营者双随机抽查（第一批）
  int year = 0;
  std::string period_from;   // YYYY-MM-DD: inspections happen in [from, to]
  std::string period_to;
  Id lead_department_id = 0;
  std::vector<Id> member_department_ids;  // 部门联合抽查: the participating units
  std::vector<std::string> item_codes;    // inspection items, sorted, distinct
  PlanPopulation population;
  std::vector<draw::StratumRule> strata;  // by risk class "A".."D", "" = unclassified
  int exclude_recent_months = 0;  // skip entities randomly inspected in the last N months (0 = off)
  int max_per_year = 0;           // skip entities already drawn this many times this year (0 = off)
  int per_entity = 2;             // inspectors per entity, at least 2
  std::uint64_t workload_cap = 0; // open tasks an inspector may hold (0 = no cap)
  bool cross_station = false;     // 所所交叉
  draw::SeedMode seed_mode = draw::SeedMode::kCommitReveal;
  std::string seed_source;        // public-value: the named public value fixed in advance
  PlanStatus status = PlanStatus::kDraft;
  std::string approved_by;
  UnixSeconds approved_at = 0;
  std::string cancel_reason;
  UnixSeconds published_at = 0;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;

  bool joint() const { return !member_department_ids.empty(); }
};

// The commitment and draw of a plan, as recorded (table plan_draws).
struct PlanDraw {
  Id plan_id = 0;
  std::string commitment_id;
  std::string commitment_text;  // draw::CommitmentText: what the id is the SM3 of
  UnixSeconds committed_at = 0;
  std::string committed_by;
  std::string secret_seed_hex;  // commit–reveal secret: internal until the draw
  std::string input_file;       // the frozen input as a draw file, no seed, no result (public)
  std::string seed_hex;         // the seed used, once drawn
  std::string draw_file;        // the complete verification file, once drawn
  UnixSeconds drawn_at = 0;
  std::string drawn_by;
  bool drawn() const { return !draw_file.empty(); }
};

// Trims and checks every field a person supplies; errors name the field.
// Stratum rules are canonicalised (sorted, distinct strata, ratios in ppm).
Status NormalizePlan(InspectionPlan& plan);

// The free-text exclusions line written into the draw file, e.g.
// "已注销、吊销、迁出的主体；近6个月内已被随机抽查的主体".
std::string ExclusionsText(const InspectionPlan& plan);

// The first day of the window of `exclude_recent_months` before period_from
// (period_from minus N months, clamped to the month's end), "" when off.
std::string RecentSince(const InspectionPlan& plan);

// The result of one inspection (检查结果), as published.
enum class InspectionOutcome {
  kNoProblem,     // 未发现问题
  kCorrected,     // 发现问题已责令改正
  kCaseFiled,     // 发现问题移送立案
  kProblemOther,  // 发现问题，待后续处理
  kUnreachable,   // 通过登记的住所（经营场所）无法联系
  kNotOperating,  // 未发现开展本次抽查涉及的经营活动
  kUncooperative, // 不配合检查 (itself a finding: counts as a problem)
};
std::string_view InspectionOutcomeName(InspectionOutcome o);   // "no_problem" …
std::string_view InspectionOutcomeLabel(InspectionOutcome o);  // "未发现问题" …
std::optional<InspectionOutcome> ParseInspectionOutcome(std::string_view s);
// Counts towards the discovery rate (问题发现率).
bool IsProblem(InspectionOutcome o);

// How serious a problem found is (问题严重程度): required with every problem outcome.
enum class FindingSeverity { kMinor, kModerate, kSerious };
std::string_view FindingSeverityName(FindingSeverity s);   // "minor", "moderate", "serious"
std::string_view FindingSeverityLabel(FindingSeverity s);  // "一般", "较重", "严重"
std::optional<FindingSeverity> ParseFindingSeverity(std::string_view s);

// One point of an item's checklist (检查要点) as the inspector found it.
enum class ChecklistAnswer { kConform, kNonconform, kNotApplicable };
std::string_view ChecklistAnswerName(ChecklistAnswer a);   // "conform", "nonconform", "not_applicable"
std::string_view ChecklistAnswerLabel(ChecklistAnswer a);  // "符合", "不符合", "不涉及"
std::optional<ChecklistAnswer> ParseChecklistAnswer(std::string_view s);
struct ChecklistMark {
  std::string item_code;
  std::string point;  // the checklist line, as the item has it
  ChecklistAnswer answer = ChecklistAnswer::kConform;
  friend bool operator==(const ChecklistMark&, const ChecklistMark&) = default;
};

enum class TaskStatus { kAssigned, kDone, kCancelled };
std::string_view TaskStatusName(TaskStatus s);
std::optional<TaskStatus> ParseTaskStatus(std::string_view s);

// One drawn entity of a plan, with its inspectors and, once inspected, its result.
struct InspectionTask {
  Id id = 0;
  Id plan_id = 0;
  Id entity_id = 0;
  std::string credit_code;
  std::string entity_name;  // read-only, joined
  std::string stratum;
  std::vector<Id> inspector_ids;  // current, after recusals
  TaskStatus status = TaskStatus::kAssigned;
  std::optional<InspectionOutcome> outcome;
  std::string findings;      // 检查情况 / 发现的问题, free text
  std::optional<FindingSeverity> severity;  // with a problem outcome only
  std::vector<ChecklistMark> checklist;     // the points of the plan's items, or none
  std::string inspected_on;  // YYYY-MM-DD
  // A result corrected after publication: the day and the note published with it.
  std::string corrected_on;
  std::string correction_note;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// One result as it was recorded (task_result_history): the first, each change
// before publication, and each correction after it (with its note).
struct TaskResultRecord {
  Id task_id = 0;
  std::int64_t version = 0;  // the task's version this result became
  InspectionOutcome outcome = InspectionOutcome::kNoProblem;
  std::string findings;
  std::string inspected_on;
  std::optional<FindingSeverity> severity;
  UnixSeconds recorded_at = 0;
  std::string recorded_by;
  std::string correction_note;  // "" = before publication
};

// Checks a result before it is recorded: an outcome, the date inside the
// plan's period and not after `today`, findings required when a problem was
// found. Errors name the field.
Status CheckTaskResult(const InspectionPlan& plan, InspectionTask& task, std::string_view today);

// The checklist of a result against the points of the plan's items (item
// code → its checklist lines): none at all, or every point exactly once and
// nothing else; a point found 不符合 needs a problem outcome, and a problem
// found (other than 不配合检查) with a checklist needs a point 不符合.
// Errors name the field "checklist".
Status CheckChecklist(const std::vector<std::pair<std::string, std::vector<std::string>>>& points,
                      const InspectionTask& task);

}  // namespace jg
