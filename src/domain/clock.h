// The time seam: the domain never reads the system clock itself, so deadline,
// session-expiry and lockout logic can be tested at exact instants.
#pragma once

#include <cstdint>

namespace jg {

// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  // Thread-safe. Returns the current instant.
  virtual UnixSeconds Now() const = 0;
};

// A clock the test sets by hand.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixSeconds t) : t_(t) {}
  UnixSeconds Now() const override { return t_; }
  void Set(UnixSeconds t) { t_ = t; }
  void Advance(UnixSeconds s) { t_ += s; }

 private:
  UnixSeconds t_;
};

}  // namespace jg
