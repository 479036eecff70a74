// What every service needs, wired once in main (no globals).
#pragma once

#include "domain/clock.h"
#include "service/passwords.h"
#include "store/store.h"

namespace jg {

struct ServiceEnv {
  Store& store;
  const Clock& clock;
  PasswordCost password_cost = PasswordCost::Interactive();
};

}  // namespace jg
