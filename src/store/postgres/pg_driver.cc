// The PostgreSQL backend over libpq: statements prepared once per connection,
// parameters sent separately from the SQL text. The only place that includes
// libpq-fe.h.
#include <libpq-fe.h>

#include <cstring>
#include <string>
#include <unordered_map>

#include "store/migrations.h"
#include "store/sql_connection.h"

namespace jg::sql {
namespace {

// The one mapping from PostgreSQL SQLSTATEs to jianguan's error codes.
Status MapPgError(PGconn* conn, const PGresult* res, const std::string& context) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = context + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  if (conn && PQstatus(conn) != CONNECTION_OK) return Unavailable("store_unavailable", msg);
  std::string s = state ? state : "";
  if (s == "23505") return AlreadyExists("unique_violation", msg);
  if (s == "23503") return FailedPrecondition("foreign_key_violation", msg);
  if (s == "23514" || s == "23502") return InvalidArgument("check_violation", msg);
  if (s == "23001") return FailedPrecondition("append_only", msg);
  if (s == "40001" || s == "40P01" || s == "55P03") return Aborted("busy", msg);
  if (s.rfind("08", 0) == 0 || s == "57P01") return Unavailable("store_unavailable", msg);
  return Internal(msg);
}

// bytea in a text-format result ("\\x…") as its raw bytes.
constexpr Oid kByteaOid = 17;
std::string Unescape(const char* text) {
  size_t n = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
  if (!raw) return {};
  std::string out(reinterpret_cast<const char*>(raw), n);
  PQfreemem(raw);
  return out;
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* c) : conn_(c) {}
  ~PgConnection() override { PQfinish(conn_); }

  Result<std::vector<Row>> Query(const std::string& sql, const Params& params) override {
    std::vector<Row> rows;
    JG_RETURN_IF_ERROR(Run(sql, params, &rows, nullptr));
    return rows;
  }

  Result<std::int64_t> Exec(const std::string& sql, const Params& params) override {
    std::int64_t n = 0;
    JG_RETURN_IF_ERROR(Run(sql, params, nullptr, &n));
    return n;
  }

  Status ExecScript(const std::string& sql) override {
    PGresult* res = PQexec(conn_, sql.c_str());
    Status st;
    auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) st = MapPgError(conn_, res, "script");
    PQclear(res);
    return st;
  }

  Status InsertRows(const std::string& table, const std::vector<std::string>& columns,
                    const std::function<bool(RowRef& row)>& next) override {
    std::string sql = "COPY " + table + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") FROM STDIN";
    PGresult* res = PQexec(conn_, sql.c_str());
    if (PQresultStatus(res) != PGRES_COPY_IN) {
      Status st = MapPgError(conn_, res, "copy");
      PQclear(res);
      return st;
    }
    PQclear(res);
    // COPY's text format: tab-separated, \N for NULL, backslash escapes.
    std::string buf;
    Status failed;
    auto send = [&] {
      if (PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) != 1)
        failed = MapPgError(conn_, nullptr, "copy");
      buf.clear();
    };
    RowRef row;
    row.reserve(columns.size());
    while (failed.ok()) {
      row.clear();
      if (!next(row)) break;
      if (row.size() != columns.size()) {
        failed = Internal("copy " + table + ": a row of " + std::to_string(row.size()) +
                          " values for " + std::to_string(columns.size()) + " columns");
        break;
      }
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) buf += '\t';
        if (std::holds_alternative<std::nullptr_t>(row[i])) {
          buf += "\\N";
        } else if (auto* n = std::get_if<std::int64_t>(&row[i])) {
          buf += std::to_string(*n);
        } else {
          const std::string_view v = std::get<std::string_view>(row[i]);
          if (v.find_first_of("\\\n\r\t") == std::string_view::npos) {
            buf += v;
            continue;
          }
          for (char c : v) {
            switch (c) {
              case '\\': buf += "\\\\"; break;
              case '\n': buf += "\\n"; break;
              case '\r': buf += "\\r"; break;
              case '\t': buf += "\\t"; break;
              default: buf += c;
            }
          }
        }
      }
      buf += '\n';
      if (buf.size() >= (1u << 20)) send();
    }
    if (failed.ok() && !buf.empty()) send();
    // Ending with an error message makes the server abort the COPY.
    if (PQputCopyEnd(conn_, failed.ok() ? nullptr : "jianguan: bulk insert stopped") != 1 &&
        failed.ok())
      failed = MapPgError(conn_, nullptr, "copy");
    while ((res = PQgetResult(conn_)) != nullptr) {
      if (PQresultStatus(res) != PGRES_COMMAND_OK && failed.ok())
        failed = MapPgError(conn_, res, "copy");
      PQclear(res);
    }
    return failed;
  }

 private:
  Status Run(const std::string& sql, const Params& params, std::vector<Row>* rows,
             std::int64_t* changed) {
    // Transaction control is not prepared: it has no parameters and runs once.
    const bool control = sql == "COMMIT" || sql == "ROLLBACK" || sql.rfind("BEGIN", 0) == 0;
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size());
    // Binary data goes in binary format (no escaping); everything else as text.
    std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::nullptr_t>(params[i])) {
        values[i] = nullptr;
      } else if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        text[i] = std::to_string(*n);
        values[i] = text[i].c_str();
      } else if (auto* b = std::get_if<Bytes>(&params[i])) {
        values[i] = b->data.data();
        lengths[i] = static_cast<int>(b->data.size());
        formats[i] = 1;
      } else {
        text[i] = std::get<std::string>(params[i]);
        values[i] = text[i].c_str();
      }
    }
    PGresult* res = nullptr;
    if (control) {
      res = PQexec(conn_, sql.c_str());
    } else {
      auto it = prepared_.find(sql);
      if (it == prepared_.end()) {
        std::string name = "jg" + std::to_string(prepared_.size() + 1);
        PGresult* prep = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
        if (PQresultStatus(prep) != PGRES_COMMAND_OK) {
          Status st = MapPgError(conn_, prep, "prepare");
          PQclear(prep);
          return st;
        }
        PQclear(prep);
        it = prepared_.emplace(sql, name).first;
      }
      res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                           values.data(), lengths.data(), formats.data(), 0);
    }
    auto status = PQresultStatus(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      Status st = MapPgError(conn_, res, "query");
      PQclear(res);
      return st;
    }
    if (rows) {
      const int nrows = PQntuples(res), ncols = PQnfields(res);
      rows->reserve(nrows);
      for (int r = 0; r < nrows; ++r) {
        std::vector<std::optional<std::string>> cols;
        cols.reserve(ncols);
        for (int c = 0; c < ncols; ++c) {
          if (PQgetisnull(res, r, c)) {
            cols.emplace_back(std::nullopt);
          } else if (PQftype(res, c) == kByteaOid) {
            cols.emplace_back(Unescape(PQgetvalue(res, r, c)));
          } else {
            cols.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
          }
        }
        rows->emplace_back(std::move(cols));
      }
    }
    if (changed) {
      const char* n = PQcmdTuples(res);
      *changed = (n && *n) ? std::stoll(n) : 0;
    }
    PQclear(res);
    return Status::Ok();
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

class PgDriver final : public Driver {
 public:
  explicit PgDriver(std::string conninfo) : conninfo_(std::move(conninfo)) {}
  const Dialect& dialect() const override {
    static const Dialect kDialect{
        "postgresql",
        "BEGIN",
        " FOR UPDATE",
        "COLLATE \"C\"",
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"",
        "SELECT column_name, data_type, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END, "
        "CASE WHEN column_default IS NULL THEN 0 ELSE 1 END FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        "SELECT a.attname, rt.relname, ra.attname FROM pg_constraint c "
        "JOIN pg_class t ON t.oid = c.conrelid "
        "JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema() "
        "JOIN pg_class rt ON rt.oid = c.confrelid "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] "
        "WHERE c.contype = 'f' AND t.relname = $1 ORDER BY a.attname COLLATE \"C\"",
        "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
        "COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false) "
        "WHERE pg_get_serial_sequence('{table}', '{column}') IS NOT NULL",
        "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, $1)"};
    return kDialect;
  }
  const std::vector<Migration>& migrations() const override { return PostgresMigrations(); }
  size_t MaxConnections() const override { return 16; }

  Result<std::unique_ptr<Connection>> Connect() override {
    PGconn* c = PQconnectdb(conninfo_.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
      Status st = Unavailable("store_unavailable",
                              std::string("无法连接 PostgreSQL: ") + PQerrorMessage(c));
      PQfinish(c);
      return st;
    }
    auto conn = std::make_unique<PgConnection>(c);
    // Quiet NOTICEs (e.g. "relation already exists, skipping") off stderr.
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    JG_RETURN_IF_ERROR(conn->ExecScript("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'"));
    return std::unique_ptr<Connection>(std::move(conn));
  }

 private:
  std::string conninfo_;
};

}  // namespace

Result<std::unique_ptr<Driver>> MakePostgresDriver(const std::string& conninfo) {
  return std::unique_ptr<Driver>(std::make_unique<PgDriver>(conninfo));
}

}  // namespace jg::sql
