#include "domain/case_review.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "domain/civil_date.h"
#include "domain/enforcement/rule_table.h"
#include "domain/text_fields.h"

namespace jg::case_review {
namespace {

using enforcement::CellError;
using enforcement::IntCell;
using enforcement::LineError;
using enforcement::TableRow;
using enforcement::TableSpec;
using enforcement::TextCell;

const TableSpec& ChecklistSpec() {
  static const TableSpec spec{"案卷评查表",
                              "case_review_checklist_syntax",
                              "case_review_checklist",
                              {"item", "label", "description", "max_points", "basis", "to_confirm"}};
  return spec;
}

const TableSpec& SettingsSpec() {
  static const TableSpec spec{"案卷评查设置",
                              "case_review_settings_syntax",
                              "case_review_settings",
                              {"key", "value", "basis", "to_confirm"}};
  return spec;
}

bool IsItemCode(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Status Bad(std::string reason, std::string message, std::string field) {
  return InvalidArgument(std::move(reason), std::move(message), std::move(field));
}

}  // namespace

const ChecklistItem* Checklist::Find(std::string_view code) const {
  for (const auto& i : items) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

int Checklist::TotalPoints() const {
  int t = 0;
  for (const auto& i : items) t += i.max_points;
  return t;
}

Result<Checklist> ParseChecklist(std::string_view text) {
  const TableSpec& spec = ChecklistSpec();
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, enforcement::ParseRuleTable(text, spec));
  Checklist out;
  for (const TableRow& row : rows) {
    ChecklistItem i;
    JG_ASSIGN_OR_RETURN(i.code, TextCell(spec, row, 0));
    if (!IsItemCode(i.code)) return CellError(spec, row, 0, "项目代码须为小写字母、数字或下划线（至多32个）");
    if (out.Find(i.code)) return CellError(spec, row, 0, "「" + i.code + "」重复");
    JG_ASSIGN_OR_RETURN(i.label, TextCell(spec, row, 1));
    JG_ASSIGN_OR_RETURN(i.description, TextCell(spec, row, 2));
    JG_ASSIGN_OR_RETURN(i.max_points, IntCell(spec, row, 3, 1, 100));
    JG_ASSIGN_OR_RETURN(i.basis, TextCell(spec, row, 4));
    JG_ASSIGN_OR_RETURN(i.to_confirm, enforcement::BoolCell(spec, row, 5));
    out.items.push_back(std::move(i));
  }
  if (out.TotalPoints() != 100) {
    return LineError(spec, rows.back().line,
                     "各项满分合计须为100分，实为" + std::to_string(out.TotalPoints()) + "分");
  }
  return out;
}

std::string_view GradeName(Grade g) {
  switch (g) {
    case Grade::kExcellent: return "excellent";
    case Grade::kPass: return "pass";
    case Grade::kFail: return "fail";
  }
  return "";
}

std::string_view GradeLabel(Grade g) {
  switch (g) {
    case Grade::kExcellent: return "优秀";
    case Grade::kPass: return "合格";
    case Grade::kFail: return "不合格";
  }
  return "";
}

Result<Settings> ParseSettings(std::string_view text) {
  const TableSpec& spec = SettingsSpec();
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, enforcement::ParseRuleTable(text, spec));
  Settings s;
  std::set<std::string> seen;
  bool digits = false, pattern = false;
  for (const TableRow& row : rows) {
    JG_ASSIGN_OR_RETURN(std::string key, TextCell(spec, row, 0));
    if (!seen.insert(key).second) return CellError(spec, row, 0, "「" + key + "」重复");
    if (key == "excellent_min") {
      JG_ASSIGN_OR_RETURN(s.excellent_min, IntCell(spec, row, 1, 0, 100));
    } else if (key == "pass_min") {
      JG_ASSIGN_OR_RETURN(s.pass_min, IntCell(spec, row, 1, 0, 100));
    } else if (key == "default_sample_percent") {
      JG_ASSIGN_OR_RETURN(s.default_sample_percent, IntCell(spec, row, 1, 1, 100));
    } else if (key == "default_sample_minimum") {
      JG_ASSIGN_OR_RETURN(s.default_sample_minimum, IntCell(spec, row, 1, 0, 1000));
    } else if (key == "letter_number_pattern") {
      JG_ASSIGN_OR_RETURN(s.letter_number.pattern, TextCell(spec, row, 1));
      if (s.letter_number.pattern.find("{year}") == std::string::npos ||
          s.letter_number.pattern.find("{seq}") == std::string::npos)
        return CellError(spec, row, 1, "编号格式须含 {year} 和 {seq}");
      JG_ASSIGN_OR_RETURN(s.letter_number.to_confirm, enforcement::BoolCell(spec, row, 3));
      pattern = true;
    } else if (key == "letter_number_digits") {
      JG_ASSIGN_OR_RETURN(s.letter_number.sequence_digits, IntCell(spec, row, 1, 1, 9));
      digits = true;
    } else {
      return CellError(spec, row, 0, "未知设置项「" + key + "」");
    }
  }
  if (seen.size() != 6 || !digits || !pattern)
    return LineError(spec, rows.back().line, "设置项不全：须含 excellent_min、pass_min、default_sample_percent、default_sample_minimum、letter_number_pattern、letter_number_digits");
  if (s.excellent_min <= s.pass_min)
    return LineError(spec, rows.back().line, "优秀分数线须高于合格分数线");
  s.letter_number.bureau = "case_review";
  s.letter_number.name = "法治建议书";
  return s;
}

Grade GradeOf(const Settings& s, int total) {
  if (total >= s.excellent_min) return Grade::kExcellent;
  if (total >= s.pass_min) return Grade::kPass;
  return Grade::kFail;
}

Status ValidateSampleRule(const SampleRule& r) {
  if (r.by_percent) {
    if (r.percent < 1 || r.percent > 100)
      return Bad("invalid_sample_percent", "抽取比例应为1%至100%的整数", "sample_percent");
    if (r.minimum < 0 || r.minimum > 1000)
      return Bad("invalid_sample_minimum", "每个部门最少抽取件数应为0至1000", "sample_minimum");
  } else if (r.count < 1 || r.count > 1000) {
    return Bad("invalid_sample_count", "每个部门抽取件数应为1至1000", "sample_count");
  }
  return Status::Ok();
}

std::uint64_t SampleSize(const SampleRule& r, std::uint64_t eligible) {
  std::uint64_t n = 0;
  if (r.by_percent) {
    n = (static_cast<std::uint64_t>(r.percent) * eligible + 50) / 100;  // round half up
    n = std::max<std::uint64_t>(n, static_cast<std::uint64_t>(r.minimum));
  } else {
    n = static_cast<std::uint64_t>(r.count);
  }
  return std::min(n, eligible);
}

std::string SampleRuleText(const SampleRule& r) {
  if (r.by_percent) {
    return "每个部门抽取结案案件的" + std::to_string(r.percent) + "%（四舍五入），至少" +
           std::to_string(r.minimum) + "件；不足时全部抽取";
  }
  return "每个部门抽取" + std::to_string(r.count) + "件；不足时全部抽取";
}

Result<std::pair<std::string, std::string>> QuarterRange(int year, int quarter) {
  if (year < 2000 || year > 9999) return Bad("invalid_year", "年度应为2000至9999", "year");
  if (quarter < 1 || quarter > 4) return Bad("invalid_quarter", "季度应为1至4", "quarter");
  const int first = (quarter - 1) * 3 + 1, last = first + 2;
  char from[16], to[16];
  std::snprintf(from, sizeof from, "%04d-%02d-01", year, first);
  std::snprintf(to, sizeof to, "%04d-%02d-%02d", year, last, DaysInMonth(year, last));
  return std::pair<std::string, std::string>{from, to};
}

std::string CaseKey(int case_year, int case_seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%06d", case_year, case_seq);
  return buf;
}

std::string_view RoundStatusName(RoundStatus s) {
  switch (s) {
    case RoundStatus::kDraft: return "draft";
    case RoundStatus::kCommitted: return "committed";
    case RoundStatus::kDrawn: return "drawn";
    case RoundStatus::kCancelled: return "cancelled";
  }
  return "";
}

std::optional<RoundStatus> ParseRoundStatus(std::string_view s) {
  for (auto v : {RoundStatus::kDraft, RoundStatus::kCommitted, RoundStatus::kDrawn,
                 RoundStatus::kCancelled}) {
    if (RoundStatusName(v) == s) return v;
  }
  return std::nullopt;
}

Status NormalizeRound(Round& r) {
  JG_RETURN_IF_ERROR(QuarterRange(r.year, r.quarter).status());
  if (Trim(r.name).empty()) {
    r.name = std::to_string(r.year) + "年第" + std::to_string(r.quarter) + "季度行政处罚案卷抽查";
  }
  JG_RETURN_IF_ERROR(CheckText(r.name, "name", "抽查批次名称", 1, 100));
  return ValidateSampleRule(r.rule);
}

Status ScoreSample(const Checklist& c, const Settings& s, Sample& sheet) {
  JG_RETURN_IF_ERROR(CheckText(sheet.reviewer, "reviewer", "评查人", 1, 100));
  JG_RETURN_IF_ERROR(CheckDate(sheet.reviewed_on, "reviewed_on", "评查日期", true));
  std::set<std::string> scored;
  int total = 0;
  for (std::size_t i = 0; i < sheet.scores.size(); ++i) {
    ItemScore& sc = sheet.scores[i];
    const std::string at = "scores[" + std::to_string(i) + "]";
    const ChecklistItem* item = c.Find(sc.item);
    if (!item) return Bad("unknown_item", "评查表中没有项目「" + sc.item + "」", at + ".item");
    if (!scored.insert(sc.item).second)
      return Bad("duplicate_item", "「" + item->label + "」重复评分", at + ".item");
    if (sc.points < 0 || sc.points > item->max_points) {
      return Bad("points_out_of_range",
                 "「" + item->label + "」的得分应为0至" + std::to_string(item->max_points) +
                     "分，收到" + std::to_string(sc.points) + "分",
                 at + ".points");
    }
    JG_RETURN_IF_ERROR(CheckText(sc.note, (at + ".note").c_str(), "扣分说明", 0, 1000));
    total += sc.points;
  }
  for (const auto& item : c.items) {
    if (!scored.count(item.code))
      return Bad("item_not_scored", "评查项目「" + item.label + "」尚未评分", "scores");
  }
  for (std::size_t i = 0; i < sheet.findings.size(); ++i) {
    Finding& f = sheet.findings[i];
    const std::string at = "findings[" + std::to_string(i) + "]";
    if (!c.Find(f.item))
      return Bad("unknown_item", "评查表中没有项目「" + f.item + "」", at + ".item");
    JG_RETURN_IF_ERROR(CheckText(f.description, (at + ".description").c_str(), "问题描述", 1, 2000));
  }
  sheet.total = total;
  sheet.grade = GradeOf(s, total);
  sheet.scored = true;
  return Status::Ok();
}

std::string_view LetterStatusName(LetterStatus s) {
  switch (s) {
    case LetterStatus::kDraft: return "draft";
    case LetterStatus::kIssued: return "issued";
    case LetterStatus::kResponded: return "responded";
  }
  return "";
}

std::optional<LetterStatus> ParseLetterStatus(std::string_view s) {
  for (auto v : {LetterStatus::kDraft, LetterStatus::kIssued, LetterStatus::kResponded}) {
    if (LetterStatusName(v) == s) return v;
  }
  return std::nullopt;
}

Status NormalizeLetter(Letter& l) {
  JG_RETURN_IF_ERROR(CheckText(l.subject, "subject", "标题", 1, 200));
  JG_RETURN_IF_ERROR(CheckText(l.issues, "issues", "存在的问题", 1, 10000));
  JG_RETURN_IF_ERROR(CheckText(l.recommendations, "recommendations", "法治建议", 1, 10000));
  return Status::Ok();
}

}  // namespace jg::case_review
