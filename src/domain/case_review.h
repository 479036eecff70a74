// Quarterly case-file sampling (案卷抽查/评查) by the legal department: a
// round per quarter samples closed cases per department with the verifiable
// draw engine (domain/draw, selection only), reviewers score each sampled
// case against a checklist (评查表), and findings lead to legal advice
// letters (法治建议书) to the departments. The checklist, the grade
// thresholds, the default sample sizes and the letter number format are data
// (data/case-review-*.csv) citing their basis. Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.h"
#include "domain/clock.h"
#include "domain/enforcement/case_number.h"
#include "domain/status.h"

namespace jg::case_review {

// ---- the rule data ----
struct ChecklistItem {
  std::string code;         // e.g. "filing"
  std::string label;        // 立案合法
  std::string description;  // what the reviewer checks
  int max_points = 0;
  std::string basis;        // the provision it rests on
  bool to_confirm = false;
};

struct Checklist {
  std::vector<ChecklistItem> items;
  const ChecklistItem* Find(std::string_view code) const;  // nullptr if none
  int TotalPoints() const;
};

// data/case-review-checklist.csv: item, label, description, max_points, basis,
// to_confirm. All or nothing; InvalidArgument "case_review_checklist_syntax"
// naming line and column (duplicate item, points outside 1–100, total ≠ 100).
Result<Checklist> ParseChecklist(std::string_view text);

enum class Grade { kExcellent, kPass, kFail };
std::string_view GradeName(Grade g);   // "excellent", "pass", "fail"
std::string_view GradeLabel(Grade g);  // 优秀, 合格, 不合格

struct Settings {
  int excellent_min = 90;  // total ≥ this: 优秀
  int pass_min = 60;       // total ≥ this: 合格; below: 不合格
  int default_sample_percent = 10;
  int default_sample_minimum = 2;
  enforcement::CaseNumberFormat letter_number;  // 法治建议书 number, {year} and {seq}
};

// data/case-review-settings.csv: key, value, basis, to_confirm. Keys:
// excellent_min, pass_min (0–100, excellent above pass), default_sample_percent
// (1–100), default_sample_minimum (0–1000), letter_number_pattern,
// letter_number_digits. Every key exactly once.
Result<Settings> ParseSettings(std::string_view text);

Grade GradeOf(const Settings& s, int total);

// ---- sample sizes ----
// Per department: a fixed count, or a percentage of the department's eligible
// cases rounded half up with a minimum. Never more than the department has:
// a department with fewer eligible cases than the size has all of them drawn.
struct SampleRule {
  bool by_percent = false;
  int count = 0;    // 1–1000 when !by_percent
  int percent = 0;  // 1–100 when by_percent
  int minimum = 0;  // 0–1000, with by_percent
};
Status ValidateSampleRule(const SampleRule& r);  // errors name sample_count / sample_percent / sample_minimum
std::uint64_t SampleSize(const SampleRule& r, std::uint64_t eligible);
// "每个部门抽取10%（四舍五入），至少2件；不足时全部抽取" — written into the draw file.
std::string SampleRuleText(const SampleRule& r);

// The first and last day of a quarter ("2024-01-01", "2024-03-31").
// InvalidArgument for a year outside 2000–9999 (field year) or a quarter outside 1–4.
Result<std::pair<std::string, std::string>> QuarterRange(int year, int quarter);

// The draw engine's key of a case file: "<year>-<seq, 6 digits>", ASCII so it
// is a valid draw-file code; it names the case as its number does.
std::string CaseKey(int case_year, int case_seq);

// ---- rounds ----
enum class RoundStatus { kDraft, kCommitted, kDrawn, kCancelled };
std::string_view RoundStatusName(RoundStatus s);  // "draft", "committed", "drawn", "cancelled"
std::optional<RoundStatus> ParseRoundStatus(std::string_view s);

struct Round {
  Id id = 0;
  int year = 0;
  int quarter = 0;
  std::string name;  // e.g. 2024年第一季度行政处罚案卷抽查
  SampleRule rule;
  RoundStatus status = RoundStatus::kDraft;
  std::string cancel_reason;
  std::int64_t version = 1;
  UnixSeconds created_at = 0;
  std::string created_by;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// Trims and checks the fields a person supplies; errors name the field.
Status NormalizeRound(Round& r);

// The commitment and the draw file of a round (as PlanDraw for plans).
struct RoundDraw {
  Id round_id = 0;
  std::string commitment_id;
  std::string commitment_text;
  UnixSeconds committed_at = 0;
  std::string committed_by;
  std::string secret_seed_hex;  // internal until the draw
  std::string input_file;       // frozen eligible list and parameters, no seed
  std::string seed_hex;
  std::string draw_file;        // complete verification file, once drawn
  UnixSeconds drawn_at = 0;
  std::string drawn_by;
  bool drawn() const { return !draw_file.empty(); }
};

// One closed case eligible for a round: the draw's snapshot row.
struct EligibleCase {
  Id case_id = 0;
  int case_year = 0;
  int case_seq = 0;
  std::string case_number;
  Id department_id = 0;
  std::string department_code;  // the stratum
  std::string closed_on;
};

// ---- samples and score sheets ----
struct ItemScore {
  std::string item;
  int points = 0;
  std::string note;
};
struct Finding {
  std::string item;  // the checklist item the problem concerns
  std::string description;
};

struct Sample {
  Id id = 0;
  Id round_id = 0;
  Id case_id = 0;
  std::string case_key;  // CaseKey, as in the draw file
  std::string case_number;
  std::string party_name;
  Id department_id = 0;
  std::string closed_on;
  int position = 0;  // draw order within the round
  bool scored = false;
  std::string reviewer;     // 评查人
  std::string reviewed_on;  // YYYY-MM-DD
  std::vector<ItemScore> scores;
  std::vector<Finding> findings;
  int total = 0;
  std::optional<Grade> grade;
  std::int64_t version = 1;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// Checks a score sheet against the checklist: every item scored exactly once,
// 0 ≤ points ≤ the item's maximum (the error names the item), findings name a
// checklist item and describe the problem; reviewer and reviewed_on required.
// Sets total and grade. Errors name the field, e.g. "scores[2].points".
Status ScoreSample(const Checklist& c, const Settings& s, Sample& sheet);

// ---- legal advice letters (法治建议书) ----
enum class LetterStatus { kDraft, kIssued, kResponded };
std::string_view LetterStatusName(LetterStatus s);  // "draft", "issued", "responded"
std::optional<LetterStatus> ParseLetterStatus(std::string_view s);

struct Letter {
  Id id = 0;
  std::optional<Id> round_id;  // the round whose findings it follows from
  Id department_id = 0;        // 主送 department
  std::string subject;
  std::string issues;           // problems found
  std::string recommendations;  // 建议
  LetterStatus status = LetterStatus::kDraft;
  std::string number;  // assigned on issue
  int letter_year = 0;
  int letter_seq = 0;
  std::string issued_on;
  std::string responded_on;
  std::string measures;  // the department's response: measures taken
  std::int64_t version = 1;
  UnixSeconds created_at = 0;
  std::string created_by;
  UnixSeconds updated_at = 0;
  std::string updated_by;
};

// Trims and checks subject, issues and recommendations.
Status NormalizeLetter(Letter& l);

}  // namespace jg::case_review
