// Export: one CSV file per table of ExchangeTables(), from one snapshot,
// rows in key order, then the manifest with row counts and SM3 checksums.
#include <filesystem>
#include <fstream>

#include "domain/csv.h"
#include "domain/sm3.h"
#include "store/exchange_internal.h"
#include "store/sql_store_impl.h"

namespace jg {
namespace {

using sql::exchange::ColumnType;
using sql::exchange::TableSchema;

Status WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Unavailable("export_write_failed", "无法写入文件 " + path.string());
  return Status::Ok();
}

std::string HexOf(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
  return out;
}

std::string SelectSql(const TableSchema& s, const sql::Dialect& d) {
  std::string q = "SELECT ";
  for (size_t i = 0; i < s.columns.size(); ++i) q += (i ? ", " : "") + s.columns[i].name;
  q += std::string(" FROM ") + s.spec->name + " ORDER BY ";
  for (size_t i = 0; i < s.key.size(); ++i) {
    q += (i ? ", " : "") + s.key[i];
    const auto* col = s.Find(s.key[i]);
    // Text keys in code-point order on both stores, whatever the locale.
    if (col && col->type == ColumnType::kText) q += " " + d.binary_collation;
  }
  return q;
}

}  // namespace

Result<ExportSummary> ExportExchange(Store& store, const std::string& dir, UnixSeconds now) {
  auto* sql_store = dynamic_cast<sql::SqlStore*>(&store);
  if (!sql_store) return Internal("exchange: not a SQL store");
  if (dir.empty()) return InvalidArgument("required", "请用 --dir 指定导出目录", "dir");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return InvalidArgument("export_dir", "无法创建目录 " + dir + "：" + ec.message(), "dir");

  ExportSummary summary;
  std::string backend = store.BackendName();
  Status st = sql_store->ReadSnapshot([&](sql::Connection& c, const sql::Dialect& d) -> Status {
    JG_ASSIGN_OR_RETURN(summary.schema_version, sql::exchange::SchemaVersion(c));
    JG_ASSIGN_OR_RETURN(auto schemas, sql::exchange::LoadSchemas(c, d));
    for (const auto& s : schemas) {
      std::vector<std::optional<std::string>> cells;
      for (const auto& col : s.columns) cells.emplace_back(col.name);
      std::string bytes = CsvLineExact(cells);
      JG_ASSIGN_OR_RETURN(auto rows, c.Query(SelectSql(s, d), {}));
      for (const auto& r : rows) {
        cells.clear();
        for (size_t i = 0; i < r.size(); ++i) {
          if (r.IsNull(i)) cells.emplace_back(std::nullopt);
          else if (s.columns[i].type == ColumnType::kBytes) cells.emplace_back(HexOf(r.Str(i)));
          else cells.emplace_back(r.Str(i));
        }
        bytes += CsvLineExact(cells);
      }
      ExchangeFile f{std::string(s.spec->name) + ".csv", static_cast<std::int64_t>(rows.size()),
                     Sm3Hex(bytes)};
      JG_RETURN_IF_ERROR(WriteFile(std::filesystem::path(dir) / f.file, bytes));
      summary.files.push_back(std::move(f));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;

  // The manifest comes last: its presence says the export is complete.
  auto line = [](std::string k, std::optional<std::string> v, std::optional<std::string> rows,
                 std::optional<std::string> sm3) {
    return CsvLineExact({std::move(k), std::move(v), std::move(rows), std::move(sm3)});
  };
  std::string manifest = line("key", "value", "rows", "sm3");
  manifest += line("format", kExchangeFormat, std::nullopt, std::nullopt);
  manifest += line("format_version", std::to_string(kExchangeFormatVersion), std::nullopt, std::nullopt);
  manifest += line("schema_version", std::to_string(summary.schema_version), std::nullopt, std::nullopt);
  manifest += line("exported_at", sql::exchange::IsoUtc(now), std::nullopt, std::nullopt);
  manifest += line("source", backend, std::nullopt, std::nullopt);
  for (const auto& f : summary.files)
    manifest += line("file", f.file, std::to_string(f.rows), f.sm3);
  JG_RETURN_IF_ERROR(WriteFile(std::filesystem::path(dir) / "manifest.csv", manifest));
  return summary;
}

std::string ExchangeErrorsCsv(const std::vector<ExchangeError>& errors) {
  std::string out = "\xEF\xBB\xBF";
  out += CsvLine({"文件", "行号", "列", "值", "代码", "原因"});
  for (const auto& e : errors)
    out += CsvLine({e.file, std::to_string(e.row), e.column, e.value, e.code, e.reason});
  return out;
}

}  // namespace jg
