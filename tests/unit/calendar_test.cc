// The civil Date type, the working-day calendar parsed from the REAL data file
// (data/holidays-cn.txt), and the statutory deadline arithmetic.
#include "domain/calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/civil_date.h"

namespace jg {
namespace {

Date D(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : Date();
}

std::string ReadDataFile() {
  std::ifstream in(std::string(JG_SOURCE_DIR) + "/data/holidays-cn.txt", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The shipped calendar, parsed once.
const WorkCalendar& Real() {
  static const WorkCalendar calendar = [] {
    Result<WorkCalendar> c = ParseWorkCalendar(ReadDataFile());
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : WorkCalendar();
  }();
  return calendar;
}

std::string Ymd(const Result<Date>& d) {
  return d.ok() ? d->ToString() : d.status().ToString();
}

// ---- Date ----------------------------------------------------------------

TEST(CivilDate, ParseIsStrict) {
  EXPECT_EQ(D("2024-02-29").ToString(), "2024-02-29");
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-2-1", "2024-13-01", "2024-00-10",
                          "2024-01-00", "0000-01-01", " 2024-01-01", "2024/01/01", "2024-01-011",
                          "20240101", "", "2024-0a-01", "+024-01-01"}) {
    Result<Date> d = Date::Parse(bad, "start");
    EXPECT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().reason(), "invalid_date") << bad;
    EXPECT_EQ(d.status().field(), "start") << bad;
  }
  EXPECT_NE(Date::Parse("2023-02-29").status().message().find("2 月只有 28 天"), std::string::npos);
  EXPECT_TRUE(Date::Parse("1900-02-28").ok());
  EXPECT_FALSE(Date::Parse("1900-02-29").ok());  // century, not leap
  EXPECT_TRUE(Date::Parse("2000-02-29").ok());   // 400th year, leap
}

TEST(CivilDate, ArithmeticWeekdayAndOrder) {
  EXPECT_EQ(Date().ToString(), "1970-01-01");
  EXPECT_EQ(Date().weekday(), Weekday::kThursday);
  EXPECT_EQ(D("1969-12-31").weekday(), Weekday::kWednesday);
  EXPECT_EQ(D("2024-02-04").weekday(), Weekday::kSunday);
  EXPECT_EQ(D("2024-02-12").weekday(), Weekday::kMonday);
  EXPECT_TRUE(D("2024-02-04").IsWeekend());
  EXPECT_EQ(D("2024-02-28").AddDays(1)->ToString(), "2024-02-29");
  EXPECT_EQ(D("2024-02-28").AddDays(2)->ToString(), "2024-03-01");
  EXPECT_EQ(D("2024-03-01").AddDays(-1)->ToString(), "2024-02-29");
  EXPECT_EQ(D("2024-12-31").AddDays(1)->ToString(), "2025-01-01");
  EXPECT_EQ(DaysBetween(D("2024-01-01"), D("2025-01-01")), 366);
  EXPECT_EQ(DaysBetween(D("2025-01-01"), D("2024-01-01")), -366);
  EXPECT_LT(D("2024-01-31"), D("2024-02-01"));
  EXPECT_EQ(D("2024-01-31"), *Date::FromYmd(2024, 1, 31));
  EXPECT_FALSE(Date::FromYmd(2024, 4, 31).has_value());
  EXPECT_FALSE(D("9999-12-31").AddDays(1).has_value());
  EXPECT_FALSE(D("0001-01-01").AddDays(-1).has_value());
  EXPECT_FALSE(D("2024-01-01").AddDays(std::numeric_limits<std::int64_t>::max()).has_value());
  // Day numbers round-trip across the whole range, one day in 97.
  for (std::int64_t z = D("0001-01-01").ToDays(); z <= D("9999-12-31").ToDays(); z += 97) {
    const Date d = *Date::FromDays(z);
    ASSERT_EQ(d.ToDays(), z);
    ASSERT_EQ(D(d.ToString()), d);
  }
}

TEST(CivilDate, DateInChinaIsUtcPlusEight) {
  // 2024-01-01T00:00:00Z = 1704067200.
  EXPECT_EQ(DateInChina(1704067200 + 15 * 3600 + 59 * 60 + 59).ToString(), "2024-01-01");
  EXPECT_EQ(DateInChina(1704067200 + 16 * 3600).ToString(), "2024-01-02");
  EXPECT_EQ(DateInChina(-8 * 3600).ToString(), "1970-01-01");
  EXPECT_EQ(DateInChina(-8 * 3600 - 1).ToString(), "1969-12-31");
  EXPECT_EQ(DateInChina(std::numeric_limits<UnixSeconds>::max()).ToString(), "9999-12-31");
  EXPECT_EQ(DateInChina(std::numeric_limits<UnixSeconds>::min()).ToString(), "0001-01-01");
}

// ---- The shipped calendar --------------------------------------------------

TEST(RealCalendar, ParsesAndCitesItsSources) {
  EXPECT_EQ(Real().CoveredYears(), (std::vector<int>{2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_NE(Real().Source(2021).find("国办发明电〔2020〕27号"), std::string_view::npos);
  EXPECT_NE(Real().Source(2022).find("国办发明电〔2021〕11号"), std::string_view::npos);
  EXPECT_NE(Real().Source(2023).find("国办发明电〔2022〕16号"), std::string_view::npos);
  EXPECT_NE(Real().Source(2024).find("国办发明电〔2023〕7号"), std::string_view::npos);
  EXPECT_NE(Real().Source(2025).find("国办发明电〔2024〕12号"), std::string_view::npos);
  EXPECT_NE(Real().Source(2026).find("2026年部分节假日安排"), std::string_view::npos);
  EXPECT_TRUE(Real().Source(2027).empty());
  EXPECT_TRUE(Real().Covers(D("2026-12-31")));
  EXPECT_FALSE(Real().Covers(D("2027-01-01")));
  EXPECT_TRUE(Real().Covers(D("2021-01-01")));
  EXPECT_FALSE(Real().Covers(D("2020-12-31")));  // 2020 is not a block
}

TEST(RealCalendar, KnownDays) {
  EXPECT_TRUE(Real().IsWorkingDay(D("2024-02-04")));  // Sunday, 春节调休上班
  EXPECT_EQ(Real().DayNote(D("2024-02-04")), "春节调休上班");
  EXPECT_FALSE(Real().IsWorkingDay(D("2024-02-12")));  // Monday, 春节
  EXPECT_EQ(Real().DayNote(D("2024-02-12")), "春节");
  EXPECT_FALSE(Real().IsWorkingDay(D("2023-01-01")));  // 元旦
  EXPECT_FALSE(Real().IsWorkingDay(D("2022-12-31")));  // 元旦 2023 starts the day before
  EXPECT_TRUE(Real().IsWorkingDay(D("2024-02-19")));   // ordinary Monday
  EXPECT_FALSE(Real().IsWorkingDay(D("2024-02-24")));  // ordinary Saturday
  EXPECT_TRUE(Real().DayNote(D("2024-02-19")).empty());
}

// The whole file against the notices as restated here, day by day.
TEST(RealCalendar, MatchesTheNoticesDayByDay) {
  const std::vector<std::pair<const char*, const char*>> holidays = {
      {"2021-01-01", "2021-01-03"}, {"2021-02-11", "2021-02-17"}, {"2021-04-03", "2021-04-05"},
      {"2021-05-01", "2021-05-05"}, {"2021-06-12", "2021-06-14"}, {"2021-09-19", "2021-09-21"},
      {"2021-10-01", "2021-10-07"}, {"2022-01-01", "2022-01-03"}, {"2022-01-31", "2022-02-06"},
      {"2022-04-03", "2022-04-05"}, {"2022-04-30", "2022-05-04"}, {"2022-06-03", "2022-06-05"},
      {"2022-09-10", "2022-09-12"}, {"2022-10-01", "2022-10-07"},
      {"2022-12-31", "2023-01-02"}, {"2023-01-21", "2023-01-27"}, {"2023-04-05", "2023-04-05"},
      {"2023-04-29", "2023-05-03"}, {"2023-06-22", "2023-06-24"}, {"2023-09-29", "2023-10-06"},
      {"2024-01-01", "2024-01-01"}, {"2024-02-10", "2024-02-17"}, {"2024-04-04", "2024-04-06"},
      {"2024-05-01", "2024-05-05"}, {"2024-06-10", "2024-06-10"}, {"2024-09-15", "2024-09-17"},
      {"2024-10-01", "2024-10-07"}, {"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"},
      {"2025-04-04", "2025-04-06"}, {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"},
      {"2025-10-01", "2025-10-08"}, {"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"},
      {"2026-04-04", "2026-04-06"}, {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"},
      {"2026-09-25", "2026-09-27"}, {"2026-10-01", "2026-10-07"}};
  const std::vector<const char*> workdays = {
      "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26",
      "2021-10-09", "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07",
      "2022-10-08", "2022-10-09", "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07",
      "2023-10-08", "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
      "2024-09-14", "2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27",
      "2025-09-28", "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
      "2026-09-20", "2026-10-10"};
  for (Date d = D("2021-01-01"); d <= D("2026-12-31"); d = *d.AddDays(1)) {
    bool expected = !d.IsWeekend();
    for (const auto& [from, to] : holidays) {
      if (D(from) <= d && d <= D(to)) expected = false;
    }
    for (const char* w : workdays) {
      if (D(w) == d) expected = true;
    }
    ASSERT_EQ(Real().IsWorkingDay(d), expected) << d.ToString();
  }
  // Yearly totals counted by hand: days − weekend days − holidays on weekdays + 调休 days.
  // 2021: 365 − 104 − 18 + 7 = 250; 2022: 365 − 105 − 18 + 7 = 249;
  // 2023: 365 − 105 − 18 + 7 = 249; 2024: 366 − 104 − 19 + 8 = 251;
  // 2025: 365 − 104 − 18 + 5 = 248; 2026: 365 − 104 − 19 + 6 = 248.
  EXPECT_EQ(Ymd(Real().RollToWorkingDay(D("2023-01-01"))), "2023-01-03");
  EXPECT_EQ(Real().WorkingDaysBetween(D("2021-01-01"), D("2021-12-31")).value(), 250);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2021-12-31"), D("2022-12-31")).value(), 249);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2024-01-01"), D("2024-12-31")).value(), 251);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2024-12-31"), D("2025-12-31")).value(), 248);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")).value(), 248);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2023-01-01"), D("2023-12-31")).value(), 249);
}

// ---- Working-day arithmetic --------------------------------------------------

TEST(WorkingDays, FifteenAcrossNationalDay2024) {
  // 十五个工作日 (程序规定第十八条) from Friday 2024-09-27, the day itself not counted:
  //   09-28 Sat off; 09-29 Sun 调休 = 1; 09-30 Mon = 2; 10-01..10-07 国庆 off;
  //   10-08 Tue = 3, 09 = 4, 10 = 5, 11 = 6; 10-12 Sat 调休 = 7; 10-13 Sun off;
  //   10-14..18 = 8..12; 10-19/20 weekend; 10-21 = 13, 22 = 14, 23 = 15.
  EXPECT_EQ(Ymd(Real().AddWorkingDays(D("2024-09-27"), 15)), "2024-10-23");
  EXPECT_EQ(Real().WorkingDaysBetween(D("2024-09-27"), D("2024-10-23")).value(), 15);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2024-10-23"), D("2024-09-27")).value(), -15);
  EXPECT_EQ(Real().WorkingDaysBetween(D("2024-10-23"), D("2024-10-23")).value(), 0);
  EXPECT_EQ(Ymd(Real().AddWorkingDays(D("2024-09-27"), 1)), "2024-09-29");
}

TEST(WorkingDays, AcrossSpringFestival2024) {
  // From Wed 2024-02-07: 02-08 = 1, 02-09 = 2, 02-10..17 春节, 02-18 Sun 调休 = 3,
  // 02-19 = 4, 02-20 = 5.
  EXPECT_EQ(Ymd(Real().AddWorkingDays(D("2024-02-07"), 5)), "2024-02-20");
  EXPECT_EQ(Real().WorkingDaysBetween(D("2024-02-09"), D("2024-02-18")).value(), 1);
  EXPECT_EQ(Ymd(Real().RollToWorkingDay(D("2024-10-01"))), "2024-10-08");
  EXPECT_EQ(Ymd(Real().RollToWorkingDay(D("2024-02-04"))), "2024-02-04");
  EXPECT_EQ(Ymd(Real().RollToWorkingDay(D("2024-09-28"))), "2024-09-29");  // Sat → Sun 调休
  EXPECT_EQ(Real().AddWorkingDays(D("2024-09-27"), 0).status().reason(), "invalid_period");
  EXPECT_EQ(Real().AddWorkingDays(D("2024-09-27"), -3).status().field(), "days");
}

TEST(WorkingDays, LeavingTheCoveredYearsIsAnError) {
  // From Sun 2026-12-20 there are only 9 working days left in 2026.
  EXPECT_EQ(Ymd(Real().AddWorkingDays(D("2026-12-20"), 9)), "2026-12-31");
  const Result<Date> r = Real().AddWorkingDays(D("2026-12-20"), 10);
  EXPECT_EQ(r.status().reason(), "calendar_not_covered");
  EXPECT_EQ(r.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("2027 年"), std::string::npos);
  EXPECT_NE(r.status().message().find("2021–2026 年"), std::string::npos);
  EXPECT_EQ(
      Real().AddWorkingDays(D("2026-12-20"), std::numeric_limits<int>::max()).status().reason(),
      "calendar_not_covered");
  EXPECT_EQ(Real().RollToWorkingDay(D("2027-01-04")).status().reason(), "calendar_not_covered");
  EXPECT_EQ(Real().AddWorkingDays(D("2020-12-20"), 1).status().reason(), "calendar_not_covered");
  EXPECT_EQ(Real().WorkingDaysBetween(D("2020-12-01"), D("2021-01-10")).status().reason(),
            "calendar_not_covered");
  EXPECT_EQ(WorkCalendar().RollToWorkingDay(D("2024-01-02")).status().reason(),
            "calendar_not_covered");
}

// ---- Statutory deadlines ---------------------------------------------------------

TEST(Deadlines, NinetyCalendarDaysRollOffAHoliday) {
  // 九十日 (程序规定第六十四条) from 2024-07-05: 07-31 is +26, 08-31 +57, 09-30 +87,
  // so +90 = 2024-10-03, inside 国庆 (10-01..07) → next working day Tue 2024-10-08.
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), D("2024-07-05"), 90, {})), "2024-10-08");
  // From 2024-03-01: +30 = 03-31, +60 = 04-30, +90 = Thu 2024-05-30, a working day.
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), D("2024-03-01"), 90, {})), "2024-05-30");
  // Ten days from Wed 2024-06-05 = Sat 06-15 → Sun 06-16 → Mon 2024-06-17.
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), D("2024-06-05"), 10, {})), "2024-06-17");
  EXPECT_EQ(CalendarDaysDeadline(Real(), D("2024-06-05"), 0, {}).status().reason(),
            "invalid_period");
}

TEST(Deadlines, ExcludedPeriodsExtendOnce) {
  const Date start = D("2024-03-01");  // nominal end Thu 2024-05-30
  // Ten excluded days: 05-30 + 10 = Sun 06-09; 06-10 端午 → Tue 2024-06-11.
  EXPECT_EQ(
      Ymd(CalendarDaysDeadline(Real(), start, 90, {{D("2024-04-01"), D("2024-04-10"), "检验"}})),
      "2024-06-11");
  // Overlapping, adjacent and repeated periods count each day once: still 10 days.
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), start, 90,
                                     {{D("2024-04-03"), D("2024-04-10"), "鉴定"},
                                      {D("2024-04-01"), D("2024-04-05"), "检验"},
                                      {D("2024-04-01"), D("2024-04-05"), "检验"}})),
            "2024-06-11");
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), start, 90,
                                     {{D("2024-04-01"), D("2024-04-05"), "检测"},
                                      {D("2024-04-06"), D("2024-04-10"), "听证"}})),
            "2024-06-11");
  // Only days after the start count: 03-02..03-05 = 4 days → Mon 2024-06-03.
  EXPECT_EQ(
      Ymd(CalendarDaysDeadline(Real(), start, 90, {{D("2024-02-01"), D("2024-03-05"), "中止"}})),
      "2024-06-03");
  // A period beginning after the deadline does not move it.
  EXPECT_EQ(
      Ymd(CalendarDaysDeadline(Real(), start, 90, {{D("2024-07-01"), D("2024-07-31"), "公告"}})),
      "2024-05-30");
  // One running past the nominal end counts whole: 05-30 + 32 = Mon 2024-07-01.
  EXPECT_EQ(
      Ymd(CalendarDaysDeadline(Real(), start, 90, {{D("2024-05-20"), D("2024-06-20"), "鉴定"}})),
      "2024-07-01");
  // The last day cannot be an excluded day: Sat 06-15 → Mon 06-17, but 06-17..18 is a
  // hearing → Wed 2024-06-19.
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), D("2024-06-05"), 10,
                                     {{D("2024-06-17"), D("2024-06-18"), "听证"}})),
            "2024-06-19");
  const Result<Date> bad =
      CalendarDaysDeadline(Real(), start, 90, {{D("2024-04-10"), D("2024-04-01"), "检验"}});
  EXPECT_EQ(bad.status().reason(), "invalid_excluded_period");
  EXPECT_EQ(bad.status().field(), "excluded");
}

TEST(Deadlines, WorkingDayPeriodsSkipExcludedWorkingDays) {
  const Date start = D("2024-09-27");  // 15 working days → 2024-10-23 (above)
  EXPECT_EQ(Ymd(WorkingDaysDeadline(Real(), start, 15, {})), "2024-10-23");
  // 10-08 and 10-09 (working) excluded → two more: Thu 10-24, Fri 2024-10-25.
  EXPECT_EQ(
      Ymd(WorkingDaysDeadline(Real(), start, 15, {{D("2024-10-08"), D("2024-10-09"), "检测"}})),
      "2024-10-25");
  // 10-12 (Sat 调休, working) and 10-13 (Sun) excluded → one more: 2024-10-24.
  EXPECT_EQ(
      Ymd(WorkingDaysDeadline(Real(), start, 15, {{D("2024-10-12"), D("2024-10-13"), "鉴定"}})),
      "2024-10-24");
  // Excluded days inside 国庆 are not working days anyway: no change.
  EXPECT_EQ(
      Ymd(WorkingDaysDeadline(Real(), start, 15, {{D("2024-10-01"), D("2024-10-07"), "检验"}})),
      "2024-10-23");
}

TEST(Deadlines, LeavingTheCoveredYears) {
  // 2026-11-01 + 90 = 2027-01-30: 2027 is not in the file.
  EXPECT_EQ(CalendarDaysDeadline(Real(), D("2026-11-01"), 90, {}).status().reason(),
            "calendar_not_covered");
  EXPECT_EQ(Ymd(CalendarDaysDeadline(Real(), D("2026-12-01"), 30, {})), "2026-12-31");
  EXPECT_EQ(CalendarDaysDeadline(Real(), D("2026-12-01"), std::numeric_limits<int>::max(), {})
                .status()
                .reason(),
            "calendar_not_covered");
  EXPECT_EQ(CalendarDaysDeadline(Real(), D("2026-12-01"), 20,
                                 {{D("2026-12-10"), D("2027-03-01"), "中止"}})
                .status()
                .reason(),
            "calendar_not_covered");
  EXPECT_EQ(WorkingDaysDeadline(Real(), D("2026-12-20"), 15, {}).status().reason(),
            "calendar_not_covered");
}

// ---- The file format ----------------------------------------------------------------

TEST(CalendarSyntax, AcceptsCommentsCrlfAndBom) {
  const Result<WorkCalendar> c = ParseWorkCalendar(
      "\xEF\xBB\xBF# 注释\r\n\r\nyear 2024 依据  # 注释\r\n"
      "  holiday\t2023-12-30..2024-01-01 元旦 假期 # 跨年\r\n"
      "workday 2024-02-04 春节调休上班");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->Source(2024), "依据");
  EXPECT_EQ(c->DayNote(D("2023-12-30")), "元旦 假期");
  EXPECT_FALSE(c->IsWorkingDay(D("2024-01-01")));
  EXPECT_TRUE(c->IsWorkingDay(D("2024-02-04")));
}

struct BadFile {
  const char* text;
  int line;
  const char* says;  // a piece of the message
};

TEST(CalendarSyntax, EveryErrorNamesItsLine) {
  const std::vector<std::pair<std::string, BadFile>> cases = {
      {"unknown keyword", {"year 2024 x\nholyday 2024-01-01 元旦\n", 2, "未知的行类型"}},
      {"entry before year", {"# c\nholiday 2024-01-01 元旦\n", 2, "须先有 year 行"}},
      {"short year", {"year 24 x\n", 1, "四位数字"}},
      {"year not digits", {"year 2O24 x\n", 1, "四位数字"}},
      {"year 0000", {"year 0000 x\n", 1, "四位数字"}},
      {"no source", {"year 2024   # 来源写成了注释\nholiday 2024-01-01 元旦\n", 1, "须注明依据"}},
      {"duplicate year", {"year 2024 a\nholiday 2024-01-01 元旦\nyear 2024 b\n", 3, "第 1 行出现"}},
      {"empty block", {"year 2024 a\nyear 2025 b\nholiday 2025-01-01 元旦\n", 1, "没有任何"}},
      {"empty last block",
       {"year 2024 a\nholiday 2024-01-01 元旦\n\nyear 2025 b\n", 4, "没有任何"}},
      {"no year at all", {"# 只有注释\n\n", 2, "没有任何 year 段"}},
      {"empty text", {"", 1, "没有任何 year 段"}},
      {"impossible date", {"year 2024 a\nholiday 2024-02-30 x\n", 2, "2 月只有 29 天"}},
      {"sloppy date", {"year 2024 a\nholiday 2024-2-1 x\n", 2, "YYYY-MM-DD"}},
      {"missing date", {"year 2024 a\nholiday\n", 2, "YYYY-MM-DD"}},
      {"bad range end", {"year 2024 a\nholiday 2024-02-10.. 春节\n", 2, "YYYY-MM-DD"}},
      {"reversed range", {"year 2024 a\nholiday 2024-02-17..2024-02-10 春节\n", 2, "晚于止日"}},
      {"long range", {"year 2024 a\nholiday 2024-10-01..2024-12-07 国庆\n", 2, "超过 31 天"}},
      {"outside block", {"year 2023 a\nholiday 2024-05-01 劳动节\n", 2, "不在 2023 年段内"}},
      {"range leaves block", {"year 2024 a\nholiday 2023-12-20..2024-01-01 x\n", 2, "不在 2024"}},
      {"workday outside",
       {"year 2024 a\nholiday 2024-01-01 元旦\nworkday 2023-02-04 x\n", 3, "不在 2024 年段内"}},
      {"no name", {"year 2024 a\nholiday 2024-01-01\n", 2, "须写明名称"}},
      {"workday no name", {"year 2024 a\nworkday 2024-02-04   # 春节\n", 2, "须写明名称"}},
      {"bad utf-8", {"year 2024 a\nholiday 2024-01-01 \xE5\xB8\n", 2, "UTF-8"}},
      {"workday range", {"year 2024 a\nworkday 2024-02-03..2024-02-04 x\n", 2, "单个日期"}},
      {"workday on Monday", {"year 2024 a\nworkday 2024-02-05 x\n", 2, "星期一，本来就是工作日"}},
      {"holiday and workday",
       {"year 2024 a\nholiday 2024-02-04 x\nworkday 2024-02-04 y\n", 3, "不能同时列为调休上班日"}},
      {"workday and holiday",
       {"year 2024 a\nworkday 2024-02-04 y\nholiday 2024-02-03..2024-02-05 x\n", 3,
        "已在第 2 行列为调休上班日"}},
      {"overlapping holidays",
       {"year 2024 a\nholiday 2024-02-10..2024-02-17 春节\n# x\nholiday 2024-02-17 x\n", 4,
        "已在第 2 行列为假日（重复或区间重叠）"}},
      {"duplicate workday",
       {"year 2024 a\nworkday 2024-02-04 x\nworkday 2024-02-04 x\n", 3, "重复"}},
      {"across blocks",
       {"year 2023 a\nholiday 2023-12-30 x\nyear 2024 b\nholiday 2023-12-30..2024-01-01 y\n", 4,
        "已在第 2 行列为假日"}},
  };
  for (const auto& [name, c] : cases) {
    const Result<WorkCalendar> r = ParseWorkCalendar(c.text);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument) << name;
    EXPECT_EQ(r.status().reason(), "calendar_syntax") << name;
    EXPECT_EQ(r.status().field(), "calendar") << name;
    const std::string& m = r.status().message();
    EXPECT_NE(m.find("第 " + std::to_string(c.line) + " 行："), std::string::npos)
        << name << ": " << m;
    EXPECT_NE(m.find(c.says), std::string::npos) << name << ": " << m;
  }
  // The shipped file, with one bad line appended, is refused as a whole.
  const std::string real = ReadDataFile();
  const int lines = static_cast<int>(std::count(real.begin(), real.end(), '\n'));
  const Result<WorkCalendar> r =
      ParseWorkCalendar(real + "year 2027 国办\nholiday 2027-02-30 春节\n");
  EXPECT_NE(r.status().message().find("第 " + std::to_string(lines + 2) + " 行"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace jg
