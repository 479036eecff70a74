// VerifyDrawFile: re-derive the digests, check the seed against its
// commitment, re-run the draw and the recusals, compare entry by entry.
#include "domain/draw/draw_file.h"
#include "domain/draw/internal.h"
#include "domain/draw/text.h"

namespace jg::draw {
namespace {

std::string Row(const SelectedEntity& e) {
  return e.credit_code + " " + (e.stratum.empty() ? "-" : e.stratum) + " " +
         (e.station.empty() ? "-" : e.station) + " " + JoinComma(e.inspectors);
}

}  // namespace

Result<VerifyReport> VerifyDrawFile(std::string_view text,
                                    std::string_view expected_commitment_id) {
  JG_ASSIGN_OR_RETURN(DrawFile f, ParseDrawFile(text));
  const DrawInput& in = f.input;
  const DrawCommitment& c = f.result.commitment;
  VerifyReport r;
  r.commitment_id = f.commitment_id;
  r.eligible = in.eligible.size();
  r.entities = f.result.selected.size();
  for (const auto& e : f.result.selected) r.assignments += e.inspectors.size();
  r.recusals = f.result.replacements.size();
  auto fail = [&r](std::string item, std::size_t line, std::string detail) {
    r.mismatch_item = std::move(item);
    r.mismatch_line = line;
    r.mismatch = std::move(detail);
    return r;
  };
  auto key_line = [&f](const char* key) {
    auto it = f.key_lines.find(key);
    return it == f.key_lines.end() ? std::size_t{0} : it->second;
  };

  auto digests = internal::ComputeDigests(in);
  if (!digests.ok()) {
    const Status& s = digests.status();
    return fail("input", 0, "记录的输入不合法（" + s.field() + "）：" + s.message());
  }
  if (c.eligible_count != in.eligible.size()) {
    return fail("eligible_count", key_line("eligible_count"),
                "记录的名录条数为" + internal::U64(c.eligible_count) + "，[eligible]节实有" +
                    internal::U64(in.eligible.size()) + "条");
  }
  if (c.eligible_digest != HexOf(digests->eligible)) {
    return fail("eligible_digest", key_line("eligible_digest"),
                "名录摘要不符：记录为" + c.eligible_digest + "，按[eligible]节重算为" +
                    HexOf(digests->eligible));
  }
  if (c.params_digest != HexOf(digests->params)) {
    return fail("params_digest", key_line("params_digest"),
                "参数摘要不符：记录为" + c.params_digest + "，按参数、分层、人员和回避关系重算为" +
                    HexOf(digests->params));
  }
  if (CommitmentId(c) != f.commitment_id) {
    return fail("commitment_id", key_line("commitment_id"),
                "承诺编号不符：记录为" + f.commitment_id + "，按承诺各项重算为" + CommitmentId(c));
  }
  if (!expected_commitment_id.empty() && expected_commitment_id != f.commitment_id) {
    return fail("commitment_id", key_line("commitment_id"),
                "承诺编号" + f.commitment_id + "与事先公示的" +
                    std::string(expected_commitment_id) + "不符");
  }
  if (in.seed.empty()) return fail("seed", key_line("seed_hex"), "未记录随机种子");
  if (c.seed_mode == SeedMode::kCommitReveal && HexOf(Sm3(in.seed)) != c.seed_commitment) {
    return fail("seed", key_line("seed_hex"),
                "揭示的随机种子的SM3摘要" + HexOf(Sm3(in.seed)) + "与事先承诺的" +
                    c.seed_commitment + "不符");
  }

  auto rerun = internal::RunDrawWithDigests(in, c, *digests);
  if (!rerun.ok())
    return fail("result", f.result_line, "重新抽取失败：" + rerun.status().message());
  const auto& want = rerun->selected;
  const auto& got = f.result.selected;
  for (std::size_t i = 0; i < want.size() || i < got.size(); ++i) {
    std::string n = "第" + std::to_string(i + 1) + "户";
    if (i >= got.size()) {
      return fail("result", f.result_line, "抽取结果缺少" + n + "：重算为" + Row(want[i]));
    }
    if (i >= want.size()) return fail("result", f.result_lines[i], "多出" + n + "：" + Row(got[i]));
    if (want[i].credit_code != got[i].credit_code || want[i].stratum != got[i].stratum ||
        want[i].station != got[i].station || want[i].inspectors != got[i].inspectors) {
      return fail("result", f.result_lines[i],
                  n + "不符：记录为" + Row(got[i]) + "，重算为" + Row(want[i]));
    }
  }

  DrawResult replay = std::move(rerun).value();
  for (std::size_t j = 0; j < f.result.replacements.size(); ++j) {
    const Replacement& rec = f.result.replacements[j];
    auto again = Recuse(in, replay, rec.credit_code, rec.recused, rec.index);
    std::string n = "第" + std::to_string(rec.index) + "次回避";
    if (!again.ok())
      return fail("recusals", f.recusal_lines[j], n + "无法重算：" + again.status().message());
    if (again->replacement != rec.replacement) {
      return fail("recusals", f.recusal_lines[j],
                  n + "的替补人员不符：记录为" + rec.replacement + "，重算为" + again->replacement);
    }
    replay.replacements.push_back(std::move(again).value());
  }
  r.ok = true;
  return r;
}

}  // namespace jg::draw
