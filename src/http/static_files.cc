#include "http/static_files.h"

#include <fstream>
#include <sstream>

#include "http/request.h"

namespace jg::http {
namespace fs = std::filesystem;

std::string MimeTypeOf(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".yaml" || ext == ".yml") return "application/yaml";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  if (!root.empty() && fs::is_directory(root, ec)) root_ = fs::canonical(root, ec);
}

std::optional<Response> StaticFiles::Serve(const std::string& url_path) const {
  if (root_.empty()) return std::nullopt;
  std::string rel = UrlDecode(url_path);
  if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) return std::nullopt;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  fs::path candidate = root_ / fs::path(rel).lexically_normal();
  // Refuse anything that resolves outside the root (../, symlinks).
  std::error_code ec;
  fs::path real = fs::weakly_canonical(candidate, ec);
  if (ec) return std::nullopt;
  auto [rend, _] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
  if (rend != root_.end()) return std::nullopt;
  bool is_file = fs::is_regular_file(real, ec);
  if (!is_file) {
    // A client-side route (no extension) gets the app; a missing asset is a 404.
    if (fs::path(rel).has_extension()) return std::nullopt;
    real = root_ / "index.html";
    if (!fs::is_regular_file(real, ec)) return std::nullopt;
  }
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  Response r;
  r.status = 200;
  r.content_type = MimeTypeOf(real);
  r.body = ss.str();
  const bool hashed_asset = rel.rfind("assets/", 0) == 0 && is_file;
  r.headers.emplace_back("Cache-Control",
                         hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace jg::http
