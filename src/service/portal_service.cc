#include "service/portal_service.h"

#include "domain/civil_date.h"
#include "domain/credit_code.h"
#include "domain/utf8.h"

namespace jg {

Result<EntityPage> PortalService::Search(const std::string& name, const std::string& credit_code,
                                         int page, int page_size) {
  if (name.empty() && credit_code.empty())
    return InvalidArgument("required", "请输入名称关键字或统一社会信用代码", "q");
  if (!IsValidUtf8(name) || Utf8Length(name) > 50)
    return InvalidArgument("invalid_query", "名称关键字最多 50 个字", "q");
  if (page < 1 || page > 500) return InvalidArgument("invalid_page", "页码须为 1–500", "page");
  if (page_size < 1 || page_size > 50)
    return InvalidArgument("invalid_page_size", "每页条数须为 1–50", "page_size");
  EntityQuery q;
  q.name = name;
  if (!credit_code.empty()) q.credit_code = NormalizeCreditCodeInput(credit_code);
  q.limit = page_size;
  q.offset = (page - 1) * page_size;
  return env_.store.SearchEntities(q);
}

Result<PublicEntityRecord> PortalService::Record(const std::string& credit_code) {
  auto code = ParseCreditCode(credit_code);
  if (!code.ok()) return code.status();
  PublicEntityRecord out;
  JG_ASSIGN_OR_RETURN(out.entity, env_.store.FindEntityByCreditCode(code->code));
  HoldingQuery hq;
  hq.entity_id = out.entity.id;
  hq.status = HoldingStatus::kValid;
  hq.limit = 200;
  JG_ASSIGN_OR_RETURN(HoldingPage holdings, env_.store.SearchHoldings(hq));
  const std::string today = DateInChina(env_.clock.Now()).ToString();
  for (auto& h : holdings.items) {
    if (ExpiryState(h, today, 0) != "expired") out.licences_in_force.push_back(std::move(h));
  }
  JG_ASSIGN_OR_RETURN(out.kinds, Kinds());
  return out;
}

Result<std::vector<HoldingKind>> PortalService::Kinds() {
  std::lock_guard lock(mu_);
  if (!kinds_) {
    JG_ASSIGN_OR_RETURN(auto kinds, env_.store.ListHoldingKinds());
    kinds_ = std::move(kinds);
  }
  return *kinds_;
}

}  // namespace jg
