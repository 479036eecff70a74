// The draw's self-contained verification file (docs/draw-algorithm.md §8):
// UTF-8 text with the commitment, the revealed seed, every input and the
// result, from which anyone can re-run the draw. The parser is strict, names
// the line at fault, and bounds memory (it is fuzzed).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/draw/draw.h"
#include "domain/status.h"

namespace jg::draw {

// 1 GiB: about 40 million entities, room for the largest district's draw.
inline constexpr std::size_t kMaxDrawFileBytes = std::size_t{1} << 30;
inline constexpr std::size_t kMaxDrawFileLines = 50'000'000;

struct DrawFile {
  DrawInput input;
  DrawResult result;          // the commitment, rows and replacements as recorded
  std::string commitment_id;  // as recorded
  std::map<std::string, std::size_t> key_lines;  // header key → line number
  std::size_t result_line = 0;                   // line of "[result]"
  std::vector<std::size_t> result_lines;         // line of each [result] row
  std::size_t recusals_line = 0;
  std::vector<std::size_t> recusal_lines;
};

std::string ExportDrawFile(const DrawInput& in, const DrawResult& result);
// InvalidArgument draw_file_syntax ("第N行：…") or unsupported_version;
// ResourceExhausted draw_file_too_large.
Result<DrawFile> ParseDrawFile(std::string_view text);

struct VerifyReport {
  bool ok = false;
  std::string commitment_id;  // as recorded: compare it with the one published before the draw
  std::uint64_t eligible = 0;
  std::uint64_t entities = 0;     // entities drawn
  std::uint64_t assignments = 0;  // (entity, inspector) pairs
  std::uint64_t recusals = 0;
  // The first mismatch: what (eligible_digest, params_digest, commitment_id,
  // seed, input, result, recusals, …), the line (0 if none) and a Chinese detail.
  std::string mismatch_item;
  std::size_t mismatch_line = 0;
  std::string mismatch;
};

// Parse errors are returned as the Status; everything else as the report.
// With `expected_commitment_id`, the recorded one must equal it.
Result<VerifyReport> VerifyDrawFile(std::string_view text,
                                    std::string_view expected_commitment_id = {});

}  // namespace jg::draw
