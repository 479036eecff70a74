// export --dir and import --dir: the open exchange format (docs/exchange-format.md).
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "service/system_clock.h"
#include "store/exchange.h"

namespace jg::cli {
namespace {

int Fail(const Status& s) {
  std::cerr << "jianguan: " << s.ToString() << "\n";
  return ExitCodeOf(s);
}

}  // namespace

int ExportExchangeDir(const std::string& db, const std::string& dir) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  SystemClock clock;
  auto sum = ExportExchange(**store, dir, clock.Now());
  if (!sum.ok()) return Fail(sum.status());
  std::int64_t rows = 0;
  for (const auto& f : sum->files) rows += f.rows;
  std::cout << "exported " << sum->files.size() << " files, " << rows << " rows (schema version "
            << sum->schema_version << ") to " << dir << "\n";
  return kExitOk;
}

int ImportExchangeDir(const std::string& db, const std::string& dir, const std::string& errors_path) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  auto rep = ImportExchange(**store, dir);
  if (!rep.ok()) return Fail(rep.status());
  if (!errors_path.empty()) {
    std::ofstream out(errors_path, std::ios::binary | std::ios::trunc);
    out << ExchangeErrorsCsv(rep->errors);
    if (!out) return Fail(InvalidArgument("report_write_failed", "无法写入 " + errors_path, "errors"));
  }
  if (!rep->applied) {
    // file:row: column=value: code: reason, as compilers print, first 20.
    size_t shown = 0;
    for (const auto& e : rep->errors) {
      if (++shown > 20) break;
      std::cerr << e.file << ":" << e.row << ": ";
      if (!e.column.empty()) std::cerr << e.column << "=" << e.value << ": ";
      std::cerr << e.code << ": " << e.reason << "\n";
    }
    if (rep->errors.size() > 20)
      std::cerr << "… " << rep->errors.size() - 20 << " more"
                << (errors_path.empty() ? " (write them all with --errors FILE)" : "") << "\n";
    return Fail(InvalidArgument("import_refused",
                                "导入未执行（全部或全不）：" + std::to_string(rep->errors.size()) +
                                    " 处错误",
                                "dir"));
  }
  std::int64_t rows = 0;
  for (const auto& f : rep->files) rows += f.rows;
  std::cout << "imported " << rep->files.size() << " files, " << rows << " rows from " << dir
            << "\n";
  return kExitOk;
}

}  // namespace jg::cli
