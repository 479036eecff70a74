#include "domain/enforcement/decision.h"

#include <algorithm>

#include "domain/enforcement/rule_table.h"

namespace jg::enforcement {
namespace {

struct Named {
  std::string_view code, label;
};
constexpr Named kParties[] = {{"citizen", "公民"}, {"organisation", "法人或者其他组织"}};
constexpr Named kKinds[] = {{"penalty", "给予行政处罚"},
                            {"no_penalty", "不予行政处罚"},
                            {"reduced_penalty", "减轻行政处罚"},
                            {"transfer_to_police", "移送公安机关"},
                            {"withdrawal", "撤销立案"}};
constexpr Named kPenalties[] = {
    {"warning", "警告"},
    {"circulated_criticism", "通报批评"},
    {"fine", "罚款"},
    {"confiscate_illegal_gains", "没收违法所得"},
    {"confiscate_illegal_goods", "没收非法财物"},
    {"suspend_licence", "暂扣许可证件"},
    {"lower_qualification", "降低资质等级"},
    {"revoke_licence", "吊销许可证件"},
    {"restrict_activities", "限制开展生产经营活动"},
    {"order_suspension", "责令停产停业"},
    {"order_closure", "责令关闭"},
    {"restrict_employment", "限制从业"},
};

template <typename E, std::size_t N>
std::optional<E> Lookup(const Named (&table)[N], std::string_view s) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i].code == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

bool Has(const std::vector<PenaltyType>& v, PenaltyType t) {
  return std::find(v.begin(), v.end(), t) != v.end();
}

Status Invalid(std::string reason, std::string message, std::string field) {
  return InvalidArgument(std::move(reason), std::move(message), std::move(field));
}

Status CheckPenalties(const Decision& d) {
  if (d.penalties.empty()) {
    return Invalid("required", "给予（减轻）行政处罚的决定须至少有一种处罚种类", "penalties");
  }
  for (std::size_t i = 0; i < d.penalties.size(); ++i) {
    if (std::count(d.penalties.begin(), d.penalties.end(), d.penalties[i]) > 1) {
      return Invalid("duplicate_penalty",
                     "处罚种类「" + std::string(PenaltyTypeLabel(d.penalties[i])) + "」重复",
                     "penalties");
    }
  }
  if (Has(d.penalties, PenaltyType::kFine) != (d.fine > 0)) {
    return Invalid("invalid_amount",
                   d.fine > 0 ? "处罚种类没有罚款，却填写了罚款金额" : "罚款金额须大于 0", "fine");
  }
  if (Has(d.penalties, PenaltyType::kConfiscateIllegalGains) != (d.confiscated_gains > 0)) {
    return Invalid("invalid_amount",
                   d.confiscated_gains > 0 ? "处罚种类没有没收违法所得，却填写了没收金额"
                                           : "没收违法所得金额须大于 0",
                   "confiscated_gains");
  }
  return Status::Ok();
}

// Kinds other than penalty and reduced penalty impose nothing.
Status CheckNoPenalties(const Decision& d) {
  if (!d.penalties.empty() || d.fine != 0 || d.confiscated_gains != 0) {
    return Invalid("penalty_not_allowed",
                   std::string(DecisionKindLabel(d.kind)) + "的决定不能载有处罚种类或金额",
                   "penalties");
  }
  return Status::Ok();
}

const TableSpec& SummarySpec() {
  static const TableSpec spec{"简易程序限额",
                              "summary_limits_syntax",
                              "summary_limits",
                              {"party_kind", "max_fine_yuan", "allowed_penalties", "basis"}};
  return spec;
}

}  // namespace

std::string_view PartyKindName(PartyKind k) {
  return kParties[static_cast<int>(k)].code;
}
std::string_view PartyKindLabel(PartyKind k) {
  return kParties[static_cast<int>(k)].label;
}
std::optional<PartyKind> ParsePartyKind(std::string_view s) {
  return Lookup<PartyKind>(kParties, s);
}
std::string_view DecisionKindName(DecisionKind k) {
  return kKinds[static_cast<int>(k)].code;
}
std::string_view DecisionKindLabel(DecisionKind k) {
  return kKinds[static_cast<int>(k)].label;
}
std::optional<DecisionKind> ParseDecisionKind(std::string_view s) {
  return Lookup<DecisionKind>(kKinds, s);
}
std::string_view PenaltyTypeName(PenaltyType t) {
  return kPenalties[static_cast<int>(t)].code;
}
std::string_view PenaltyTypeLabel(PenaltyType t) {
  return kPenalties[static_cast<int>(t)].label;
}
std::optional<PenaltyType> ParsePenaltyType(std::string_view s) {
  return Lookup<PenaltyType>(kPenalties, s);
}

std::string FormatYuan(Fen amount) {
  std::string out = amount < 0 ? "-" : "";
  const Fen a = amount < 0 ? -amount : amount;
  out += std::to_string(a / 100);
  if (a % 100 != 0) {
    const Fen cents = a % 100;
    out += "." + std::string(cents < 10 ? "0" : "") + std::to_string(cents);
  }
  return out + " 元";
}

Status ValidateDecision(const Decision& d, const LenientRules& lenient) {
  switch (d.kind) {
    case DecisionKind::kPenalty:
      return CheckPenalties(d);
    case DecisionKind::kReducedPenalty: {
      JG_RETURN_IF_ERROR(CheckPenalties(d));
      if (d.reduction_ground.empty()) {
        return Invalid("required",
                       "减轻行政处罚须写明依据（适用的减轻处罚规则编号或法律条款，如《行政处罚法》"
                       "第三十二条）",
                       "reduction_ground");
      }
      const LenientRule* rule = lenient.Find(d.reduction_ground);
      if (rule != nullptr && rule->retired) {
        return Invalid("retired_lenient_rule", "规则 " + rule->id + " 已停用，不能再作为依据",
                       "reduction_ground");
      }
      if (rule != nullptr && rule->outcome != LenientOutcome::kReducedPenalty) {
        return Invalid("wrong_lenient_rule",
                       "规则 " + rule->id + " 的处理结果是" +
                           std::string(LenientOutcomeLabel(rule->outcome)) + "，不是减轻处罚",
                       "reduction_ground");
      }
      return Status::Ok();
    }
    case DecisionKind::kNoPenalty: {
      JG_RETURN_IF_ERROR(CheckNoPenalties(d));
      if (d.lenient_rule_id.empty()) {
        return Invalid("required", "不予行政处罚须写明适用的不予处罚规则编号", "lenient_rule_id");
      }
      const LenientRule* rule = lenient.Find(d.lenient_rule_id);
      if (rule == nullptr) {
        return Invalid("unknown_lenient_rule",
                       "没有编号为 " + d.lenient_rule_id + " 的不予处罚规则", "lenient_rule_id");
      }
      if (rule->retired) {
        return Invalid("retired_lenient_rule", "规则 " + rule->id + " 已停用，不能再作为依据",
                       "lenient_rule_id");
      }
      if (rule->outcome != LenientOutcome::kNoPenalty) {
        return Invalid("wrong_lenient_rule",
                       "规则 " + rule->id + " 的处理结果是减轻处罚，不能作为不予处罚的依据",
                       "lenient_rule_id");
      }
      return Status::Ok();
    }
    case DecisionKind::kTransferToPolice:
      JG_RETURN_IF_ERROR(CheckNoPenalties(d));
      if (d.receiving_unit.empty()) {
        return Invalid("required", "移送公安机关须写明接收单位", "receiving_unit");
      }
      if (!d.transferred_on) {
        return Invalid("required", "移送公安机关须写明移送日期", "transferred_on");
      }
      if (*d.transferred_on < d.decided_on) {
        return Invalid("invalid_date", "移送日期不能早于作出移送决定的日期", "transferred_on");
      }
      return Status::Ok();
    case DecisionKind::kWithdrawal:
      JG_RETURN_IF_ERROR(CheckNoPenalties(d));
      if (d.reason.empty()) return Invalid("required", "撤销立案须写明理由", "reason");
      return Status::Ok();
  }
  return Internal("unknown decision kind");
}

const SummaryLimit* SummaryLimits::For(PartyKind party) const {
  for (const SummaryLimit& l : limits) {
    if (l.party == party) return &l;
  }
  return nullptr;
}

Result<SummaryLimits> ParseSummaryLimits(std::string_view text) {
  const TableSpec& spec = SummarySpec();
  JG_ASSIGN_OR_RETURN(std::vector<TableRow> rows, ParseRuleTable(text, spec));
  SummaryLimits out;
  for (const TableRow& row : rows) {
    SummaryLimit l;
    const std::optional<PartyKind> party = ParsePartyKind(row.cells[0]);
    if (!party)
      return CellError(spec, row, 0, "「" + row.cells[0] + "」应为 citizen 或 organisation");
    if (out.For(*party) != nullptr) return CellError(spec, row, 0, "当事人类别重复");
    l.party = *party;
    JG_ASSIGN_OR_RETURN(const int yuan, IntCell(spec, row, 1, 0, 1000000));
    l.max_fine = Fen{yuan} * 100;
    JG_ASSIGN_OR_RETURN(std::vector<std::string> allowed, ListCell(spec, row, 2));
    if (allowed.empty()) return CellError(spec, row, 2, "至少须允许一种处罚种类");
    for (const std::string& a : allowed) {
      const std::optional<PenaltyType> t = ParsePenaltyType(a);
      if (!t) return CellError(spec, row, 2, "未知的处罚种类「" + a + "」");
      l.allowed.push_back(*t);
    }
    JG_ASSIGN_OR_RETURN(l.basis, TextCell(spec, row, 3));
    out.limits.push_back(std::move(l));
  }
  for (const Named& p : kParties) {
    if (out.For(*ParsePartyKind(p.code)) == nullptr) {
      return LineError(spec, rows.back().line, "缺少当事人类别 " + std::string(p.code) + " 的限额");
    }
  }
  return out;
}

Status CheckSummaryProcedure(const SummaryLimits& limits, PartyKind party, const Decision& d) {
  const SummaryLimit* limit = limits.For(party);
  if (limit == nullptr) return Internal("summary limits without the party kind");
  const std::string who = "对" + std::string(PartyKindLabel(party));
  if (d.kind != DecisionKind::kPenalty || d.penalties.empty()) {
    return FailedPrecondition(
        "summary_procedure_not_allowed",
        "简易程序只能当场作出行政处罚决定（依据：" + limit->basis + "）；请适用普通程序", "kind");
  }
  for (PenaltyType t : d.penalties) {
    if (!Has(limit->allowed, t)) {
      return FailedPrecondition("summary_procedure_not_allowed",
                                who + "适用简易程序不能处以" + std::string(PenaltyTypeLabel(t)) +
                                    "（依据：" + limit->basis + "）；请适用普通程序",
                                "penalties");
    }
  }
  if (d.fine > limit->max_fine) {
    return FailedPrecondition("summary_procedure_not_allowed",
                              who + "适用简易程序的罚款不能超过 " + FormatYuan(limit->max_fine) +
                                  "，本案为 " + FormatYuan(d.fine) + "（依据：" + limit->basis +
                                  "）；请适用普通程序",
                              "fine");
  }
  return Status::Ok();
}

}  // namespace jg::enforcement
