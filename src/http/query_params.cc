#include "http/query_params.h"

#include <charconv>
#include <cstdlib>

#include "domain/dashboard.h"

namespace jg::http {

std::string Param(const Request& req, const char* k) {
  auto it = req.query.find(k);
  return it == req.query.end() ? "" : it->second;
}

Status IdQuery(const Request& req, const char* k, std::optional<Id>* out) {
  std::string v = Param(req, k);
  if (v.empty()) return Status::Ok();
  Id n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < 1)
    return InvalidArgument("invalid_value", std::string(k) + " 须为正整数", k);
  *out = n;
  return Status::Ok();
}

Status PageQuery(const Request& req, const char* k, int min, int max, std::optional<int>* out) {
  std::string v = Param(req, k);
  if (v.empty()) return Status::Ok();
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max)
    return InvalidArgument("invalid_value",
                           std::string(k) + " 须为 " + std::to_string(min) + "–" +
                               std::to_string(max) + " 的整数",
                           k);
  *out = n;
  return Status::Ok();
}

Status YearQuery(const Request& req, const char* k, std::optional<int>* out) {
  return PageQuery(req, k, 2000, 9999, out);
}

Status MonthQuery(const Request& req, const char* k, std::string* out) {
  std::string v = Param(req, k);
  out->clear();
  if (v.empty()) return Status::Ok();
  const int year = v.size() == 7 ? std::atoi(v.substr(0, 4).c_str()) : 0;
  if (year < 2000 || year > 9999 || !dashboard::MonthIndex(v, year))
    return InvalidArgument("invalid_value", std::string(k) + " 须为 YYYY-MM 格式的月份", k);
  *out = v;
  return Status::Ok();
}

Status FlagQuery(const Request& req, const char* k, bool* out) {
  std::string v = Param(req, k);
  *out = v == "1" || v == "true";
  if (v.empty() || *out || v == "0" || v == "false") return Status::Ok();
  return InvalidArgument("invalid_value", std::string(k) + " 须为 1 或 0", k);
}

}  // namespace jg::http
