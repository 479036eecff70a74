// Records kept with an enforcement case: documents (文书) issued with numbers
// and stored as issued, the custody register of seized property (涉案物资) with
// its seizure period, movements and disposal, and reconsideration /
// litigation (行政复议、行政诉讼) with the year's statistics.
// Permissions are the case's: cases.read to see, cases.manage to write
// (approving a seizure extension: cases.approve), scoped to the case's
// department. Permission first, then version, then input; every write is
// transactional and audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/calendar.h"
#include "domain/enforcement/case_records.h"
#include "domain/permissions.h"
#include "service/enforcement_rules.h"
#include "service/lenient_rule_service.h"
#include "service/service_env.h"

namespace jg {

// The document formats and remedies, parsed from the copies of
// data/document-formats.csv and data/legal-remedies.csv built into the binary.
struct DocumentRules {
  enforcement::DocumentFormats formats;
  std::vector<enforcement::LegalRemedy> remedies;
};
const DocumentRules& BuiltInDocumentRules();

std::string_view DocumentTitle(const DocumentRules& rules, enforcement::DocumentKind k);

struct DocumentRequest {
  std::string kind;
  bool reissue = false;  // issue a new numbered version although one exists
  std::string facts;     // 违法事实 (default: the lead as recorded)
  std::string legal_basis;       // 处罚依据
  std::string intended_penalty;  // the notice before a decision
};

struct SeizedItemView {
  enforcement::SeizedItem item;
  std::optional<Date> due;  // end of the seizure period (第二十五条)
  std::optional<enforcement::Countdown> countdown;  // until disposed
  std::vector<enforcement::ExcludedInterval> testing;
  std::string error;  // why `due` is missing
};

struct SeizedItemEdit {
  std::int64_t version = 0;
  std::string name, quantity, unit;
  Date seized_on;
  bool extension_approved = false;  // changing it needs cases.approve
};

struct MovementRequest {
  std::int64_t version = 0;
  enforcement::SeizedItemMovement movement;
};

struct DisposalRequest {
  std::int64_t version = 0;
  std::string kind;
  std::optional<Date> on;
  std::string approved_by;
  std::string note;
};

struct ReviewStats {
  int year = 0;
  struct Kind {
    std::int64_t total = 0;
    std::vector<std::pair<std::string, std::int64_t>> by_outcome;  // every outcome + pending
  };
  Kind reconsideration, litigation;
};

class CaseRecordsService {
 public:
  CaseRecordsService(ServiceEnv env, const WorkCalendar& calendar, const EnforcementRules& rules,
                     const DocumentRules& docs, LenientRuleService& lenient)
      : env_(env), calendar_(calendar), rules_(rules), docs_(docs), lenient_(lenient) {}

  // Issues the next numbered document of `req.kind` for the case. 422
  // document_not_applicable (field: what is missing) when the case is not
  // ready for it; 409 document_exists when one was issued and reissue is false.
  Result<enforcement::CaseDocument> GenerateDocument(const Actor& actor, Id case_id,
                                                     const DocumentRequest& req);
  Result<std::vector<enforcement::CaseDocument>> Documents(const Actor& actor, Id case_id);
  // With the stored HTML.
  Result<enforcement::CaseDocument> Document(const Actor& actor, Id doc_id);

  Result<std::vector<SeizedItemView>> SeizedItems(const Actor& actor, Id case_id);
  Result<SeizedItemView> SeizedItem(const Actor& actor, Id id);
  Result<SeizedItemView> CreateSeizedItem(const Actor& actor, Id case_id,
                                          enforcement::SeizedItem item);
  Result<SeizedItemView> UpdateSeizedItem(const Actor& actor, Id id, const SeizedItemEdit& e);
  Result<SeizedItemView> AddMovement(const Actor& actor, Id id, MovementRequest req);
  Result<SeizedItemView> Dispose(const Actor& actor, Id id, const DisposalRequest& req);

  Result<std::vector<enforcement::CaseReview>> Reviews(const Actor& actor, Id case_id);
  Result<enforcement::CaseReview> CreateReview(const Actor& actor, Id case_id,
                                               enforcement::CaseReview r);
  // Replaces kind-specific fields (body, outcome, decided_on, note, filed_on).
  Result<enforcement::CaseReview> UpdateReview(const Actor& actor, Id id,
                                               enforcement::CaseReview r);
  Result<ReviewStats> Stats(const Actor& actor, int year);

  Date Today() const;

 private:
  Result<enforcement::EnforcementCase> LoadCase(const Actor& actor, Permission p, Id id);
  Result<enforcement::SeizedItem> LoadItem(const Actor& actor, Permission p, Id id,
                                           std::int64_t version);
  SeizedItemView ViewOf(enforcement::SeizedItem item) const;
  Status Audit(Store& tx, const Actor& actor, const std::string& action, const std::string& kind,
               Id id, const std::string& before, const std::string& after,
               const std::string& detail) const;
  ServiceEnv env_;
  const WorkCalendar& calendar_;
  const EnforcementRules& rules_;
  const DocumentRules& docs_;
  LenientRuleService& lenient_;
};

}  // namespace jg
