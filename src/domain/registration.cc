#include "domain/registration.h"

#include "domain/civil_date.h"
#include "domain/utf8.h"

namespace jg {
namespace {
struct Named {
  std::string_view code, label;
};
constexpr Named kKinds[] = {
    {"establishment", "设立登记"}, {"change", "变更登记"}, {"deregistration", "注销登记"}};
}  // namespace

std::string_view RegistrationKindName(RegistrationKind k) { return kKinds[static_cast<int>(k)].code; }
std::string_view RegistrationKindLabel(RegistrationKind k) { return kKinds[static_cast<int>(k)].label; }
std::optional<RegistrationKind> ParseRegistrationKind(std::string_view s) {
  for (int i = 0; i < 3; ++i) {
    if (kKinds[i].code == s || kKinds[i].label == s) return static_cast<RegistrationKind>(i);
  }
  return std::nullopt;
}

Status NormalizeRegistration(Registration& r) {
  if (r.entity_id <= 0) return InvalidArgument("required", "请选择市场主体", "entity_id");
  if (r.service_point.empty()) return InvalidArgument("required", "请填写登记服务点", "service_point");
  if (!IsValidUtf8(r.service_point) || Utf8Length(r.service_point) > 60)
    return InvalidArgument("invalid_service_point", "登记服务点名称过长或不是有效文本", "service_point");
  if (r.handled_on.empty()) return InvalidArgument("required", "请填写办理日期", "handled_on");
  return Date::Parse(r.handled_on, "handled_on").status();
}

}  // namespace jg
