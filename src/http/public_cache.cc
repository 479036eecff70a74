#include "http/public_cache.h"

#include <algorithm>
#include <mutex>
#include <vector>

namespace jg::http {

std::optional<Response> PublicCache::Find(const std::string& key, std::uint64_t generation,
                                          Clock::time_point now) {
  if (!enabled()) return std::nullopt;
  std::shared_lock lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation || now - it->second.at >= ttl_)
    return std::nullopt;
  return it->second.response;
}

void PublicCache::Keep(const std::string& key, std::uint64_t generation, Clock::time_point now,
                       const Response& r) {
  if (!enabled() || r.status != 200) return;
  std::unique_lock lock(mu_);
  if (entries_.size() >= max_ && !entries_.count(key)) {
    // Drop the older half: stale entries first, by the time they were made.
    std::vector<std::pair<Clock::time_point, const std::string*>> by_age;
    by_age.reserve(entries_.size());
    for (const auto& [k, e] : entries_) by_age.emplace_back(e.at, &k);
    auto mid = by_age.begin() + static_cast<std::ptrdiff_t>(by_age.size() / 2);
    std::nth_element(by_age.begin(), mid, by_age.end());
    std::vector<std::string> drop;
    for (auto it = by_age.begin(); it != mid + 1 && it != by_age.end(); ++it) drop.push_back(*it->second);
    for (const auto& k : drop) entries_.erase(k);
  }
  entries_[key] = Entry{generation, now, r};
}

size_t PublicCache::size() {
  std::shared_lock lock(mu_);
  return entries_.size();
}

std::string PublicCacheKey(const std::string& path, const std::map<std::string, std::string>& query) {
  std::string key = path;
  char sep = '?';
  for (const auto& [k, v] : query) {  // std::map: already in a canonical order
    key += sep;
    key += k;
    key += '=';
    key += v;
    key += '\0';  // values may hold '&' or '=' once decoded: keep keys unambiguous
    sep = '&';
  }
  return key;
}

}  // namespace jg::http
