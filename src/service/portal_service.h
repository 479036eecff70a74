// The public disclosure portal (公示): what anyone may read without signing
// in. It returns domain records; the HTTP layer publishes only the fields on
// the portal allow-list (http/api_portal.cc), never internal ones such as the
// credit-risk class, tags, the station in charge or who edited a record.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/entity.h"
#include "domain/holding.h"
#include "service/service_env.h"

namespace jg {

struct PublicEntityRecord {
  Entity entity;
  std::vector<Holding> licences_in_force;  // valid and not expired today
  std::vector<HoldingKind> kinds;          // names of the licence kinds
};

class PortalService {
 public:
  explicit PortalService(ServiceEnv env) : env_(env) {}
  // By name fragment (two Chinese characters work) or exact credit code.
  Result<EntityPage> Search(const std::string& name, const std::string& credit_code, int page,
                            int page_size);
  Result<PublicEntityRecord> Record(const std::string& credit_code);

 private:
  // Holding kinds change only with a migration: read once per process.
  Result<std::vector<HoldingKind>> Kinds();
  ServiceEnv env_;
  std::mutex mu_;
  std::optional<std::vector<HoldingKind>> kinds_;
};

}  // namespace jg
