// Statutory periods of an enforcement case: the shipped rule table
// (data/enforcement-deadlines.csv) and the due dates it gives on the shipped
// 2023 calendar, worked out by hand (docs/enforcement.md shows the counting).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "domain/enforcement/deadline.h"
#include "enforcement_fixtures.h"

namespace jg::enforcement {
namespace {

using testing::Calendar;
using testing::D;
using testing::Rule;
using testing::Rules;
using testing::Ymd;

Result<Date> Due(std::string_view rule, std::string_view start, bool extended = false,
                 std::vector<ExcludedInterval> excluded = {}) {
  return ComputeDueDate(Calendar(), Rule(rule), DeadlineInput{D(start), extended, excluded});
}

// ---- The shipped table ------------------------------------------------------

TEST(DeadlineRules, ShippedTableCitesEveryPeriod) {
  for (const char* id : {"filing_decision", "case_decision", "legal_review", "seizure",
                         "statement_window", "hearing_notice", "decision_service", "publicity",
                         "publicity_withdrawal", "limitation", "limitation_serious"}) {
    const DeadlineRule& r = Rule(id);
    EXPECT_FALSE(r.basis.empty()) << id;
    EXPECT_FALSE(r.start_event.empty()) << id;
  }
  const DeadlineRule& filing = Rule("filing_decision");
  EXPECT_EQ(filing.length, 15);
  EXPECT_EQ(filing.unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(filing.extension, 15);
  EXPECT_NE(filing.basis.find("第十八条"), std::string::npos);
  EXPECT_EQ(filing.excluded_kinds,
            (std::vector<ExcludedKind>{ExcludedKind::kTesting,
                                       ExcludedKind::kRightHolderIdentification}));
  const DeadlineRule& decision = Rule("case_decision");
  EXPECT_EQ(decision.length, 90);
  EXPECT_EQ(decision.unit, PeriodUnit::kCalendarDays);
  EXPECT_EQ(decision.extension, 30);
  EXPECT_EQ(decision.excluded_kinds.size(), 6u);
  EXPECT_NE(decision.basis.find("第六十四条"), std::string::npos);
  EXPECT_TRUE(Rule("legal_review").to_confirm);
  EXPECT_FALSE(Rule("seizure").to_confirm);
  EXPECT_NE(Rule("seizure").basis.find("行政强制法》第二十五条"), std::string::npos);
  EXPECT_EQ(Rule("statement_window").effect, PeriodEffect::kWaitingPeriod);
  EXPECT_EQ(Rule("statement_window").unit, PeriodUnit::kWorkingDays);
  EXPECT_EQ(Rule("decision_service").length, 7);
  EXPECT_NE(Rule("publicity").basis.find("第45号）第九条"), std::string::npos);
  EXPECT_EQ(Rule("limitation").unit, PeriodUnit::kYears);
  EXPECT_EQ(Rule("limitation_serious").length, 5);
  EXPECT_EQ(Rules().Find("no_such_rule"), nullptr);
}

TEST(DeadlineRules, ParserNamesLineAndColumn) {
  const std::string header =
      "# comment\n"
      "id,name,start_event,effect,length,unit,extension,extension_approver,excluded_kinds,"
      "warn_before,basis,to_confirm\n";
  const std::string good =
      "a,名称,立案之日,deadline,90,calendar_days,30,负责人,testing,5,依据,no\n";
  ASSERT_TRUE(ParseDeadlineRules(header + good).ok());
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {header + good + "b,名称,立案之日,deadline,0,calendar_days,0,,,5,依据,no\n",
       "第 4 行：第 5 列（length）"},
      {header + "a,名称,立案之日,deadline,9,weeks,0,,,5,依据,no\n", "第 3 行：第 6 列（unit）"},
      {header + "a,名称,立案之日,deadline,9,calendar_days,5,,,5,依据,no\n",
       "第 8 列（extension_approver）：可以延长的期限须写明由谁批准延长"},
      {header + "a,名称,立案之日,deadline,9,calendar_days,0,,testing;holiday,5,依据,no\n",
       "第 9 列（excluded_kinds）：未知的不计入期间种类「holiday」"},
      {header + "a,名称,立案之日,deadline,9,calendar_days,0,,testing;;hearing,5,依据,no\n",
       "分号之间缺少条目"},
      {header + "a,名称,立案之日,deadline,2,years,0,,testing,5,依据,no\n", "以年计的期限"},
      {header + "a,名称,立案之日,later,9,calendar_days,0,,,5,依据,no\n", "第 4 列（effect）"},
      {header + "a,名称,立案之日,deadline,9,calendar_days,0,,,5,,no\n",
       "第 11 列（basis）：不能为空"},
      {header + "a,名称,立案之日,deadline,9,calendar_days,0,,,5,依据,maybe\n",
       "第 12 列（to_confirm）"},
      {header + "A-1,名称,立案之日,deadline,9,calendar_days,0,,,5,依据,no\n", "第 1 列（id）"},
      {header + good + good, "第 4 行：第 1 列（id）：「a」已在第 3 行定义"},
      {header + "a,名称,立案之日,deadline,9\n", "第 3 行：应有 12 列，实有 5 列"},
      {header + "a,\"名称,立案之日\n", "第 3 行：第 2 列：引号没有闭合"},
      {header + "a,名\"称,立案之日,deadline,9,calendar_days,0,,,5,依据,no\n",
       "第 2 列：引号位置不正确"},
      {"id,name\n" + good, "第 1 行：表头第 3 列应为「start_event」"},
      {header, "文件没有任何记录"},
      {"", "文件没有表头行"},
      {header + "a,\xff,立案之日\n", "第 3 行：不是有效的 UTF-8"},
  };
  for (const Case& c : cases) {
    Result<DeadlineRules> r = ParseDeadlineRules(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().reason(), "deadline_rules_syntax");
    EXPECT_EQ(r.status().field(), "deadline_rules");
    EXPECT_NE(r.status().message().find(c.message), std::string::npos)
        << r.status().message() << " / wanted: " << c.message;
  }
  // BOM, CRLF and quoted cells with commas are accepted.
  Result<DeadlineRules> r = ParseDeadlineRules(
      "\xEF\xBB\xBF" + header +
      "a,\"名称，含\"\"引号\"\",x\",立案之日,deadline,9,calendar_days,0,,,5,依据,no\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rules[0].name, "名称，含\"引号\",x");
}

// ---- Working days across 春节 2023 (holidays 01-21..27; 01-28, 01-29 worked) --

TEST(DueDate, FilingDecisionAcrossSpringFestival2023) {
  // Lead found Fri 2023-01-13: 01-16..20 = 1..5; 01-21..27 off; Sat 01-28 = 6,
  // Sun 01-29 = 7; 01-30..02-03 = 8..12; 02-06, 07, 08 = 13, 14, 15.
  EXPECT_EQ(Ymd(Due("filing_decision", "2023-01-13")), "2023-02-08");
  // +15 with approval: 02-09..02-28 = 16..29 (02-11/12, 18/19, 25/26 off), 03-01 = 30.
  EXPECT_EQ(Ymd(Due("filing_decision", "2023-01-13", true)), "2023-03-01");
}

TEST(DueDate, FilingDecisionWithOverlappingExcludedPeriods) {
  // Testing 01-30..02-03 and right-holder identification 02-02..02-07 overlap on
  // 02-02, 02-03: together 01-30..02-07 = 7 working days, not 5 + 4 = 9.
  const std::vector<ExcludedInterval> excluded = {
      {"testing", D("2023-01-30"), D("2023-02-03")},
      {"right_holder_identification", D("2023-02-02"), D("2023-02-07")}};
  // 01-16..20, 01-28, 01-29 = 7; then 02-08 = 8 … 02-17 = 15.
  EXPECT_EQ(Ymd(Due("filing_decision", "2023-01-13", false, excluded)), "2023-02-17");
  // The same intervals twice change nothing.
  std::vector<ExcludedInterval> twice = excluded;
  twice.insert(twice.end(), excluded.begin(), excluded.end());
  EXPECT_EQ(Ymd(Due("filing_decision", "2023-01-13", false, twice)), "2023-02-17");
  // With the extension: 03-01 + 7 working days = 03-10.
  EXPECT_EQ(Ymd(Due("filing_decision", "2023-01-13", true, excluded)), "2023-03-10");
}

TEST(DueDate, ServiceAndWindowsAreWorkingDays) {
  // Decision Thu 2023-01-19: 01-20 = 1; 01-28 = 2, 01-29 = 3, 01-30..02-02 = 4..7.
  EXPECT_EQ(Ymd(Due("decision_service", "2023-01-19")), "2023-02-02");
  // Notice served Wed 2023-09-27: 09-28 = 1; 09-29..10-06 off; Sat 10-07 = 2,
  // Sun 10-08 = 3, 10-09 = 4, 10-10 = 5.
  EXPECT_EQ(Ymd(Due("statement_window", "2023-09-27")), "2023-10-10");
  // Decision 2023-09-20: 09-21..28 = 1..6; 10-07, 08 = 7, 8; 10-09..13 = 9..13;
  // 10-16..20 = 14..18; 10-23, 24 = 19, 20.
  EXPECT_EQ(Ymd(Due("publicity", "2023-09-20")), "2023-10-24");
}

// ---- Calendar days across 国庆 2023 (holidays 09-29..10-06; 10-07, 10-08 worked) --

TEST(DueDate, CaseDecisionAcrossNationalDay2023) {
  // Filed Mon 2023-07-03: +28 = 07-31, +59 = 08-31, +89 = 09-30, +90 = 10-01,
  // inside 国庆 → the next working day is Sat 10-07 (调休上班).
  EXPECT_EQ(Ymd(Due("case_decision", "2023-07-03")), "2023-10-07");
  // +30 with the head's approval: 10-31 (Tuesday).
  EXPECT_EQ(Ymd(Due("case_decision", "2023-07-03", true)), "2023-10-31");
}

TEST(DueDate, CaseDecisionWithOverlappingExcludedPeriods) {
  // Hearing 08-01..08-10 and testing 08-05..08-15: 08-01..08-15 = 15 days once,
  // not 10 + 11 = 21. 10-01 + 15 = Mon 10-16.
  const std::vector<ExcludedInterval> excluded = {{"hearing", D("2023-08-01"), D("2023-08-10")},
                                                  {"testing", D("2023-08-05"), D("2023-08-15")}};
  EXPECT_EQ(Ymd(Due("case_decision", "2023-07-03", false, excluded)), "2023-10-16");
  EXPECT_EQ(Ymd(Due("case_decision", "2023-07-03", true, excluded)), "2023-11-15");
  // A suspension that began before filing counts only from the day after it:
  // filed Wed 2023-03-01, +90 = Tue 05-30; suspension 02-20..03-05 counts
  // 03-02..03-05 = 4 days → Sat 06-03 → Mon 06-05.
  EXPECT_EQ(Ymd(Due("case_decision", "2023-03-01")), "2023-05-30");
  EXPECT_EQ(Ymd(Due("case_decision", "2023-03-01", false,
                    {{"suspension", D("2023-02-20"), D("2023-03-05")}})),
            "2023-06-05");
}

TEST(DueDate, CaseDecisionAcrossSpringFestival2023) {
  // Filed Mon 2022-10-24: +7 = 10-31, +37 = 11-30, +68 = 12-31, +90 = 2023-01-22,
  // inside 春节 → Sat 2023-01-28 (调休上班).
  EXPECT_EQ(Ymd(Due("case_decision", "2022-10-24")), "2023-01-28");
}

TEST(DueDate, SeizureThirtyDaysTestingExcluded) {
  // Sealed Fri 2023-01-06: +30 = Sun 02-05 → Mon 02-06; +60 = Tue 03-07.
  EXPECT_EQ(Ymd(Due("seizure", "2023-01-06")), "2023-02-06");
  EXPECT_EQ(Ymd(Due("seizure", "2023-01-06", true)), "2023-03-07");
  // Testing 01-10..01-19 (10 days): 02-05 + 10 = Wed 02-15.
  EXPECT_EQ(
      Ymd(Due("seizure", "2023-01-06", false, {{"testing", D("2023-01-10"), D("2023-01-19")}})),
      "2023-02-15");
  // Sealed 2022-12-23: +30 = 2023-01-22, inside 春节 → 01-28.
  EXPECT_EQ(Ymd(Due("seizure", "2022-12-23")), "2023-01-28");
}

TEST(DueDate, LimitationInYearsIsNotRolled) {
  EXPECT_EQ(Ymd(Due("limitation", "2023-03-15")), "2025-03-15");          // a Saturday, kept
  EXPECT_EQ(Ymd(Due("limitation_serious", "2024-02-29")), "2029-02-28");  // beyond the calendar
}

TEST(DueDate, RefusesWhatTheRuleDoesNotAllow) {
  Result<Date> r = Due("filing_decision", "2023-01-13", false,
                       {{"testing", D("2023-01-16"), D("2023-01-17")},
                        {"suspension", D("2023-01-18"), D("2023-01-19")}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().reason(), "excluded_kind_not_allowed");
  EXPECT_EQ(r.status().field(), "excluded[1].kind");
  EXPECT_NE(r.status().message().find("案件中止"), std::string::npos);
  EXPECT_NE(r.status().message().find("第十八条"), std::string::npos);

  r = Due("case_decision", "2023-07-03", false, {{"holiday", D("2023-08-01"), D("2023-08-02")}});
  EXPECT_EQ(r.status().reason(), "unknown_excluded_kind");
  EXPECT_EQ(r.status().field(), "excluded[0].kind");

  r = Due("case_decision", "2023-07-03", false, {{"testing", D("2023-08-02"), D("2023-08-01")}});
  EXPECT_EQ(r.status().reason(), "invalid_excluded_period");
  EXPECT_EQ(r.status().field(), "excluded[0].to");

  r = Due("statement_window", "2023-09-27", true);
  EXPECT_EQ(r.status().reason(), "extension_not_allowed");
  EXPECT_EQ(r.status().field(), "extended");

  // Outside the calendar's years: no guess.
  EXPECT_EQ(Due("case_decision", "2026-11-01").status().reason(), "calendar_not_covered");
}

// ---- Countdown ----------------------------------------------------------------

TEST(Countdown, CalendarDaysStates) {
  const DeadlineRule& rule = Rule("case_decision");  // warn 15 days before
  const Date due = D("2023-10-07");
  auto at = [&](std::string_view today) { return CountDown(Calendar(), rule, due, D(today)); };
  EXPECT_EQ(at("2023-09-01")->remaining, 36);
  EXPECT_EQ(at("2023-09-01")->state, CountdownState::kOk);
  EXPECT_EQ(at("2023-09-21")->state, CountdownState::kOk);  // 16 left
  EXPECT_EQ(at("2023-09-22")->remaining, 15);
  EXPECT_EQ(at("2023-09-22")->state, CountdownState::kApproaching);
  EXPECT_EQ(at("2023-10-07")->state, CountdownState::kDueToday);
  EXPECT_EQ(at("2023-10-07")->remaining, 0);
  EXPECT_EQ(at("2023-10-09")->state, CountdownState::kOverdue);
  EXPECT_EQ(at("2023-10-09")->remaining, -2);
  EXPECT_EQ(CountdownStateLabel(CountdownState::kOverdue), "已超期");
}

TEST(Countdown, WorkingDaysStates) {
  const DeadlineRule& rule = Rule("filing_decision");  // warn 3 working days before
  Result<Countdown> c =
      CountDownFrom(Calendar(), rule, DeadlineInput{D("2023-01-13"), false, {}}, D("2023-01-20"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->due.ToString(), "2023-02-08");
  // (01-20, 02-08]: 01-28, 01-29, 01-30, 01-31, 02-01..03, 02-06..08 = 10.
  EXPECT_EQ(c->remaining, 10);
  EXPECT_EQ(c->state, CountdownState::kOk);
  auto at = [&](std::string_view today) { return CountDown(Calendar(), rule, c->due, D(today)); };
  EXPECT_EQ(at("2023-02-02")->state, CountdownState::kOk);  // 02-03, 06, 07, 08 = 4
  EXPECT_EQ(at("2023-02-03")->remaining, 3);
  EXPECT_EQ(at("2023-02-03")->state, CountdownState::kApproaching);
  EXPECT_EQ(at("2023-02-04")->remaining, 3);  // Saturday: still 02-06, 07, 08
  EXPECT_EQ(at("2023-02-08")->state, CountdownState::kDueToday);
  EXPECT_EQ(at("2023-02-09")->remaining, -1);
  EXPECT_EQ(at("2023-02-09")->state, CountdownState::kOverdue);
  EXPECT_EQ(at("2023-02-11")->remaining, -2);  // Saturday after 02-09, 02-10
}

TEST(Countdown, WaitingPeriodStates) {
  const DeadlineRule& rule = Rule("statement_window");
  const Date end = D("2023-10-10");
  EXPECT_EQ(CountDown(Calendar(), rule, end, D("2023-09-28"))->state, CountdownState::kWaiting);
  EXPECT_EQ(CountDown(Calendar(), rule, end, D("2023-10-10"))->state, CountdownState::kWaiting);
  EXPECT_EQ(CountDown(Calendar(), rule, end, D("2023-10-11"))->state, CountdownState::kWaitOver);
}

// ---- Properties -----------------------------------------------------------------

// A random shipped rule that counts days (not years), a start in 2023-01-01 ..
// 2025-06-30, and up to three excluded intervals of kinds the rule allows,
// each at most 20 days, starting within 40 days of the start.
RC_GTEST_PROP(DueDateProperty, ExcludedPeriodsAndExtensionsNeverMakeItEarlier, ()) {
  std::vector<const DeadlineRule*> rules;
  for (const DeadlineRule& r : Rules().rules) {
    if (r.unit != PeriodUnit::kYears) rules.push_back(&r);
  }
  RC_ASSERT(!rules.empty());
  const DeadlineRule& rule = *rules[*rc::gen::inRange<std::size_t>(0, rules.size())];
  const Date start = *D("2023-01-01").AddDays(*rc::gen::inRange(0, 911));
  const bool extended = rule.extension > 0 && *rc::gen::arbitrary<bool>();
  std::vector<ExcludedInterval> excluded;
  if (!rule.excluded_kinds.empty()) {
    const int n = *rc::gen::inRange(0, 4);
    for (int i = 0; i < n; ++i) {
      const ExcludedKind kind =
          rule.excluded_kinds[*rc::gen::inRange<std::size_t>(0, rule.excluded_kinds.size())];
      const Date from = *start.AddDays(*rc::gen::inRange(-5, 40));
      excluded.push_back(
          {std::string(ExcludedKindName(kind)), from, *from.AddDays(*rc::gen::inRange(0, 20))});
    }
  }
  const Result<Date> plain = ComputeDueDate(Calendar(), rule, {start, false, {}});
  const Result<Date> with = ComputeDueDate(Calendar(), rule, {start, extended, excluded});
  RC_ASSERT(plain.ok());
  RC_ASSERT(with.ok());
  RC_ASSERT(*plain <= *with);
  RC_ASSERT(start < *plain);
  RC_ASSERT(Calendar().IsWorkingDay(*with));
  // Dropping one interval never makes the due date later.
  if (!excluded.empty()) {
    std::vector<ExcludedInterval> fewer(excluded.begin() + 1, excluded.end());
    const Result<Date> less = ComputeDueDate(Calendar(), rule, {start, extended, fewer});
    RC_ASSERT(less.ok());
    RC_ASSERT(*less <= *with);
  }
}

// As today advances one day, the units remaining never increase, fall by at
// most one, and the state follows the sign: overdue exactly when negative
// (deadlines), wait over exactly after the last day (waiting periods).
RC_GTEST_PROP(CountdownProperty, RemainingFallsAsTodayAdvances, ()) {
  std::vector<const DeadlineRule*> rules;
  for (const DeadlineRule& r : Rules().rules) {
    if (r.unit != PeriodUnit::kYears) rules.push_back(&r);
  }
  RC_ASSERT(!rules.empty());
  const DeadlineRule& rule = *rules[*rc::gen::inRange<std::size_t>(0, rules.size())];
  const Date start = *D("2023-01-01").AddDays(*rc::gen::inRange(0, 900));
  const Result<Date> due = ComputeDueDate(Calendar(), rule, {start, false, {}});
  RC_ASSERT(due.ok());
  const Date today = *start.AddDays(*rc::gen::inRange(0, 160));
  const Result<Countdown> a = CountDown(Calendar(), rule, *due, today);
  const Result<Countdown> b = CountDown(Calendar(), rule, *due, *today.AddDays(1));
  RC_ASSERT(a.ok());
  RC_ASSERT(b.ok());
  RC_ASSERT(b->remaining <= a->remaining);
  RC_ASSERT(a->remaining - b->remaining <= 1);
  if (rule.effect == PeriodEffect::kDeadline) {
    RC_ASSERT((a->state == CountdownState::kOverdue) == (today > *due));
    RC_ASSERT((a->state == CountdownState::kDueToday) == (today == *due));
    RC_ASSERT((a->remaining < 0) == (today > *due));
  } else {
    RC_ASSERT((a->state == CountdownState::kWaitOver) == (today > *due));
  }
}

}  // namespace
}  // namespace jg::enforcement
