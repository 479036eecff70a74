// The parser of the working-day calendar file (format: docs/working-days.md).
#include <string>

#include "domain/calendar.h"
#include "domain/utf8.h"

namespace jg {
namespace {

constexpr std::int64_t kMaxHolidayRunDays = 31;  // the longest official run is 9 days
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off the first whitespace-separated token; `rest` keeps the remainder, trimmed.
std::string_view NextToken(std::string_view& rest) {
  std::size_t end = 0;
  while (end < rest.size() && !IsSpace(rest[end])) ++end;
  std::string_view token = rest.substr(0, end);
  rest = Trim(rest.substr(end));
  return token;
}

Status SyntaxError(int line, const std::string& what) {
  return InvalidArgument("calendar_syntax",
                         "工作日历文件第 " + std::to_string(line) + " 行：" + what, "calendar");
}

}  // namespace

// Builds the calendar line by line; friend of WorkCalendar through
// ParseWorkCalendar, which owns the only instance.
class CalendarBuilder {
 public:
  CalendarBuilder(std::map<int, std::string>& years,
                  std::map<std::int64_t, WorkCalendar::ListedDay>& listed)
      : years_(years), listed_(listed) {}

  Status Line(int line, std::string_view text) {
    line_ = line;
    std::string_view rest = text;
    const std::string_view keyword = NextToken(rest);
    if (keyword == "year") return Year(rest);
    if (keyword == "holiday" || keyword == "workday") {
      if (year_ == 0) return Error(std::string(keyword) + " 行之前须先有 year 行");
      return keyword == "holiday" ? Holiday(rest) : Workday(rest);
    }
    return Error("未知的行类型「" + std::string(keyword) + "」，应为 year、holiday 或 workday");
  }

  Status Finish(int last_line) {
    if (years_.empty()) {
      return SyntaxError(last_line < 1 ? 1 : last_line, "文件中没有任何 year 段");
    }
    return CloseBlock();
  }

 private:
  Status Error(const std::string& what) const { return SyntaxError(line_, what); }

  Status Year(std::string_view rest) {
    JG_RETURN_IF_ERROR(CloseBlock());
    const std::string_view token = NextToken(rest);
    int year = 0;
    bool digits = token.size() == 4;
    for (char c : token) {
      if (c < '0' || c > '9') digits = false;
    }
    if (digits) year = std::stoi(std::string(token));
    if (!digits || year < Date::kMinYear) {
      return Error("年份「" + std::string(token) +
                   "」应为四位数字，如 year 2024 国办发明电〔2023〕7号");
    }
    if (years_.count(year) > 0) {
      return Error(std::to_string(year) + " 年已在第 " + std::to_string(year_lines_[year]) +
                   " 行出现，每年只能有一段");
    }
    if (rest.empty()) return Error("year 行须注明依据：国务院办公厅节假日安排通知的文号或标题");
    if (!IsValidUtf8(rest)) return Error("依据文字不是有效的 UTF-8");
    year_ = year;
    year_lines_[year] = line_;
    block_entries_ = 0;
    years_[year] = std::string(rest);
    return Status::Ok();
  }

  Status CloseBlock() {
    if (year_ != 0 && block_entries_ == 0) {
      return SyntaxError(year_lines_[year_],
                         std::to_string(year_) + " 年段没有任何 holiday 或 workday 条目");
    }
    return Status::Ok();
  }

  Result<Date> ParseDate(std::string_view token) const {
    Result<Date> d = Date::Parse(token, "calendar");
    if (!d.ok()) return Error(d.status().message());
    return d;
  }

  // Entries belong to their block's year; an arrangement that crosses New
  // Year (e.g. 2022-12-31..2023-01-02 in the 2023 notice) may reach into the
  // last week of the previous December or the first week of the next January.
  Status CheckInBlock(Date d) const {
    const Date first = *Date::FromYmd(year_ - 1 < Date::kMinYear ? year_ : year_ - 1, 12, 25);
    const Date last = year_ + 1 > Date::kMaxYear ? *Date::FromYmd(year_, 12, 31)
                                                 : *Date::FromYmd(year_ + 1, 1, 7);
    if (d.year() == year_ || (first <= d && d <= last)) return Status::Ok();
    return Error(d.ToString() + " 不在 " + std::to_string(year_) + " 年段内（第 " +
                 std::to_string(year_lines_.at(year_)) + " 行起）；跨元旦的安排最多可写到前一年 " +
                 "12 月 25 日或后一年 1 月 7 日");
  }

  Status CheckName(std::string_view name) const {
    if (name.empty()) return Error("须写明名称，如 holiday 2024-02-10..2024-02-17 春节");
    if (!IsValidUtf8(name)) return Error("名称不是有效的 UTF-8");
    return Status::Ok();
  }

  Status Add(Date d, bool working, std::string_view name) {
    const auto [it, inserted] =
        listed_.try_emplace(d.ToDays(), WorkCalendar::ListedDay{working, std::string(name), line_});
    if (inserted) return Status::Ok();
    const WorkCalendar::ListedDay& before = it->second;
    const std::string where = " 已在第 " + std::to_string(before.line) + " 行列为";
    if (before.working != working) {
      return Error(d.ToString() + where + (before.working ? "调休上班日" : "假日") +
                   "，不能同时列为" + (working ? "调休上班日" : "假日"));
    }
    return Error(d.ToString() + where + (working ? "调休上班日" : "假日") + "（重复或区间重叠）");
  }

  Status Holiday(std::string_view rest) {
    const std::string_view dates = NextToken(rest);
    const std::size_t dots = dates.find("..");
    JG_ASSIGN_OR_RETURN(const Date from, ParseDate(dates.substr(0, dots)));
    Date to = from;
    if (dots != std::string_view::npos) {
      JG_ASSIGN_OR_RETURN(to, ParseDate(dates.substr(dots + 2)));
    }
    if (to < from) {
      return Error("区间起日 " + from.ToString() + " 晚于止日 " + to.ToString());
    }
    const std::int64_t length = DaysBetween(from, to) + 1;
    if (length > kMaxHolidayRunDays) {
      return Error("假日区间 " + from.ToString() + ".." + to.ToString() + " 共 " +
                   std::to_string(length) + " 天，超过 " + std::to_string(kMaxHolidayRunDays) +
                   " 天，请检查日期");
    }
    JG_RETURN_IF_ERROR(CheckInBlock(from));
    JG_RETURN_IF_ERROR(CheckInBlock(to));
    JG_RETURN_IF_ERROR(CheckName(rest));
    for (std::int64_t i = 0; i < length; ++i) {
      JG_RETURN_IF_ERROR(Add(*from.AddDays(i), false, rest));
    }
    ++block_entries_;
    return Status::Ok();
  }

  Status Workday(std::string_view rest) {
    const std::string_view token = NextToken(rest);
    if (token.find("..") != std::string_view::npos) {
      return Error("workday 只能写单个日期，每个调休上班日一行");
    }
    JG_ASSIGN_OR_RETURN(const Date d, ParseDate(token));
    JG_RETURN_IF_ERROR(CheckInBlock(d));
    if (!d.IsWeekend()) {
      return Error(d.ToString() + " 是" + std::string(WeekdayName(d.weekday())) +
                   "，本来就是工作日；workday 只用于调休上班的星期六、星期日");
    }
    JG_RETURN_IF_ERROR(CheckName(rest));
    JG_RETURN_IF_ERROR(Add(d, true, rest));
    ++block_entries_;
    return Status::Ok();
  }

  std::map<int, std::string>& years_;
  std::map<std::int64_t, WorkCalendar::ListedDay>& listed_;
  std::map<int, int> year_lines_;  // year → line of its `year` line
  int line_ = 0;
  int year_ = 0;  // the open block; 0 before the first `year` line
  int block_entries_ = 0;
};

Result<WorkCalendar> ParseWorkCalendar(std::string_view text) {
  WorkCalendar calendar;
  CalendarBuilder builder(calendar.years_, calendar.listed_);
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  int line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (const std::size_t hash = content.find('#'); hash != std::string_view::npos) {
      content = content.substr(0, hash);
    }
    content = Trim(content);
    if (content.empty()) continue;
    JG_RETURN_IF_ERROR(builder.Line(line, content));
  }
  JG_RETURN_IF_ERROR(builder.Finish(line));
  return calendar;
}

}  // namespace jg
