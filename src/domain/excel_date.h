// Dates as spreadsheets store them: a serial day number. In the 1900 date
// system (Excel's default) day 1 is 1900-01-01 and day 60 is the fictitious
// 1900-02-29 that Lotus 1-2-3 had and Excel keeps; in the 1904 system (old Mac
// workbooks, <workbookPr date1904="1"/>) day 0 is 1904-01-01.
#pragma once

#include <optional>
#include <string>

namespace jg {

enum class ExcelDateSystem { k1900, k1904 };

// "YYYY-MM-DD" of the day `serial` falls on (a time of day is dropped).
// Serial 60 in the 1900 system gives "1900-02-29", which no date check
// accepts, so a file holding it is refused rather than silently shifted.
// nullopt for non-finite values, days before the system's first day and
// after 9999-12-31.
std::optional<std::string> ExcelSerialToDate(double serial, ExcelDateSystem system);

}  // namespace jg
