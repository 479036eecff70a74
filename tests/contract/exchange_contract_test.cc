// The exchange format on every backend: export, import into an empty
// database, export again gives the same bytes (also from one store to the
// other); the audit chain still verifies; and a broken export is refused
// with a report that names file, row and column, leaving the database empty.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "domain/csv.h"
#include "domain/sm3.h"
#include "service/audit_service.h"
#include "store/exchange.h"
#include "support/exchange_fixture.h"
#include "support/test_stores.h"

namespace jg {
namespace {
namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
void WriteFile(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

fs::path TempDir(const std::string& name) {
  static int n = 0;
  auto d = fs::temp_directory_path() / "jianguan-tests" /
           ("exchange_" + std::to_string(getpid()) + "_" + std::to_string(n++) + "_" + name);
  fs::remove_all(d);
  return d;
}

// The manifest without the lines that name the moment and the source store.
std::string ManifestFiles(const fs::path& dir) {
  std::string out;
  auto rows = ParseCsvCells(ReadFile(dir / "manifest.csv")).value();
  for (const auto& r : rows)
    if (r[0].text == "file") out += r[1].text + " " + r[2].text + " " + r[3].text + "\n";
  return out;
}

// Every file of two exports, byte for byte (the manifest by its file lines).
void ExpectSameExport(const fs::path& a, const fs::path& b) {
  EXPECT_EQ(ManifestFiles(a), ManifestFiles(b));
  size_t files = 0;
  for (const auto& t : ExchangeTables()) {
    std::string f = std::string(t.name) + ".csv";
    EXPECT_EQ(ReadFile(a / f), ReadFile(b / f)) << f;
    ++files;
  }
  EXPECT_EQ(files, ExchangeTables().size());
}

void ExpectAuditOk(Store& store) {
  ManualClock clock(1700000000);
  AuditService audit(ServiceEnv{store, clock});
  auto rep = audit.VerifyAsOperator();
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_TRUE(rep->ok) << rep->reason;
  EXPECT_GT(rep->checked, 5);
}

// Rewrites one cell (or a whole file through `edit`) and fixes the manifest
// checksum and row count, so only the intended fault remains.
void EditFile(const fs::path& dir, const std::string& file,
              const std::function<void(std::vector<CsvCellRow>&)>& edit) {
  auto rows = ParseCsvCells(ReadFile(dir / file)).value();
  edit(rows);
  std::string bytes;
  for (const auto& r : rows) {
    std::vector<std::optional<std::string>> cells;
    for (const auto& c : r) {
      if (c.text.empty() && !c.quoted) cells.emplace_back(std::nullopt);
      else cells.emplace_back(c.text);
    }
    bytes += CsvLineExact(cells);
  }
  WriteFile(dir / file, bytes);
  auto manifest = ParseCsvCells(ReadFile(dir / "manifest.csv")).value();
  std::string out;
  for (auto& r : manifest) {
    if (r[0].text == "file" && r[1].text == file) {
      r[2].text = std::to_string(rows.size() - 1);
      r[3].text = Sm3Hex(bytes);
    }
    std::vector<std::optional<std::string>> cells;
    for (const auto& c : r) cells.emplace_back(c.text.empty() && !c.quoted ? std::nullopt : std::optional(c.text));
    out += CsvLineExact(cells);
  }
  WriteFile(dir / "manifest.csv", out);
}
int Col(const std::vector<CsvCellRow>& rows, const std::string& name) {
  for (size_t i = 0; i < rows[0].size(); ++i)
    if (rows[0][i].text == name) return static_cast<int>(i);
  throw std::runtime_error("no column " + name);
}

class ExchangeContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string skip;
    source_ = testing::MakeTestStore(GetParam(), &skip);
    if (!source_.store) GTEST_SKIP() << skip;
    testing::PopulateEveryKind(source_);
    dir_ = TempDir(GetParam());
    auto sum = ExportExchange(*source_.store, dir_.string(), 1764942000);
    ASSERT_TRUE(sum.ok()) << sum.status().ToString();
    summary_ = *sum;
  }
  testing::TestStore Fresh() {
    std::string skip;
    return testing::MakeTestStore(GetParam(), &skip);
  }
  // The import is refused with exactly one error of `code` naming this file,
  // and the target database is left empty (a clean import still works).
  ExchangeError ExpectRefused(const std::string& code) {
    auto target = Fresh();
    auto rep = ImportExchange(*target.store, dir_.string());
    EXPECT_TRUE(rep.ok()) << rep.status().ToString();
    if (!rep.ok()) return {};
    EXPECT_FALSE(rep->applied);
    EXPECT_EQ(rep->errors.size(), 1u) << ExchangeErrorsCsv(rep->errors);
    if (rep->errors.empty()) return {};
    EXPECT_EQ(rep->errors[0].code, code) << ExchangeErrorsCsv(rep->errors);
    EXPECT_TRUE(target.store->ListDepartments().value().empty());
    EXPECT_EQ(target.store->GetAuditHead().value().seq, 0);
    return rep->errors[0];
  }
  testing::TestStore source_;
  fs::path dir_;
  ExportSummary summary_;
};

TEST_P(ExchangeContract, EveryTableOfTheFormatIsExercisedByTheFixture) {
  // Otherwise the round trip below would prove nothing for that table.
  ASSERT_EQ(summary_.files.size(), ExchangeTables().size());
  for (const auto& f : summary_.files) EXPECT_GT(f.rows, 0) << f.file;
  EXPECT_GE(summary_.schema_version, 10);
  EXPECT_FALSE(fs::exists(dir_ / "sessions.csv"));  // excluded: secrets, short-lived
  EXPECT_FALSE(fs::exists(dir_ / "entity_name_postings.csv"));  // derived
  // NULL and "" stay apart: a case without a stored due date vs one without a running period.
  std::string cases = ReadFile(dir_ / "cases.csv");
  EXPECT_NE(cases.find(",\"\","), std::string::npos);
  // No formula guard: the value starting with "=" is written as it is.
  EXPECT_NE(ReadFile(dir_ / "departments.csv").find(",=SUM(A1),"), std::string::npos);
}

TEST_P(ExchangeContract, TheDocumentationDescribesEveryColumnOfEveryFile) {
  // docs/exchange-format.md is the contract for other systems: a column a
  // migration adds must be documented before this passes.
  std::string doc = ReadFile(fs::path(JG_SOURCE_DIR) / "docs" / "exchange-format.md");
  for (const auto& t : ExchangeTables()) {
    std::string file = std::string(t.name) + ".csv";
    auto at = doc.find("### `" + file + "`");
    ASSERT_NE(at, std::string::npos) << file;
    auto end = doc.find("\n### ", at + 1);
    std::string section = doc.substr(at, end == std::string::npos ? std::string::npos : end - at);
    auto header = ParseCsvCells(ReadFile(dir_ / file)).value();
    for (const auto& col : header[0])
      EXPECT_NE(section.find("| `" + col.text + "` |"), std::string::npos) << file << " " << col.text;
  }
}

TEST_P(ExchangeContract, RoundTripIsLosslessAndTheAuditChainStillVerifies) {
  auto target = Fresh();
  auto rep = ImportExchange(*target.store, dir_.string());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_TRUE(rep->applied) << ExchangeErrorsCsv(rep->errors);
  auto again = TempDir(GetParam() + "_again");
  ASSERT_TRUE(ExportExchange(*target.store, again.string(), 1764942999).ok());
  ExpectSameExport(dir_, again);
  ExpectAuditOk(*target.store);

  // The imported database works as the original did: search (the rebuilt
  // indexes), and new records get fresh ids after the imported ones (PostgreSQL
  // sequences moved past them) and chain onto the imported audit head.
  EntityQuery q;
  q.name = "江桥";
  EXPECT_EQ(target.store->SearchEntities(q).value().total, 1);
  q = {};
  q.tag = "重点监管";
  EXPECT_EQ(target.store->SearchEntities(q).value().total, 1);
  auto before = target.store->ListDepartments().value();
  Department d{0, "NEW", "新部门", DepartmentKind::kSection, std::nullopt, "", "", 1};
  Id id = target.store->InsertDepartment(d).value();
  for (const auto& x : before) EXPECT_GT(id, x.id);
  ASSERT_TRUE(target.store->Transaction([&](Store& tx) -> Status {
    AuditEvent e;
    e.action = "department.create";
    e.record_kind = "department";
    e.record_id = std::to_string(id);
    return tx.AppendAudit(e).status();
  }).ok());
  ExpectAuditOk(*target.store);
}

TEST_P(ExchangeContract, ANonEmptyDatabaseIsRefused) {
  auto rep = ImportExchange(*source_.store, dir_.string());
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.status().reason(), "database_not_empty");
}

TEST_P(ExchangeContract, ATableTheListDoesNotClassifyStopsTheExport) {
  // A migration that adds a table without adding it to store/exchange_tables.cc
  // must not produce exports that silently leave it out.
  testing::RawSql(source_, "CREATE TABLE stray_records (id INTEGER PRIMARY KEY)");
  auto sum = ExportExchange(*source_.store, TempDir("stray").string(), 1);
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.status().reason(), "exchange_unclassified_table");
  EXPECT_NE(sum.status().message().find("stray_records"), std::string::npos);
}

TEST_P(ExchangeContract, ABadDateIsNamedByFileRowAndColumn) {
  EditFile(dir_, "entities.csv", [](auto& rows) { rows[1][Col(rows, "registered_on")].text = "2023-02-30"; });
  auto e = ExpectRefused("bad_date");
  EXPECT_EQ(e.file, "entities.csv");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "registered_on");
  EXPECT_EQ(e.value, "2023-02-30");
  EXPECT_NE(e.reason.find("2 月只有 28 天"), std::string::npos) << e.reason;
}

TEST_P(ExchangeContract, ADanglingReferenceIsNamed) {
  EditFile(dir_, "holdings.csv", [](auto& rows) { rows[1][Col(rows, "entity_id")].text = "99999"; });
  auto e = ExpectRefused("dangling_reference");
  EXPECT_EQ(e.file, "holdings.csv");
  EXPECT_EQ(e.row, 2);
  EXPECT_EQ(e.column, "entity_id");
  EXPECT_EQ(e.value, "99999");
  EXPECT_NE(e.reason.find("entities.id"), std::string::npos);
}

TEST_P(ExchangeContract, ADuplicateIdIsNamed) {
  EditFile(dir_, "departments.csv", [](auto& rows) { rows.push_back(rows[1]); });
  auto e = ExpectRefused("duplicate_key");
  EXPECT_EQ(e.file, "departments.csv");
  EXPECT_EQ(e.row, 6);  // header + 4 departments + the copy
  EXPECT_EQ(e.column, "id");
}

TEST_P(ExchangeContract, AnUnknownColumnIsNamed) {
  EditFile(dir_, "users.csv", [](auto& rows) {
    rows[0].push_back({"colour", false});
    for (size_t i = 1; i < rows.size(); ++i) rows[i].push_back({"red", false});
  });
  auto e = ExpectRefused("unknown_column");
  EXPECT_EQ(e.file, "users.csv");
  EXPECT_EQ(e.row, 1);
  EXPECT_EQ(e.column, "colour");
}

TEST_P(ExchangeContract, AMissingFileIsNamed) {
  fs::remove(dir_ / "cases.csv");
  auto e = ExpectRefused("missing_file");
  EXPECT_EQ(e.file, "cases.csv");
  EXPECT_EQ(e.row, 0);
}

TEST_P(ExchangeContract, AChangedFileOrAnotherSchemaVersionIsRefused) {
  // Changing a file without updating the manifest.
  std::string bytes = ReadFile(dir_ / "audit_log.csv");
  bytes.replace(bytes.find("admin"), 5, "adm1n");  // tampering with the log's actor
  WriteFile(dir_ / "audit_log.csv", bytes);
  auto e = ExpectRefused("checksum_mismatch");
  EXPECT_EQ(e.file, "audit_log.csv");

  EditFile(dir_, "audit_log.csv", [](auto&) {});  // accept the change in the manifest
  std::string manifest = ReadFile(dir_ / "manifest.csv");
  auto at = manifest.find("schema_version,") + 15;
  manifest.replace(at, manifest.find(',', at) - at, "9");
  WriteFile(dir_ / "manifest.csv", manifest);
  auto v = ExpectRefused("schema_version_mismatch");
  EXPECT_EQ(v.file, "manifest.csv");
  EXPECT_EQ(v.value, "9");
}

TEST_P(ExchangeContract, ARowTheDatabaseRefusesRollsBackEverythingWritten) {
  // A kind the CHECK constraint refuses is only found while writing, after
  // departments, users and the audit log went in: all of it is rolled back.
  EditFile(dir_, "entities.csv", [](auto& rows) { rows[1][Col(rows, "kind")].text = "martian"; });
  auto e = ExpectRefused("check_violation");
  EXPECT_EQ(e.file, "entities.csv");
  EXPECT_EQ(e.row, 2);
}

TEST_P(ExchangeContract, ManyErrorsAreAllReportedAndWrittenAsCsv) {
  EditFile(dir_, "users.csv", [](auto& rows) {
    rows[1][Col(rows, "created_at")].text = "yesterday";
    rows[2][Col(rows, "department_id")].text = "";
  });
  auto target = Fresh();
  auto rep = ImportExchange(*target.store, dir_.string()).value();
  ASSERT_EQ(rep.errors.size(), 2u);
  EXPECT_EQ(rep.errors[0].code, "not_integer");
  EXPECT_EQ(rep.errors[1].code, "required");
  std::string csv = ExchangeErrorsCsv(rep.errors);
  EXPECT_NE(csv.find("文件,行号,列,值,代码,原因"), std::string::npos);
  EXPECT_NE(csv.find("users.csv,2,created_at,yesterday,not_integer,"), std::string::npos) << csv;
}

TEST_P(ExchangeContract, AHandWrittenExportFromAnotherSystemImports) {
  // What a migrating system writes (docs/exchange-format.md): the files of a
  // fresh database as a template, its own rows, columns with defaults left
  // out, no checksums in the manifest.
  auto fresh = Fresh();
  auto dir = TempDir(GetParam() + "_hand");
  ASSERT_TRUE(ExportExchange(*fresh.store, dir.string(), 1).ok());
  WriteFile(dir / "departments.csv",
            "id,code,name,kind,parent_id\r\n10,JDSJ,嘉定区市场监督管理局,bureau,\r\n"
            "7,FZK,法制科,section,10\r\n");
  std::string manifest;
  auto lines = ParseCsvCells(ReadFile(dir / "manifest.csv")).value();
  for (auto& r : lines) {
    if (r[0].text == "file" && r[1].text == "departments.csv") r[2].text = "2";
    if (r[0].text == "file") r[3] = {"", false};
    std::vector<std::optional<std::string>> cells;
    for (const auto& c : r) cells.emplace_back(c.text.empty() && !c.quoted ? std::nullopt : std::optional(c.text));
    manifest += CsvLineExact(cells);
  }
  WriteFile(dir / "manifest.csv", manifest);
  auto target = Fresh();
  auto rep = ImportExchange(*target.store, dir.string());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_TRUE(rep->applied) << ExchangeErrorsCsv(rep->errors);
  auto depts = target.store->ListDepartments().value();
  ASSERT_EQ(depts.size(), 2u);
  EXPECT_EQ(depts[0].id, 7);
  EXPECT_EQ(depts[0].parent_id, 10);  // inserted after its parent although its id is smaller
  EXPECT_EQ(depts[1].version, 1);     // the database default
  EXPECT_EQ(depts[1].phone, "");
  EXPECT_EQ(target.store->ListInspectionItems(true).value().size(), 8u);  // the seeded list, carried over
}

INSTANTIATE_TEST_SUITE_P(Backends, ExchangeContract, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// From SQLite to PostgreSQL and back: the same files at every step.
TEST(ExchangeCrossStore, SqliteToPostgresqlAndBackIsLossless) {
  std::string skip;
  auto sqlite = testing::MakeTestStore("sqlite", &skip);
  auto pg = testing::MakeTestStore("postgresql", &skip);
  if (!pg.store) GTEST_SKIP() << skip;
  testing::PopulateEveryKind(sqlite);
  auto a = TempDir("cross_a"), b = TempDir("cross_b"), c = TempDir("cross_c");
  ASSERT_TRUE(ExportExchange(*sqlite.store, a.string(), 1).ok());
  auto to_pg = ImportExchange(*pg.store, a.string());
  ASSERT_TRUE(to_pg.ok() && to_pg->applied) << (to_pg.ok() ? ExchangeErrorsCsv(to_pg->errors) : to_pg.status().ToString());
  ASSERT_TRUE(ExportExchange(*pg.store, b.string(), 2).ok());
  ExpectSameExport(a, b);
  ExpectAuditOk(*pg.store);
  auto back = testing::MakeTestStore("sqlite", &skip);
  auto to_sqlite = ImportExchange(*back.store, b.string());
  ASSERT_TRUE(to_sqlite.ok() && to_sqlite->applied);
  ASSERT_TRUE(ExportExchange(*back.store, c.string(), 3).ok());
  ExpectSameExport(a, c);
  ExpectAuditOk(*back.store);
}

}  // namespace
}  // namespace jg
