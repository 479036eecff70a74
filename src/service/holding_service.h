// Holdings (licences first) and registrations of market entities.
#pragma once

#include <string>
#include <vector>

#include "domain/holding.h"
#include "domain/registration.h"
#include "service/service_env.h"

namespace jg {

class HoldingService {
 public:
  explicit HoldingService(ServiceEnv env) : env_(env) {}
  Result<std::vector<HoldingKind>> Kinds(const Actor& actor);
  Result<HoldingPage> Search(const Actor& actor, HoldingQuery q);
  // Valid holdings whose validity ends within `days` days of today (China
  // time), and those already past it: the list staff work through.
  Result<HoldingPage> Expiring(const Actor& actor, int days, int offset, int limit);
  Result<Holding> Get(const Actor& actor, Id id);
  Result<Holding> Create(const Actor& actor, Holding h);
  Result<Holding> Update(const Actor& actor, Id id, Holding h);

  Result<Registration> Record(const Actor& actor, Registration r);
  Result<std::vector<Registration>> Registrations(const Actor& actor, RegistrationQuery q);
  Result<std::vector<RegistrationCount>> RegistrationCounts(const Actor& actor,
                                                            const std::string& from,
                                                            const std::string& to);

  std::string Today() const;

 private:
  Result<HoldingKind> KindOf(const std::string& code);
  Status RequireEditFor(const Actor& actor, Id entity_id);
  ServiceEnv env_;
};

}  // namespace jg
