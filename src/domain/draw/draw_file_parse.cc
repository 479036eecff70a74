// The strict parser of the draw file. Never trusts a count in the file for an
// allocation; every row is checked as it is read; errors name the line.
#include <array>
#include <tuple>

#include "domain/draw/draw_file_parser.h"
#include "domain/draw/text.h"

namespace jg::draw::internal {
namespace {

constexpr std::array<std::string_view, 16> kKeys = {
    "commitment_id",    "eligible_count", "eligible_digest", "params_digest", "seed_mode",
    "seed_commitment",  "seed_source",    "seed_hex",        "seed_text",     "plan",
    "exclusions",       "items",          "per_entity",      "workload_cap",  "cross_station",
    "mixed_departments"};
constexpr std::array<std::string_view, 3> kOptional = {"seed_commitment", "seed_source",
                                                       "seed_text"};

bool IsDigestHex(std::string_view s) {
  return s.size() == 64 && DecodeHex(s, true).has_value();
}

}  // namespace

Status DrawFileParser::Text(std::string_view key, std::string& out) {
  auto it = header_.find(key);
  if (it == header_.end()) return Status::Ok();
  auto v = it->second.size() <= 2 * kMaxTextBytes ? UnescapeText(it->second) : std::nullopt;
  if (!v || !IsFreeText(*v, kMaxTextBytes)) {
    return Err(f_.key_lines[std::string(key)],
               "“" + std::string(key) + "”的文字不合法（转义或长度）");
  }
  out = std::move(*v);
  return Status::Ok();
}

Status DrawFileParser::Flag(std::string_view key, bool& out) {
  const std::string& v = header_.find(key)->second;
  if (v != "yes" && v != "no")
    return Err(f_.key_lines[std::string(key)], std::string(key) + "须为yes或no");
  out = v == "yes";
  return Status::Ok();
}

Status DrawFileParser::HeaderLine(std::string_view line) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return Err("应为“键: 值”格式");
  std::string_view key = line.substr(0, colon), rest = line.substr(colon + 1);
  if (!rest.empty() && rest[0] != ' ') return Err("冒号后须为一个空格");
  if (!rest.empty()) rest.remove_prefix(1);
  bool known = false;
  for (auto k : kKeys) known = known || k == key;
  if (!known) {
    return Err(IsKeyToken(key, 64, false) ? "未知的项“" + std::string(key) + "”" : "未知的项");
  }
  if (!header_.emplace(std::string(key), std::string(rest)).second) {
    return Err("“" + std::string(key) + "”重复");
  }
  f_.key_lines[std::string(key)] = line_no_;
  return Status::Ok();
}

Status DrawFileParser::FinishHeader() {
  for (auto k : kKeys) {
    bool optional = false;
    for (auto o : kOptional) optional = optional || o == k;
    if (!optional && !header_.count(k)) return Err("头部缺少“" + std::string(k) + "”项");
  }
  auto line = [this](const char* k) { return f_.key_lines[k]; };
  DrawCommitment& c = f_.result.commitment;
  DrawParams& p = f_.input.params;
  c.algorithm = std::string(kDrawAlgorithm);
  f_.commitment_id = header_["commitment_id"];
  if (!IsDigestHex(f_.commitment_id))
    return Err(line("commitment_id"), "commitment_id须为64位小写十六进制");
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
    if (!IsDigestHex(c.seed_commitment))
      return Err(line("seed_commitment"), "seed_commitment须为64位小写十六进制");
  }
  JG_RETURN_IF_ERROR(Text("seed_source", c.seed_source));
  f_.input.seed_source = c.seed_source;
  const std::string& seed_hex = header_["seed_hex"];
  auto seed = seed_hex.size() <= 2 * kMaxSeedBytes ? DecodeHex(seed_hex, true) : std::nullopt;
  if (!seed || seed->size() > kMaxSeedBytes)
    return Err(line("seed_hex"), "seed_hex须为小写十六进制且不超过1024字节");
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

Result<DrawFile> DrawFileParser::Run() {
  if (text_.size() > kMaxDrawFileBytes) {
    return ResourceExhausted("draw_file_too_large", "抽取记录文件超过1 GiB上限");
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
        return InvalidArgument("unsupported_version", "第1行：须为“jianguan-draw-v1”（算法版本）",
                               "file");
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

}  // namespace jg::draw::internal

namespace jg::draw {

Result<DrawFile> ParseDrawFile(std::string_view text) {
  return internal::DrawFileParser(text).Run();
}

}  // namespace jg::draw
