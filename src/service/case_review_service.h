// Case-file sampling (案卷抽查) by the legal department and its legal advice
// letters (法治建议书), docs/case-review.md:
//  - a round of a quarter freezes the cases closed in that quarter, per
//    department, into a draw file and publishes its commitment (commit–reveal,
//    as for 双随机 plans); the draw selects per department with the same engine
//    (selection only) and records the samples; never re-drawn;
//  - each sampled case gets a score sheet against the checklist (data), with a
//    total, a grade and findings; versioned;
//  - letters go draft → issued (numbered, one gap-free sequence a year) →
//    responded.
// Permission first (case_review.read / case_review.manage), then version,
// then input; every write transactional and audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case_review.h"
#include "domain/permissions.h"
#include "service/service_env.h"

namespace jg {

struct CaseReviewRules {
  case_review::Checklist checklist;
  case_review::Settings settings;
};
// Parses the built-in data/case-review-*.csv once (tested: a broken file fails the tests).
const CaseReviewRules& BuiltInCaseReviewRules();

// Eligible cases per department of a committed round (the counts drawn).
struct StratumCount {
  Id department_id = 0;
  std::string department_code;
  std::uint64_t eligible = 0;
  std::uint64_t drawn = 0;  // the sample size: SampleSize(rule, eligible)
};

class CaseReviewService {
 public:
  CaseReviewService(ServiceEnv env, const CaseReviewRules& rules) : env_(env), rules_(rules) {}

  const CaseReviewRules& rules() const { return rules_; }
  Status RequireRead(const Actor& actor) const;
  Status RequireManage(const Actor& actor) const;

  Result<std::vector<case_review::Round>> Rounds(const Actor& actor, std::optional<int> year);
  Result<case_review::Round> Round(const Actor& actor, Id id);
  // A draft round; 409 round_exists if the quarter already has one not cancelled.
  Result<case_review::Round> Create(const Actor& actor, case_review::Round r);
  // Freezes the cases closed in the quarter per department with the sample
  // sizes, and records the commitment. The quarter must have ended.
  Result<case_review::RoundDraw> Commit(const Actor& actor, Id id, std::int64_t version);
  // Reveals the secret seed, runs the committed draw, records the samples.
  Result<case_review::RoundDraw> Draw(const Actor& actor, Id id, std::int64_t version);
  // Any state but cancelled; a recorded draw and its samples stay on record.
  Result<case_review::Round> Cancel(const Actor& actor, Id id, std::int64_t version,
                                    const std::string& reason);
  // The commitment and draw file (the secret seed blanked); NotFound before commit.
  Result<case_review::RoundDraw> DrawRecord(const Actor& actor, Id id);
  // Per department: eligible and drawn counts, read from the frozen draw file.
  Result<std::vector<StratumCount>> Strata(const Actor& actor, Id id);

  // Samples of the round the actor may see (own department for staff).
  Result<std::vector<case_review::Sample>> Samples(const Actor& actor, Id round_id);
  // Records the score sheet of one sample: sheet.version is the one read.
  Result<case_review::Sample> Score(const Actor& actor, Id round_id, Id sample_id,
                                    case_review::Sample sheet);

  // Letters the actor may see: all for case_review.read over every department;
  // otherwise issued letters addressed to the actor's department (and below).
  Result<std::vector<case_review::Letter>> Letters(const Actor& actor);
  Result<case_review::Letter> CreateLetter(const Actor& actor, case_review::Letter l);
  // Draft → issued on `issued_on` (default today): takes the next number of that year.
  Result<case_review::Letter> Issue(const Actor& actor, Id id, std::int64_t version,
                                    const std::string& issued_on);
  // Issued → responded: the department's reply and measures taken.
  Result<case_review::Letter> Respond(const Actor& actor, Id id, std::int64_t version,
                                      const std::string& responded_on,
                                      const std::string& measures);

  std::string Today() const;

 private:
  Result<case_review::Round> LoadForChange(const Actor& actor, Id id, std::int64_t version);
  Result<std::string> DayOrToday(std::string day, const char* field, const char* label) const;
  ServiceEnv env_;
  const CaseReviewRules& rules_;
};

}  // namespace jg
