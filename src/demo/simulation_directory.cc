// The directory's history: the entities there before the simulated years are
// imported on its first day; those of the two years are imported on the day
// they were set up, with their establishment registration; licences follow a
// few weeks later. The food licences with 含酒类 issued in the calibrated year
// are exactly the target.
#include <cmath>
#include <cstdio>
#include <map>

#include "demo/simulation.h"
#include "service/report_service.h"

namespace jg::demo {
namespace {

std::string Digits(int n, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  return buf;
}

}  // namespace

Status Simulation::ImportEntities(const std::vector<int>& which) {
  std::vector<DemoEntity> rows;
  rows.reserve(which.size());
  for (int i : which) rows.push_back(entities_[i]);
  JG_ASSIGN_OR_RETURN(auto rep, entities_svc_.ImportFile(&admin_, DirectoryCsv(rows), false));
  if (!rep.applied) {
    std::string why = rep.errors.empty() ? "" : rep.errors[0].column + " " + rep.errors[0].reason;
    return Internal("演示市场主体导入失败：" + why);
  }
  for (int i : which) {
    JG_ASSIGN_OR_RETURN(auto e, tx_.FindEntityByCreditCode(entities_[i].credit_code));
    entity_ids_[i] = e.id;
  }
  summary_.entities += static_cast<int>(which.size());
  return Status::Ok();
}

Status Simulation::Licence(int i, Date on, bool alcohol) {
  const DemoEntity& e = entities_[i];
  const DemoTrade& t = DemoTrades()[e.trade];
  Holding h;
  h.entity_id = entity_ids_[i];
  h.valid_from = on.ToString();
  h.valid_until = Ymd(on.year() + 5, on.month(), std::min(on.day(), 28)).AddDays(-1)->ToString();
  ++licence_serial_;
  if (t.food) {
    const bool catering = std::string(t.industry).rfind("H62", 0) == 0;
    h.kind = "food_operation_licence";
    // JY, the business form (1 sales, 2 catering), 31 01 14, a serial, a check digit.
    h.identifier = std::string("JY") + (catering ? "2" : "1") + "310114" + Digits(licence_serial_, 6) +
                   std::to_string(licence_serial_ * 7 % 10);
    h.attributes.emplace("business_form", catering ? "餐饮服务经营者" : "食品销售经营者");
    if (catering) {
      h.attributes.emplace("business_items", "热食类食品制售");
      if (rng_.PerMille(400)) h.attributes.emplace("business_items", "冷食类食品制售");
    } else {
      h.attributes.emplace("business_items", "预包装食品（含冷藏冷冻食品）销售");
      if (rng_.PerMille(500)) h.attributes.emplace("business_items", "散装食品（不含冷藏冷冻食品）销售");
    }
    if (alcohol) h.attributes.emplace("business_items", kAlcoholBusinessItem);
  } else if (t.drug) {
    h.kind = "drug_retail_licence";
    h.identifier = "沪CB0214" + Digits(licence_serial_, 6);
    h.attributes.emplace("business_scope", "中成药、化学药制剂、抗生素制剂、生化药品、生物制品（除疫苗）");
    h.attributes.emplace("pharmacist", PersonName(rng_));
    h.attributes.emplace("medical_insurance_designated", rng_.PerMille(600) ? "是" : "否");
  } else if (t.industrial) {
    h.kind = "industrial_production_licence";
    h.identifier = "(沪)XK06-001-" + Digits(licence_serial_, 6);
    h.attributes.emplace("product_category", t.licence_product);
    h.attributes.emplace("product_unit", t.licence_product);
  } else {
    return Status::Ok();
  }
  JG_RETURN_IF_ERROR(holdings_.Create(admin_, h).status());
  ++summary_.holdings;
  return Status::Ok();
}

Status Simulation::Register(int i, RegistrationKind kind, Date on) {
  const DemoEntity& e = entities_[i];
  Registration r;
  r.entity_id = entity_ids_[i];
  r.kind = kind;
  r.handled_on = on.ToString();
  const bool beihongqiao = i < beihongqiao_new_ && kind == RegistrationKind::kEstablishment;
  if (beihongqiao) {
    r.service_point = kBeihongqiaoServicePoint;
    r.fully_electronic = true;  // the point handles fully electronic registration only
  } else if (e.kind == "个体工商户" || e.kind == "农民专业合作社") {
    r.service_point = e.street + "社区事务受理服务中心";
    r.fully_electronic = rng_.PerMille(600);
  } else {
    r.service_point = "嘉定区政务服务中心开办企业专区";
    r.fully_electronic = rng_.PerMille(880);
  }
  JG_RETURN_IF_ERROR(holdings_.Record(admin_, r).status());
  ++summary_.registrations;
  return Status::Ok();
}

Status Simulation::PlanDirectory() {
  const int y = o_.year;
  const int n = o_.entities > 0 ? o_.entities : static_cast<int>(std::llround(60000 * cal_.scale));
  DistrictSpec spec;
  spec.entities = n;
  spec.year = y;
  spec.beihongqiao_new = static_cast<int>(cal_.Get("establishments_at", y, n / 20));
  if (spec.beihongqiao_new > n / 2)
    return InvalidArgument("demo_too_small", "市场主体数过少，容不下北虹桥服务点的新设立登记目标", "entities");
  beihongqiao_new_ = spec.beihongqiao_new;
  entities_ = GenerateDirectory(rng_, spec);
  entity_ids_.assign(entities_.size(), 0);
  const Date start = Ymd(y - 2, 10, 1);

  // Those set up before the history starts: one import on its first day;
  // later ones on the day they were set up, with their registration.
  std::vector<int> old;
  std::map<std::int64_t, std::vector<int>> new_by_day;
  for (int i = 0; i < n; ++i) {
    Date reg = Date::Parse(entities_[i].registered_on).value();
    if (reg < start)
      old.push_back(i);
    else
      new_by_day[reg.ToDays()].push_back(i);
  }
  At(start, 0, [this, old] { return ImportEntities(old); });

  // Active entities of a trade that needs a licence (food, drug retail, industrial).
  auto licensed = [this](int i) {
    const DemoTrade& t = DemoTrades()[entities_[i].trade];
    return entities_[i].status == "存续" && (t.food || t.drug || t.industrial);
  };

  // The food licences with 含酒类 issued in the year: the new alcohol sellers
  // of the year, then 二证合一 conversions of older ones up to the target.
  const std::int64_t alcohol_target = cal_.Get("food_licences_alcohol", y, 0);
  std::int64_t alcohol_in_year = 0;
  std::vector<int> old_alcohol;
  for (auto& [day, list] : new_by_day) {
    Date reg = *Date::FromDays(day);
    At(reg, 0, [this, list = list, reg]() -> Status {
      JG_RETURN_IF_ERROR(ImportEntities(list));
      for (int i : list) {
        if (reg.year() >= o_.year - 1) JG_RETURN_IF_ERROR(Register(i, RegistrationKind::kEstablishment, reg));
      }
      return Status::Ok();
    });
    for (int i : list) {
      const DemoEntity& e = entities_[i];
      if (!licensed(i)) continue;
      Date lic = Wd(reg, rng_.Between(8, 18));
      bool alcohol = e.alcohol;
      if (alcohol && lic.year() == y) {
        if (alcohol_in_year < alcohol_target) {
          ++alcohol_in_year;
        } else {
          lic = Wd(Ymd(y + 1, 1, 2), rng_.Between(1, 20));  // waits for the next year
        }
      }
      At(lic, 1, [this, i, lic, alcohol] { return Licence(i, lic, alcohol); });
    }
  }
  for (int i : old) {
    const DemoEntity& e = entities_[i];
    if (!licensed(i)) continue;
    if (e.alcohol) old_alcohol.push_back(i);
  }
  rng_.Shuffle(old_alcohol);
  const std::int64_t conversions = alcohol_target - alcohol_in_year;
  if (conversions > static_cast<std::int64_t>(old_alcohol.size()))
    return InvalidArgument("demo_too_small", "市场主体数过少，容不下含酒类食品经营许可证的目标", "entities");
  std::vector<bool> converted(entities_.size(), false);
  for (std::int64_t k = 0; k < conversions; ++k) converted[old_alcohol[k]] = true;
  for (int i : old) {
    const DemoEntity& e = entities_[i];
    if (!licensed(i)) continue;
    if (converted[i]) {
      Date on = RandomWorkday(Ymd(y, 1, 3), Ymd(y, 12, 29));
      At(on, 1, [this, i, on] { return Licence(i, on, true); });
      continue;
    }
    // Issued before the simulated years (and still in force in them).
    Date reg = Date::Parse(e.registered_on).value();
    Date from = std::max(reg, Ymd(y - 6, 1, 1));
    Date on = *from.AddDays(static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(
        std::max<std::int64_t>(1, DaysBetween(from, Ymd(y - 2, 9, 30)))))));
    if (on < Ymd(y - 5, 10, 5)) on = *on.AddDays(365 * 2);  // renewed: a licence runs five years
    At(start, 1, [this, i, on, alcohol = e.alcohol] { return Licence(i, on, alcohol); });
  }

  // Changes (变更登记) of older entities through the two years, and the
  // deregistrations of those that were struck off.
  const int changes_per_year = n / 16;
  for (int year : {y - 1, y}) {
    for (int k = 0; k < changes_per_year; ++k) {
      int i = old[rng_.Below(old.size())];
      if (entities_[i].status != "存续") continue;
      Date on = RandomWorkday(Ymd(year, 1, 4), Ymd(year, 12, 29));
      At(on, 2, [this, i, on] { return Register(i, RegistrationKind::kChange, on); });
    }
  }
  for (int i : old) {
    if (entities_[i].status != "注销" || !rng_.PerMille(500)) continue;
    Date on = RandomWorkday(Ymd(y - 1, 1, 4), Ymd(y, 12, 29));
    At(on, 2, [this, i, on] { return Register(i, RegistrationKind::kDeregistration, on); });
  }
  return Status::Ok();
}

}  // namespace jg::demo
