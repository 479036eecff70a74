// Internal to store/: the Store implemented once over a sql::Driver.
#pragma once

#include <memory>

#include "store/sql_connection.h"
#include "store/store.h"

namespace jg::sql {

// Takes the driver, applies pending migrations, returns the store.
Result<std::unique_ptr<Store>> MakeSqlStore(std::unique_ptr<Driver> driver);

}  // namespace jg::sql
