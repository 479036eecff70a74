#include "store/sql_store_impl.h"

namespace jg::sql {

Result<std::unique_ptr<Store>> MakeSqlStore(std::unique_ptr<Driver> driver) {
  auto pool = std::make_shared<ConnectionPool>(std::move(driver));
  auto store = std::make_unique<SqlStore>(pool);
  JG_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jg::sql

namespace jg {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  Result<std::unique_ptr<sql::Driver>> driver = Internal("unreachable");
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    driver = sql::MakePostgresDriver(url);
  } else {
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (path.empty()) return InvalidArgument("invalid_db_url", "数据库地址为空", "db");
    driver = sql::MakeSqliteDriver(path);
  }
  if (!driver.ok()) return driver.status();
  return sql::MakeSqlStore(std::move(driver).value());
}

}  // namespace jg
