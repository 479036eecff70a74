#include "domain/audit.h"

#include <string_view>

#include "domain/sm3.h"

namespace jg {

namespace {
// Length-prefixed fields: no separator inside a value can forge another entry.
void Put(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}
}  // namespace

std::string AuditEntryHash(const AuditEvent& e) {
  std::string buf = "jianguan-audit-v1;";
  Put(buf, std::to_string(e.seq));
  Put(buf, std::to_string(e.at));
  Put(buf, std::to_string(e.actor_id));
  Put(buf, e.actor);
  Put(buf, e.action);
  Put(buf, e.record_kind);
  Put(buf, e.record_id);
  Put(buf, e.before_digest);
  Put(buf, e.after_digest);
  Put(buf, e.detail);
  Put(buf, e.prev_hash);
  return Sm3Hex(buf);
}

bool AuditChainVerifier::Fail(std::int64_t seq, std::string reason) {
  first_bad_seq_ = seq;
  reason_ = std::move(reason);
  return false;
}

bool AuditChainVerifier::Feed(const AuditEvent& e) {
  if (first_bad_seq_ != 0) return false;
  if (e.seq != expected_seq_) {
    return Fail(expected_seq_, e.seq > expected_seq_
                                   ? "entry missing (deleted): expected seq " +
                                         std::to_string(expected_seq_) + ", found " +
                                         std::to_string(e.seq)
                                   : "entry out of order or duplicated: seq " + std::to_string(e.seq));
  }
  if (e.prev_hash != prev_hash_) {
    return Fail(e.seq, "prev_hash does not match the previous entry (deleted or reordered)");
  }
  if (AuditEntryHash(e) != e.hash) {
    return Fail(e.seq, "entry content does not match its hash (changed)");
  }
  prev_hash_ = e.hash;
  ++expected_seq_;
  ++checked_;
  return true;
}

bool AuditChainVerifier::Finish(std::int64_t head_seq, const std::string& head_hash) {
  if (first_bad_seq_ != 0) return false;
  if (head_seq != expected_seq_ - 1) {
    return Fail(expected_seq_, "log ends at seq " + std::to_string(expected_seq_ - 1) +
                                   " but the head records seq " + std::to_string(head_seq) +
                                   " (entries cut off the end)");
  }
  if (head_hash != prev_hash_) {
    return Fail(head_seq, "head hash does not match the last entry");
  }
  return true;
}

}  // namespace jg
