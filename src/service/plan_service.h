// 双随机、一公开 plans end to end: draft, approve, publish the commitment of
// the draw, draw (commit–reveal or a public value), recuse, record results,
// publish them, count them. Every write is checked, transactional and
// audited; a draw is recorded whole or not at all and never re-rolled.
#pragma once

#include <string>
#include <vector>

#include "domain/calendar.h"
#include "domain/inspection_plan.h"
#include "domain/problem_rate_estimate.h"
#include "domain/permissions.h"
#include "domain/task_attachment.h"
#include "service/service_env.h"

namespace jg {

// The stratified estimate of one drawn plan's population problem rate.
struct PlanEstimate {
  Id plan_id = 0;
  std::string plan_name;
  Id lead_department_id = 0;
  std::vector<std::string> item_codes;
  ProblemRateEstimate estimate;
};

struct PlanStats {
  InspectionCounts total;
  std::vector<InspectionCounts> by_department;  // key: lead department id
  std::vector<InspectionCounts> by_month;       // key: YYYY-MM of the inspection
  std::vector<InspectionCounts> by_street;      // key: the entity's 街镇 ("" = none)
  std::vector<InspectionCounts> by_risk;        // key: credit-risk class at the draw ("" = none)
  std::vector<InspectionCounts> by_item;        // key: inspection item code
  std::vector<PlanEstimate> estimates;          // drawn plans with results, by plan id
};

// Eligible entities per stratum of a frozen snapshot (plan_draw.cc).
std::vector<std::pair<std::string, std::int64_t>> StratumPopulations(const draw::Snapshot& eligible);

class PlanService {
 public:
  PlanService(ServiceEnv env, const WorkCalendar& calendar) : env_(env), calendar_(calendar) {}

  Result<std::vector<InspectionPlan>> Plans(const Actor& actor, const PlanQuery& q);
  Result<InspectionPlan> Plan(const Actor& actor, Id id);
  // A new plan, as a draft of the lead department.
  Result<InspectionPlan> Create(const Actor& actor, InspectionPlan plan);
  // Drafts only; plan.version is the one read.
  Result<InspectionPlan> Update(const Actor& actor, Id id, InspectionPlan plan);
  Result<InspectionPlan> Approve(const Actor& actor, Id id, std::int64_t version);
  // Any state before publication. Open tasks are cancelled with the plan;
  // a recorded draw stays on record (and public) with the reason.
  Result<InspectionPlan> Cancel(const Actor& actor, Id id, std::int64_t version,
                                const std::string& reason);
  // Freezes the eligible population, the parameters and the inspector pool,
  // and publishes the commitment (with SM3 of a fresh secret seed, or the
  // named public value). Approved plans only.
  Result<PlanDraw> Commit(const Actor& actor, Id id, std::int64_t version);
  // Runs the committed draw: reveals the secret seed, or takes the public
  // value (`public_seed`, required then and refused otherwise). Creates one
  // task per drawn entity, all in one transaction.
  Result<PlanDraw> Draw(const Actor& actor, Id id, std::int64_t version,
                        const std::string& public_seed);
  // Replaces one inspector of a task by a further deterministic draw, recorded
  // in the draw file's [recusals] section.
  Result<InspectionTask> Recuse(const Actor& actor, Id task_id, Id inspector_id,
                                const std::string& reason);
  // All tasks must have a result. Due within 20 working days of the period's end.
  Result<InspectionPlan> Publish(const Actor& actor, Id id, std::int64_t version);

  // The draw record; the secret seed is blanked unless the draw has run.
  Result<PlanDraw> DrawRecord(const Actor* actor, Id plan_id);

  Result<std::vector<InspectionTask>> Tasks(const Actor& actor, TaskQuery q);
  // How many tasks Tasks(q) lists over all pages.
  Result<std::int64_t> CountTasks(const Actor& actor, const TaskQuery& q);
  // The inspector account's own tasks (empty if the account is not on the roster).
  Result<std::vector<InspectionTask>> MyTasks(const Actor& actor, std::optional<TaskStatus> status);
  Result<InspectionTask> Task(const Actor& actor, Id id);
  // By one of the task's inspectors, or a holder of inspection_results.record
  // over the plan's lead department. task.version is the one read.
  Result<InspectionTask> RecordResult(const Actor& actor, Id task_id, InspectionTask result);
  // 一公开: corrects a published result (the lead department, with a note that
  // is published with it); the previous results stay in the history.
  Result<InspectionTask> CorrectResult(const Actor& actor, Id task_id, InspectionTask result,
                                       const std::string& note);
  // Every result recorded for the task, oldest first.
  Result<std::vector<TaskResultRecord>> ResultHistory(const Actor& actor, Id task_id);

  // ---- photos and files of a task's result (plan_attachments.cc) ----
  // Seen and added by whoever may record the result (RecordResult's rule);
  // once the results are published, added and withdrawn only by the lead
  // department (CorrectResult's rule). A withdrawal keeps the file.
  Result<std::vector<TaskAttachment>> Attachments(const Actor& actor, Id task_id);
  // With its bytes; withdrawn ones too (they stay part of the record).
  Result<TaskAttachment> Attachment(const Actor& actor, Id task_id, Id attachment_id);
  Result<TaskAttachment> AddAttachment(const Actor& actor, Id task_id, const std::string& name,
                                       const std::string& bytes);
  Result<TaskAttachment> WithdrawAttachment(const Actor& actor, Id task_id, Id attachment_id);

  Result<PlanStats> Stats(const Actor& actor, int year);

  // ---- public (no login) ----
  // Plans whose commitment is published (committed and later), newest first.
  Result<std::vector<InspectionPlan>> PublicPlans(std::optional<int> year);
  Result<InspectionPlan> PublicPlan(Id id);
  // The results of `plan` (as PublicPlan returned it) once published; none before.
  Result<std::vector<InspectionTask>> PublicResults(const InspectionPlan& plan);
  Result<std::vector<InspectionTask>> PublicResultsOfEntity(Id entity_id);

  // The last day to publish results (20 working days after period_to,
  // 企业信息公示暂行条例 第六条), "" if the calendar does not cover it.
  std::string PublicationDue(const InspectionPlan& plan) const;
  std::string Today() const;

 private:
  Status RequireManage(const Actor& actor, const InspectionPlan& plan);
  // RecordResult's rule: one of the task's inspectors, or a holder of
  // inspection_results.record over the plan's lead department.
  Status RequireResultWriter(const Actor& actor, const InspectionTask& task,
                             const InspectionPlan& plan);
  // The task, once `actor` may change its attachments now.
  Result<InspectionTask> LoadForAttachmentChange(const Actor& actor, Id task_id);
  Status CheckChecklistOf(const InspectionPlan& plan, const InspectionTask& task);
  Status ApplyResult(const InspectionPlan& plan, const InspectionTask& result, InspectionTask& task);
  Status SaveResult(const Actor& actor, const char* action, const InspectionTask& before,
                    InspectionTask& task, const std::string& detail);
  // The plan, once `actor` holds `p` over its lead department, at `version`
  // (permission first, so a caller without it learns nothing of the record).
  Result<InspectionPlan> LoadForChange(const Actor& actor, Permission p, Id id,
                                       std::int64_t version);
  Status CheckReferences(const InspectionPlan& plan);
  ServiceEnv env_;
  const WorkCalendar& calendar_;
};

}  // namespace jg
