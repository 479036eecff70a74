// The command line: CLI11 parses, the commands in commands.h do the work.
#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace jg::cli {

int Main(int argc, char** argv) {
  CLI::App app{"jianguan 监管 — 市场监督管理业务平台 (market supervision platform)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jianguan 0.1.0");
  const char* env_db = std::getenv("JIANGUAN_DB");
  std::string db = env_db ? env_db : "sqlite:./jianguan.db";
  app.add_option("--db", db,
                 "Database: sqlite:PATH (default ./jianguan.db) or postgresql://user@host/db; "
                 "also from $JIANGUAN_DB")
      ->capture_default_str();

  int rc = kExitOk;

  ServeOptions so;
  auto* serve = app.add_subcommand("serve", "Serve the web app and the API");
  serve->add_option("--port", so.port, "TCP port (0 picks a free one)")->capture_default_str();
  serve->add_option("--address", so.address, "Listen address (loopback unless told otherwise)")
      ->capture_default_str();
  serve->add_option("--threads", so.threads, "I/O threads")->capture_default_str();
  serve->add_option("--web-root", so.web_root, "Directory of the built web app (default: web/dist)");
  serve->add_option("--calendar", so.calendar,
                    "Working-day calendar file (format: docs/working-days.md; default: built in)")
      ->check(CLI::ExistingFile);
  serve->add_flag("!--no-access-log", so.access_log, "Do not log each request");
  serve->add_option("--portal-rate", so.portal_rate,
                    "Public portal requests per second per client (burst 4x; 0 = no limit)")
      ->capture_default_str();
  serve->add_option("--portal-cache-ms", so.portal_cache_ms,
                    "How long a public answer may be served again while no write has been "
                    "handled (0 = no cache)")
      ->capture_default_str()
      ->check(CLI::Range(0, 60000));
  serve->callback([&] {
    so.db = db;
    rc = Serve(so);
  });

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations and exit");
  migrate->callback([&] { rc = Migrate(db); });

  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  UserAddOptions uo;
  auto* user_add = user->add_subcommand("add", "Create a user account");
  user_add->add_option("username", uo.username, "Login name (lower case)")->required();
  user_add->add_option("--name", uo.display_name, "Display name (中文姓名)")->required();
  user_add->add_option("--role", uo.role, "admin | leader | legal | staff | inspector")->required();
  user_add->add_option("--department", uo.department_code, "Department code, e.g. JDSJ")->required();
  user_add->add_option("--password", uo.password, "Password (visible in ps; prefer --password-stdin)");
  user_add->add_flag("--password-stdin", uo.password_stdin, "Read the password from standard input");
  user_add->callback([&] {
    uo.db = db;
    rc = UserAdd(uo);
  });

  auto* audit = app.add_subcommand("audit", "The tamper-evident audit log");
  audit->require_subcommand(1);
  bool audit_json = false;
  auto* verify = audit->add_subcommand("verify", "Re-check the SM3 hash chain; exit 3 if broken");
  verify->add_flag("--json", audit_json, "Print the report as JSON");
  verify->callback([&] { rc = AuditVerify(db, audit_json); });

  auto* depts = app.add_subcommand("departments", "The department tree");
  depts->require_subcommand(1);
  std::string dept_csv;
  auto* dimport = depts->add_subcommand("import", "Add departments from a CSV file "
                                                  "(code,name,kind,parent_code,phone,address)");
  dimport->add_option("file", dept_csv, "CSV file")->required()->check(CLI::ExistingFile);
  dimport->callback([&] { rc = ImportDepartments(db, dept_csv); });

  std::string export_dir;
  auto* exp = app.add_subcommand(
      "export", "Write every record as UTF-8 CSV, one file per table, with a manifest "
                "(docs/exchange-format.md)");
  exp->add_option("--dir", export_dir, "Directory to write (created if missing)")->required();
  exp->callback([&] { rc = ExportExchangeDir(db, export_dir); });

  auto* import = app.add_subcommand(
      "import", "Bulk imports (all or nothing): `import entities FILE`, or `import --dir DIR` "
                "to read an export into an empty database");
  std::string import_dir, import_errors;
  import->add_option("--dir", import_dir, "An export directory (manifest.csv and one CSV per table)");
  import->add_option("--errors", import_errors, "With --dir: write the per-row error report (CSV) here");
  import->require_subcommand(0, 1);
  import->callback([&] {
    if (import->get_subcommands().empty()) {
      if (import_dir.empty()) throw CLI::RequiredError("import: a subcommand or --dir");
      rc = ImportExchangeDir(db, import_dir, import_errors);
    } else if (!import_dir.empty()) {
      throw CLI::ValidationError("--dir", "import --dir takes no subcommand");
    }
  });
  std::string entity_file, report_path;
  bool dry_run = false;
  auto* ient = import->add_subcommand(
      "entities",
      "Import market entities from CSV (UTF-8 or GB18030) or .xlsx (first worksheet); upsert by "
      "credit code");
  ient->add_option("file", entity_file, "CSV or .xlsx file (told apart by content)")->required()->check(CLI::ExistingFile);
  ient->add_flag("--dry-run", dry_run, "Check every row, write nothing");
  ient->add_option("--report", report_path, "Write the per-row error report (CSV) here");
  ient->callback([&] { rc = ImportEntities(db, entity_file, dry_run, report_path); });

  std::string backup_file;
  auto* backup = app.add_subcommand(
      "backup", "Copy the live database to FILE (SQLite online backup API; pg_dump for PostgreSQL)");
  backup->add_option("file", backup_file, "Backup file to write")->required();
  backup->callback([&] { rc = Backup(db, backup_file); });
  std::string restore_file;
  auto* restore = app.add_subcommand(
      "restore", "Restore FILE into --db (stop the server; PostgreSQL: an empty database), then "
                 "verify the audit chain");
  restore->add_option("file", restore_file, "Backup file to read")->required()->check(CLI::ExistingFile);
  restore->callback([&] { rc = Restore(db, restore_file); });

  std::string demo_csv = "data/departments-jiading.csv";
  auto* demo = app.add_subcommand("demo-init", "Create a demo database with one account per role");
  std::string demo_entities;
  demo->add_option("--departments", demo_csv, "Department tree CSV")->capture_default_str();
  demo->add_option("--entities", demo_entities,
                   "Also import these (fictional) market entities, e.g. data/demo/entities-demo.csv")
      ->check(CLI::ExistingFile);
  demo->callback([&] { rc = DemoInit(db, demo_csv, demo_entities); });

  DemoDataOptions demo_data;
  auto* demo_gen = app.add_subcommand(
      "demo-data",
      "Generate a Jiading-like district with two years of history (after demo-init) whose annual "
      "report reproduces data/demo/calibration.csv");
  demo_gen->add_option("--year", demo_data.year, "The calibrated year (the year before is generated too)")
      ->capture_default_str();
  demo_gen->add_option("--scale", demo_data.scale, "Scale every target and the directory (0 < s <= 1)")
      ->capture_default_str();
  demo_gen->add_option("--entities", demo_data.entities, "Directory size (default 60000 x scale)");
  demo_gen->add_option("--seed", demo_data.seed, "Seed of the generator (same seed, same district)")
      ->capture_default_str();
  demo_gen->callback([&] {
    demo_data.db = db;
    rc = DemoData(demo_data);
  });

  auto* code = app.add_subcommand("code", "统一社会信用代码 (GB 32100-2015)");
  code->require_subcommand(1);
  std::vector<std::string> codes;
  auto* code_check = code->add_subcommand(
      "check", "Validate codes: CODE<TAB>valid or CODE<TAB>invalid<TAB>原因; exit 5 if any invalid");
  code_check->add_option("codes", codes, "One or more codes")->required()->expected(-1);
  code_check->callback([&] { rc = CodeCheck(codes); });

  std::string draw_file, draw_commitment;
  auto* verify_draw = app.add_subcommand(
      "verify", "Re-run a random draw (双随机) from its verification file; exit 3 on a mismatch");
  verify_draw->add_option("file", draw_file, "Draw file (jianguan-draw-v1)")
      ->required()
      ->check(CLI::ExistingFile);
  verify_draw->add_option("--commitment", draw_commitment,
                          "The commitment id published before the draw");
  verify_draw->callback([&] { rc = VerifyDraw(draw_file, draw_commitment); });

  ReportOptions report_opts;
  auto* report = app.add_subcommand("report", "Reports computed from the records");
  report->require_subcommand(1);
  auto* annual = report->add_subcommand(
      "annual", "The annual rule-of-law report's figures (docs/report-definitions.md)");
  annual->add_option("--year", report_opts.year, "Year (default: this year)")->check(CLI::Range(2001, 9998));
  annual->add_option("--format", report_opts.format, "json, html (A4, to print) or xlsx")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "html", "xlsx"}));
  annual->add_option("--out", report_opts.out, "Write to FILE instead of stdout (required for xlsx)");
  annual->callback([&] {
    report_opts.db = db;
    rc = ReportAnnual(report_opts);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return rc;
}

}  // namespace jg::cli
