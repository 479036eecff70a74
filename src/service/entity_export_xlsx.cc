// The directory export as an .xlsx workbook (libxlsxwriter; the temporary
// file and cell helpers are service/xlsx_writer.h).
#include <utility>

#include <xlsxwriter.h>

#include "domain/civil_date.h"
#include "service/entity_service.h"
#include "service/xlsx_writer.h"

namespace jg {
namespace {

using xlsx::Lxw;
using xlsx::Text;

constexpr int kLastRow = 1048575;  // Excel's last row, 0-based

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
  JG_ASSIGN_OR_RETURN(xlsx::TempFile file, xlsx::MakeTempFile());
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
  auto bytes = xlsx::CloseAndRead(wb, file);
  JG_RETURN_IF_ERROR(st);
  return bytes;
}

}  // namespace jg
