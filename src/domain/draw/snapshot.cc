#include "domain/draw/snapshot.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "domain/draw/text.h"

namespace jg::draw {

std::string StratumOf(RiskClass r) {
  return std::string(RiskClassName(r));
}

std::uint16_t Snapshot::Intern(std::string_view key, std::vector<std::string>& names,
                               std::map<std::string, std::uint16_t, std::less<>>& ids, bool& full) {
  // Consecutive entries usually share their key: check the last one first.
  if (!names.empty() && names.back() == key) return static_cast<std::uint16_t>(names.size() - 1);
  auto it = ids.find(key);
  if (it != ids.end()) return it->second;
  if (names.size() >= kMaxDistinctKeys) {
    full = true;
    return 0;
  }
  auto id = static_cast<std::uint16_t>(names.size());
  names.emplace_back(key);
  ids.emplace(std::string(key), id);
  return id;
}

Status Snapshot::Add(std::string_view credit_code, std::string_view stratum,
                     std::string_view station) {
  if (!IsCodeToken(credit_code)) {
    return InvalidArgument("invalid_credit_code",
                           "主体代码须为1至32个可见ASCII字符（不含逗号和反斜杠）", "credit_code");
  }
  if (!IsKeyToken(stratum, kMaxStratumBytes, true)) {
    return InvalidArgument("invalid_stratum",
                           "分层标识不合法（最长32字节，不含控制字符、逗号、反斜杠）", "stratum");
  }
  if (!IsKeyToken(station, kMaxKeyBytes, true)) {
    return InvalidArgument("invalid_station",
                           "所属监管所代码不合法（最长64字节，不含控制字符、逗号、反斜杠）",
                           "station");
  }
  if (size() >= kMaxEntries) {
    return ResourceExhausted("too_many_entries", "名录快照超过5000万条上限");
  }
  bool full = false;
  std::uint16_t s = Intern(stratum, strata_, stratum_ids_, full);
  std::uint16_t t = Intern(station, stations_, station_ids_, full);
  if (full) return ResourceExhausted("too_many_keys", "分层或监管所的种类超过65535个上限");
  codes_.append(credit_code);
  ends_.push_back(static_cast<std::uint32_t>(codes_.size()));  // <= 50M × 32 < 2^32
  stratum_.push_back(s);
  station_.push_back(t);
  return Status::Ok();
}

void Snapshot::Reserve(std::size_t entries) {
  codes_.reserve(entries * 18);
  ends_.reserve(entries);
  stratum_.reserve(entries);
  station_.reserve(entries);
}

bool Snapshot::IsCanonical() const {
  for (std::size_t i = 1; i < size(); ++i) {
    if (!(code(i - 1) < code(i))) return false;
  }
  return true;
}

void Snapshot::SortCanonical() {
  if (IsCanonical()) return;
  std::vector<std::uint32_t> order(size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [this](std::uint32_t a, std::uint32_t b) { return code(a) < code(b); });
  Snapshot out;
  out.strata_ = strata_;
  out.stations_ = stations_;
  out.stratum_ids_ = stratum_ids_;
  out.station_ids_ = station_ids_;
  out.codes_.reserve(codes_.size());
  out.ends_.reserve(size());
  out.stratum_.reserve(size());
  out.station_.reserve(size());
  for (std::uint32_t i : order) {
    out.codes_.append(code(i));
    out.ends_.push_back(static_cast<std::uint32_t>(out.codes_.size()));
    out.stratum_.push_back(stratum_[i]);
    out.station_.push_back(station_[i]);
  }
  *this = std::move(out);
}

std::vector<std::uint32_t> SortedOrder(const Snapshot& s) {
  std::vector<std::uint32_t> order;
  if (!s.IsCanonical()) {
    order.resize(s.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&s](std::uint32_t a, std::uint32_t b) { return s.code(a) < s.code(b); });
  }
  return order;
}

Result<std::vector<std::uint32_t>> CanonicalOrder(const Snapshot& s) {
  std::vector<std::uint32_t> order = SortedOrder(s);
  for (std::size_t k = 1; k < order.size(); ++k) {  // empty order: strictly ascending already
    if (s.code(order[k - 1]) == s.code(order[k])) {
      std::string code(s.code(order[k]));
      return InvalidArgument("duplicate_entity", "名录快照中主体“" + code + "”重复出现",
                             "eligible");
    }
  }
  return order;
}

Digest EligibleDigest(const Snapshot& s, const std::vector<std::uint32_t>& order) {
  // Lines are packed into a 64 KiB block by hand: six small Update calls per
  // entry cost as much as SM3 itself over ten million entries.
  constexpr std::size_t kBlock = 64 * 1024;
  constexpr std::size_t kMaxLine = 32 + 1 + kMaxStratumBytes + 1 + kMaxKeyBytes + 1;
  std::string block(kBlock + kMaxLine, '\0');
  std::size_t used = 0;
  Sm3Hasher h;
  auto put = [&](std::string_view v) {
    std::memcpy(block.data() + used, v.data(), v.size());
    used += v.size();
  };
  for (std::size_t k = 0; k < s.size(); ++k) {
    std::size_t i = OrderAt(order, k);
    put(s.code(i));
    block[used++] = '\t';
    put(s.stratum(i));
    block[used++] = '\t';
    put(s.station(i));
    block[used++] = '\n';
    if (used >= kBlock) {
      h.Update(std::string_view(block.data(), used));
      used = 0;
    }
  }
  h.Update(std::string_view(block.data(), used));
  return h.Final();
}

}  // namespace jg::draw
