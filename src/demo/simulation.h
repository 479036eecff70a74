// Internal to jianguan demo-data (district_history.h): the discrete-event
// simulation that drives the services. Events run in date order on a manual
// clock; an event may schedule later ones (a case's next step).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "demo/calibration.h"
#include "demo/demo_district.h"
#include "demo/demo_random.h"
#include "demo/district_history.h"
#include "domain/calendar.h"
#include "domain/civil_date.h"
#include "domain/clock.h"
#include "service/case_records_service.h"
#include "service/case_service.h"
#include "service/credit_service.h"
#include "service/entity_service.h"
#include "service/holding_service.h"
#include "service/inspection_registry_service.h"
#include "service/lenient_rule_service.h"
#include "service/plan_service.h"

namespace jg::demo {

// What a finished case was decided, for the quotas of the report's figures.
enum class DemoDecision { kPenalty, kReduced, kNoPenalty, kTransfer };

// One 普通程序 case to be run: its kind, when each step happens, who it is
// against. Filled in before the run (dates) and during it (ids, versions).
struct DemoCase {
  DemoDecision decision = DemoDecision::kPenalty;
  Date found_on, filed_on;
  std::vector<std::pair<enforcement::CaseAction, Date>> steps;  // after filing, in order
  std::vector<int> gaps;  // working days before each step, until the dates are set
  Id department_id = 0;
  int entity = -1;            // index into Simulation::entities_, -1 = a citizen
  bool from_inspection = false;  // the lead is an inspection task's finding (task set at run time)
  bool repairable = false;    // its publicity is later repaired (a fine over the low amount)
  Id task_id = 0;
  Id party_entity_id = 0;  // 0 = not an entity of the directory
  std::string party_code, party_name;
  Id lead_id = 0, case_id = 0;
  std::int64_t version = 0;
  int law = 0;                // index into the violated-provision table
  std::int64_t fine_fen = 0;
  bool warning_only = false;
};

// One inspection of a plan as planned: the day and the result.
struct DemoSlot {
  Date day;
  InspectionOutcome outcome = InspectionOutcome::kNoProblem;
  int demo_case = -1;  // index into cases_ when the result files a case
};

struct DemoPlan {
  InspectionPlan plan;
  Date created_on, draw_on, publish_on;
  std::vector<DemoSlot> slots;  // size = the plan's total draw
};

class Simulation {
 public:
  Simulation(Store& tx, ManualClock& clock, const Calibration& cal, const DemoOptions& o);
  Result<DemoSummary> Run();

 private:
  using Step = std::function<Status()>;
  struct Event {
    std::int64_t day;
    int order;
    std::int64_t seq;
    Step run;
  };
  struct Later {
    bool operator()(const Event& a, const Event& b) const {
      if (a.day != b.day) return a.day > b.day;
      if (a.order != b.order) return a.order > b.order;
      return a.seq > b.seq;
    }
  };
  // Schedules `run` on `day`; within a day lower `order` first.
  void At(Date day, int order, Step run);
  Status RunEvents();
  Date Wd(Date d, int n) const;       // n working days after d (n >= 0: rolls to a working day)
  Date RandomWorkday(Date from, Date to);
  Date Ymd(int y, int m, int d) const;

  // simulation.cc
  Status Setup();
  Status Roster();
  Result<std::vector<FigureCheck>> Check();

  // simulation_directory.cc
  Status PlanDirectory();
  Status ImportEntities(const std::vector<int>& which);
  Status Licence(int entity, Date on, bool alcohol);
  Status Register(int entity, RegistrationKind kind, Date on);

  // simulation_inspections.cc
  Status PlanInspections(int year, std::int64_t tasks, std::int64_t problems, std::int64_t cases_filed);
  Status CreatePlan(DemoPlan& p);
  Status DrawPlan(DemoPlan& p);
  Status RecordResult(DemoPlan& p, Id task_id, std::int64_t version, const DemoSlot& slot);

  // simulation_cases.cc
  Status PlanCases();
  void ScheduleCase(int index);
  Status StartCase(int index);
  Status CaseStep(int index, std::size_t step);
  Status PublishPublicity(int index);
  Status PlanRepairsAndReviews();
  std::vector<DemoDecision> DecisionPool(int year, int size);
  void MakeSteps(DemoCase& c, bool long_investigation);
  Date FiledWithin(DemoCase& c, Date earliest, Date latest, bool decide_next_year, bool close_this_year);

  Store& tx_;
  ManualClock& clock_;
  const Calibration& cal_;
  DemoOptions o_;
  DemoRandom rng_;
  const WorkCalendar& calendar_;
  ServiceEnv env_;
  EntityService entities_svc_;
  HoldingService holdings_;
  InspectionRegistryService registry_;
  PlanService plans_;
  LenientRuleService lenient_;
  CaseService cases_svc_;
  CreditService credit_;
  CaseRecordsService records_;
  Actor admin_, leader_, legal_;

  std::priority_queue<Event, std::vector<Event>, Later> events_;
  std::int64_t seq_ = 0;
  std::int64_t day_seq_ = 0;
  std::int64_t current_day_ = 0;

  std::map<std::string, Id> dept_;  // code → id
  std::map<Id, std::vector<Id>> officers_;  // department → inspectors on the roster
  std::vector<DemoEntity> entities_;
  std::vector<Id> entity_ids_;      // parallel to entities_, 0 until imported
  std::vector<DemoPlan> plans_list_;
  std::vector<DemoCase> cases_;
  std::vector<enforcement::LenientRule> no_penalty_rules_, reduced_rules_;
  DemoSummary summary_;
  int licence_serial_ = 0;
  int beihongqiao_new_ = 0;
  std::map<std::string, std::vector<std::string>> checklists_;  // item code → its points
};

}  // namespace jg::demo
