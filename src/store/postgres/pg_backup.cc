// PostgreSQL backup and restore through the standard client tools: pg_dump
// writes a plain SQL dump; psql replays it into an empty database.
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

#include "store/backup_drivers.h"

namespace jg::sql {
namespace {

// Runs a program without a shell (arguments are never interpreted).
Status Run(const std::vector<std::string>& argv, const char* what) {
  pid_t pid = fork();
  if (pid < 0) return Internal("fork failed");
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return Unavailable("tool_missing", std::string(what) + " 未安装（需要 postgresql-client）");
  return Internal(std::string(what) + " 失败，退出码 " +
                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1));
}

}  // namespace

Status PostgresBackup(const std::string& url, const std::string& file) {
  return Run({"pg_dump", "--no-owner", "--no-privileges", "--format=plain", "--file=" + file,
              "--dbname=" + url},
             "pg_dump");
}

Status PostgresRestore(const std::string& url, const std::string& file) {
  return Run({"psql", "--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--single-transaction",
              "--file=" + file, "--dbname=" + url},
             "psql");
}

}  // namespace jg::sql
