// The built web app (web/dist) served with MIME types and caching headers:
// hashed assets are immutable for a year, everything else revalidates.
// Paths that are not files fall back to index.html (client-side routes).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/response.h"

namespace jg::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  bool enabled() const { return !root_.empty(); }
  // nullopt if the path is outside the root or nothing can be served.
  std::optional<Response> Serve(const std::string& url_path) const;

 private:
  std::filesystem::path root_;
};

std::string MimeTypeOf(const std::filesystem::path& p);

}  // namespace jg::http
