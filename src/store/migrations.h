// Internal to store/: the numbered SQL migrations, embedded at build time from
// store/migrations/<backend>/NNNN_name.sql. Never edit one that has shipped.
#pragma once

#include <vector>

#include "store/sql_connection.h"

namespace jg::sql {

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace jg::sql
