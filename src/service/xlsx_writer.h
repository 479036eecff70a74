// What every .xlsx export shares (libxlsxwriter): libxlsxwriter 1.1.4
// (Debian 12) writes only to a named file, so a workbook goes to a private
// temporary file (mkstemp, 0600) that is read back and removed.
#pragma once

#include <string>
#include <utility>

#include <xlsxwriter.h>

#include "domain/status.h"

namespace jg::xlsx {

// Removes the temporary file however the export ends.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  TempFile(TempFile&& o) noexcept : path_(std::exchange(o.path_, {})) {}
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Result<TempFile> MakeTempFile();

// A libxlsxwriter error as an Internal status.
Status Lxw(lxw_error err);

// A string cell: always a value, never a formula, whatever it starts with.
// Over Excel's 32767-character cell limit it is cut at a character boundary.
Status Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& v,
            lxw_format* fmt = nullptr);

// Closes the workbook (which frees it) and returns the file's bytes.
Result<std::string> CloseAndRead(lxw_workbook* wb, const TempFile& file);

}  // namespace jg::xlsx
