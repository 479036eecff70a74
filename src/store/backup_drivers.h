// Internal to store/: each backend's backup and restore.
#pragma once

#include <string>

#include "domain/status.h"

namespace jg::sql {

Status SqliteBackup(const std::string& db_path, const std::string& file);
Status SqliteRestore(const std::string& db_path, const std::string& file);
Status PostgresBackup(const std::string& url, const std::string& file);
Status PostgresRestore(const std::string& url, const std::string& file);

}  // namespace jg::sql
