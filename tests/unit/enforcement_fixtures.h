// Shared by the enforcement unit tests: the REAL shipped data files, parsed once.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "domain/calendar.h"
#include "domain/civil_date.h"
#include "domain/enforcement/deadline_rules.h"
#include "domain/enforcement/decision.h"
#include "domain/enforcement/lenient_rules.h"

namespace jg::enforcement::testing {

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(JG_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline const WorkCalendar& Calendar() {
  static const WorkCalendar calendar = [] {
    Result<WorkCalendar> c = ParseWorkCalendar(ReadSourceFile("data/holidays-cn.txt"));
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : WorkCalendar();
  }();
  return calendar;
}

inline const DeadlineRules& Rules() {
  static const DeadlineRules rules = [] {
    Result<DeadlineRules> r = ParseDeadlineRules(ReadSourceFile("data/enforcement-deadlines.csv"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : DeadlineRules();
  }();
  return rules;
}

inline const LenientRules& Lenient() {
  static const LenientRules rules = [] {
    Result<LenientRules> r = ParseLenientRules(ReadSourceFile("data/lenient-rules.csv"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LenientRules();
  }();
  return rules;
}

inline const SummaryLimits& Summary() {
  static const SummaryLimits limits = [] {
    Result<SummaryLimits> r = ParseSummaryLimits(ReadSourceFile("data/summary-procedure.csv"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : SummaryLimits();
  }();
  return limits;
}

// The shipped rule `id`; fails the test (and returns a dummy) if missing.
inline const DeadlineRule& Rule(std::string_view id) {
  static const DeadlineRule kMissing;
  const DeadlineRule* r = Rules().Find(id);
  EXPECT_NE(r, nullptr) << id;
  return r ? *r : kMissing;
}

inline Date D(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : Date();
}

inline std::string Ymd(const Result<Date>& d) {
  return d.ok() ? d->ToString() : d.status().ToString();
}

}  // namespace jg::enforcement::testing
