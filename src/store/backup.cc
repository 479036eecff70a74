#include "store/backup.h"

#include "store/backup_drivers.h"

namespace jg {
namespace {
bool IsPostgres(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}
std::string SqlitePath(const std::string& url) {
  return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}
}  // namespace

Status BackupDatabase(const std::string& db_url, const std::string& file) {
  if (file.empty()) return InvalidArgument("required", "请指定备份文件", "file");
  return IsPostgres(db_url) ? sql::PostgresBackup(db_url, file)
                            : sql::SqliteBackup(SqlitePath(db_url), file);
}

Status RestoreDatabase(const std::string& db_url, const std::string& file) {
  if (file.empty()) return InvalidArgument("required", "请指定备份文件", "file");
  return IsPostgres(db_url) ? sql::PostgresRestore(db_url, file)
                            : sql::SqliteRestore(SqlitePath(db_url), file);
}

}  // namespace jg
