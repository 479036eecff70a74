#include "domain/holding.h"

#include <algorithm>
#include <cctype>

#include "domain/civil_date.h"
#include "domain/utf8.h"

namespace jg {
namespace {
struct Named {
  std::string_view code, label;
};
constexpr Named kStatuses[] = {
    {"valid", "有效"}, {"suspended", "暂停"}, {"revoked", "吊销"}, {"cancelled", "注销"}};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

std::string_view HoldingStatusName(HoldingStatus s) { return kStatuses[static_cast<int>(s)].code; }
std::string_view HoldingStatusLabel(HoldingStatus s) { return kStatuses[static_cast<int>(s)].label; }
std::optional<HoldingStatus> ParseHoldingStatus(std::string_view s) {
  for (int i = 0; i < 4; ++i) {
    if (kStatuses[i].code == s || kStatuses[i].label == s) return static_cast<HoldingStatus>(i);
  }
  return std::nullopt;
}

Status CheckFoodLicenceNumber(std::string_view n) {
  if (n.size() != 16 || n.substr(0, 2) != "JY" || !AllDigits(n.substr(2)))
    return InvalidArgument("invalid_licence_number",
                           "食品经营许可证编号须为 JY 加 14 位数字，如 JY13101140012345", "identifier");
  if (n[2] < '1' || n[2] > '3')
    return InvalidArgument("invalid_licence_number",
                           "食品经营许可证编号第 1 位数字（主体业态）须为 1–3", "identifier");
  return Status::Ok();
}

Status NormalizeHolding(const HoldingKind& kind, Holding& h) {
  // Identifiers are printed in upper case; people type them in any case.
  std::string id;
  for (char c : h.identifier) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      id.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  h.identifier = id;
  if (h.identifier.empty()) return InvalidArgument("required", "请填写证照（设备）编号", "identifier");
  if (!IsValidUtf8(h.identifier) || h.identifier.size() > 64)
    return InvalidArgument("invalid_identifier", "编号过长或不是有效文本", "identifier");
  if (kind.identifier_rule == "jy14") JG_RETURN_IF_ERROR(CheckFoodLicenceNumber(h.identifier));
  if (h.entity_id <= 0) return InvalidArgument("required", "请选择持有主体", "entity_id");
  if (h.valid_from.empty()) return InvalidArgument("required", "请填写有效期起始日", "valid_from");
  JG_ASSIGN_OR_RETURN(Date from, Date::Parse(h.valid_from, "valid_from"));
  if (!h.valid_until.empty()) {
    JG_ASSIGN_OR_RETURN(Date until, Date::Parse(h.valid_until, "valid_until"));
    if (until < from)
      return InvalidArgument("invalid_period", "有效期截止日不能早于起始日", "valid_until");
  }
  for (const auto& [k, v] : h.attributes) {
    if (std::find(kind.attribute_keys.begin(), kind.attribute_keys.end(), k) ==
        kind.attribute_keys.end())
      return InvalidArgument("unknown_attribute", kind.name + "没有属性 " + k, "attributes");
    if (!IsValidUtf8(v) || Utf8Length(v) > 100)
      return InvalidArgument("invalid_attribute", "属性 " + k + " 的值过长或不是有效文本", "attributes");
  }
  return Status::Ok();
}

std::string ExpiryState(const Holding& h, std::string_view today, int window_days) {
  if (h.valid_until.empty() || h.status != HoldingStatus::kValid) return "";
  auto until = Date::Parse(h.valid_until);
  auto now = Date::Parse(today);
  if (!until.ok() || !now.ok()) return "";
  const auto left = DaysBetween(*now, *until);
  if (left < 0) return "expired";
  if (left <= window_days) return "expiring";
  return "";
}

}  // namespace jg
