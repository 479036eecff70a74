// Internal to store/: a bounded pool of driver connections, shared by all
// threads of the server. A lease returns its connection when it goes out of
// scope, unless the connection was found broken.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql_connection.h"

namespace jg::sql {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::unique_ptr<Driver> driver) : driver_(std::move(driver)) {}
  const Dialect& dialect() const { return driver_->dialect(); }
  const Driver& driver() const { return *driver_; }

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> c) : pool_(pool), conn_(std::move(c)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease() {
      if (pool_ && conn_) pool_->Release(std::move(conn_), broken_);
    }
    Connection& operator*() { return *conn_; }
    Connection* get() { return conn_.get(); }
    // The connection failed in a way that may leave it unusable: drop it.
    void MarkBroken() { broken_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
    bool broken_ = false;
  };

  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> c, bool broken);

  std::unique_ptr<Driver> driver_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t open_ = 0;
};

}  // namespace jg::sql
