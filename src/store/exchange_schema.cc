#include <algorithm>
#include <ctime>
#include <set>

#include "store/exchange_internal.h"

namespace jg::sql::exchange {

const Column* TableSchema::Find(std::string_view name) const {
  for (const auto& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> SplitNames(std::string_view list) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view n = list.substr(pos, comma - pos);
    while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
    while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
    if (!n.empty()) out.emplace_back(n);
    pos = comma + 1;
  }
  return out;
}

bool IsDateColumn(std::string_view name) {
  static const std::set<std::string_view> kNamed = {
      "on_date",     "valid_from",    "valid_until",         "period_from",  "period_to",
      "certificate_expires", "available_from", "available_to", "decision_due"};
  if (kNamed.count(name)) return true;
  return name.size() > 3 && name.substr(name.size() - 3) == "_on";
}

Result<std::int64_t> SchemaVersion(Connection& c) {
  JG_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT MAX(version) FROM schema_migrations", {}));
  if (rows.empty() || rows[0].IsNull(0)) return std::int64_t{0};
  return rows[0].Int(0);
}

namespace {

Result<ColumnType> TypeOf(const std::string& table, const std::string& column, std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (type == "integer" || type == "bigint" || type == "smallint" || type == "int")
    return ColumnType::kInteger;
  if (type == "text") return ColumnType::kText;
  if (type == "blob" || type == "bytea") return ColumnType::kBytes;
  return Internal("exchange_unsupported_type: " + table + "." + column + " has type " + type +
                  "; docs/exchange-format.md needs an encoding for it first");
}

}  // namespace

Result<std::vector<TableSchema>> LoadSchemas(Connection& c, const Dialect& d) {
  JG_ASSIGN_OR_RETURN(auto tables, c.Query(d.list_tables, {}));
  std::set<std::string> known;
  for (const auto& t : ExchangeTables()) known.insert(t.name);
  for (const auto& t : ExchangeExcludedTables()) known.insert(t.name);
  for (const auto& r : tables) {
    if (!known.count(r.Str(0)))
      return Status(ErrorCode::kInternal, "exchange_unclassified_table",
                    "表 " + r.Str(0) +
                        " 既不在交换格式中也不在排除清单中（store/exchange_tables.cc），拒绝导出不完整的数据");
  }
  std::vector<TableSchema> out;
  for (const auto& spec : ExchangeTables()) {
    TableSchema s;
    s.spec = &spec;
    s.key = SplitNames(spec.key);
    s.derived = SplitNames(spec.derived);
    JG_ASSIGN_OR_RETURN(auto cols, c.Query(d.list_columns, {std::string(spec.name)}));
    if (cols.empty()) return Internal(std::string("exchange: no table ") + spec.name);
    for (const auto& r : cols) {
      Column col;
      col.name = r.Str(0);
      JG_ASSIGN_OR_RETURN(col.type, TypeOf(spec.name, col.name, r.Str(1)));
      col.not_null = r.Int(2) != 0;
      col.has_default = r.Int(3) != 0;
      col.is_date = col.type == ColumnType::kText && IsDateColumn(col.name);
      if (std::find(s.derived.begin(), s.derived.end(), col.name) != s.derived.end()) continue;
      s.columns.push_back(std::move(col));
    }
    JG_ASSIGN_OR_RETURN(auto fks, c.Query(d.list_foreign_keys, {std::string(spec.name)}));
    for (const auto& r : fks) s.foreign_keys.push_back({r.Str(0), r.Str(1), r.Str(2)});
    out.push_back(std::move(s));
  }
  return out;
}

std::string IsoUtc(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace jg::sql::exchange
