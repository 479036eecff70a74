// Operator backups: a consistent copy of a live database, and its restore.
#pragma once

#include <string>

#include "domain/status.h"

namespace jg {

// SQLite: the online backup API (safe while the server runs); the copy is a
// SQLite file. PostgreSQL: pg_dump in plain SQL format.
Status BackupDatabase(const std::string& db_url, const std::string& file);

// SQLite: copies the backup into the database through the backup API (stop
// the server first). PostgreSQL: runs the dump with psql into `db_url`, which
// must be an empty database. Either way run `jianguan audit verify` after.
Status RestoreDatabase(const std::string& db_url, const std::string& file);

}  // namespace jg
