// The frozen snapshot of the eligible population of a draw: one entry per
// market entity (credit code, stratum, station). Kept as compact vectors — the
// codes in one buffer, strata and stations as small indices — so a snapshot of
// tens of millions of entries costs about 26 bytes an entry and no allocation
// per entry.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/draw/sm3_stream.h"
#include "domain/entity.h"
#include "domain/status.h"

namespace jg::draw {

inline constexpr std::size_t kMaxEntries = 50'000'000;
inline constexpr std::size_t kMaxStratumBytes = 32;
inline constexpr std::size_t kMaxKeyBytes = 64;
inline constexpr std::size_t kMaxDistinctKeys = 65535;

// The stratum key of a credit-risk class: "A".."D", "" when unclassified.
std::string StratumOf(RiskClass r);

class Snapshot {
 public:
  // Errors (InvalidArgument) name the field: credit_code, stratum or station;
  // ResourceExhausted past kMaxEntries entries or kMaxDistinctKeys strata/stations.
  Status Add(std::string_view credit_code, std::string_view stratum, std::string_view station);
  void Reserve(std::size_t entries);

  std::size_t size() const { return stratum_.size(); }
  std::string_view code(std::size_t i) const {
    std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(codes_).substr(begin, ends_[i] - begin);
  }
  std::uint16_t stratum_index(std::size_t i) const { return stratum_[i]; }
  std::uint16_t station_index(std::size_t i) const { return station_[i]; }
  std::string_view stratum(std::size_t i) const { return strata_[stratum_[i]]; }
  std::string_view station(std::size_t i) const { return stations_[station_[i]]; }
  // Distinct strata / stations in order of first appearance.
  const std::vector<std::string>& strata() const { return strata_; }
  const std::vector<std::string>& stations() const { return stations_; }

  // True if the codes are strictly ascending (bytewise): the canonical order. O(n).
  bool IsCanonical() const;
  // Reorders the entries into canonical order (no-op if already canonical).
  void SortCanonical();

 private:
  std::uint16_t Intern(std::string_view key, std::vector<std::string>& names,
                       std::map<std::string, std::uint16_t, std::less<>>& ids, bool& full);
  std::string codes_;
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint16_t> stratum_;
  std::vector<std::uint16_t> station_;
  std::vector<std::string> strata_, stations_;
  std::map<std::string, std::uint16_t, std::less<>> stratum_ids_, station_ids_;
};

// The canonical order of a snapshot: entry indices sorted by credit code, or
// empty when the snapshot is already canonical (the identity; checked in O(n)).
// A duplicate credit code is refused (duplicate_entity, naming the code).
Result<std::vector<std::uint32_t>> CanonicalOrder(const Snapshot& s);
// The same order without the duplicate check.
std::vector<std::uint32_t> SortedOrder(const Snapshot& s);

inline std::size_t OrderAt(const std::vector<std::uint32_t>& order, std::size_t k) {
  return order.empty() ? k : order[k];
}

// SM3 over "code\tstratum\tstation\n" for every entry in canonical order.
Digest EligibleDigest(const Snapshot& s, const std::vector<std::uint32_t>& order);

}  // namespace jg::draw
