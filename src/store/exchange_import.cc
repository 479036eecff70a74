// Import: check every file of an export (manifest, checksums, header, types,
// dates, keys, references) and only then write all rows in one transaction
// into an empty database, keeping ids, versions and the audit chain.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "domain/csv.h"
#include "domain/entity.h"
#include "domain/sm3.h"
#include "domain/utf8.h"
#include "store/exchange_internal.h"
#include "store/sql_store_impl.h"

namespace jg {
namespace {

using sql::exchange::Column;
using sql::exchange::ColumnType;
using sql::exchange::TableSchema;

struct ManifestEntry {
  std::int64_t rows = -1;
  std::string sm3;  // "" = not checked (a hand-made export may leave it out)
};

struct ParsedTable {
  const TableSchema* schema = nullptr;
  std::string file;
  bool loaded = false;               // the file was read and its header understood
  std::vector<const Column*> cols;   // per position in the file
  std::vector<std::vector<sql::Value>> rows;
  std::vector<std::int64_t> records;  // the CSV record of each row (header = 1)
  int Index(std::string_view name) const {
    for (size_t i = 0; i < cols.size(); ++i)
      if (cols[i]->name == name) return static_cast<int>(i);
    return -1;
  }
};

// Hex digits in pairs (either case) to bytes.
bool ParseHex(std::string_view s, std::string* out) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (s.size() % 2 != 0) return false;
  out->clear();
  out->reserve(s.size() / 2);
  for (size_t i = 0; i < s.size(); i += 2) {
    int hi = digit(s[i]), lo = digit(s[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

std::string Text(const sql::Value& v) {
  if (auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* b = std::get_if<sql::Bytes>(&v)) return b->data;
  return "";
}

bool ParseInt(const std::string& s, std::int64_t* out) {
  if (s.empty()) return false;
  const char* b = s.data();
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e;
}

Result<std::string> ReadWhole(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return NotFound("missing_file", "文件不存在或无法读取");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Importer {
 public:
  Importer(std::string dir, const std::vector<TableSchema>& schemas, std::int64_t schema_version)
      : dir_(std::move(dir)), schemas_(schemas), schema_version_(schema_version) {}

  ExchangeImportReport& report() { return report_; }
  std::vector<ParsedTable>& tables() { return tables_; }

  // False once the report is full: the caller stops.
  bool Add(const std::string& file, std::int64_t row, const std::string& column,
           const std::string& value, const std::string& code, const std::string& reason) {
    if (full_) return false;
    if (report_.errors.size() + 1 >= kMaxExchangeErrors) {
      report_.errors.push_back({file, row, "", "", "too_many_errors",
                                "错误太多，只列出前 " + std::to_string(kMaxExchangeErrors - 1) + " 条"});
      full_ = true;
      return false;
    }
    report_.errors.push_back({file, row, column, value, code, reason});
    return true;
  }

  // Add, for a check that has failed: always false.
  bool Refuse(const std::string& file, std::int64_t row, const std::string& column,
              const std::string& value, const std::string& code, const std::string& reason) {
    Add(file, row, column, value, code, reason);
    return false;
  }

  void Check() {
    if (!ReadManifest()) return;
    for (const auto& s : schemas_) {
      if (full_) return;
      tables_.push_back(ReadTable(s));
    }
    CheckReferences();
  }

 private:
  static constexpr const char* kManifest = "manifest.csv";

  bool ReadManifest() {
    auto bytes = ReadWhole(std::filesystem::path(dir_) / kManifest);
    if (!bytes.ok()) {
      Add(kManifest, 0, "", "", "missing_file", "目录中没有 manifest.csv（导出目录不完整？）");
      return false;
    }
    auto rows = ParseCsvCells(*bytes);
    if (!rows.ok()) {
      Add(kManifest, 0, "", "", "csv_syntax", rows.status().message());
      return false;
    }
    auto text = [](const CsvCellRow& r, size_t i) { return i < r.size() ? r[i].text : std::string(); };
    if (rows->empty() || text((*rows)[0], 0) != "key" || text((*rows)[0], 1) != "value" ||
        text((*rows)[0], 2) != "rows" || text((*rows)[0], 3) != "sm3") {
      Add(kManifest, 1, "", "", "bad_header", "表头须为 key,value,rows,sm3");
      return false;
    }
    std::set<std::string> files;
    for (const auto& s : schemas_) files.insert(std::string(s.spec->name) + ".csv");
    bool ok = true, saw_format = false, saw_version = false, saw_schema = false;
    for (size_t i = 1; i < rows->size(); ++i) {
      const auto& r = (*rows)[i];
      const std::int64_t rec = static_cast<std::int64_t>(i) + 1;
      std::string key = text(r, 0), value = text(r, 1);
      if (key == "format") {
        saw_format = true;
        if (value != kExchangeFormat)
          ok = Refuse(kManifest, rec, "value", value, "unsupported_format",
                   std::string("不是 jianguan 交换格式（应为 ") + kExchangeFormat + "）");
      } else if (key == "format_version") {
        saw_version = true;
        if (value != std::to_string(kExchangeFormatVersion))
          ok = Refuse(kManifest, rec, "value", value, "unsupported_format_version",
                   "本程序只读交换格式第 " + std::to_string(kExchangeFormatVersion) + " 版");
      } else if (key == "schema_version") {
        saw_schema = true;
        if (value != std::to_string(schema_version_))
          ok = Refuse(kManifest, rec, "value", value, "schema_version_mismatch",
                   "导出时的数据库结构版本为 " + value + "，本数据库为 " +
                       std::to_string(schema_version_) + "：请用同一版本的 jianguan 导入");
      } else if (key == "exported_at" || key == "source") {
        // For the reader; not checked.
      } else if (key == "file") {
        if (!files.count(value)) {
          ok = Refuse(kManifest, rec, "value", value, "unknown_file", "交换格式中没有这个文件");
          continue;
        }
        ManifestEntry e;
        if (!ParseInt(text(r, 2), &e.rows) || e.rows < 0) {
          ok = Refuse(kManifest, rec, "rows", text(r, 2), "not_integer", "行数须为非负整数");
          continue;
        }
        e.sm3 = text(r, 3);
        manifest_[value] = e;
      } else {
        ok = Refuse(kManifest, rec, "key", key, "unknown_manifest_key", "清单中不认识这一项");
      }
    }
    if (!saw_format) ok = Refuse(kManifest, 0, "key", "format", "missing_manifest_key", "清单缺少 format");
    if (!saw_version)
      ok = Refuse(kManifest, 0, "key", "format_version", "missing_manifest_key", "清单缺少 format_version");
    if (!saw_schema)
      ok = Refuse(kManifest, 0, "key", "schema_version", "missing_manifest_key", "清单缺少 schema_version");
    return ok;
  }

  ParsedTable ReadTable(const TableSchema& s) {
    ParsedTable t;
    t.schema = &s;
    t.file = std::string(s.spec->name) + ".csv";
    auto entry = manifest_.find(t.file);
    if (entry == manifest_.end()) {
      Add(t.file, 0, "", "", "missing_file", "清单 manifest.csv 中没有这个文件（每张表都须有文件，无记录时只写表头）");
      return t;
    }
    auto bytes = ReadWhole(std::filesystem::path(dir_) / t.file);
    if (!bytes.ok()) {
      Add(t.file, 0, "", "", "missing_file", "目录中没有这个文件");
      return t;
    }
    if (!entry->second.sm3.empty() && Sm3Hex(*bytes) != entry->second.sm3) {
      if (!Add(t.file, 0, "", "", "checksum_mismatch", "文件的 SM3 与清单不符（文件被改动或不完整）"))
        return t;
    }
    auto rows = ParseCsvCells(*bytes);
    if (!rows.ok()) {
      Add(t.file, 0, "", "", "csv_syntax", rows.status().message());
      return t;
    }
    if (rows->empty()) {
      Add(t.file, 0, "", "", "empty_file", "文件为空：至少须有表头");
      return t;
    }
    if (!ReadHeader(s, (*rows)[0], t)) return t;
    t.loaded = true;
    const std::int64_t data_rows = static_cast<std::int64_t>(rows->size()) - 1;
    if (data_rows != entry->second.rows)
      Add(t.file, 0, "", std::to_string(data_rows), "row_count_mismatch",
          "文件有 " + std::to_string(data_rows) + " 行记录，清单写的是 " +
              std::to_string(entry->second.rows));
    std::vector<int> key_at;
    for (const auto& k : s.key) key_at.push_back(t.Index(k));
    std::unordered_set<std::string> keys;
    for (size_t i = 1; i < rows->size() && !full_; ++i) {
      const auto& r = (*rows)[i];
      const std::int64_t rec = static_cast<std::int64_t>(i) + 1;
      if (r.size() != t.cols.size()) {
        Add(t.file, rec, "", std::to_string(r.size()), "wrong_cell_count",
            "这一行有 " + std::to_string(r.size()) + " 列，表头有 " + std::to_string(t.cols.size()) + " 列");
        continue;
      }
      std::vector<sql::Value> values;
      bool ok = true;
      for (size_t c = 0; c < r.size(); ++c) {
        auto v = Cell(t, rec, *t.cols[c], r[c], &ok);
        values.push_back(std::move(v));
      }
      if (!ok) {
        // Kept (its bad cells as NULL, and it is never written: the report is
        // not empty), so rows referencing it do not add errors of their own.
        t.rows.push_back(std::move(values));
        t.records.push_back(rec);
        continue;
      }
      std::string key, shown;
      for (size_t k = 0; k < key_at.size(); ++k) {
        key += Text(values[key_at[k]]) + '\x1f';
        shown += (k ? "," : "") + Text(values[key_at[k]]);
      }
      if (!keys.insert(key).second) {
        Add(t.file, rec, s.spec->key, shown, "duplicate_key",
            std::string("主键（") + s.spec->key + "）重复：前面已有这一行");
        continue;
      }
      t.rows.push_back(std::move(values));
      t.records.push_back(rec);
    }
    return t;
  }

  bool ReadHeader(const TableSchema& s, const CsvCellRow& header, ParsedTable& t) {
    bool ok = true;
    std::set<std::string> seen;
    for (const auto& cell : header) {
      const Column* col = s.Find(cell.text);
      if (!col) {
        bool derived = std::find(s.derived.begin(), s.derived.end(), cell.text) != s.derived.end();
        ok = Refuse(t.file, 1, cell.text, "", "unknown_column",
                 derived ? "这一列由其他列推导，导入时重新计算，文件中不应出现"
                         : std::string("表 ") + s.spec->name + " 没有这一列");
        continue;
      }
      if (!seen.insert(cell.text).second) {
        ok = Refuse(t.file, 1, cell.text, "", "duplicate_column", "表头中这一列出现了两次");
        continue;
      }
      t.cols.push_back(col);
    }
    for (const auto& col : s.columns) {
      if (seen.count(col.name)) continue;
      bool is_key = std::find(s.key.begin(), s.key.end(), col.name) != s.key.end();
      if (is_key || (col.not_null && !col.has_default))
        ok = Refuse(t.file, 1, col.name, "", "missing_column", "缺少必需的列");
    }
    return ok;
  }

  sql::Value Cell(const ParsedTable& t, std::int64_t rec, const Column& col, const CsvCell& cell,
                  bool* ok) {
    const auto& s = *t.schema;
    bool is_key = std::find(s.key.begin(), s.key.end(), col.name) != s.key.end();
    auto fail = [&](const char* code, const std::string& reason) {
      *ok = false;
      Add(t.file, rec, col.name, cell.text, code, reason);
      return sql::Value(nullptr);
    };
    if (cell.text.empty() && !cell.quoted) {  // NULL
      if (col.type == ColumnType::kInteger) {
        if (col.not_null || is_key) return fail("required", "不能为空");
        return nullptr;
      }
      if (is_key) return fail("required", "不能为空");
      if (col.not_null && col.type == ColumnType::kBytes) return sql::Bytes{};
      if (col.not_null) return std::string();  // NOT NULL text: read as ""
      return nullptr;
    }
    if (col.type == ColumnType::kInteger) {
      std::int64_t n = 0;
      if (!ParseInt(cell.text, &n)) return fail("not_integer", "应为整数");
      return n;
    }
    if (col.type == ColumnType::kBytes) {
      sql::Bytes b;
      if (!ParseHex(cell.text, &b.data)) return fail("not_hex", "应为十六进制编码的字节");
      return b;
    }
    if (!IsValidUtf8(cell.text)) return fail("invalid_utf8", "不是有效的 UTF-8 文本");
    if (col.is_date && !cell.text.empty()) {
      auto d = Date::Parse(cell.text, col.name);
      if (!d.ok()) return fail("bad_date", d.status().message());
    }
    return cell.text;
  }

  void CheckReferences() {
    std::map<std::string, const ParsedTable*> by_name;
    for (const auto& t : tables_) by_name[t.schema->spec->name] = &t;
    std::map<std::pair<std::string, std::string>, std::unordered_set<std::string>> sets;
    for (const auto& t : tables_) {
      if (!t.loaded) continue;
      for (const auto& fk : t.schema->foreign_keys) {
        auto ref = by_name.find(fk.table);
        if (ref == by_name.end() || !ref->second->loaded) continue;  // excluded, or already reported
        int at = t.Index(fk.column);
        int ref_at = ref->second->Index(fk.ref_column);
        if (at < 0) continue;
        auto& set = sets[{fk.table, fk.ref_column}];
        if (set.empty() && ref_at >= 0)
          for (const auto& r : ref->second->rows) set.insert(Text(r[ref_at]));
        for (size_t i = 0; i < t.rows.size(); ++i) {
          const auto& v = t.rows[i][at];
          if (std::holds_alternative<std::nullptr_t>(v) || set.count(Text(v))) continue;
          if (!Add(t.file, t.records[i], fk.column, Text(v), "dangling_reference",
                   "引用 " + fk.table + "." + fk.ref_column + " = " + Text(v) + "，但 " + fk.table +
                       ".csv 中没有这一行"))
            return;
        }
      }
    }
  }

  std::string dir_;
  const std::vector<TableSchema>& schemas_;
  std::int64_t schema_version_;
  std::map<std::string, ManifestEntry> manifest_;
  std::vector<ParsedTable> tables_;
  ExchangeImportReport report_;
  bool full_ = false;
};

// No records beyond what the migrations seed.
Status CheckEmpty(sql::Connection& c) {
  for (const auto& t : ExchangeTables()) {
    if (t.seeded) continue;
    JG_ASSIGN_OR_RETURN(auto rows, c.Query(std::string("SELECT 1 FROM ") + t.name + " LIMIT 1", {}));
    if (!rows.empty())
      return FailedPrecondition("database_not_empty",
                                std::string("只能导入到空数据库：表 ") + t.name + " 已有记录");
  }
  JG_ASSIGN_OR_RETURN(auto head, c.Query("SELECT seq FROM audit_head", {}));
  for (const auto& r : head)
    if (r.Int(0) != 0)
      return FailedPrecondition("database_not_empty", "只能导入到空数据库：审计日志已有记录");
  return Status::Ok();
}

// Rows of a table that references itself (departments.parent_id), parents first.
std::vector<size_t> InsertOrder(const ParsedTable& t) {
  std::vector<size_t> order(t.rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (const auto& fk : t.schema->foreign_keys) {
    if (fk.table != t.schema->spec->name) continue;
    int at = t.Index(fk.column), ref_at = t.Index(fk.ref_column);
    if (at < 0 || ref_at < 0) continue;
    std::unordered_set<std::string> done;
    std::vector<size_t> out, pending = order;
    while (!pending.empty()) {
      std::vector<size_t> next;
      for (size_t i : pending) {
        const auto& v = t.rows[i][at];
        if (std::holds_alternative<std::nullptr_t>(v) || done.count(Text(v))) {
          out.push_back(i);
          done.insert(Text(t.rows[i][ref_at]));
        } else {
          next.push_back(i);
        }
      }
      if (next.size() == pending.size()) {  // a cycle: let the database name it
        out.insert(out.end(), next.begin(), next.end());
        break;
      }
      pending.swap(next);
    }
    order = out;
  }
  return order;
}

std::string Substitute(std::string s, const std::string& table, const std::string& column) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"{table}", table}, {"{column}", column}}) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
      s.replace(p, from.size(), to);
  }
  return s;
}

// Multi-row INSERTs (one statement, and on PostgreSQL one round trip, per
// batch). A batch the database refuses is rolled back to its savepoint and
// retried row by row, so the report still names the row.
class BatchInsert {
 public:
  BatchInsert(sql::Connection& c, std::string table, std::vector<std::string> cols, std::string file,
              ExchangeImportReport& report)
      : c_(c), table_(std::move(table)), cols_(std::move(cols)), file_(std::move(file)), report_(report) {
    max_rows_ = std::max<size_t>(1, std::min<size_t>(256, 16000 / std::max<size_t>(1, cols_.size())));
  }
  Status Add(sql::Params row, std::int64_t record) {
    for (const auto& v : row) {
      if (auto* s = std::get_if<std::string>(&v)) pending_bytes_ += s->size();
      if (auto* b = std::get_if<sql::Bytes>(&v)) pending_bytes_ += b->data.size();
    }
    rows_.push_back(std::move(row));
    records_.push_back(record);
    // Photos of inspection results make rows of megabytes: a batch stays far
    // below PostgreSQL's 1 GB message limit.
    return rows_.size() >= max_rows_ || pending_bytes_ >= kMaxBatchBytes ? Flush() : Status::Ok();
  }
  // Rows that reference `first`'s rows: `first` is flushed before each batch.
  void After(BatchInsert* first) { first_ = first; }
  Status Flush() {
    if (rows_.empty()) return Status::Ok();
    if (first_) JG_RETURN_IF_ERROR(first_->Flush());
    sql::Params all;
    all.reserve(rows_.size() * cols_.size());
    for (auto& r : rows_)
      for (auto& v : r) all.push_back(std::move(v));
    JG_RETURN_IF_ERROR(c_.Exec("SAVEPOINT exchange_batch", {}).status());
    auto n = c_.Exec(Sql(rows_.size()), all);
    if (!n.ok()) {
      JG_RETURN_IF_ERROR(c_.Exec("ROLLBACK TO SAVEPOINT exchange_batch", {}).status());
      // The values were moved into `all`: take each row back out of it.
      for (size_t i = 0; i < rows_.size(); ++i) {
        sql::Params one(all.begin() + static_cast<std::ptrdiff_t>(i * cols_.size()),
                        all.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols_.size()));
        auto r = c_.Exec(Sql(1), one);
        if (!r.ok()) return Refused(records_[i], r.status());
      }
    }
    JG_RETURN_IF_ERROR(c_.Exec("RELEASE SAVEPOINT exchange_batch", {}).status());
    rows_.clear();
    records_.clear();
    pending_bytes_ = 0;
    return Status::Ok();
  }

 private:
  Status Refused(std::int64_t record, const Status& st) {
    report_.errors.push_back({file_, record, "", "", st.reason(), "数据库拒绝了这一行：" + st.message()});
    return st;
  }
  const std::string& Sql(size_t rows) {
    auto it = sql_.find(rows);
    if (it != sql_.end()) return it->second;
    std::string q = "INSERT INTO " + table_ + " (";
    for (size_t i = 0; i < cols_.size(); ++i) q += (i ? ", " : "") + cols_[i];
    q += ") VALUES " + sql::RowPlaceholders(rows, cols_.size());
    return sql_.emplace(rows, std::move(q)).first->second;
  }

  sql::Connection& c_;
  std::string table_;
  std::vector<std::string> cols_;
  std::string file_;
  ExchangeImportReport& report_;
  size_t max_rows_ = 1;
  static constexpr size_t kMaxBatchBytes = 32u << 20;
  size_t pending_bytes_ = 0;
  BatchInsert* first_ = nullptr;
  std::vector<sql::Params> rows_;
  std::vector<std::int64_t> records_;
  std::map<size_t, std::string> sql_;
};

Status WriteAll(sql::Connection& c, const sql::Dialect& d, std::vector<ParsedTable>& tables,
                ExchangeImportReport& report) {
  JG_RETURN_IF_ERROR(CheckEmpty(c));
  // The seeded rows (item list, holding kinds, audit head) give way to the files'.
  for (auto it = tables.rbegin(); it != tables.rend(); ++it)
    if (it->schema->spec->seeded)
      JG_RETURN_IF_ERROR(c.Exec(std::string("DELETE FROM ") + it->schema->spec->name, {}).status());
  for (auto& t : tables) {
    const std::string name = t.schema->spec->name;
    std::vector<std::string> cols;
    for (const auto* col : t.cols) cols.push_back(col->name);
    // Derived columns are computed here, never read from the file.
    const bool entities = name == "entities";
    const int name_at = t.Index("name"), tags_at = t.Index("tags"), id_at = t.Index("id");
    if (entities) {
      cols.push_back("name_fold");
    } else if (!t.schema->derived.empty()) {
      return Internal("exchange: no rule to derive the columns of " + name);
    }
    BatchInsert rows(c, name, cols, t.file, report);
    // The tag index (an excluded table), as InsertEntity writes it.
    BatchInsert tags(c, "entity_tags", {"tag", "entity_id"}, t.file, report);
    tags.After(&rows);
    for (size_t i : InsertOrder(t)) {
      sql::Params p = t.rows[i];
      const std::string entity_name = name_at >= 0 ? Text(t.rows[i][name_at]) : "";
      if (entities) p.push_back(SearchFold(entity_name));
      JG_RETURN_IF_ERROR(rows.Add(std::move(p), t.records[i]));
      if (entities && id_at >= 0) {
        const sql::Value& id = t.rows[i][id_at];
        for (const auto& tag : SplitTags(tags_at >= 0 ? Text(t.rows[i][tags_at]) : ""))
          JG_RETURN_IF_ERROR(tags.Add({tag, id}, t.records[i]));
      }
    }
    JG_RETURN_IF_ERROR(rows.Flush());
    JG_RETURN_IF_ERROR(tags.Flush());
    // The name index (an excluded table), from the names just written.
    if (entities) JG_RETURN_IF_ERROR(sql::RebuildNamePostings(c, d));
    report.files.push_back({t.file, static_cast<std::int64_t>(t.rows.size()), ""});
    if (!d.reset_sequence.empty() && t.schema->key.size() == 1) {
      const Column* k = t.schema->Find(t.schema->key[0]);
      if (k && k->type == ColumnType::kInteger)
        JG_RETURN_IF_ERROR(c.Query(Substitute(d.reset_sequence, name, k->name), {}).status());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<ExchangeImportReport> ImportExchange(Store& store, const std::string& dir) {
  auto* sql_store = dynamic_cast<sql::SqlStore*>(&store);
  if (!sql_store) return Internal("exchange: not a SQL store");
  if (dir.empty()) return InvalidArgument("required", "请用 --dir 指定导入目录", "dir");
  if (!std::filesystem::is_directory(dir))
    return InvalidArgument("import_dir", "目录不存在：" + dir, "dir");

  std::vector<TableSchema> schemas;
  std::int64_t version = 0;
  JG_RETURN_IF_ERROR(sql_store->ReadSnapshot([&](sql::Connection& c, const sql::Dialect& d) -> Status {
    JG_RETURN_IF_ERROR(CheckEmpty(c));  // fail fast, before reading the files
    JG_ASSIGN_OR_RETURN(version, sql::exchange::SchemaVersion(c));
    JG_ASSIGN_OR_RETURN(schemas, sql::exchange::LoadSchemas(c, d));
    return Status::Ok();
  }));

  Importer importer(dir, schemas, version);
  importer.Check();
  ExchangeImportReport& report = importer.report();
  if (!report.errors.empty()) return report;

  Status st = sql_store->WriteTransaction([&](sql::Connection& c, const sql::Dialect& d) {
    return WriteAll(c, d, importer.tables(), report);
  });
  if (!st.ok()) {
    report.files.clear();
    if (report.errors.empty()) return st;  // not about a row: e.g. no longer empty, or unreachable
    return report;
  }
  report.applied = true;
  return report;
}

}  // namespace jg
