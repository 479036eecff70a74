#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace jg::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Dispatcher& d, const ServerConfig& cfg, std::atomic<bool>& stopping)
      : stream_(std::move(socket)), dispatcher_(d), cfg_(cfg), stopping_(stopping) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) client_ = ep.address().to_string();
  }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

  // Closes the connection if it is waiting for a request; otherwise the
  // current response is the last one.
  void Shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  void Read() {
    idle_ = true;
    parser_.emplace();
    // Beast checks a Content-Length against the limit in force while the
    // header is read, before the route is known: the largest limit here,
    // the route's own one in OnHeader.
    limit_ = cfg_.body_limit;
    std::size_t largest = cfg_.body_limit;
    for (const auto& u : cfg_.uploads) largest = std::max(largest, u.limit);
    parser_->body_limit(largest);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(cfg_.read_timeout_seconds));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               self->OnHeader(ec);
                             });
  }

  // The body limit depends on the route: uploads may be larger.
  void OnHeader(beast::error_code ec) {
    if (ec) return OnRead(ec);
    const auto target = parser_->get().target();
    limit_ = BodyLimitFor(cfg_.uploads, cfg_.body_limit, std::string_view(target.data(), target.size()));
    if (auto length = parser_->content_length(); length && *length > limit_)
      return OnRead(bhttp::error::body_limit);
    parser_->body_limit(limit_);  // chunked bodies: counted as they arrive
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->OnRead(ec);
                      });
  }

  void OnRead(beast::error_code ec) {
    idle_ = false;
    if (ec == bhttp::error::body_limit) {
      Response r = Error(413, "payload_too_large",
                         "请求体超过 " + std::to_string(limit_ / 1024) + " KiB 上限");
      AddSecurityHeaders(r);
      refused_ = true;
      return Write(std::move(r), 11, false);
    }
    if (ec == bhttp::error::header_limit) {
      Response r = Error(431, "headers_too_large", "请求头过大");
      AddSecurityHeaders(r);
      refused_ = true;
      return Write(std::move(r), 11, false);
    }
    if (ec) return Close();  // end of stream, timeout, reset, bad request bytes
    auto& req = parser_->get();
    RawRequest raw;
    raw.method = std::string(req.method_string());
    raw.target = std::string(req.target());
    raw.cookie = std::string(req[bhttp::field::cookie]);
    raw.csrf_header = std::string(req["X-CSRF-Token"]);
    raw.origin = std::string(req[bhttp::field::origin]);
    raw.host = std::string(req[bhttp::field::host]);
    raw.content_type = std::string(req[bhttp::field::content_type]);
    raw.body = std::move(req.body());
    raw.client = client_;
    const auto t0 = std::chrono::steady_clock::now();
    Response r = dispatcher_.Handle(raw);
    if (cfg_.access_log) {
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      spdlog::info("{} \"{} {}\" {} {} {:.2f}ms", client_, raw.method,
                   raw.target.substr(0, raw.target.find('?')), r.status, r.body.size(), ms);
    }
    const bool head = req.method() == bhttp::verb::head;
    Write(std::move(r), req.version(), req.keep_alive() && !stopping_.load(), head);
  }

  void Write(Response r, unsigned version, bool keep_alive, bool head = false) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(r.status), version);
    res->set(bhttp::field::server, "jianguan");
    if (!r.content_type.empty()) res->set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res->insert(k, v);
    res->keep_alive(keep_alive);
    if (head) {
      res->content_length(r.body.size());
    } else {
      res->body() = std::move(r.body);
      res->prepare_payload();
    }
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
                         if (!ec && self->refused_) return self->Linger();
                         if (ec || !keep_alive) return self->Close();
                         self->Read();
                       });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  // After refusing a request whose body (or headers) were not read: closing
  // with the client's bytes unread resets the connection, and a client still
  // sending them sees a broken pipe instead of the answer. So the answer is
  // followed by end of stream, and what the client still sends is read and
  // dropped (for a few seconds, a few MiB at most) before closing.
  void Linger() {
    idle_ = true;  // a server stopping closes it at once
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(std::min(cfg_.read_timeout_seconds, 5)));
    Drain();
  }
  void Drain() {
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](beast::error_code ec,
                                                                             std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxDrain) return self->stream_.close();
      self->Drain();
    });
  }
  static constexpr std::size_t kMaxDrain = 16u << 20;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Dispatcher& dispatcher_;
  const ServerConfig& cfg_;
  std::atomic<bool>& stopping_;
  std::string client_;
  bool idle_ = true;
  bool refused_ = false;  // the answer written refuses the request unread: Linger
  std::array<char, 16384> drain_;
  std::size_t drained_ = 0;
  std::size_t limit_ = 0;  // the body limit of the request being read
};

}  // namespace

struct Server::Impl {
  ServerConfig cfg;
  Dispatcher& dispatcher;
  net::io_context ioc;
  // The acceptor is not thread-safe: its completions, the next async_accept and Stop's close
  // all run on this one strand (a close racing an accept on another thread crashed under UBSan).
  net::strand<net::io_context::executor_type> accept_strand{ioc.get_executor()};
  tcp::acceptor acceptor{accept_strand};
  std::atomic<bool> stopping{false};
  std::atomic<std::int64_t> stop_deadline_ms{0};
  std::mutex mu;
  std::vector<std::weak_ptr<Connection>> connections;

  Impl(ServerConfig c, Dispatcher& d) : cfg(std::move(c)), dispatcher(d), ioc(cfg.threads) {}

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
      if (ec) {
        if (!acceptor.is_open()) return;  // stopped
        return Accept();
      }
      auto conn = std::make_shared<Connection>(std::move(s), dispatcher, cfg, stopping);
      {
        std::lock_guard lock(mu);
        std::erase_if(connections, [](auto& w) { return w.expired(); });
        connections.push_back(conn);
      }
      conn->Start();
      Accept();
    });
  }
};

std::size_t BodyLimitFor(const std::vector<UploadRoute>& uploads, std::size_t body_limit,
                         std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  for (const auto& u : uploads) {
    if (path.starts_with(u.prefix) && path.ends_with(u.suffix)) return u.limit;
  }
  return body_limit;
}

Server::Server(ServerConfig config, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(config), dispatcher)) {}

Server::~Server() = default;

Status Server::Listen() {
  beast::error_code ec;
  auto addr = net::ip::make_address(impl_->cfg.address, ec);
  if (ec) return InvalidArgument("invalid_address", "监听地址无效：" + impl_->cfg.address, "address");
  tcp::endpoint ep(addr, impl_->cfg.port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Unavailable("listen_failed", "无法监听 " + impl_->cfg.address + ":" +
                                            std::to_string(impl_->cfg.port) + "：" + ec.message());
  }
  impl_->Accept();
  return Status::Ok();
}

std::uint16_t Server::port() const {
  beast::error_code ec;
  auto ep = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : ep.port();
}

void Server::Run() {
  std::vector<std::thread> extra;
  for (int i = 1; i < impl_->cfg.threads; ++i) extra.emplace_back([this] { impl_->ioc.run(); });
  using clock = std::chrono::steady_clock;
  for (;;) {
    impl_->ioc.run_for(std::chrono::milliseconds(100));
    if (impl_->ioc.stopped()) break;  // no work left: every connection has finished
    const auto deadline = impl_->stop_deadline_ms.load();
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         clock::now().time_since_epoch()).count();
    if (deadline != 0 && now >= deadline) {
      impl_->ioc.stop();  // requests in flight had their 10 s
      break;
    }
  }
  for (auto& t : extra) t.join();
}

void Server::Stop() {
  if (impl_->stopping.exchange(true)) return;
  impl_->stop_deadline_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now().time_since_epoch()).count() + 10000;
  net::post(impl_->accept_strand, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    std::lock_guard lock(impl_->mu);
    for (auto& w : impl_->connections) {
      if (auto c = w.lock()) c->Shutdown();
    }
  });
}

}  // namespace jg::http
