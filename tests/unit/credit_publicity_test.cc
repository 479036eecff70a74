// Penalty publicity and credit repair rules against the shipped data files
// (data/credit-publicity-rules.csv, data/enforcement-deadlines.csv and the
// working-day calendar): what is published, by when, for how long, when
// repair may be applied for and each reason it is refused.
#include <gtest/gtest.h>

#include "domain/credit/publicity.h"
#include "domain/enforcement/deadline.h"
#include "enforcement_fixtures.h"

namespace jg::credit {
namespace {
using enforcement::Decision;
using enforcement::DecisionKind;
using enforcement::testing::Calendar;
using enforcement::testing::ReadSourceFile;
using enforcement::testing::Rules;

const CreditRules& Shipped() {
  static const CreditRules rules = [] {
    auto r = ParseCreditRules(ReadSourceFile("data/credit-publicity-rules.csv"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : CreditRules();
  }();
  return rules;
}

Date D(const char* s) { return Date::Parse(s).value(); }

Decision Penalty(std::vector<PenaltyType> types, Fen fine = 0,
                 DecisionKind kind = DecisionKind::kPenalty) {
  Decision d;
  d.kind = kind;
  d.decided_on = D("2023-09-20");
  d.penalties = std::move(types);
  d.fine = fine;
  return d;
}

TEST(CreditRules, ShippedFileCitesItsBasisAndSetsTheThreshold) {
  const auto& r = Shipped();
  EXPECT_EQ(r.low_fine_max, 1'000'000);  // 10,000 yuan, in fen
  EXPECT_EQ(r.short_period_months, 3);
  EXPECT_EQ(r.long_period_months, 36);
  EXPECT_EQ(r.repair_min_months, 6);
  EXPECT_EQ(r.repair_min_months_special, 12);
  EXPECT_EQ(r.conditions.size(), 6u);
  for (const auto& row : r.rows) EXPECT_FALSE(row.basis.empty()) << row.id;
  EXPECT_TRUE(r.Find("low_fine_max_yuan")->to_confirm);  // the province sets it
}

TEST(CreditRules, BrokenFilesAreRefusedNamingLineAndColumn) {
  std::string text = ReadSourceFile("data/credit-publicity-rules.csv");
  struct Case {
    std::string from, to, says;
  } cases[] = {
      {"not_published_alone,warning,", "not_published_alone,warnings,", "warnings"},
      {"repair_min_months,6,", "repair_min_months,0,", "「0」应为 1–120"},
      {"repair_conditions,obligations_performed;", "repair_conditions,paid;", "paid"},
      {"published_decisions,penalty;reduced_penalty,", "published_decisions,penalty;pardon,", "pardon"},
      {"short_period_months,3,", "shorter_period_months,3,", "shorter_period_months"},
  };
  for (const auto& c : cases) {
    std::string broken = text;
    auto at = broken.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    broken.replace(at, c.from.size(), c.to);
    auto r = ParseCreditRules(broken);
    ASSERT_FALSE(r.ok()) << c.to;
    EXPECT_EQ(r.status().reason(), "credit_rules_syntax");
    EXPECT_NE(r.status().message().find(c.says), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("行"), std::string::npos) << r.status().message();
  }
  // A rule left out.
  std::string missing = text;
  auto at = missing.find("repair_min_months_special,");
  missing.erase(at, missing.find('\n', at) - at + 1);
  auto r = ParseCreditRules(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("repair_min_months_special"), std::string::npos);
}

TEST(CreditPublicity, WhichDecisionsArePublished) {
  struct Case {
    Decision d;
    bool published;
    const char* reason_has;
  } cases[] = {
      {Penalty({PenaltyType::kWarning}), false, "仅给予警告"},
      {Penalty({PenaltyType::kWarning, PenaltyType::kFine}, 50000), true, ""},
      {Penalty({PenaltyType::kFine}, 50000), true, ""},
      {Penalty({PenaltyType::kCirculatedCriticism}, 0, DecisionKind::kReducedPenalty), true, ""},
      {Penalty({}, 0, DecisionKind::kNoPenalty), false, "不予行政处罚"},
      {Penalty({}, 0, DecisionKind::kTransferToPolice), false, "移送公安机关"},
      {Penalty({}, 0, DecisionKind::kWithdrawal), false, "撤销立案"},
  };
  for (const auto& c : cases) {
    auto need = NeedsPublicity(Shipped(), c.d);
    EXPECT_EQ(need.required, c.published) << need.reason;
    EXPECT_NE(need.reason.find(c.reason_has), std::string::npos) << need.reason;
    if (!c.published) {
      EXPECT_NE(need.reason.find("第45号"), std::string::npos) << need.reason;
    }
  }
}

TEST(CreditPublicity, PeriodIsThreeMonthsForCriticismOrALowFineElseThreeYears) {
  struct Case {
    Decision d;
    int months;
  } cases[] = {
      {Penalty({PenaltyType::kCirculatedCriticism}), 3},
      {Penalty({PenaltyType::kFine}, 1'000'000), 3},  // 10,000 yuan: the threshold, inclusive
      {Penalty({PenaltyType::kFine}, 1'000'001), 36},
      {Penalty({PenaltyType::kWarning, PenaltyType::kFine}, 50000), 3},
      {Penalty({PenaltyType::kCirculatedCriticism, PenaltyType::kFine}, 20000), 3},
      {Penalty({PenaltyType::kFine, PenaltyType::kConfiscateIllegalGains}, 50000), 36},
      {Penalty({PenaltyType::kRevokeLicence}), 36},
      {Penalty({PenaltyType::kWarning, PenaltyType::kOrderSuspension}), 36},
  };
  for (const auto& c : cases) {
    auto p = PeriodOf(Shipped(), c.d);
    EXPECT_EQ(p.months, c.months) << p.reason;
    EXPECT_EQ(p.short_period, c.months == 3);
    EXPECT_NE(p.reason.find("第十三条"), std::string::npos) << p.reason;
  }
  // From the day of publication, to the corresponding day.
  EXPECT_EQ(PublicityLastDay(Shipped(), Penalty({PenaltyType::kFine}, 100), D("2023-11-30")),
            D("2024-02-29"));
  EXPECT_EQ(PublicityLastDay(Shipped(), Penalty({PenaltyType::kRevokeLicence}), D("2024-02-29")),
            D("2027-02-28"));
}

TEST(CreditPublicity, MonthsEndOnTheCorrespondingDayOrTheMonthEnd) {
  struct Case {
    const char* from;
    int months;
    const char* to;
  } cases[] = {
      {"2023-08-31", 6, "2024-02-29"}, {"2023-08-31", 18, "2025-02-28"},
      {"2023-01-31", 1, "2023-02-28"}, {"2023-12-15", 3, "2024-03-15"},
      {"2023-10-31", 2, "2023-12-31"}, {"2023-11-14", 36, "2026-11-14"},
  };
  for (const auto& c : cases) EXPECT_EQ(AddMonths(D(c.from), c.months), D(c.to)) << c.from;
}

TEST(CreditPublicity, PublicationAndWithdrawalDueInWorkingDaysAcrossHolidays) {
  const auto* publish = Rules().Find("publicity");
  const auto* withdraw = Rules().Find("publicity_withdrawal");
  ASSERT_TRUE(publish && withdraw);
  struct Case {
    const enforcement::DeadlineRule* rule;
    const char* start;
    const char* due;
  } cases[] = {
      // 20 working days across 国庆 2023 (09-29..10-06 off, 10-07 and 10-08 worked).
      {publish, "2023-09-20", "2023-10-24"},
      // Across 春节 2023 (01-21..27 off, 01-28 and 01-29 worked).
      {publish, "2023-01-19", "2023-02-21"},
      // 3 working days: 09-28, then the worked weekend 10-07 and 10-08.
      {withdraw, "2023-09-27", "2023-10-08"},
      // Friday → Wednesday.
      {withdraw, "2023-11-10", "2023-11-15"},
  };
  for (const auto& c : cases) {
    auto due = enforcement::ComputeDueDate(Calendar(), *c.rule, {D(c.start), false, {}});
    ASSERT_TRUE(due.ok()) << due.status().ToString();
    EXPECT_EQ(*due, D(c.due)) << c.rule->id << " from " << c.start;
  }
}

TEST(CreditRepair, MinimumPeriodIsSixMonthsOrAYearForFoodDrugsAndSpecialEquipment) {
  const auto& r = Shipped();
  EXPECT_EQ(RepairEligibleFrom(r, "《中华人民共和国广告法》", D("2023-08-31")), D("2024-03-01"));
  EXPECT_EQ(RepairEligibleFrom(r, "《中华人民共和国食品安全法》", D("2023-08-31")), D("2024-09-01"));
  EXPECT_EQ(RepairEligibleFrom(r, "中华人民共和国药品管理法", D("2023-03-10")), D("2024-03-11"));
  EXPECT_EQ(RepairEligibleFrom(r, "《中华人民共和国特种设备安全法》", D("2023-03-10")), D("2024-03-11"));
  EXPECT_TRUE(IsSpecialSector(r, "《中华人民共和国疫苗管理法》"));
  EXPECT_FALSE(IsSpecialSector(r, "《中华人民共和国反不正当竞争法》"));
}

RepairFacts Eligible() {
  RepairFacts f;
  f.decision = Penalty({PenaltyType::kFine}, 2'000'000);
  f.violated_law = "《中华人民共和国广告法》";
  f.published_on = D("2023-08-31");
  f.applied_on = D("2024-03-01");
  f.obligations_performed = true;
  f.violation_corrected = true;
  f.commitment_ref = "承诺书〔2024〕7号";
  return f;
}

TEST(CreditRepair, EachConditionIsCheckedAndTheFirstUnmetIsTheReason) {
  auto ok = AssessRepair(Shipped(), Eligible());
  EXPECT_TRUE(ok.eligible) << ok.refusal;
  EXPECT_EQ(ok.conditions.size(), 8u);
  for (const auto& c : ok.conditions) {
    EXPECT_TRUE(c.met) << RepairConditionName(c.condition);
    EXPECT_FALSE(c.basis.empty()) << RepairConditionName(c.condition);
  }

  struct Case {
    const char* name;
    void (*change)(RepairFacts&);
    RepairCondition unmet;
    const char* reason_has;
  } cases[] = {
      {"a day early", [](RepairFacts& f) { f.applied_on = D("2024-02-29"); },
       RepairCondition::kMinimumPeriod, "2024-03-01 起可申请"},
      {"food: a year", [](RepairFacts& f) { f.violated_law = "《中华人民共和国食品安全法》"; },
       RepairCondition::kMinimumPeriod, "食品、药品、特种设备领域公示满12个月"},
      {"revoked licence",
       [](RepairFacts& f) { f.decision.penalties.push_back(PenaltyType::kRevokeLicence); },
       RepairCondition::kPenaltyEligible, "吊销许可证件"},
      {"suspension", [](RepairFacts& f) { f.decision.penalties = {PenaltyType::kOrderSuspension}; },
       RepairCondition::kPenaltyEligible, "责令停产停业"},
      {"restricted practice",
       [](RepairFacts& f) { f.decision.penalties = {PenaltyType::kRestrictEmployment}; },
       RepairCondition::kPenaltyEligible, "限制从业"},
      {"lowered qualification",
       [](RepairFacts& f) { f.decision.penalties = {PenaltyType::kLowerQualification}; },
       RepairCondition::kPenaltyEligible, "降低资质等级"},
      {"obligations", [](RepairFacts& f) { f.obligations_performed = false; },
       RepairCondition::kObligationsPerformed, "未履行"},
      {"not corrected", [](RepairFacts& f) { f.violation_corrected = false; },
       RepairCondition::kViolationCorrected, "未纠正"},
      {"new penalty",
       [](RepairFacts& f) {
         f.new_penalty_in_window = true;
         f.new_penalty_detail = "沪市监嘉处〔2024〕第000009号";
       },
       RepairCondition::kNoNewPenalty, "第000009号"},
      {"no commitment", [](RepairFacts& f) { f.commitment_ref.clear(); },
       RepairCondition::kCommitmentSubmitted, "未提交信用修复承诺书"},
      {"abnormal list", [](RepairFacts& f) { f.abnormal_list_reason = "通过登记的住所无法联系"; },
       RepairCondition::kNotOnAbnormalList, "经营异常名录"},
      {"serious list", [](RepairFacts& f) { f.serious_list_reason = "两年内三次以上同类处罚"; },
       RepairCondition::kNotOnSeriousList, "严重违法失信名单"},
  };
  for (const auto& c : cases) {
    RepairFacts f = Eligible();
    c.change(f);
    auto a = AssessRepair(Shipped(), f);
    EXPECT_FALSE(a.eligible) << c.name;
    EXPECT_NE(a.refusal.find(c.reason_has), std::string::npos) << c.name << ": " << a.refusal;
    int unmet = 0;
    for (const auto& s : a.conditions) {
      if (!s.met) {
        ++unmet;
        EXPECT_EQ(s.condition, c.unmet) << c.name;
      }
    }
    EXPECT_EQ(unmet, 1) << c.name;
  }
}

}  // namespace
}  // namespace jg::credit
