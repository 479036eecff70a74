// The rule data of enforcement the services apply: the statutory periods,
// the lenient-treatment rules and the bureau's case number format, parsed
// from the copies of data/*.csv built into the binary (cmake/EmbedText.cmake).
#pragma once

#include <string>

#include "domain/enforcement/case_number.h"
#include "domain/enforcement/decision.h"
#include "domain/enforcement/deadline_rules.h"
#include "domain/enforcement/lenient_rules.h"

namespace jg {

struct EnforcementRules {
  enforcement::DeadlineRules deadlines;
  // The built-in list: only seeds the stored one. Cases read the rules in
  // force through LenientRuleService, which the legal department edits.
  enforcement::LenientRules lenient;
  enforcement::CaseNumberFormats case_numbers;
  std::string bureau = "jiading";  // whose case number format to use
  // 简易程序: the limits (data/summary-procedure.csv) and the format of the
  // on-the-spot decision number (a row of data/case-number-formats.csv).
  enforcement::SummaryLimits summary;
  std::string summary_format = "jiading-summary";
};

// Parses the built-in files once (they are tested; a broken one fails the tests).
const EnforcementRules& BuiltInEnforcementRules();

}  // namespace jg
