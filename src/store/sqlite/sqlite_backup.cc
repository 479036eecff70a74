// Online backup and restore of a SQLite database with sqlite3_backup_*.
#include <sqlite3.h>

#include <filesystem>

#include "store/backup_drivers.h"

namespace jg::sql {
namespace {

// Copies every page of `from` into `to` in steps, so writers are not blocked
// for the whole copy (the backup restarts if the source changes meanwhile).
Status CopyDatabase(const std::string& from_path, const std::string& to_path, bool to_must_exist) {
  sqlite3 *from = nullptr, *to = nullptr;
  int rc = sqlite3_open_v2(from_path.c_str(), &from, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(from);
    return Unavailable("store_unavailable", "无法打开 " + from_path);
  }
  int flags = SQLITE_OPEN_READWRITE | (to_must_exist ? 0 : SQLITE_OPEN_CREATE);
  rc = sqlite3_open_v2(to_path.c_str(), &to, flags, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(from);
    sqlite3_close(to);
    return Unavailable("store_unavailable", "无法打开 " + to_path);
  }
  sqlite3_busy_timeout(from, 5000);
  sqlite3_busy_timeout(to, 5000);
  Status st;
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (!b) {
    st = Internal(std::string("backup init: ") + sqlite3_errmsg(to));
  } else {
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) st = Internal(std::string("backup: ") + sqlite3_errstr(rc));
  }
  sqlite3_close(from);
  sqlite3_close(to);
  return st;
}

}  // namespace

Status SqliteBackup(const std::string& db_path, const std::string& file) {
  if (!std::filesystem::exists(db_path))
    return InvalidArgument("db_not_found", "数据库文件不存在：" + db_path, "db");
  std::error_code ec;
  std::filesystem::remove(file, ec);
  return CopyDatabase(db_path, file, false);
}

Status SqliteRestore(const std::string& db_path, const std::string& file) {
  if (!std::filesystem::exists(file))
    return InvalidArgument("file_not_found", "备份文件不存在：" + file, "file");
  return CopyDatabase(file, db_path, false);
}

}  // namespace jg::sql
