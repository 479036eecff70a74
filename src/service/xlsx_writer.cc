#include "service/xlsx_writer.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace jg::xlsx {

TempFile::~TempFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

Result<TempFile> MakeTempFile() {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string tmpl = (dir / "jianguan-export-XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Internal("cannot create a temporary file for the .xlsx export");
  ::close(fd);
  return TempFile(tmpl);
}

Status Lxw(lxw_error err) {
  if (err == LXW_NO_ERROR) return Status::Ok();
  return Internal(std::string("xlsx export: ") + lxw_strerror(err));
}

Status Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& v,
            lxw_format* fmt) {
  if (v.empty()) return Status::Ok();
  lxw_error err = worksheet_write_string(ws, row, col, v.c_str(), fmt);
  if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    size_t cut = 32767;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
    err = worksheet_write_string(ws, row, col, v.substr(0, cut).c_str(), fmt);
  }
  return Lxw(err);
}

Result<std::string> CloseAndRead(lxw_workbook* wb, const TempFile& file) {
  JG_RETURN_IF_ERROR(Lxw(workbook_close(wb)));
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Internal("xlsx export: cannot read back the temporary file");
  std::stringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace jg::xlsx
