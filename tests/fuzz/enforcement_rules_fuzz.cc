// The enforcement rule files (deadlines, lenient rules, summary limits, case
// number formats, credit publicity rules): parsed all-or-nothing, never a crash; what parses can be
// used — every deadline rule computes a due date and a countdown, every
// lenient rule is matched against its own provision.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/calendar.h"
#include "domain/credit/publicity.h"
#include "domain/enforcement/case_number.h"
#include "domain/enforcement/deadline.h"
#include "domain/enforcement/decision.h"
#include "domain/enforcement/lenient_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jg::enforcement;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto rules = ParseDeadlineRules(text); rules.ok()) {
    const jg::WorkCalendar calendar;  // covers no year: day periods fail cleanly
    const jg::Date start = *jg::Date::FromYmd(2024, 2, 29);
    for (const DeadlineRule& r : rules->rules) {
      (void)CountDownFrom(calendar, r, {start, r.extension > 0, {}}, start);
    }
  }
  if (auto lenient = ParseLenientRules(text); lenient.ok()) {
    for (const LenientRule& r : lenient->rules) {
      (void)MatchLenientRules(*lenient, r.provision, {{"first_violation", true}});
    }
  }
  (void)ParseSummaryLimits(text);
  if (auto formats = ParseCaseNumberFormats(text); formats.ok()) {
    for (const CaseNumberFormat& f : formats->formats) (void)FormatCaseNumber(f, 2024, 1);
  }
  if (auto credit = jg::credit::ParseCreditRules(text); credit.ok()) {
    jg::credit::RepairFacts f;
    f.decision.penalties = {PenaltyType::kFine};
    f.decision.fine = 100;
    f.published_on = *jg::Date::FromYmd(2024, 2, 29);
    f.applied_on = f.published_on;
    (void)jg::credit::NeedsPublicity(*credit, f.decision);
    (void)jg::credit::PublicityLastDay(*credit, f.decision, f.published_on);
    (void)jg::credit::AssessRepair(*credit, f);
  }
  return 0;
}
