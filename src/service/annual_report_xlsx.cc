// The annual report as a workbook: one sheet per section, values as numbers
// (rates and changes with their own number formats) so a reader can sum and
// chart them, the report's own 2023 figure and the definition beside each.
#include <xlsxwriter.h>

#include "service/report_service.h"
#include "service/xlsx_writer.h"

namespace jg {
namespace {

using xlsx::Lxw;
using xlsx::Text;

// Excel refuses sheet names over 31 characters or with []:*?/\.
std::string SheetName(const std::string& label) {
  std::string out;
  int chars = 0;
  for (size_t i = 0; i < label.size() && chars < 31;) {
    const unsigned char c = static_cast<unsigned char>(label[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string ch = label.substr(i, len);
    if (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos) ch = "_";
    out += ch;
    i += len;
    ++chars;
  }
  return out;
}

}  // namespace

Result<std::string> ReportService::Xlsx(const report::AnnualReport& r) const {
  JG_ASSIGN_OR_RETURN(xlsx::TempFile file, xlsx::MakeTempFile());
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) return Internal("xlsx export: workbook_new failed");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* count = workbook_add_format(wb);
  format_set_num_format(count, "0");
  lxw_format* rate = workbook_add_format(wb);
  format_set_num_format(rate, "0.00\"%\"");
  lxw_format* relative = workbook_add_format(wb);
  format_set_num_format(relative, "+0.0%;-0.0%;0.0%");
  lxw_format* points = workbook_add_format(wb);
  format_set_num_format(points, "+0.00\" 个百分点\";-0.00\" 个百分点\";0.00\" 个百分点\"");
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  const std::string ys = std::to_string(r.year), ps = std::to_string(r.year - 1);
  const std::vector<std::string> headings = {"项目", "单位", ys + "年", ps + "年", "同比",
                                             "报告所载（2023年）", "口径", "记录（平台内链接）"};
  static const double kWidths[] = {34, 6, 12, 12, 16, 22, 60, 48};
  Status st;
  for (const auto& s : r.sections) {
    if (!st.ok()) break;
    lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(s.label).c_str());
    if (!ws) {
      st = Internal("xlsx export: cannot add sheet " + s.label);
      break;
    }
    for (lxw_col_t c = 0; c < std::size(kWidths); ++c) worksheet_set_column(ws, c, c, kWidths[c], nullptr);
    st = Text(ws, 0, 0, r.bureau + ys + "年度法治政府建设情况报告数据：" + s.label, title);
    for (lxw_col_t c = 0; c < headings.size() && st.ok(); ++c) st = Text(ws, 2, c, headings[c], head);
    worksheet_freeze_panes(ws, 3, 1);
    lxw_row_t row = 2;
    auto number = [&](lxw_col_t col, const std::optional<double>& v, lxw_format* fmt) -> Status {
      if (!v) return Text(ws, row, col, "—");
      return Lxw(worksheet_write_number(ws, row, col, *v, fmt));
    };
    for (const auto& f : r.figures) {
      if (!st.ok() || f.definition.section != s.id) continue;
      const auto& d = f.definition;
      auto line = [&](const report::FigureLine& l, bool sub) -> Status {
        ++row;
        JG_RETURN_IF_ERROR(Text(ws, row, 0, sub ? "    " + l.label : l.label));
        JG_RETURN_IF_ERROR(Text(ws, row, 1, d.unit));
        // Excel's percent format multiplies by 100; a rate here is already a percentage.
        JG_RETURN_IF_ERROR(number(2, l.value, d.rate() ? rate : count));
        if (l.previous) JG_RETURN_IF_ERROR(number(3, l.previous, d.rate() ? rate : count));
        else JG_RETURN_IF_ERROR(Text(ws, row, 3, "无记录"));
        JG_RETURN_IF_ERROR(number(4, l.change, d.rate() ? points : relative));
        if (!sub && r.year == 2023) JG_RETURN_IF_ERROR(Text(ws, row, 5, d.report_2023));
        if (!sub) JG_RETURN_IF_ERROR(Text(ws, row, 6, d.definition, wrap));
        return Text(ws, row, 7, l.link);
      };
      st = line(f.total, false);
      for (const auto& l : f.breakdown) {
        if (st.ok()) st = line(l, true);
      }
    }
  }
  // workbook_close also frees the workbook, so it runs on every path.
  auto bytes = xlsx::CloseAndRead(wb, file);
  JG_RETURN_IF_ERROR(st);
  return bytes;
}

}  // namespace jg
