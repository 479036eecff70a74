#include "support/xlsx_files.h"

#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <xlsxwriter.h>
#include <zip.h>

namespace jg::testing {

XCell S(std::string text) { return {XCell::Kind::kString, std::move(text)}; }
XCell N(double number) { return {XCell::Kind::kNumber, "", number}; }
XCell D(int year, int month, int day) { return {XCell::Kind::kDate, "", 0, year, month, day}; }

std::string WriteXlsx(const std::vector<std::vector<XCell>>& rows, bool constant_memory) {
  char path[] = "/tmp/jg-test-xlsx-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp");
  close(fd);
  lxw_workbook_options opt = {};
  opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path, &opt);
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const XCell& x = rows[r][c];
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      if (x.kind == XCell::Kind::kString) {
        worksheet_write_string(ws, row, col, x.text.c_str(), nullptr);
      } else if (x.kind == XCell::Kind::kNumber) {
        worksheet_write_number(ws, row, col, x.number, nullptr);
      } else if (x.kind == XCell::Kind::kDate) {
        lxw_datetime dt = {x.y, x.m, x.d, 0, 0, 0};
        worksheet_write_datetime(ws, row, col, &dt, date);
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path);
  return ss.str();
}

std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, bytes] : members) {
    zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    if (zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) throw std::runtime_error("zip_file_add");
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip_close");
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<size_t>(size), '\0');
  zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

std::string Unzip(const std::string& zip, const std::string& member) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (!za) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  if (zip_file_t* f = zip_fopen(za, member.c_str(), 0)) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_discard(za);
  return out;
}

}  // namespace jg::testing
