// The directory export as an .xlsx workbook (libxlsxwriter). libxlsxwriter
// 1.1.4 (Debian 12) writes only to a named file, so the workbook goes to a
// private temporary file (mkstemp, 0600) that is read back and removed.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <xlsxwriter.h>

#include "domain/civil_date.h"
#include "service/entity_service.h"

namespace jg {
namespace {

constexpr int kLastRow = 1048575;  // Excel's last row, 0-based

// Removes the temporary file however the export ends.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  TempFile(TempFile&& o) noexcept : path_(std::exchange(o.path_, {})) {}
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

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

// A string cell: always a value, never a formula, whatever it starts with.
// Over Excel's 32767-character cell limit it is cut (no entity field is that long).
Status Text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& v,
            lxw_format* fmt = nullptr) {
  if (v.empty()) return Status::Ok();
  lxw_error err = worksheet_write_string(ws, row, col, v.c_str(), fmt);
  if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    size_t cut = 32767;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
    err = worksheet_write_string(ws, row, col, v.substr(0, cut).c_str(), fmt);
  }
  return Lxw(err);
}

// "YYYY-MM-DD" as a real date cell; anything Excel cannot hold as a date
// (before 1900) stays text.
Status DateCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& v,
                lxw_format* date_fmt) {
  auto d = Date::Parse(v);
  if (!d.ok() || d->year() < 1900) return Text(ws, row, col, v);
  lxw_datetime dt = {d->year(), d->month(), d->day(), 0, 0, 0.0};
  return Lxw(worksheet_write_datetime(ws, row, col, &dt, date_fmt));
}

}  // namespace

Result<std::string> EntityService::ExportXlsx(const Actor& actor, EntityQuery q) {
  JG_ASSIGN_OR_RETURN(TempFile file, MakeTempFile());
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows are streamed out as they are written
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  if (!wb) return Internal("xlsx export: workbook_new_opt failed");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "市场主体");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");

  const auto& headings = ExportHeadings();
  static const double kWidths[] = {22, 36, 14, 14, 40, 12, 22, 10, 12, 10, 12, 12, 24, 6};
  static_assert(std::size(kWidths) == 14);
  Status st;
  for (lxw_col_t c = 0; c < headings.size() && c < std::size(kWidths); ++c) {
    worksheet_set_column(ws, c, c, kWidths[c], c == 0 || c == 7 ? text : nullptr);
  }
  for (lxw_col_t c = 0; c < headings.size() && st.ok(); ++c) st = Text(ws, 0, c, headings[c], head);
  worksheet_freeze_panes(ws, 1, 0);

  lxw_row_t row = 0;
  if (st.ok()) {
    st = ForEachExported(actor, q, [&](const Entity& e, const std::string& station) -> Status {
      if (row == kLastRow)
        return InvalidArgument("export_too_large",
                               "导出结果超过 Excel 的 1048575 行上限，请缩小筛选范围或导出 CSV");
      ++row;
      std::string tags;
      for (const auto& t : e.tags) tags += (tags.empty() ? "" : ";") + t;
      JG_RETURN_IF_ERROR(Text(ws, row, 0, e.credit_code, text));
      JG_RETURN_IF_ERROR(Text(ws, row, 1, e.name));
      JG_RETURN_IF_ERROR(Text(ws, row, 2, std::string(EntityKindLabel(e.kind))));
      JG_RETURN_IF_ERROR(Text(ws, row, 3, e.legal_representative));
      JG_RETURN_IF_ERROR(Text(ws, row, 4, e.address));
      JG_RETURN_IF_ERROR(Text(ws, row, 5, e.street));
      JG_RETURN_IF_ERROR(Text(ws, row, 6, station));
      JG_RETURN_IF_ERROR(Text(ws, row, 7, e.industry, text));
      JG_RETURN_IF_ERROR(DateCell(ws, row, 8, e.registered_on, date));
      JG_RETURN_IF_ERROR(Text(ws, row, 9, std::string(EntityStatusLabel(e.status))));
      JG_RETURN_IF_ERROR(Text(ws, row, 10, std::string(RiskClassName(e.risk_class))));
      JG_RETURN_IF_ERROR(DateCell(ws, row, 11, e.risk_classified_on, date));
      JG_RETURN_IF_ERROR(Text(ws, row, 12, tags));
      return Lxw(worksheet_write_number(ws, row, 13, e.version, nullptr));
    });
  }
  if (st.ok()) worksheet_autofilter(ws, 0, 0, row, static_cast<lxw_col_t>(headings.size() - 1));
  // workbook_close also frees the workbook, so it runs on every path.
  const lxw_error closed = workbook_close(wb);
  JG_RETURN_IF_ERROR(st);
  JG_RETURN_IF_ERROR(Lxw(closed));
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Internal("xlsx export: cannot read back the temporary file");
  std::stringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace jg
