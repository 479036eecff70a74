#include "domain/enforcement/case_records.h"

#include <array>


namespace jg::enforcement {
namespace {

template <typename E, size_t N>
std::optional<E> ParseBy(std::string_view s, const std::array<E, N>& all,
                         std::string_view (*name)(E)) {
  for (E e : all)
    if (name(e) == s) return e;
  return std::nullopt;
}

constexpr std::array kMovements = {MovementKind::kTransferred, MovementKind::kSentForTesting,
                                   MovementKind::kReturnedFromTesting};
constexpr std::array kDisposals = {DisposalKind::kReturned, DisposalKind::kConfiscatedDestroyed,
                                   DisposalKind::kAuctioned, DisposalKind::kTransferredWithCase};
constexpr std::array kReviewKinds = {ReviewKind::kReconsideration, ReviewKind::kLitigation};

Status Required(const std::string& v, const char* field, const char* what, size_t max = 200) {
  if (v.empty()) return InvalidArgument("required", std::string("请填写") + what, field);
  if (v.size() > max) return InvalidArgument("too_long", std::string(what) + "过长", field);
  return Status::Ok();
}

bool IsDecimal(const std::string& s) {
  if (s.empty() || s.size() > 20) return false;
  size_t dot = s.find('.');
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == dot) continue;
    if (s[i] < '0' || s[i] > '9') return false;
  }
  if (dot == 0 || dot == s.size() - 1) return false;
  if (dot != std::string::npos && s.find('.', dot + 1) != std::string::npos) return false;
  if (dot != std::string::npos && s.size() - dot - 1 > 3) return false;
  return s.find_first_of("123456789") != std::string::npos;  // > 0
}

bool OutForTesting(const SeizedItem& item) {
  bool out = false;
  for (const auto& m : item.movements) {
    if (m.kind == MovementKind::kSentForTesting) out = true;
    if (m.kind == MovementKind::kReturnedFromTesting) out = false;
  }
  return out;
}

}  // namespace

std::string_view MovementKindName(MovementKind k) {
  switch (k) {
    case MovementKind::kTransferred: return "transferred";
    case MovementKind::kSentForTesting: return "sent_for_testing";
    case MovementKind::kReturnedFromTesting: return "returned_from_testing";
  }
  return "";
}
std::string_view MovementKindLabel(MovementKind k) {
  switch (k) {
    case MovementKind::kTransferred: return "移交保管";
    case MovementKind::kSentForTesting: return "送检";
    case MovementKind::kReturnedFromTesting: return "检测完毕返还";
  }
  return "";
}
std::optional<MovementKind> ParseMovementKind(std::string_view s) {
  return ParseBy(s, kMovements, MovementKindName);
}

std::string_view DisposalKindName(DisposalKind k) {
  switch (k) {
    case DisposalKind::kReturned: return "returned";
    case DisposalKind::kConfiscatedDestroyed: return "confiscated_destroyed";
    case DisposalKind::kAuctioned: return "auctioned";
    case DisposalKind::kTransferredWithCase: return "transferred_with_case";
  }
  return "";
}
std::string_view DisposalKindLabel(DisposalKind k) {
  switch (k) {
    case DisposalKind::kReturned: return "解除扣押，退还当事人";
    case DisposalKind::kConfiscatedDestroyed: return "没收并销毁";
    case DisposalKind::kAuctioned: return "依法拍卖";
    case DisposalKind::kTransferredWithCase: return "随案移送";
  }
  return "";
}
std::optional<DisposalKind> ParseDisposalKind(std::string_view s) {
  return ParseBy(s, kDisposals, DisposalKindName);
}

std::vector<ExcludedInterval> TestingIntervals(const SeizedItem& item, Date today) {
  std::vector<ExcludedInterval> out;
  std::optional<Date> sent;
  for (const auto& m : item.movements) {
    if (m.kind == MovementKind::kSentForTesting && !sent) sent = m.on;
    if (m.kind == MovementKind::kReturnedFromTesting && sent) {
      out.push_back({"testing", *sent, m.on});
      sent.reset();
    }
  }
  if (sent && *sent <= today) out.push_back({"testing", *sent, today});
  return out;
}

Status ValidateSeizedItem(const SeizedItem& item) {
  JG_RETURN_IF_ERROR(Required(item.name, "name", "物品名称"));
  if (!IsDecimal(item.quantity))
    return InvalidArgument("invalid_quantity", "数量须为大于 0 的数，最多三位小数", "quantity");
  JG_RETURN_IF_ERROR(Required(item.unit, "unit", "计量单位", 20));
  JG_RETURN_IF_ERROR(Required(item.location, "location", "存放地点"));
  JG_RETURN_IF_ERROR(Required(item.custodian, "custodian", "保管人"));
  return Status::Ok();
}

Status CheckMovement(const SeizedItem& item, const SeizedItemMovement& m) {
  if (item.disposal)
    return FailedPrecondition("item_disposed", "该物品已作出处置，不能再登记流转", "kind");
  if (m.on < item.seized_on)
    return InvalidArgument("invalid_date", "流转日期不能早于扣押日期", "on");
  if (!item.movements.empty() && m.on < item.movements.back().on)
    return InvalidArgument("invalid_date", "流转日期不能早于上一次流转", "on");
  const bool out = OutForTesting(item);
  if (m.kind == MovementKind::kSentForTesting && out)
    return FailedPrecondition("already_testing", "该物品正在送检，须先登记返还", "kind");
  if (m.kind == MovementKind::kReturnedFromTesting && !out)
    return FailedPrecondition("not_testing", "该物品未送检，不能登记检测返还", "kind");
  JG_RETURN_IF_ERROR(Required(m.location, "location", "流转后的存放地点"));
  JG_RETURN_IF_ERROR(Required(m.custodian, "custodian", "流转后的保管人"));
  return Status::Ok();
}

std::string_view ReviewKindName(ReviewKind k) {
  return k == ReviewKind::kReconsideration ? "reconsideration" : "litigation";
}
std::string_view ReviewKindLabel(ReviewKind k) {
  return k == ReviewKind::kReconsideration ? "行政复议" : "行政诉讼";
}
std::optional<ReviewKind> ParseReviewKind(std::string_view s) {
  return ParseBy(s, kReviewKinds, ReviewKindName);
}

const std::vector<std::string_view>& ReviewOutcomes(ReviewKind k) {
  static const std::vector<std::string_view> recon = {"upheld", "corrected", "revoked",
                                                       "confirmed_illegal", "withdrawn"};
  static const std::vector<std::string_view> lit = {"won", "lost", "withdrawn", "mediated"};
  return k == ReviewKind::kReconsideration ? recon : lit;
}

std::string_view ReviewOutcomeLabel(ReviewKind k, std::string_view o) {
  if (k == ReviewKind::kReconsideration) {
    if (o == "upheld") return "维持";
    if (o == "corrected") return "变更（纠错）";
    if (o == "revoked") return "撤销";
    if (o == "confirmed_illegal") return "确认违法";
    if (o == "withdrawn") return "撤回申请、终止";
  } else {
    if (o == "won") return "胜诉";
    if (o == "lost") return "败诉";
    if (o == "withdrawn") return "撤诉";
    if (o == "mediated") return "调解";
  }
  return "";
}

Status ValidateReview(const CaseReview& r) {
  JG_RETURN_IF_ERROR(Required(r.body, "body",
                              r.kind == ReviewKind::kReconsideration ? "复议机关" : "受理法院"));
  if (r.note.size() > 4000) return InvalidArgument("too_long", "备注过长", "note");
  if (!r.outcome.empty() && ReviewOutcomeLabel(r.kind, r.outcome).empty())
    return InvalidArgument("invalid_outcome",
                           std::string(ReviewKindLabel(r.kind)) + "的结果不正确：" + r.outcome,
                           "outcome");
  if (!r.outcome.empty() && !r.decided_on)
    return InvalidArgument("required", "有结果时须填写决定（裁判）日期", "decided_on");
  if (r.outcome.empty() && r.decided_on)
    return InvalidArgument("required", "填写了决定日期时须选择结果", "outcome");
  if (r.decided_on && *r.decided_on < r.filed_on)
    return InvalidArgument("invalid_date", "决定日期不能早于申请（起诉）日期", "decided_on");
  return Status::Ok();
}

}  // namespace jg::enforcement
