// Reading members of a ZIP archive held in memory (libzip), with the caps a
// file uploaded by anyone needs: at most `max_entries` members, and at most
// `max_uncompressed` bytes inflated in total, counted both from the sizes the
// archive declares and from the bytes actually inflated (a zip bomb may lie).
// Errors: InvalidArgument "xlsx_invalid" or "xlsx_too_large", field "file".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace jg {

struct ZipLimits {
  std::uint64_t max_uncompressed = 64ull << 20;
  std::int64_t max_entries = 1000;
};

class ZipArchive {
 public:
  // `bytes` must outlive the archive.
  static Result<ZipArchive> Open(std::string_view bytes, const ZipLimits& limits);
  ~ZipArchive();
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;

  // Member names match case-insensitively (as Office does).
  bool Has(const std::string& name) const;
  // The member's bytes ("xlsx_invalid" also when there is no such member).
  Result<std::string> Read(const std::string& name);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jg
