#include "domain/inspection_registry.h"

#include <algorithm>
#include <cctype>

#include "domain/civil_date.h"
#include "domain/credit_code.h"
#include "domain/text_fields.h"
#include "domain/utf8.h"

namespace jg {
namespace {

struct Named {
  std::string_view code;
  std::string_view label;
};
constexpr Named kImportance[] = {{"key", "重点"}, {"general", "一般"}};
constexpr Named kMethods[] = {{"on_site", "现场检查"},
                              {"documentary", "书面检查"},
                              {"online_monitoring", "网络监测"},
                              {"sampling", "抽样检测"}};

}  // namespace

std::string_view ImportanceName(Importance i) { return kImportance[static_cast<int>(i)].code; }
std::string_view ImportanceLabel(Importance i) { return kImportance[static_cast<int>(i)].label; }
std::optional<Importance> ParseImportance(std::string_view s) {
  for (int i = 0; i < 2; ++i) {
    if (kImportance[i].code == s || kImportance[i].label == s) return static_cast<Importance>(i);
  }
  return std::nullopt;
}

std::string_view InspectionMethodName(InspectionMethod m) {
  return kMethods[static_cast<int>(m)].label;
}
std::optional<InspectionMethod> ParseInspectionMethod(std::string_view s) {
  for (int i = 0; i < 4; ++i) {
    if (kMethods[i].code == s || kMethods[i].label == s) return static_cast<InspectionMethod>(i);
  }
  return std::nullopt;
}

bool IsValidInspectionItemCode(std::string_view code) {
  size_t dash = code.find('-');
  if (dash == std::string_view::npos || dash < 1 || dash > 4 || code.size() != dash + 4)
    return false;
  for (size_t i = 0; i < dash; ++i) {
    if (code[i] < 'A' || code[i] > 'Z') return false;
  }
  for (size_t i = dash + 1; i < code.size(); ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

Status NormalizeInspectionItem(InspectionItem& item) {
  item.code = Trim(item.code);
  UpperAscii(item.code);
  if (item.code.empty()) return InvalidArgument("required", "请填写事项编码", "code");
  if (!IsValidInspectionItemCode(item.code))
    return InvalidArgument("invalid_item_code",
                           "事项编码须为 1–4 个大写字母、连字符和 3 位数字，如 SP-001", "code");
  JG_RETURN_IF_ERROR(CheckText(item.name, "name", "抽查事项名称", 1, 100));
  JG_RETURN_IF_ERROR(CheckText(item.sub_item, "sub_item", "检查子项", 0, 200));
  JG_RETURN_IF_ERROR(CheckText(item.legal_basis, "legal_basis", "检查依据", 1, 1000));
  JG_RETURN_IF_ERROR(CheckText(item.target, "target", "检查对象", 1, 100));
  JG_RETURN_IF_ERROR(
      CheckText(item.inspector_requirements, "inspector_requirements", "执法人员要求", 0, 500));
  if (item.department_id && *item.department_id <= 0)
    return InvalidArgument("department_not_found", "检查实施主体不存在", "department_id");
  std::vector<std::string> points;
  for (const auto& raw : item.checklist) {
    std::string p = raw;
    JG_RETURN_IF_ERROR(CheckText(p, "checklist", "检查要点", 0, 200));
    if (p.empty()) continue;
    if (p.find_first_of("\r\n") != std::string::npos)
      return InvalidArgument("invalid_checklist", "每条检查要点须为一行", "checklist");
    points.push_back(std::move(p));
  }
  if (points.size() > 50)
    return InvalidArgument("too_many_points", "检查要点最多 50 条", "checklist");
  item.checklist = std::move(points);
  return Status::Ok();
}

Status NormalizeInspectorConflict(InspectorConflict& c) {
  auto code = ParseCreditCode(c.credit_code);
  if (!code.ok()) return code.status();
  c.credit_code = code->code;
  JG_RETURN_IF_ERROR(CheckText(c.reason, "reason", "回避事由", 1, 200));
  return CheckDate(c.declared_on, "declared_on", "申报日期", true);
}

Status NormalizeInspector(Inspector& in) {
  JG_RETURN_IF_ERROR(CheckText(in.name, "name", "姓名", 1, 50));
  if (in.department_id <= 0) return InvalidArgument("required", "请选择所属部门", "department_id");
  if (in.station_id && *in.station_id <= 0)
    return InvalidArgument("invalid_station", "所在市场监管所不存在", "station_id");
  if (in.user_id && *in.user_id <= 0)
    return InvalidArgument("user_not_found", "关联的用户不存在", "user_id");
  JG_RETURN_IF_ERROR(CheckText(in.certificate_no, "certificate_no", "执法证号", 1, 32));
  JG_RETURN_IF_ERROR(
      CheckDate(in.certificate_expires, "certificate_expires", "执法证有效期", true));
  JG_RETURN_IF_ERROR(CheckDate(in.available_from, "available_from", "可参加抽查的起始日期", false));
  JG_RETURN_IF_ERROR(CheckDate(in.available_to, "available_to", "可参加抽查的截止日期", false));
  if (!in.available_from.empty() && !in.available_to.empty() &&
      in.available_from > in.available_to)
    return InvalidArgument("invalid_range", "截止日期不能早于起始日期", "available_to");
  std::vector<std::string> items;
  for (const auto& raw : in.qualified_items) {
    std::string code = Trim(raw);
    UpperAscii(code);
    if (!IsValidInspectionItemCode(code))
      return InvalidArgument("invalid_item_code", "可检查事项编码无效：" + code, "qualified_items");
    items.push_back(std::move(code));
  }
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  if (items.size() > 200)
    return InvalidArgument("too_many_items", "可检查事项最多 200 项", "qualified_items");
  in.qualified_items = std::move(items);
  for (auto& c : in.conflicts) JG_RETURN_IF_ERROR(NormalizeInspectorConflict(c));
  std::sort(in.conflicts.begin(), in.conflicts.end(),
            [](const auto& a, const auto& b) { return a.credit_code < b.credit_code; });
  for (size_t i = 1; i < in.conflicts.size(); ++i) {
    if (in.conflicts[i].credit_code == in.conflicts[i - 1].credit_code)
      return InvalidArgument("duplicate_conflict", "同一市场主体的回避申报重复", "credit_code");
  }
  return Status::Ok();
}

bool CertificateValidOn(const Inspector& inspector, std::string_view date) {
  // Both are strict YYYY-MM-DD: byte order is date order.
  if (!Date::Parse(inspector.certificate_expires).ok() || !Date::Parse(date).ok()) return false;
  return date <= inspector.certificate_expires;
}

bool AvailableOn(const Inspector& inspector, std::string_view date) {
  if (!inspector.active) return false;
  if (!inspector.available_from.empty() && date < inspector.available_from) return false;
  if (!inspector.available_to.empty() && date > inspector.available_to) return false;
  return true;
}

}  // namespace jg
