// A short-lived cache of the public portal's answers (the open API is what
// scrapers hit, often the same entity pages over and over). An answer is
// served from the cache only while no write has been handled by this
// process since it was computed and for at most `ttl` — so a write made
// through this server shows at once, and one made by another process
// (a second server on the same PostgreSQL, `jianguan import` on the command
// line) within the ttl. Bounded: when full, the oldest half is dropped.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/response.h"

namespace jg::http {

// Counts the writes (non-GET API requests) this process has handled. The
// dispatcher notes each one before and after running it, so an answer read
// while a write was in flight is never served afterwards.
class WriteGeneration {
 public:
  static std::uint64_t Current() { return counter().load(std::memory_order_acquire); }
  static void Note() { counter().fetch_add(1, std::memory_order_acq_rel); }

 private:
  static std::atomic<std::uint64_t>& counter() {
    static std::atomic<std::uint64_t> n{0};
    return n;
  }
};

class PublicCache {
 public:
  using Clock = std::chrono::steady_clock;
  PublicCache(std::chrono::milliseconds ttl, size_t max_entries) : ttl_(ttl), max_(max_entries) {}
  bool enabled() const { return ttl_.count() > 0 && max_ > 0; }

  // The answer stored under `key` at `generation`, if still fresh.
  std::optional<Response> Find(const std::string& key, std::uint64_t generation, Clock::time_point now);
  // Keeps a 200 answer computed at `generation` (read before computing it).
  void Keep(const std::string& key, std::uint64_t generation, Clock::time_point now, const Response& r);
  size_t size();

 private:
  struct Entry {
    std::uint64_t generation;
    Clock::time_point at;
    Response response;
  };
  std::chrono::milliseconds ttl_;
  size_t max_;
  std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

// The cache key of a GET: the path and the query in a canonical order.
std::string PublicCacheKey(const std::string& path, const std::map<std::string, std::string>& query);

}  // namespace jg::http
