// The strict parser of the draw file. Never trusts a count in the file for an
// allocation; every row is checked as it is read; errors name the line.
#include <array>
#include <tuple>

#include "domain/draw/draw_file.h"
#include "domain/draw/text.h"

namespace jg::draw {
namespace {

constexpr std::array<std::string_view, 6> kSections = {"[eligible]", "[strata]", "[inspectors]",
                                                       "[conflicts]", "[result]", "[recusals]"};
constexpr std::array<std::string_view, 17> kKeys = {
    "commitment_id", "eligible_count", "eligible_digest", "params_digest", "seed_mode",
    "seed_commitment", "seed_source", "seed_hex", "seed_text", "plan", "exclusions", "items",
    "per_entity", "workload_cap", "cross_station", "mixed_departments", ""};
constexpr std::array<std::string_view, 4> kOptional = {"seed_commitment", "seed_source", "seed_text", ""};

bool IsDigestHex(std::string_view s) {
  return s.size() == 64 && DecodeHex(s, true).has_value();
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}
  Result<DrawFile> Run();

 private:
  Status Err(std::size_t line, const std::string& msg) const {
    return InvalidArgument("draw_file_syntax", "第" + std::to_string(line) + "行：" + msg, "file");
  }
  Status Err(const std::string& msg) const { return Err(line_no_, msg); }
  Status HeaderLine(std::string_view line);
  Status FinishHeader();
  Status Row(std::string_view line);
  Status Text(std::string_view key, std::string& out);
  Status Flag(std::string_view key, bool& out);
  Status Items(std::string_view s, std::vector<std::string>& out);

  std::string_view text_;
  std::size_t line_no_ = 0;
  int section_ = -1;  // -1: header; else index into kSections
  std::map<std::string, std::string, std::less<>> header_;
  std::tuple<std::string, std::string, std::string> prev_conflict_;
  DrawFile f_;
};

Status Parser::Text(std::string_view key, std::string& out) {
  auto it = header_.find(key);
  if (it == header_.end()) return Status::Ok();
  auto v = UnescapeText(it->second);
  if (!v || !IsFreeText(*v, kMaxTextBytes)) {
    return Err(f_.key_lines[std::string(key)], "“" + std::string(key) + "”的文字不合法（转义或长度）");
  }
  out = std::move(*v);
  return Status::Ok();
}

Status Parser::Flag(std::string_view key, bool& out) {
  const std::string& v = header_.find(key)->second;
  if (v != "yes" && v != "no") return Err(f_.key_lines[std::string(key)], std::string(key) + "须为yes或no");
  out = v == "yes";
  return Status::Ok();
}

Status Parser::Items(std::string_view s, std::vector<std::string>& out) {
  auto parts = SplitComma(s, kMaxItems);
  if (parts.size() > kMaxItems) return Err("检查事项超过100项");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!IsKeyToken(parts[i], kMaxKeyBytes, false)) return Err("检查事项代码不合法");
    if (i > 0 && !(parts[i - 1] < parts[i])) return Err("检查事项须按字节升序排列且不重复");
    out.emplace_back(parts[i]);
  }
  return Status::Ok();
}

Status Parser::HeaderLine(std::string_view line) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return Err("应为“键: 值”格式");
  std::string_view key = line.substr(0, colon), rest = line.substr(colon + 1);
  if (!rest.empty() && rest[0] != ' ') return Err("冒号后须为一个空格");
  if (!rest.empty()) rest.remove_prefix(1);
  bool known = false;
  for (auto k : kKeys) known = known || (!k.empty() && k == key);
  if (!known) return Err("未知的项“" + std::string(key.substr(0, 64)) + "”");
  if (!header_.emplace(std::string(key), std::string(rest)).second) {
    return Err("“" + std::string(key) + "”重复");
  }
  f_.key_lines[std::string(key)] = line_no_;
  return Status::Ok();
}

Status Parser::FinishHeader() {
  for (auto k : kKeys) {
    bool optional = false;
    for (auto o : kOptional) optional = optional || o == k;
    if (!k.empty() && !optional && !header_.count(k)) return Err("头部缺少“" + std::string(k) + "”项");
  }
  auto line = [this](const char* k) { return f_.key_lines[k]; };
  DrawCommitment& c = f_.result.commitment;
  DrawParams& p = f_.input.params;
  c.algorithm = std::string(kDrawAlgorithm);
  f_.commitment_id = header_["commitment_id"];
  if (!IsDigestHex(f_.commitment_id)) return Err(line("commitment_id"), "commitment_id须为64位小写十六进制");
  for (const char* k : {"eligible_digest", "params_digest"}) {
    if (!IsDigestHex(header_[k])) return Err(line(k), std::string(k) + "须为64位小写十六进制");
  }
  c.eligible_digest = header_["eligible_digest"];
  c.params_digest = header_["params_digest"];
  auto count = ParseDecimal(header_["eligible_count"], kMaxEntries);
  if (!count) return Err(line("eligible_count"), "eligible_count须为不超过5000万的十进制数");
  c.eligible_count = *count;
  const std::string& mode = header_["seed_mode"];
  if (mode != "commit-reveal" && mode != "public-value") {
    return Err(line("seed_mode"), "seed_mode须为commit-reveal或public-value");
  }
  c.seed_mode = mode == "commit-reveal" ? SeedMode::kCommitReveal : SeedMode::kPublicValue;
  if ((c.seed_mode == SeedMode::kCommitReveal) != (header_.count("seed_commitment") > 0)) {
    return Err(line("seed_mode"), "seed_commitment项当且仅当commit-reveal模式时出现");
  }
  if (c.seed_mode == SeedMode::kCommitReveal) {
    c.seed_commitment = header_["seed_commitment"];
    if (!IsDigestHex(c.seed_commitment)) return Err(line("seed_commitment"), "seed_commitment须为64位小写十六进制");
  }
  JG_RETURN_IF_ERROR(Text("seed_source", c.seed_source));
  f_.input.seed_source = c.seed_source;
  auto seed = DecodeHex(header_["seed_hex"], true);
  if (!seed || seed->size() > kMaxSeedBytes) return Err(line("seed_hex"), "seed_hex须为小写十六进制且不超过1024字节");
  f_.input.seed = std::move(*seed);
  if (header_.count("seed_text")) {
    std::string t;
    JG_RETURN_IF_ERROR(Text("seed_text", t));
    if (t != f_.input.seed) return Err(line("seed_text"), "seed_text与seed_hex不一致");
  }
  JG_RETURN_IF_ERROR(Text("plan", p.plan));
  JG_RETURN_IF_ERROR(Text("exclusions", p.exclusions));
  std::size_t here = line_no_;
  line_no_ = line("items");
  Status st = Items(header_["items"], p.items);
  line_no_ = here;
  JG_RETURN_IF_ERROR(st);
  auto per = ParseDecimal(header_["per_entity"], kMaxPerEntity);
  if (!per) return Err(line("per_entity"), "per_entity须为不超过10的十进制数");
  p.per_entity = static_cast<int>(*per);
  auto cap = ParseDecimal(header_["workload_cap"], kMaxWorkload);
  if (!cap) return Err(line("workload_cap"), "workload_cap须为十进制数");
  p.workload_cap = *cap;
  JG_RETURN_IF_ERROR(Flag("cross_station", p.cross_station));
  JG_RETURN_IF_ERROR(Flag("mixed_departments", p.mixed_departments));
  f_.input.eligible.Reserve(std::min<std::size_t>(c.eligible_count, text_.size() / 8));
  return Status::Ok();
}

Status Parser::Row(std::string_view line) {
  static constexpr std::array<std::size_t, 6> kFields = {3, 3, 5, 3, 4, 4};
  auto f = SplitTabs(line, kFields[section_] - 1);
  if (f.size() != kFields[section_]) {
    return Err("应有" + std::to_string(kFields[section_]) + "个以制表符分隔的字段");
  }
  switch (section_) {
    case 0: {
      Status st = f_.input.eligible.Add(f[0], f[1], f[2]);
      if (!st.ok()) return Err(st.message());
      std::size_t n = f_.input.eligible.size();
      if (n > 1 && !(f_.input.eligible.code(n - 2) < f[0])) return Err("主体代码须按字节升序排列且不重复");
      return Status::Ok();
    }
    case 1: {
      StratumRule r;
      r.stratum.assign(f[0]);
      if (!IsKeyToken(f[0], kMaxStratumBytes, true)) return Err("分层标识不合法");
      if (f_.input.params.strata.size() >= kMaxStrata) return Err("分层超过1000个");
      if (!f_.input.params.strata.empty() && !(f_.input.params.strata.back().stratum < r.stratum)) {
        return Err("分层须按字节升序排列且不重复");
      }
      if (f[1] == "count") {
        auto v = ParseDecimal(f[2], kMaxEntries);
        if (!v) return Err("抽取数量须为十进制数");
        r.count = *v;
      } else if (f[1] == "ratio") {
        auto v = ParseRatio(f[2]);
        if (!v) return Err("抽取比例须形如0.050000（六位小数，不超过1）");
        r.by_ratio = true;
        r.ratio_ppm = *v;
      } else {
        return Err("第二个字段须为count或ratio");
      }
      f_.input.params.strata.push_back(std::move(r));
      return Status::Ok();
    }
    case 2: {
      if (f_.input.inspectors.size() >= kMaxInspectors) return Err("检查人员超过20000名");
      Inspector i;
      if (!IsKeyToken(f[0], kMaxKeyBytes, false)) return Err("检查人员编号不合法");
      if (!f_.input.inspectors.empty() && !(f_.input.inspectors.back().id < f[0])) {
        return Err("检查人员须按编号字节升序排列且不重复");
      }
      if (!IsKeyToken(f[1], kMaxKeyBytes, false)) return Err("部门不合法");
      if (!IsKeyToken(f[2], kMaxKeyBytes, true)) return Err("所属监管所不合法");
      auto w = ParseDecimal(f[3], kMaxWorkload);
      if (!w) return Err("已有工作量须为十进制数");
      i.id.assign(f[0]);
      i.department.assign(f[1]);
      i.station.assign(f[2]);
      i.workload = *w;
      JG_RETURN_IF_ERROR(Items(f[4], i.items));
      f_.input.inspectors.push_back(std::move(i));
      return Status::Ok();
    }
    case 3: {
      if (f_.input.conflicts.size() >= kMaxConflicts) return Err("回避关系超过100万条");
      Conflict c;
      if (f[1] != "entity" && f[1] != "station") return Err("回避类型须为entity或station");
      c.kind = f[1] == "entity" ? ConflictKind::kEntity : ConflictKind::kStation;
      bool ok = IsKeyToken(f[0], kMaxKeyBytes, false) &&
                (c.kind == ConflictKind::kEntity ? IsCodeToken(f[2]) : IsKeyToken(f[2], kMaxKeyBytes, false));
      if (!ok) return Err("回避关系字段不合法");
      auto key = std::make_tuple(std::string(f[0]), std::string(f[1]), std::string(f[2]));
      if (!f_.input.conflicts.empty() && !(prev_conflict_ < key)) return Err("回避关系须按升序排列且不重复");
      prev_conflict_ = key;
      c.inspector_id.assign(f[0]);
      c.value.assign(f[2]);
      f_.input.conflicts.push_back(std::move(c));
      return Status::Ok();
    }
    case 4: {
      if (f_.result.selected.size() >= kMaxSelected) return Err("抽取结果超过100万行");
      if (!IsCodeToken(f[0]) || !IsKeyToken(f[1], kMaxStratumBytes, true) ||
          !IsKeyToken(f[2], kMaxKeyBytes, true)) {
        return Err("抽取结果的主体代码、分层或监管所不合法");
      }
      SelectedEntity e{std::string(f[0]), std::string(f[1]), std::string(f[2]), {}};
      auto ids = SplitComma(f[3], kMaxPerEntity);
      if (ids.size() > kMaxPerEntity) return Err("检查人员超过10名");
      for (auto id : ids) {
        if (!IsKeyToken(id, kMaxKeyBytes, false)) return Err("检查人员编号不合法");
        e.inspectors.emplace_back(id);
      }
      f_.result.selected.push_back(std::move(e));
      f_.result_lines.push_back(line_no_);
      return Status::Ok();
    }
    default: {
      auto index = ParseDecimal(f[0], kMaxSelected * kMaxPerEntity);
      if (!index || *index != f_.result.replacements.size() + 1) {
        return Err("回避序号须为" + std::to_string(f_.result.replacements.size() + 1));
      }
      if (!IsCodeToken(f[1]) || !IsKeyToken(f[2], kMaxKeyBytes, false) ||
          !IsKeyToken(f[3], kMaxKeyBytes, false)) {
        return Err("回避记录字段不合法");
      }
      f_.result.replacements.push_back(
          {static_cast<int>(*index), std::string(f[1]), std::string(f[2]), std::string(f[3])});
      f_.recusal_lines.push_back(line_no_);
      return Status::Ok();
    }
  }
}

Result<DrawFile> Parser::Run() {
  if (text_.size() > kMaxDrawFileBytes) {
    return ResourceExhausted("draw_file_too_large", "抽取记录文件超过200 MB上限");
  }
  std::size_t pos = 0;
  while (pos < text_.size()) {
    std::size_t end = text_.find('\n', pos);
    ++line_no_;
    if (end == std::string_view::npos) return Err("文件须以换行符结尾");
    std::string_view line = text_.substr(pos, end - pos);
    pos = end + 1;
    if (line_no_ > kMaxDrawFileLines) {
      return ResourceExhausted("draw_file_too_large", "抽取记录文件超过5000万行上限");
    }
    if (line_no_ == 1) {
      if (line != kDrawAlgorithm) {
        return InvalidArgument("unsupported_version", "第1行：须为“jianguan-draw-v1”（算法版本）", "file");
      }
      continue;
    }
    if (line.find('\r') != std::string_view::npos) return Err("含回车符(CR)，须使用LF换行");
    if (line.empty()) continue;
    if (line[0] == '[') {
      if (section_ + 1 >= static_cast<int>(kSections.size()) || line != kSections[section_ + 1]) {
        return Err(section_ + 1 < static_cast<int>(kSections.size())
                       ? "应为“" + std::string(kSections[section_ + 1]) + "”节"
                       : "多余的节");
      }
      if (section_ == -1) JG_RETURN_IF_ERROR(FinishHeader());
      ++section_;
      if (section_ == 4) f_.result_line = line_no_;
      if (section_ == 5) f_.recusals_line = line_no_;
      continue;
    }
    JG_RETURN_IF_ERROR(section_ < 0 ? HeaderLine(line) : Row(line));
  }
  if (line_no_ == 0) return InvalidArgument("unsupported_version", "文件为空", "file");
  if (section_ + 1 < static_cast<int>(kSections.size())) {
    return Err(line_no_, "文件不完整：缺少“" + std::string(kSections[section_ + 1]) + "”节");
  }
  return std::move(f_);
}

}  // namespace

Result<DrawFile> ParseDrawFile(std::string_view text) { return Parser(text).Run(); }

}  // namespace jg::draw
