// The working-day calendar services count deadlines with: the copy of
// data/holidays-cn.txt built into the binary, or a newer file given by the
// operator (`serve --calendar FILE`), so a new year needs no rebuild.
#pragma once

#include <string>

#include "domain/calendar.h"

namespace jg {

// Parses the built-in calendar once (it is tested; a broken one fails the build's tests).
const WorkCalendar& BuiltInWorkCalendar();

// Reads and parses `path` (errors name the line).
Result<WorkCalendar> LoadWorkCalendar(const std::string& path);

}  // namespace jg
