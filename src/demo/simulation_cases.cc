// 普通程序 cases of the two years, run step by step through CaseService:
// lead, 立案, 调查, 法制审核, 告知, 决定, 送达, 执行, 结案. The groups are sized
// so that the cases filed and closed in each year, and the decisions of the
// calibrated year by kind, are the targets; penalties are published and some
// of last year's are repaired; a few decisions are contested and upheld.
#include <algorithm>
#include <cmath>
#include <set>

#include "demo/simulation.h"

namespace jg::demo {
namespace {

using enforcement::CaseAction;

struct DemoLaw {
  const char* law;
  const char* article;
  const char* conduct;
  bool special;  // 食品、药品、特种设备: repair after 12 months, not 6
};
const std::vector<DemoLaw>& Laws() {
  static const std::vector<DemoLaw> v = {
      {"《中华人民共和国食品安全法》", "第一百二十四条", "经营超过保质期的食品", true},
      {"《中华人民共和国食品安全法》", "第一百二十六条", "未按规定查验记录进货", true},
      {"《中华人民共和国广告法》", "第五十五条", "发布虚假广告", false},
      {"《中华人民共和国价格法》", "第四十二条", "不执行明码标价规定", false},
      {"《中华人民共和国产品质量法》", "第四十九条", "销售不合格产品", false},
      {"《中华人民共和国反不正当竞争法》", "第二十条", "对商品作虚假宣传", false},
      {"《中华人民共和国消费者权益保护法》", "第五十六条", "侵害消费者合法权益", false},
      {"《中华人民共和国药品管理法》", "第一百二十九条", "从无资质的企业购进药品", true},
      {"《中华人民共和国商标法》", "第六十条", "销售侵犯注册商标专用权的商品", false},
  };
  return v;
}

}  // namespace

// The steps after filing, as working-day gaps; dates come later. Cases that
// run over the new year investigate longer (up to the 90 days of 第六十四条),
// so that they are filed through the autumn rather than all in December.
void Simulation::MakeSteps(DemoCase& c, bool long_investigation) {
  c.steps.clear();
  c.gaps.clear();
  auto step = [&](CaseAction a, int lo, int hi) {
    c.steps.emplace_back(a, Date());
    c.gaps.push_back(rng_.Between(lo, hi));
  };
  step(CaseAction::kInvestigate, 1, 2);
  switch (c.decision) {
    case DemoDecision::kPenalty:
    case DemoDecision::kReduced:
      step(CaseAction::kSubmitForReview, 8, long_investigation ? 42 : 20);
      step(CaseAction::kNotify, 2, 5);
      step(CaseAction::kDecide, 7, 10);  // after the 5 working days for statements
      step(CaseAction::kServe, 1, 3);
      step(CaseAction::kExecute, 3, 10);
      step(CaseAction::kClose, 1, 4);
      break;
    case DemoDecision::kNoPenalty:
      step(CaseAction::kSubmitForReview, 8, long_investigation ? 50 : 20);
      step(CaseAction::kDecide, 2, 5);
      step(CaseAction::kServe, 1, 3);
      step(CaseAction::kClose, 1, 4);
      break;
    case DemoDecision::kTransfer:
      step(CaseAction::kDecide, 8, long_investigation ? 50 : 20);
      step(CaseAction::kClose, 1, 5);
      break;
  }
}

// Picks a filing day in [earliest, latest] (or keeps c.filed_on if set) so
// that the decision falls in the year after filing when `decide_next_year`,
// and the closing step within the filing year when `close_this_year`; turns
// the gaps of c.steps into dates. A Date() result means no day fits.
Date Simulation::FiledWithin(DemoCase& c, Date earliest, Date latest, bool decide_next_year,
                             bool close_this_year) {
  std::vector<int> gaps = c.gaps;
  const bool fixed = c.filed_on != Date();
  for (int attempt = 0; attempt < 400; ++attempt) {
    Date f = fixed ? c.filed_on : RandomWorkday(earliest, latest);
    Date d = f;
    Date decided;
    std::vector<Date> dates;
    for (std::size_t k = 0; k < gaps.size(); ++k) {
      d = Wd(d, gaps[k]);
      dates.push_back(d);
      if (c.steps[k].first == CaseAction::kDecide) decided = d;
    }
    bool ok = (!decide_next_year || decided.year() == f.year() + 1) &&
              (!close_this_year || dates.back().year() == f.year()) &&
              (!c.repairable || decided <= Ymd(o_.year - 1, 10, 31));
    if (!ok && fixed) {
      // An inspection's case: shorten the gaps rather than move the day.
      // (A decision after 告知 keeps the 5 working days for statements.)
      for (std::size_t k = 0; k < gaps.size(); ++k) {
        const bool after_notice = c.steps[k].first == CaseAction::kDecide && k > 0 &&
                                  c.steps[k - 1].first == CaseAction::kNotify;
        gaps[k] = std::max(after_notice ? 7 : 1, gaps[k] / 2);
      }
      continue;
    }
    if (!ok) continue;
    c.filed_on = f;
    for (std::size_t k = 0; k < dates.size(); ++k) c.steps[k].second = dates[k];
    return f;
  }
  return Date();
}

std::vector<DemoDecision> Simulation::DecisionPool(int year, int size) {
  // The calibrated year: its targets; other years: the same shares.
  const std::int64_t full = std::max<std::int64_t>(1, cal_.Get("cases_closed", o_.year, 1));
  auto share = [&](const char* fig, double fallback) {
    return static_cast<double>(cal_.Get(fig, o_.year, std::llround(fallback * full))) / full;
  };
  std::int64_t transfers, none, reduced;
  if (year == o_.year) {
    transfers = cal_.Get("transfers_to_police", year, size / 200);
    none = cal_.Get("no_penalty", year, size / 5);
    reduced = cal_.Get("reduced_penalty", year, size / 3);
  } else {
    transfers = std::llround(size * share("transfers_to_police", 0.005) * 0.8);
    none = std::llround(size * share("no_penalty", 0.2) * 0.8);
    reduced = std::llround(size * share("reduced_penalty", 0.3) * 0.85);
  }
  std::vector<DemoDecision> pool;
  for (std::int64_t k = 0; k < transfers; ++k) pool.push_back(DemoDecision::kTransfer);
  for (std::int64_t k = 0; k < none; ++k) pool.push_back(DemoDecision::kNoPenalty);
  for (std::int64_t k = 0; k < reduced; ++k) pool.push_back(DemoDecision::kReduced);
  while (static_cast<int>(pool.size()) < size) pool.push_back(DemoDecision::kPenalty);
  pool.resize(static_cast<std::size_t>(size));
  rng_.Shuffle(pool);
  return pool;
}

Status Simulation::PlanCases() {
  const int y = o_.year;
  const std::int64_t filed = cal_.Get("cases_filed", y, 0);
  const std::int64_t closed = cal_.Get("cases_closed", y, 0);
  const std::int64_t filed_before = cal_.Get("cases_filed", y - 1, std::llround(filed / 1.17));
  const std::int64_t closed_before = cal_.Get("cases_closed", y - 1, std::llround(closed / 1.33));
  // Filed the year before and closed in this one: a quarter of that year's.
  std::int64_t carry = std::llround(filed_before * 0.25);
  carry = std::max(carry, filed_before - closed_before);  // nothing from two years back can be negative
  const std::int64_t b = filed_before - carry;   // filed and closed the year before
  const std::int64_t k21 = closed_before - b;     // filed two years back, closed the year before
  const std::int64_t d = closed - carry;          // filed and closed this year
  const std::int64_t e = filed - d;               // filed this year, closed the next
  std::int64_t insp_now = 0, insp_before = 0;
  for (const auto& c : cases_) (c.found_on.year() == y ? insp_now : insp_before)++;
  if (k21 < 0 || d < insp_now || e < 0 || b < insp_before)
    return InvalidArgument("demo_targets_inconsistent",
                           "立案数与结案数的目标不相容（结案数须在跨年结转后可达）", "calibration");

  // Decisions: this year's are those of the cases closed in it.
  std::vector<int> this_year;  // indices of cases decided in y
  std::vector<int> before;     // decided in y-1
  const std::size_t from_inspections = cases_.size();
  for (std::size_t i = 0; i < from_inspections; ++i)
    (cases_[i].found_on.year() == y ? this_year : before).push_back(static_cast<int>(i));
  auto add = [&](std::int64_t count, int group, std::vector<int>* decided_in) {
    for (std::int64_t k = 0; k < count; ++k) {
      DemoCase c;
      c.law = group;  // the group, until the law is chosen below
      cases_.push_back(c);
      if (decided_in) decided_in->push_back(static_cast<int>(cases_.size() - 1));
    }
  };
  // Groups in cases_[from_inspections…]: 0 = k21, 1 = b, 2 = carry, 3 = d, 4 = e.
  add(k21, 0, &before);
  add(b - insp_before, 1, &before);
  add(carry, 2, &this_year);
  add(d - insp_now, 3, &this_year);
  add(e, 4, nullptr);
  auto pool_now = DecisionPool(y, static_cast<int>(this_year.size()));
  for (std::size_t k = 0; k < this_year.size(); ++k) cases_[this_year[k]].decision = pool_now[k];
  auto pool_before = DecisionPool(y - 1, static_cast<int>(before.size()));
  for (std::size_t k = 0; k < before.size(); ++k) cases_[before[k]].decision = pool_before[k];
  {
    auto pool_next = DecisionPool(y + 1, static_cast<int>(e));
    std::size_t k = 0;
    for (std::size_t i = from_inspections; i < cases_.size(); ++i)
      if (cases_[i].law == 4) cases_[i].decision = pool_next[k++];
  }

  // Repairs of the calibrated year: penalties of the year before, fined
  // above the low amount (published for three years), outside the food and
  // drug laws (repair after six months), against distinct parties.
  const std::int64_t repairs = cal_.Get("credit_repairs", y, 0);
  std::int64_t marked = 0;
  for (std::size_t i = from_inspections; i < cases_.size() && marked < repairs; ++i) {
    if (cases_[i].law != 1) continue;
    cases_[i].decision = DemoDecision::kPenalty;
    cases_[i].repairable = true;
    ++marked;
  }
  if (marked < repairs)
    return InvalidArgument("demo_targets_inconsistent", "上一年度的案件不足以产生信用修复目标", "calibration");

  // Parties: entities of the directory set up before the history starts,
  // each repaired party used once only.
  std::vector<int> parties;
  for (std::size_t i = 0; i < entities_.size(); ++i) {
    if (entities_[i].status == "存续" && entities_[i].registered_on < std::to_string(y - 2) + "-10-01")
      parties.push_back(static_cast<int>(i));
  }
  if (parties.size() < static_cast<std::size_t>(repairs) + 10)
    return InvalidArgument("demo_too_small", "市场主体数过少", "entities");
  rng_.Shuffle(parties);
  std::size_t reserved = static_cast<std::size_t>(repairs);  // parties[0, repairs) are the repaired ones
  std::size_t next_repaired = 0;

  for (std::size_t i = 0; i < cases_.size(); ++i) {
    DemoCase& c = cases_[i];
    const int group = i < from_inspections ? (c.found_on.year() == y ? 3 : 1) : c.law;
    // The violated provision: a lenient rule's for a no-penalty decision.
    if (c.repairable) {
      do c.law = static_cast<int>(rng_.Below(Laws().size())); while (Laws()[c.law].special);
      c.entity = parties[next_repaired++];
    } else {
      c.law = static_cast<int>(rng_.Below(Laws().size()));
      if (!c.from_inspection)
        c.entity = rng_.PerMille(900) ? parties[reserved + rng_.Below(parties.size() - reserved)] : -1;
    }
    if (c.decision == DemoDecision::kPenalty) {
      int r = rng_.Between(0, 999);
      c.warning_only = !c.repairable && r < 120;
      c.fine_fen = c.warning_only ? 0
                   : c.repairable  ? 100 * rng_.Between(20000, 100000)
                   : r < 700       ? 100 * rng_.Between(2000, 10000)
                                   : 100 * rng_.Between(10001, 200000);
    } else if (c.decision == DemoDecision::kReduced) {
      c.fine_fen = 100 * rng_.Between(1000, 30000);
    }
    MakeSteps(c, group == 0 || group == 2 || group == 4);
    Date ok;
    switch (group) {
      case 0:  // filed two years back, decided and closed the year before
        ok = FiledWithin(c, Ymd(y - 2, 10, 8), Ymd(y - 2, 12, 31), true, false);
        break;
      case 1:
        if (c.from_inspection) c.filed_on = Wd(c.found_on, rng_.Between(3, 8));
        ok = FiledWithin(c, Ymd(y - 1, 1, 4), Ymd(y - 1, 12, 31), false, true);
        break;
      case 2:
        ok = FiledWithin(c, Ymd(y - 1, 9, 1), Ymd(y - 1, 12, 31), true, false);
        break;
      case 3:
        if (c.from_inspection) c.filed_on = Wd(c.found_on, rng_.Between(3, 8));
        ok = FiledWithin(c, Ymd(y, 1, 3), Ymd(y, 12, 31), false, true);
        break;
      default:
        ok = FiledWithin(c, Ymd(y, 9, 1), Ymd(y, 12, 31), true, false);
    }
    if (ok == Date())
      return Internal("无法为第 " + std::to_string(i) + " 件演示案件排定日期");
    if (!c.from_inspection) c.found_on = *c.filed_on.AddDays(-rng_.Between(2, 12));
    // The department: the station in charge of the party, else the brigade.
    if (!c.from_inspection) {
      std::string code = c.entity >= 0 && rng_.PerMille(750) ? entities_[c.entity].station : "ZFDD";
      c.department_id = dept_.at(code);
    }
    ScheduleCase(static_cast<int>(i));
  }
  return Status::Ok();
}

void Simulation::ScheduleCase(int i) {
  At(cases_[i].found_on, 4, [this, i] { return StartCase(i); });
}

Status Simulation::StartCase(int i) {
  DemoCase& c = cases_[i];
  const DemoLaw& law = Laws()[c.law];
  enforcement::Lead l;
  if (c.from_inspection) {
    l.source = enforcement::LeadSource::kInspectionFinding;
    l.inspection_task_id = c.task_id;
  } else {
    int r = rng_.Between(0, 999);
    l.source = r < 600   ? enforcement::LeadSource::kComplaint
               : r < 800 ? enforcement::LeadSource::kInspectionFinding
               : r < 900 ? enforcement::LeadSource::kSamplingFailure
                         : enforcement::LeadSource::kTransfer;
    if (c.entity >= 0) {
      c.party_entity_id = entity_ids_[c.entity];
      c.party_code = entities_[c.entity].credit_code;
      c.party_name = entities_[c.entity].name;
    } else {
      c.party_name = PersonName(rng_);
    }
  }
  if (c.party_entity_id) {
    l.entity_id = c.party_entity_id;
    l.credit_code = c.party_code;
  }
  l.party_name = c.party_name;
  l.description = std::string("涉嫌") + law.conduct;
  l.found_on = c.found_on;
  l.department_id = c.department_id;
  JG_ASSIGN_OR_RETURN(auto lead, cases_svc_.CreateLead(admin_, l));
  c.lead_id = lead.lead.id;
  c.version = lead.lead.version;
  At(c.filed_on, 5, [this, i]() -> Status {
    DemoCase& c = cases_[i];
    FilingRequest f;
    f.version = c.version;
    auto officers = officers_[c.department_id];
    if (officers.size() < 2) officers = officers_[dept_.at("ZFDD")];
    rng_.Shuffle(officers);
    f.officer_ids = {officers[0], officers[1]};
    const DemoLaw& law = Laws()[c.law];
    f.violated = {law.law, law.article};
    if (c.decision == DemoDecision::kNoPenalty) {
      const auto& rule = no_penalty_rules_[static_cast<std::size_t>(i) % no_penalty_rules_.size()];
      if (rule.provision.law != "*") f.violated = rule.provision;
    }
    JG_ASSIGN_OR_RETURN(auto v, cases_svc_.FileLead(leader_, c.lead_id, f));
    c.case_id = v.record.id;
    c.version = v.record.version;
    At(c.steps[0].second, 6, [this, i] { return CaseStep(i, 0); });
    return Status::Ok();
  });
  return Status::Ok();
}

Status Simulation::CaseStep(int i, std::size_t k) {
  DemoCase& c = cases_[i];
  const auto [action, day] = c.steps[k];
  TransitionRequest t;
  t.version = c.version;
  t.action = action;
  const Actor* who = &admin_;
  switch (action) {
    case CaseAction::kNotify:
      t.notice_served_on = day;
      break;
    case CaseAction::kDecide: {
      who = &leader_;
      enforcement::Decision d;
      d.decided_on = day;
      switch (c.decision) {
        case DemoDecision::kPenalty:
          d.kind = enforcement::DecisionKind::kPenalty;
          if (c.warning_only) {
            d.penalties = {enforcement::PenaltyType::kWarning};
          } else {
            d.penalties = {enforcement::PenaltyType::kFine};
            d.fine = c.fine_fen;
          }
          break;
        case DemoDecision::kReduced:
          d.kind = enforcement::DecisionKind::kReducedPenalty;
          d.penalties = {enforcement::PenaltyType::kFine};
          d.fine = c.fine_fen;
          d.reduction_ground = reduced_rules_.empty()
                                   ? "《中华人民共和国行政处罚法》第三十二条第（一）项"
                                   : reduced_rules_[static_cast<std::size_t>(i) % reduced_rules_.size()].id;
          break;
        case DemoDecision::kNoPenalty:
          d.kind = enforcement::DecisionKind::kNoPenalty;
          d.lenient_rule_id = no_penalty_rules_[static_cast<std::size_t>(i) % no_penalty_rules_.size()].id;
          break;
        case DemoDecision::kTransfer:
          d.kind = enforcement::DecisionKind::kTransferToPolice;
          d.receiving_unit = "上海市公安局嘉定分局";
          d.transferred_on = day;
          break;
      }
      t.decision = d;
      break;
    }
    case CaseAction::kServe:
      t.decision_served_on = day;
      break;
    case CaseAction::kExecute:
      t.execution_completed = true;
      break;
    default:
      break;
  }
  JG_ASSIGN_OR_RETURN(auto v, cases_svc_.Transition(*who, c.case_id, t));
  c.version = v.record.version;
  if (action == CaseAction::kDecide &&
      (c.decision == DemoDecision::kReduced || (c.decision == DemoDecision::kPenalty && !c.warning_only)))
    At(Wd(day, rng_.Between(2, 10)), 7, [this, i] { return PublishPublicity(i); });
  if (k + 1 < c.steps.size()) At(c.steps[k + 1].second, 6, [this, i, k] { return CaseStep(i, k + 1); });
  return Status::Ok();
}

Status Simulation::PublishPublicity(int i) {
  DemoCase& c = cases_[i];
  PublicityQuery q;
  q.case_id = c.case_id;
  JG_ASSIGN_OR_RETURN(auto records, tx_.ListPublicity(q));
  if (records.empty()) return Status::Ok();  // the rules publish nothing for it
  const auto& p = records.front();
  PublishRequest r;
  r.version = p.version;
  r.document_number = "沪市监嘉处〔" + std::to_string(p.decision.decided_on.year()) + "〕" +
                      std::to_string(100000 + i) + "号";
  JG_RETURN_IF_ERROR(credit_.Publish(admin_, p.id, r).status());
  if (!c.repairable) return Status::Ok();
  // Six months of publication, then the application, then the decision.
  const Date today = DateInChina(clock_.Now());
  Date apply = std::max(*today.AddDays(190 + rng_.Between(0, 60)), Ymd(o_.year, 2, 1));
  apply = Wd(apply, 0);
  Date decide = Wd(apply, rng_.Between(3, 10));
  Id publicity = p.id;
  At(apply, 8, [this, i, publicity, decide]() -> Status {
    RepairApplication a;
    a.publicity_id = publicity;
    a.applicant = cases_[i].party_name;
    a.commitment_ref = "信用修复承诺书（" + cases_[i].party_name + "）";
    a.obligations_performed = true;
    a.violation_corrected = true;
    JG_ASSIGN_OR_RETURN(auto view, credit_.Apply(admin_, a));
    Id id = view.repair.id;
    std::int64_t version = view.repair.version;
    At(decide, 8, [this, id, version]() -> Status {
      RepairDecision dd;
      dd.version = version;
      dd.approve = true;
      JG_RETURN_IF_ERROR(credit_.Decide(leader_, id, dd).status());
      ++summary_.repairs;
      return Status::Ok();
    });
    return Status::Ok();
  });
  return Status::Ok();
}

// 行政复议 and 行政诉讼 against decisions of the year: all upheld or won (the
// report's 零纠错、零败诉), a few withdrawn.
Status Simulation::PlanRepairsAndReviews() {
  const int y = o_.year;
  std::vector<int> contested;
  for (std::size_t i = 0; i < cases_.size(); ++i) {
    const DemoCase& c = cases_[i];
    if (c.decision != DemoDecision::kPenalty || c.warning_only) continue;
    for (const auto& [a, day] : c.steps)
      if (a == CaseAction::kServe && day.year() == y && day <= Ymd(y, 9, 30)) contested.push_back(static_cast<int>(i));
  }
  rng_.Shuffle(contested);
  const auto recon = std::min<std::size_t>(contested.size(), static_cast<std::size_t>(std::max<long>(1, std::lround(12 * cal_.scale))));
  const auto lit = std::min<std::size_t>(contested.size() - recon, static_cast<std::size_t>(std::max<long>(1, std::lround(4 * cal_.scale))));
  for (std::size_t k = 0; k < recon + lit; ++k) {
    const int i = contested[k];
    const bool reconsideration = k < recon;
    Date served;
    for (const auto& [a, day] : cases_[i].steps)
      if (a == CaseAction::kServe) served = day;
    Date filed = Wd(served, rng_.Between(10, 35));
    Date decided = Wd(filed, reconsideration ? rng_.Between(25, 45) : rng_.Between(40, 55));
    At(filed, 9, [this, i, reconsideration, filed, decided]() -> Status {
      enforcement::CaseReview r;
      r.kind = reconsideration ? enforcement::ReviewKind::kReconsideration : enforcement::ReviewKind::kLitigation;
      r.filed_on = filed;
      r.body = reconsideration ? "上海市嘉定区人民政府" : "上海市嘉定区人民法院";
      JG_ASSIGN_OR_RETURN(auto created, records_.CreateReview(legal_, cases_[i].case_id, r));
      At(decided, 9, [this, created, reconsideration]() mutable -> Status {
        created.outcome = rng_.PerMille(850) ? (reconsideration ? "upheld" : "won") : "withdrawn";
        created.decided_on = DateInChina(clock_.Now());
        return records_.UpdateReview(legal_, created.id, created).status();
      });
      return Status::Ok();
    });
  }
  return Status::Ok();
}

}  // namespace jg::demo
