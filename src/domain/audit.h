// The append-only audit log. Each entry's hash covers its own fields and the
// previous entry's hash (SM3), so editing, deleting or reordering any entry
// breaks the chain from that point on; the head row (last seq and hash) lets
// `audit verify` also notice entries cut off the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/clock.h"

namespace jg {

struct AuditEvent {
  std::int64_t seq = 0;  // 1, 2, 3… without gaps
  UnixSeconds at = 0;
  std::int64_t actor_id = 0;  // 0 for the system (migrations, CLI bootstrap)
  std::string actor;          // username at the time, for readers of the log
  std::string action;         // e.g. "user.create"
  std::string record_kind;    // e.g. "user"
  std::string record_id;
  std::string before_digest;  // SM3 of the canonical record before; empty on create
  std::string after_digest;   // SM3 of the canonical record after; empty on delete
  std::string detail;         // short JSON of what changed, never secrets
  std::string prev_hash;      // hash of entry seq-1; 64 zeros for the first
  std::string hash;
};

inline const std::string kAuditGenesisHash(64, '0');

// The hash of `e` given its fields and prev_hash (ignores e.hash).
std::string AuditEntryHash(const AuditEvent& e);

// Checks a chain fed entry by entry in the order of their position in the log.
class AuditChainVerifier {
 public:
  // Returns false at the first broken entry; reason() then says why.
  bool Feed(const AuditEvent& e);
  // Checks the recorded head (last seq and hash) against what was fed.
  bool Finish(std::int64_t head_seq, const std::string& head_hash);

  std::int64_t checked() const { return checked_; }
  // The seq (log position) of the first entry found wrong.
  std::int64_t first_bad_seq() const { return first_bad_seq_; }
  const std::string& reason() const { return reason_; }

 private:
  bool Fail(std::int64_t seq, std::string reason);
  std::int64_t checked_ = 0;
  std::int64_t expected_seq_ = 1;
  std::string prev_hash_ = kAuditGenesisHash;
  std::int64_t first_bad_seq_ = 0;
  std::string reason_;
};

}  // namespace jg
