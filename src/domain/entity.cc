#include "domain/entity.h"

#include <algorithm>
#include <cctype>
#include <set>

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
constexpr Named kKinds[] = {{"enterprise", "企业"},
                            {"individual", "个体工商户"},
                            {"cooperative", "农民专业合作社"},
                            {"branch", "分支机构"}};
constexpr Named kStatuses[] = {
    {"active", "存续"}, {"deregistered", "注销"}, {"revoked", "吊销"}, {"moved_out", "迁出"}};

}  // namespace

std::string_view EntityKindName(EntityKind k) { return kKinds[static_cast<int>(k)].code; }
std::string_view EntityKindLabel(EntityKind k) { return kKinds[static_cast<int>(k)].label; }
std::optional<EntityKind> ParseEntityKind(std::string_view s) {
  for (int i = 0; i < 4; ++i) {
    if (kKinds[i].code == s || kKinds[i].label == s) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}
std::string_view EntityStatusName(EntityStatus s) { return kStatuses[static_cast<int>(s)].code; }
std::string_view EntityStatusLabel(EntityStatus s) { return kStatuses[static_cast<int>(s)].label; }
std::optional<EntityStatus> ParseEntityStatus(std::string_view s) {
  for (int i = 0; i < 4; ++i) {
    if (kStatuses[i].code == s || kStatuses[i].label == s) return static_cast<EntityStatus>(i);
  }
  return std::nullopt;
}

std::string_view RiskClassName(RiskClass r) {
  static constexpr std::string_view kNames[] = {"", "A", "B", "C", "D"};
  return kNames[static_cast<int>(r)];
}
std::optional<RiskClass> ParseRiskClass(std::string_view s) {
  if (s.empty() || s == "未分类") return RiskClass::kNone;
  if (s.size() == 1) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (c >= 'A' && c <= 'D') return static_cast<RiskClass>(c - 'A' + 1);
  }
  if (s.size() == 4 && s.substr(1) == "类") return ParseRiskClass(s.substr(0, 1));
  return std::nullopt;
}

bool IsValidIndustryCode(std::string_view code) {
  if (code.empty() || code.size() > 5 || code[0] < 'A' || code[0] > 'T') return false;
  if (code.size() == 2) return false;  // 大类 has two digits
  return std::all_of(code.begin() + 1, code.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

Status NormalizeEntity(Entity& e) {
  {
    auto code = ParseCreditCode(e.credit_code);
    if (!code.ok()) return code.status();
    e.credit_code = code->code;
  }
  JG_RETURN_IF_ERROR(CheckText(e.name, "name", "名称", 1, 100));
  JG_RETURN_IF_ERROR(CheckText(e.legal_representative, "legal_representative", "法定代表人（负责人）", 0, 50));
  JG_RETURN_IF_ERROR(CheckText(e.address, "address", "住所（经营场所）", 0, 200));
  JG_RETURN_IF_ERROR(CheckText(e.street, "street", "街镇", 0, 30));
  e.industry = Trim(e.industry);
  for (auto& c : e.industry) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!e.industry.empty() && !IsValidIndustryCode(e.industry))
    return InvalidArgument("invalid_industry",
                           "行业代码须符合 GB/T 4754-2017：门类字母 A–T，可带 2–4 位数字，如 F5223",
                           "industry");
  JG_RETURN_IF_ERROR(CheckDate(e.registered_on, "registered_on", "成立日期", false));
  JG_RETURN_IF_ERROR(CheckDate(e.risk_classified_on, "risk_classified_on", "风险分类日期", false));
  if (e.risk_class != RiskClass::kNone && e.risk_classified_on.empty())
    return InvalidArgument("required", "请填写信用风险分类日期", "risk_classified_on");
  std::set<std::string> seen;
  std::vector<std::string> tags;
  for (auto& t : e.tags) {
    std::string tag = t;
    JG_RETURN_IF_ERROR(CheckText(tag, "tags", "标签", 1, 20));
    if (seen.insert(tag).second) tags.push_back(tag);
  }
  if (tags.size() > 20) return InvalidArgument("too_many_tags", "标签最多 20 个", "tags");
  e.tags = std::move(tags);
  return Status::Ok();
}

std::string SearchFold(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> NameBigrams(std::string_view text) {
  std::string folded = SearchFold(text);
  // Code-point boundaries of the folded text.
  std::vector<size_t> starts;
  for (size_t i = 0; i < folded.size(); ++i) {
    if ((static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(folded.size());
  std::set<std::string> grams;
  for (size_t k = 0; k + 2 < starts.size(); ++k) {
    grams.insert(folded.substr(starts[k], starts[k + 2] - starts[k]));
  }
  return {grams.begin(), grams.end()};
}

std::vector<std::string> SplitTags(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t = Trim(cur);
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ';' || text[i] == ',' || text[i] == '|') {
      flush();
    } else if (text.substr(i, 3) == "；" || text.substr(i, 3) == "，" || text.substr(i, 3) == "、") {
      flush();
      i += 2;
    } else {
      cur.push_back(text[i]);
    }
  }
  flush();
  return out;
}

}  // namespace jg
