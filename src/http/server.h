// The HTTP/1.1 server: Boost.Beast over Asio, keep-alive, a body limit
// (413), read timeouts, graceful stop. Transport only; everything else is
// the Dispatcher's.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"
#include "http/dispatcher.h"

namespace jg::http {

struct UploadRoute {
  std::string prefix;
  std::string suffix;
  std::size_t limit = 0;
};

// The body limit of a request target ("/path?query").
std::size_t BodyLimitFor(const std::vector<UploadRoute>& uploads, std::size_t body_limit,
                         std::string_view target);

struct ServerConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: pick a free port (tests)
  int threads = 2;
  std::size_t body_limit = 1 << 20;  // 1 MiB
  // File uploads may be larger: the first route whose path (without the
  // query) starts with `prefix` and ends with `suffix` sets the limit.
  std::vector<UploadRoute> uploads = {
      {"/api/v1/entities/import", "", 64u << 20},  // directory import files
      // a photo or PDF of an inspection result (10 MiB, domain/task_attachment.h),
      // with room for the domain to answer attachment_too_large itself
      {"/api/v1/inspection-tasks/", "/attachments", (10u << 20) + (64u << 10)},
  };
  int read_timeout_seconds = 30;     // whole request, headers and body
  bool access_log = true;
};

class Server {
 public:
  Server(ServerConfig config, Dispatcher& dispatcher);
  ~Server();
  // Binds and listens. After OK, port() is the bound port.
  Status Listen();
  std::uint16_t port() const;
  // Serves until Stop(); blocks the calling thread (and uses config.threads).
  void Run();
  // Thread-safe and signal-safe to request: stops accepting, lets requests in
  // flight finish (up to 10 s), then returns from Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jg::http
