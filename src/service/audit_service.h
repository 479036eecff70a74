// Reading the audit log and re-checking its chain.
#pragma once

#include <string>
#include <vector>

#include "domain/audit.h"
#include "service/service_env.h"

namespace jg {

struct ChainReport {
  bool ok = false;
  std::int64_t checked = 0;
  std::int64_t head_seq = 0;
  std::int64_t first_bad_seq = 0;  // 0 when ok
  std::string reason;
};

class AuditService {
 public:
  explicit AuditService(ServiceEnv env) : env_(env) {}
  Result<std::vector<AuditEvent>> List(const Actor& actor, std::int64_t before_seq, int limit);
  Result<ChainReport> Verify(const Actor& actor);
  // For the CLI, run by the operator on the server itself.
  Result<ChainReport> VerifyAsOperator();

 private:
  ServiceEnv env_;
};

}  // namespace jg
