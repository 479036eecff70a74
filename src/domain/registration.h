// Registrations of market entities (设立、变更、注销登记), attributed to the
// service point that handled them (e.g. the 北虹桥 企业登记注册服务点).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/status.h"

namespace jg {

enum class RegistrationKind { kEstablishment, kChange, kDeregistration };
std::string_view RegistrationKindName(RegistrationKind k);   // "establishment" …
std::string_view RegistrationKindLabel(RegistrationKind k);  // "设立登记" …
std::optional<RegistrationKind> ParseRegistrationKind(std::string_view s);

struct Registration {
  Id id = 0;
  Id entity_id = 0;
  RegistrationKind kind = RegistrationKind::kEstablishment;
  std::string service_point;  // e.g. 北虹桥企业登记注册服务点
  std::string handled_on;     // YYYY-MM-DD
  bool fully_electronic = false;  // 全程电子化
  UnixSeconds recorded_at = 0;
  std::string recorded_by;
};

// One cell of the counts by service point and month.
struct RegistrationCount {
  std::string service_point;
  std::string month;  // YYYY-MM
  RegistrationKind kind = RegistrationKind::kEstablishment;
  std::int64_t count = 0;
  std::int64_t fully_electronic = 0;
};

Status NormalizeRegistration(Registration& r);

}  // namespace jg
