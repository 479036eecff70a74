// Part of the XLSX reader (xlsx_reader.h): the cells of one worksheet's
// <sheetData> as text rows.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "service/xlsx_reader.h"

namespace jg {

// `shared`: the shared strings; `date_styles`: for each cell style, whether
// it formats a date. Fills rows and row_numbers of the result.
Result<XlsxSheet> ReadSheetData(pugi::xml_node sheet_data, const std::vector<std::string>& shared,
                                const std::vector<bool>& date_styles, ExcelDateSystem system,
                                const XlsxLimits& limits);

// An element or attribute name without its namespace prefix ("x:row" →
// "row"): Excel writes none, some generators do.
std::string_view Local(const char* name);

// The text of a string item (<si> or <is>): its <t>, or the <t> of each run
// <r>; phonetic guides (<rPh>) are not part of the value.
std::string ItemText(pugi::xml_node item);

// "A1" → column 1, "XFD7" → 16384; 0 if it is not a cell reference within
// Excel's 16384 columns.
int ColumnOfRef(std::string_view ref);

// A number cell's text: integers without a decimal point ("3.0" → "3"),
// anything else as written.
std::string NumberText(std::string_view v);

}  // namespace jg
