// Closed enforcement cases written straight into a store, for tests of
// case-file sampling that need many cases closed on given days (the API path
// from lead to 结案 is tested in case_api_test.cc).
#pragma once

#include <stdexcept>
#include <string>

#include "store/store.h"

namespace jg::testing {

// A case of `department` numbered (year 2023, `seq`), filed on 2023-06-01,
// with its closing event on `closed_on` (stage closed), or still under
// investigation when `closed_on` is empty. Returns the case id.
inline Id AddClosedCase(Store& store, Id department, int seq, const std::string& closed_on) {
  using namespace jg::enforcement;
  auto day = [](const std::string& s) { return Date::Parse(s).value(); };
  Lead l;
  l.source = LeadSource::kComplaint;
  l.party_name = "抽查当事人" + std::to_string(seq);
  l.description = "案卷抽查测试线索";
  l.found_on = day("2023-05-30");
  l.department_id = department;
  l.status = LeadStatus::kFiled;
  l.updated_at = 1;
  auto lead = store.InsertLead(l);
  if (!lead.ok()) throw std::runtime_error(lead.status().ToString());
  EnforcementCase c;
  c.case_year = 2023;
  c.case_seq = seq;
  c.case_number = "沪市监嘉处〔2023〕第" + std::to_string(100000 + seq) + "号";
  c.lead_id = *lead;
  c.party_name = l.party_name;
  c.department_id = department;
  c.filed_on = day("2023-06-01");
  c.stage = closed_on.empty() ? CaseStage::kInvestigation : CaseStage::kClosed;
  c.updated_at = 1;
  auto id = store.InsertCase(c);
  if (!id.ok()) throw std::runtime_error(id.status().ToString());
  if (!closed_on.empty()) {
    auto ev = store.InsertCaseEvent(
        {0, *id, CaseStage::kServed, CaseStage::kClosed, CaseAction::kClose, day(closed_on), "test", "", 1});
    if (!ev.ok()) throw std::runtime_error(ev.status().ToString());
  }
  return *id;
}

}  // namespace jg::testing
