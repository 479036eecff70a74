// The rows of the draw file's sections, each checked as it is read.
#include <tuple>

#include "domain/draw/draw_file_parser.h"
#include "domain/draw/text.h"

namespace jg::draw::internal {

Status DrawFileParser::Items(std::string_view s, std::vector<std::string>& out) {
  auto parts = SplitComma(s, kMaxItems);
  if (parts.size() > kMaxItems) return Err("检查事项超过100项");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!IsKeyToken(parts[i], kMaxKeyBytes, false)) return Err("检查事项代码不合法");
    if (i > 0 && !(parts[i - 1] < parts[i])) return Err("检查事项须按字节升序排列且不重复");
    out.emplace_back(parts[i]);
  }
  return Status::Ok();
}

Status DrawFileParser::Row(std::string_view line) {
  static constexpr std::array<std::size_t, 6> kFields = {3, 3, 5, 3, 4, 4};
  auto f = SplitTabs(line, kFields[section_] - 1);
  if (f.size() != kFields[section_]) {
    return Err("应有" + std::to_string(kFields[section_]) + "个以制表符分隔的字段");
  }
  switch (section_) {
    case 0: {
      Status st = f_.input.eligible.Add(f[0], f[1], f[2]);
      if (!st.ok()) return Err(st.message());
      std::size_t n = f_.input.eligible.size();
      if (n > 1 && !(f_.input.eligible.code(n - 2) < f[0]))
        return Err("主体代码须按字节升序排列且不重复");
      return Status::Ok();
    }
    case 1: {
      StratumRule r;
      r.stratum.assign(f[0]);
      if (!IsKeyToken(f[0], kMaxStratumBytes, true)) return Err("分层标识不合法");
      if (f_.input.params.strata.size() >= kMaxStrata) return Err("分层超过1000个");
      if (!f_.input.params.strata.empty() && !(f_.input.params.strata.back().stratum < r.stratum)) {
        return Err("分层须按字节升序排列且不重复");
      }
      if (f[1] == "count") {
        auto v = ParseDecimal(f[2], kMaxEntries);
        if (!v) return Err("抽取数量须为十进制数");
        r.count = *v;
      } else if (f[1] == "ratio") {
        auto v = ParseRatio(f[2]);
        if (!v) return Err("抽取比例须形如0.050000（六位小数，不超过1）");
        r.by_ratio = true;
        r.ratio_ppm = *v;
      } else {
        return Err("第二个字段须为count或ratio");
      }
      f_.input.params.strata.push_back(std::move(r));
      return Status::Ok();
    }
    case 2: {
      if (f_.input.inspectors.size() >= kMaxInspectors) return Err("检查人员超过20000名");
      Inspector i;
      if (!IsKeyToken(f[0], kMaxKeyBytes, false)) return Err("检查人员编号不合法");
      if (!f_.input.inspectors.empty() && !(f_.input.inspectors.back().id < f[0])) {
        return Err("检查人员须按编号字节升序排列且不重复");
      }
      if (!IsKeyToken(f[1], kMaxKeyBytes, false)) return Err("部门不合法");
      if (!IsKeyToken(f[2], kMaxKeyBytes, true)) return Err("所属监管所不合法");
      auto w = ParseDecimal(f[3], kMaxWorkload);
      if (!w) return Err("已有工作量须为十进制数");
      i.id.assign(f[0]);
      i.department.assign(f[1]);
      i.station.assign(f[2]);
      i.workload = *w;
      JG_RETURN_IF_ERROR(Items(f[4], i.items));
      f_.input.inspectors.push_back(std::move(i));
      return Status::Ok();
    }
    case 3: {
      if (f_.input.conflicts.size() >= kMaxConflicts) return Err("回避关系超过100万条");
      Conflict c;
      if (f[1] != "entity" && f[1] != "station") return Err("回避类型须为entity或station");
      c.kind = f[1] == "entity" ? ConflictKind::kEntity : ConflictKind::kStation;
      bool ok = IsKeyToken(f[0], kMaxKeyBytes, false) &&
                (c.kind == ConflictKind::kEntity ? IsCodeToken(f[2])
                                                 : IsKeyToken(f[2], kMaxKeyBytes, false));
      if (!ok) return Err("回避关系字段不合法");
      auto key = std::make_tuple(std::string(f[0]), std::string(f[1]), std::string(f[2]));
      if (!f_.input.conflicts.empty() && !(prev_conflict_ < key))
        return Err("回避关系须按升序排列且不重复");
      prev_conflict_ = key;
      c.inspector_id.assign(f[0]);
      c.value.assign(f[2]);
      f_.input.conflicts.push_back(std::move(c));
      return Status::Ok();
    }
    case 4: {
      if (f_.result.selected.size() >= kMaxSelected) return Err("抽取结果超过100万行");
      if (!IsCodeToken(f[0]) || !IsKeyToken(f[1], kMaxStratumBytes, true) ||
          !IsKeyToken(f[2], kMaxKeyBytes, true)) {
        return Err("抽取结果的主体代码、分层或监管所不合法");
      }
      SelectedEntity e{std::string(f[0]), std::string(f[1]), std::string(f[2]), {}};
      auto ids = SplitComma(f[3], kMaxPerEntity);
      if (ids.size() > kMaxPerEntity) return Err("检查人员超过10名");
      for (auto id : ids) {
        if (!IsKeyToken(id, kMaxKeyBytes, false)) return Err("检查人员编号不合法");
        e.inspectors.emplace_back(id);
      }
      f_.result.selected.push_back(std::move(e));
      f_.result_lines.push_back(line_no_);
      return Status::Ok();
    }
    default: {
      auto index = ParseDecimal(f[0], kMaxSelected * kMaxPerEntity);
      if (!index || *index != f_.result.replacements.size() + 1) {
        return Err("回避序号须为" + std::to_string(f_.result.replacements.size() + 1));
      }
      if (!IsCodeToken(f[1]) || !IsKeyToken(f[2], kMaxKeyBytes, false) ||
          !IsKeyToken(f[3], kMaxKeyBytes, false)) {
        return Err("回避记录字段不合法");
      }
      f_.result.replacements.push_back(
          {static_cast<int>(*index), std::string(f[1]), std::string(f[2]), std::string(f[3])});
      f_.recusal_lines.push_back(line_no_);
      return Status::Ok();
    }
  }
}

}  // namespace jg::draw::internal
