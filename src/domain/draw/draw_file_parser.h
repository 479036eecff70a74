// The strict parser of the draw file (internal to draw_file_*.cc).
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/draw/draw_file.h"

namespace jg::draw::internal {

inline constexpr std::array<std::string_view, 6> kSections = {
    "[eligible]", "[strata]", "[inspectors]", "[conflicts]", "[result]", "[recusals]"};

class DrawFileParser {
 public:
  explicit DrawFileParser(std::string_view text) : text_(text) {}
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

}  // namespace jg::draw::internal
