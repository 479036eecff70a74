// The subcommands of `jianguan`; each returns its exit code.
#pragma once

#include <string>
#include <vector>

namespace jg::cli {

struct ServeOptions {
  std::string db;
  std::string address = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  std::string web_root;
  bool access_log = true;
  double portal_rate = 10;  // public requests per second per client; 0 = no limit
  int portal_cache_ms = 1000;  // public answers' cache (http/public_cache.h); 0 = off
  std::string calendar;     // working-day calendar file; "" = the built-in data/holidays-cn.txt
};
int Serve(const ServeOptions& o);

int Migrate(const std::string& db);

struct UserAddOptions {
  std::string db;
  std::string username;
  std::string display_name;
  std::string role;
  std::string department_code;
  std::string password;
  bool password_stdin = false;
};
int UserAdd(const UserAddOptions& o);

int AuditVerify(const std::string& db, bool json);

// All or nothing; writes the per-row error report as CSV to `report_path`.
int ImportEntities(const std::string& db, const std::string& file, bool dry_run,
                   const std::string& report_path);

// Online backup of the database (SQLite backup API / pg_dump) and its restore.
int Backup(const std::string& db, const std::string& file);
int Restore(const std::string& db, const std::string& file);

// The open exchange format: every table as CSV plus a manifest, and back
// into an empty database, all or nothing (docs/exchange-format.md).
int ExportExchangeDir(const std::string& db, const std::string& dir);
int ImportExchangeDir(const std::string& db, const std::string& dir, const std::string& errors_path);

int ImportDepartments(const std::string& db, const std::string& csv_path);

// Creates the demo database: the Jiading department tree and one account per
// role, and prints the accounts.
// `entities_file` ("" = none): a directory file imported like `import entities`.
int DemoInit(const std::string& db, const std::string& departments_csv,
             const std::string& entities_file);

// `demo-data`: a generated district with two years of history whose annual
// report for `year` reproduces data/demo/calibration.csv (× scale). Needs
// demo-init first; refuses a database that already has plans or cases.
struct DemoDataOptions {
  std::string db;
  int year = 2023;
  double scale = 1.0;
  int entities = 0;  // 0 = 60000 × scale
  unsigned long long seed = 2023;
};
int DemoData(const DemoDataOptions& o);

// `code check`: validates 统一社会信用代码; exit 5 if any is invalid.
int CodeCheck(const std::vector<std::string>& codes);

// `verify FILE`: re-runs a random draw from its verification file; exit 3 on a
// mismatch, 5 if the file is malformed.
int VerifyDraw(const std::string& path, const std::string& expected_commitment = {});

// `report annual`: the annual report's figures (docs/report-definitions.md)
// as json, html or xlsx, to stdout or `out`. year 0 = this year (China time).
struct ReportOptions {
  std::string db;
  int year = 0;
  std::string format = "json";
  std::string out;
};
int ReportAnnual(const ReportOptions& o);

}  // namespace jg::cli
