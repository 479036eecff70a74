// Validation, canonical parameter text and the commitment.
#include <algorithm>
#include <set>
#include <tuple>

#include "domain/draw/internal.h"
#include "domain/draw/text.h"

namespace jg::draw {

using internal::U64;

std::string_view SeedModeName(SeedMode m) {
  return m == SeedMode::kCommitReveal ? "commit-reveal" : "public-value";
}

std::string_view ConflictKindName(ConflictKind k) {
  return k == ConflictKind::kEntity ? "entity" : "station";
}

std::uint64_t StratumCount(const StratumRule& rule, std::uint64_t size) {
  if (!rule.by_ratio) return rule.count;
  if (rule.ratio_ppm == 0 || size == 0) return 0;
  std::uint64_t n = (static_cast<std::uint64_t>(rule.ratio_ppm) * size + 500000) / 1000000;
  return std::max<std::uint64_t>(n, 1);
}

namespace {

Status Bad(std::string reason, std::string message, std::string field) {
  return InvalidArgument(std::move(reason), std::move(message), std::move(field));
}

Status CheckItems(const std::vector<std::string>& items, const std::string& who,
                  const std::string& field) {
  if (items.size() > kMaxItems) return Bad("too_many_items", who + "的检查事项超过100项", field);
  std::set<std::string_view> seen;
  for (const auto& it : items) {
    if (!IsKeyToken(it, kMaxKeyBytes, false)) {
      return Bad("invalid_item",
                 who + "的检查事项代码不合法（1至64字节，不含控制字符、逗号、反斜杠）", field);
    }
    if (!seen.insert(it).second)
      return Bad("duplicate_item", who + "的检查事项“" + it + "”重复", field);
  }
  return Status::Ok();
}

Status ValidateParams(const DrawInput& in) {
  const DrawParams& p = in.params;
  if (!IsFreeText(p.plan, kMaxTextBytes)) return Bad("invalid_plan", "计划名称不合法", "plan");
  if (!IsFreeText(p.exclusions, kMaxTextBytes)) {
    return Bad("invalid_exclusions", "排除条件说明不合法", "exclusions");
  }
  JG_RETURN_IF_ERROR(CheckItems(p.items, "抽查计划", "items"));
  if (p.strata.empty()) return Bad("no_strata", "未设定任何分层的抽取数量或比例", "strata");
  if (p.strata.size() > kMaxStrata) return Bad("too_many_strata", "分层超过1000个", "strata");
  std::set<std::string_view> strata;
  for (const auto& r : p.strata) {
    if (!IsKeyToken(r.stratum, kMaxStratumBytes, true)) {
      return Bad("invalid_stratum", "分层标识不合法（至多32字节，不含控制字符、逗号、反斜杠）",
                 "strata");
    }
    if (!strata.insert(r.stratum).second) {
      return Bad("duplicate_stratum", "分层“" + r.stratum + "”的规则重复", "strata");
    }
    if (r.by_ratio ? r.ratio_ppm > 1000000 : r.count > kMaxEntries) {
      return Bad("invalid_stratum_rule", "分层“" + r.stratum + "”的抽取比例或数量超出范围",
                 "strata");
    }
  }
  // per_entity 0 is a selection-only draw (e.g. case files sampled for review):
  // nobody is assigned, so there must be no inspector pool to assign from.
  if (p.per_entity == kSelectionOnly) {
    if (!in.inspectors.empty() || !in.conflicts.empty() || p.cross_station ||
        p.mixed_departments) {
      return Bad("invalid_per_entity", "仅抽取对象（每户0名检查人员）时不得设定检查人员库或分派规则",
                 "per_entity");
    }
  } else if (p.per_entity < kMinPerEntity || p.per_entity > kMaxPerEntity) {
    return Bad("invalid_per_entity",
               "每户检查人员数须在2至10之间，实际为" + std::to_string(p.per_entity), "per_entity");
  }
  if (p.workload_cap > kMaxWorkload)
    return Bad("invalid_workload_cap", "工作量上限超出范围", "workload_cap");
  return Status::Ok();
}

Status ValidateInspectors(const DrawInput& in) {
  if (in.inspectors.size() > kMaxInspectors) {
    return Bad("too_many_inspectors", "检查人员超过20000名", "inspectors");
  }
  std::set<std::string_view> ids;
  for (const auto& i : in.inspectors) {
    if (!IsKeyToken(i.id, kMaxKeyBytes, false)) {
      return Bad("invalid_inspector", "检查人员编号不合法（1至64字节，不含控制字符、逗号、反斜杠）",
                 "inspectors");
    }
    if (!ids.insert(i.id).second) {
      return Bad("duplicate_inspector", "检查人员“" + i.id + "”重复", "inspectors");
    }
    std::string who = "检查人员“" + i.id + "”";
    if (!IsKeyToken(i.department, kMaxKeyBytes, false)) {
      return Bad("invalid_department", who + "的部门不合法", "inspectors");
    }
    if (!IsKeyToken(i.station, kMaxKeyBytes, true)) {
      return Bad("invalid_station", who + "的所属监管所不合法", "inspectors");
    }
    if (i.workload > kMaxWorkload)
      return Bad("invalid_workload", who + "的已有工作量超出范围", "inspectors");
    JG_RETURN_IF_ERROR(CheckItems(i.items, who, "inspectors"));
  }
  if (in.conflicts.size() > kMaxConflicts) {
    return Bad("too_many_conflicts", "回避关系超过100万条", "conflicts");
  }
  std::set<std::tuple<std::string_view, ConflictKind, std::string_view>> seen;
  for (const auto& c : in.conflicts) {
    if (!ids.count(c.inspector_id)) {
      return Bad("unknown_inspector",
                 IsKeyToken(c.inspector_id, kMaxKeyBytes, false)
                     ? "回避关系中的检查人员“" + c.inspector_id + "”不在人员库中"
                     : "回避关系中的检查人员编号不合法",
                 "conflicts");
    }
    bool ok = c.kind == ConflictKind::kEntity ? IsCodeToken(c.value)
                                              : IsKeyToken(c.value, kMaxKeyBytes, false);
    if (!ok)
      return Bad("invalid_conflict", "检查人员“" + c.inspector_id + "”的回避关系不合法",
                 "conflicts");
    if (!seen.insert({c.inspector_id, c.kind, c.value}).second) {
      return Bad("duplicate_conflict",
                 "检查人员“" + c.inspector_id + "”与“" + c.value + "”的回避关系重复", "conflicts");
    }
  }
  return Status::Ok();
}

Status ValidateSeed(const DrawInput& in) {
  if (in.seed.size() > kMaxSeedBytes) return Bad("invalid_seed", "随机种子超过1024字节", "seed");
  if (!IsFreeText(in.seed_source, kMaxTextBytes)) {
    return Bad("invalid_seed_source", "随机种子来源说明不合法", "seed_source");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateInput(const DrawInput& in) {
  JG_RETURN_IF_ERROR(ValidateParams(in));
  JG_RETURN_IF_ERROR(ValidateInspectors(in));
  return ValidateSeed(in);
}

std::string CanonicalSelectionText(const DrawParams& p) {
  std::string t;
  for (const StratumRule* r : internal::SortedRules(p)) {
    t += "stratum\t" + r->stratum +
         (r->by_ratio ? "\tratio\t" + FormatRatio(r->ratio_ppm) : "\tcount\t" + U64(r->count)) +
         "\n";
  }
  return t;
}

std::string CanonicalParamsText(const DrawInput& in) {
  const DrawParams& p = in.params;
  std::string t = CanonicalSelectionText(p);
  t += "plan\t" + EscapeText(p.plan) + "\n";
  t += "exclusions\t" + EscapeText(p.exclusions) + "\n";
  t += "items\t" + JoinComma(internal::Sorted(p.items)) + "\n";
  t += "per_entity\t" + std::to_string(p.per_entity) + "\n";
  t += "workload_cap\t" + U64(p.workload_cap) + "\n";
  t += std::string("cross_station\t") + (p.cross_station ? "1" : "0") + "\n";
  t += std::string("mixed_departments\t") + (p.mixed_departments ? "1" : "0") + "\n";
  for (const Inspector* i : internal::SortedInspectors(in.inspectors)) {
    t += "inspector\t" + i->id + "\t" + i->department + "\t" + i->station + "\t" +
         U64(i->workload) + "\t" + JoinComma(internal::Sorted(i->items)) + "\n";
  }
  for (const Conflict* c : internal::SortedConflicts(in.conflicts)) {
    t += "conflict\t" + c->inspector_id + "\t" + std::string(ConflictKindName(c->kind)) + "\t" +
         c->value + "\n";
  }
  return t;
}

std::string CommitmentText(const DrawCommitment& c) {
  std::string t = "algorithm: " + c.algorithm + "\n";
  t += "eligible_count: " + U64(c.eligible_count) + "\n";
  t += "eligible_digest: " + c.eligible_digest + "\n";
  t += "params_digest: " + c.params_digest + "\n";
  t += "seed_mode: " + std::string(SeedModeName(c.seed_mode)) + "\n";
  if (c.seed_mode == SeedMode::kCommitReveal) t += "seed_commitment: " + c.seed_commitment + "\n";
  if (!c.seed_source.empty()) t += "seed_source: " + EscapeText(c.seed_source) + "\n";
  return t;
}

std::string CommitmentId(const DrawCommitment& c) {
  return HexOf(Sm3(CommitmentText(c)));
}

Result<DrawCommitment> Commit(const DrawInput& in, SeedMode mode) {
  JG_ASSIGN_OR_RETURN(internal::Digests d, internal::ComputeDigests(in));
  DrawCommitment c;
  c.eligible_count = in.eligible.size();
  c.eligible_digest = HexOf(d.eligible);
  c.params_digest = HexOf(d.params);
  c.seed_mode = mode;
  c.seed_source = in.seed_source;
  if (mode == SeedMode::kCommitReveal) {
    if (in.seed.size() < kMinSecretSeedBytes) {
      return InvalidArgument(
          "seed_too_short",
          "保密随机种子至少16字节，实际为" + std::to_string(in.seed.size()) + "字节", "seed");
    }
    c.seed_commitment = HexOf(Sm3(in.seed));
  } else if (in.seed_source.empty()) {
    return InvalidArgument("seed_source_required", "公开随机数模式须说明随机数来源", "seed_source");
  }
  return c;
}

}  // namespace jg::draw
