// The real clock, wired in main; tests use ManualClock instead.
#pragma once

#include <chrono>

#include "domain/clock.h"

namespace jg {

class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace jg
