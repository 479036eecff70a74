// The officers (办案人员) named for a case or an on-the-spot decision, looked
// up in the inspector roster as they are on the day: the filing of a case and
// the summary procedure take them the same way.
#pragma once

#include <vector>

#include "domain/enforcement/case_file.h"
#include "store/store.h"

namespace jg {

// Each id once, in the roster and active; InvalidArgument naming
// "officer_ids[i]" (duplicate_officer, inspector_not_found, inspector_inactive).
// Certificates are checked by the domain (CheckOfficerCertificates).
Result<std::vector<enforcement::CaseOfficerRef>> RosterOfficers(Store& store,
                                                                const std::vector<Id>& ids);

}  // namespace jg
