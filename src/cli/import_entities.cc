// `jianguan import entities FILE`: the directory import (CSV or .xlsx, told
// apart by content) from the command line, with a progress bar on a terminal
// and the error report as CSV.
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "service/entity_service.h"
#include "service/system_clock.h"

namespace jg::cli {

int ImportEntities(const std::string& db, const std::string& file, bool dry_run,
                   const std::string& report_path) {
  // Read in one piece into a string of the file's size (a stringstream and
  // its str() would hold the file three times over).
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) {
    std::cerr << "jianguan: cannot read " << file << "\n";
    return kExitInvalidInput;
  }
  std::string bytes(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    std::cerr << "jianguan: cannot read " << file << "\n";
    return kExitInvalidInput;
  }
  auto store = OpenStore(db);
  if (!store.ok()) {
    std::cerr << "jianguan: " << store.status().ToString() << "\n";
    return ExitCodeOf(store.status());
  }
  SystemClock clock;
  EntityService svc(ServiceEnv{**store, clock});
  const bool tty = isatty(STDERR_FILENO);
  auto progress = [&](int done, int total) {
    if (!tty || total == 0) return;
    const int width = 40, filled = width * done / total;
    std::cerr << "\r校验 [" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
              << done << "/" << total << std::flush;
  };
  auto rep = svc.ImportFile(nullptr, bytes, dry_run, progress);
  if (tty) std::cerr << "\n";
  if (!rep.ok()) {
    std::cerr << "jianguan: " << rep.status().ToString() << "\n";
    return ExitCodeOf(rep.status());
  }
  if (!rep->errors.empty()) {
    std::cerr << "refused: " << rep->errors.size() << " error(s) in " << rep->rows
              << " rows; nothing was imported\n";
    for (size_t i = 0; i < rep->errors.size() && i < 20; ++i) {
      const auto& e = rep->errors[i];
      std::cerr << "  row " << e.row << "\t" << e.column << "\t" << e.value << "\t" << e.reason << "\n";
    }
    if (!report_path.empty()) {
      std::ofstream out(report_path, std::ios::binary);
      out << EntityService::ErrorReportCsv(*rep);
      std::cerr << "error report written to " << report_path << "\n";
    }
    return kExitInvalidInput;
  }
  const std::string format = rep->format == "xlsx" ? "XLSX" : rep->encoding;
  std::cout << (dry_run ? "valid (dry run, nothing written): " : "imported: ") << rep->rows
            << " rows (" << format << "), " << rep->inserted << " new, " << rep->updated
            << " updated\n";
  return kExitOk;
}

}  // namespace jg::cli
