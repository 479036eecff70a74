#include "domain/draw/draw_file.h"
#include "domain/draw/internal.h"
#include "domain/draw/text.h"

namespace jg::draw {

std::string ExportDrawFile(const DrawInput& in, const DrawResult& result) {
  const DrawCommitment& c = result.commitment;
  const DrawParams& p = in.params;
  std::string f;
  auto kv = [&f](std::string_view key, std::string_view value) {
    f.append(key).append(value.empty() ? ":" : ": ").append(value).append("\n");
  };
  f.append(c.algorithm).append("\n");
  kv("commitment_id", CommitmentId(c));
  kv("eligible_count", internal::U64(c.eligible_count));
  kv("eligible_digest", c.eligible_digest);
  kv("params_digest", c.params_digest);
  kv("seed_mode", SeedModeName(c.seed_mode));
  if (c.seed_mode == SeedMode::kCommitReveal) kv("seed_commitment", c.seed_commitment);
  if (!c.seed_source.empty()) kv("seed_source", EscapeText(c.seed_source));
  kv("seed_hex", HexOf(in.seed));
  if (c.seed_mode == SeedMode::kPublicValue && IsFreeText(in.seed, kMaxSeedBytes)) {
    kv("seed_text", EscapeText(in.seed));
  }
  kv("plan", EscapeText(p.plan));
  kv("exclusions", EscapeText(p.exclusions));
  kv("items", JoinComma(internal::Sorted(p.items)));
  kv("per_entity", std::to_string(p.per_entity));
  kv("workload_cap", internal::U64(p.workload_cap));
  kv("cross_station", p.cross_station ? "yes" : "no");
  kv("mixed_departments", p.mixed_departments ? "yes" : "no");

  f.append("\n[eligible]\n");
  const Snapshot& s = in.eligible;
  std::vector<std::uint32_t> order = SortedOrder(s);
  f.reserve(f.size() + s.size() * 30);
  for (std::size_t k = 0; k < s.size(); ++k) {
    std::size_t i = OrderAt(order, k);
    f.append(s.code(i))
        .append("\t")
        .append(s.stratum(i))
        .append("\t")
        .append(s.station(i))
        .append("\n");
  }
  f.append("\n[strata]\n");
  for (const StratumRule* r : internal::SortedRules(p)) {
    f.append(r->stratum)
        .append(r->by_ratio ? "\tratio\t" + FormatRatio(r->ratio_ppm)
                            : "\tcount\t" + internal::U64(r->count))
        .append("\n");
  }
  f.append("\n[inspectors]\n");
  for (const Inspector* i : internal::SortedInspectors(in.inspectors)) {
    f.append(i->id + "\t" + i->department + "\t" + i->station + "\t" + internal::U64(i->workload) +
             "\t" + JoinComma(internal::Sorted(i->items)) + "\n");
  }
  f.append("\n[conflicts]\n");
  for (const Conflict* x : internal::SortedConflicts(in.conflicts)) {
    f.append(x->inspector_id + "\t" + std::string(ConflictKindName(x->kind)) + "\t" + x->value +
             "\n");
  }
  f.append("\n[result]\n");
  for (const SelectedEntity& e : result.selected) {
    f.append(e.credit_code + "\t" + e.stratum + "\t" + e.station + "\t" + JoinComma(e.inspectors) +
             "\n");
  }
  f.append("\n[recusals]\n");
  for (const Replacement& r : result.replacements) {
    f.append(std::to_string(r.index) + "\t" + r.credit_code + "\t" + r.recused + "\t" +
             r.replacement + "\n");
  }
  return f;
}

}  // namespace jg::draw
