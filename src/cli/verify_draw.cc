// `jianguan verify FILE [--commitment ID]`: re-runs a 双随机 draw from its
// verification file (docs/draw-algorithm.md) and compares it entry by entry.
// Prints "OK: <n> entities, <m> assignments, commitment <id>" (exit 0) or
// "MISMATCH: <what>" (exit 3); an unreadable or malformed file exits 5.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "domain/draw/draw_file.h"

namespace jg::cli {

int VerifyDraw(const std::string& path, const std::string& expected_commitment) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    std::cerr << "jianguan: cannot read " << path << "\n";
    return kExitFailure;
  }
  if (size > draw::kMaxDrawFileBytes) {
    std::cerr << "jianguan: " << path << ": 抽取记录文件超过1 GiB上限\n";
    return kExitInvalidInput;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "jianguan: cannot read " << path << "\n";
    return kExitFailure;
  }
  auto report = draw::VerifyDrawFile(text.str(), expected_commitment);
  if (!report.ok()) {
    std::cerr << "jianguan: " << path << ": " << report.status().ToString() << "\n";
    return kExitInvalidInput;
  }
  const draw::VerifyReport& r = *report;
  if (!r.ok) {
    std::cout << "MISMATCH: " << r.mismatch_item;
    if (r.mismatch_line) std::cout << " (line " << r.mismatch_line << ")";
    std::cout << ": " << r.mismatch << "\n";
    return kExitAuditBroken;  // 3: verification failed, as for `audit verify`
  }
  std::cout << "OK: " << r.entities << " entities, " << r.assignments << " assignments, commitment "
            << r.commitment_id << "\n";
  return kExitOk;
}

}  // namespace jg::cli
