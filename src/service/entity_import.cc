// The directory import: every row checked first, a per-row report, and
// nothing written unless the whole file is valid. Upsert by credit code.
// CSV and .xlsx (told apart by content) become the same rows, checked alike.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "domain/csv.h"
#include "domain/excel_date.h"
#include "domain/sm3.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/entity_service.h"
#include "service/text_encoding.h"
#include "service/xlsx_reader.h"

namespace jg {
namespace {

enum class Col {
  kCreditCode, kName, kKind, kLegalRep, kAddress, kStreet, kStation, kIndustry, kRegisteredOn,
  kStatus, kRiskClass, kRiskDate, kTags, kVersion
};

// Accepted headings: the export's Chinese headings, common variants, and the
// API field names.
const std::map<std::string, Col>& Headings() {
  static const std::map<std::string, Col> k = {
      {"credit_code", Col::kCreditCode},   {"统一社会信用代码", Col::kCreditCode},
      {"name", Col::kName},                {"名称", Col::kName},
      {"企业名称", Col::kName},            {"主体名称", Col::kName},
      {"kind", Col::kKind},                {"主体类型", Col::kKind},
      {"legal_representative", Col::kLegalRep}, {"法定代表人", Col::kLegalRep},
      {"负责人", Col::kLegalRep},          {"法定代表人（负责人）", Col::kLegalRep},
      {"address", Col::kAddress},          {"住所", Col::kAddress},
      {"经营场所", Col::kAddress},         {"地址", Col::kAddress},
      {"street", Col::kStreet},            {"街镇", Col::kStreet},
      {"station", Col::kStation},          {"管辖所", Col::kStation},
      {"industry", Col::kIndustry},        {"行业代码", Col::kIndustry},
      {"registered_on", Col::kRegisteredOn}, {"成立日期", Col::kRegisteredOn},
      {"status", Col::kStatus},            {"登记状态", Col::kStatus},
      {"risk_class", Col::kRiskClass},     {"信用风险分类", Col::kRiskClass},
      {"risk_classified_on", Col::kRiskDate}, {"分类日期", Col::kRiskDate},
      {"tags", Col::kTags},                {"标签", Col::kTags},
      {"version", Col::kVersion},          {"版本", Col::kVersion},
  };
  return k;
}

// Which column a NormalizeEntity field error belongs to.
Col ColumnOfField(const std::string& field) {
  static const std::map<std::string, Col> k = {
      {"credit_code", Col::kCreditCode}, {"name", Col::kName},
      {"legal_representative", Col::kLegalRep}, {"address", Col::kAddress},
      {"street", Col::kStreet}, {"industry", Col::kIndustry},
      {"registered_on", Col::kRegisteredOn}, {"risk_classified_on", Col::kRiskDate},
      {"tags", Col::kTags}};
  auto it = k.find(field);
  return it == k.end() ? Col::kName : it->second;
}

// Valid rows handed from the checker to the writer at a time: the first
// chunk, doubling up to the others. (A first chunk of 4,096 started the
// writer sooner still, but rewrote the first name-index blocks, 16,384 ids
// each, several times: a second slower on PostgreSQL.)
constexpr size_t kFirstChunkRows = 16384;
constexpr size_t kRowsPerChunk = 65536;

}  // namespace

// A file's rows one at a time, whatever its format, and how to read its date
// columns.
struct EntityService::ImportTable {
  // The next row's cells (valid until the next call) and its line in the
  // file; false at the end.
  std::function<Result<bool>(std::vector<std::string_view>& cells, int& line)> next;
  // About how many rows (heading included), for progress and reserving.
  size_t estimated_rows = 0;
  // Set for a spreadsheet: a whole number in a date column is a serial day.
  std::optional<ExcelDateSystem> serial_dates;
  // The file as received: its SM3 goes into the report and the audit log.
  std::string_view file;
};

Result<ImportReport> EntityService::ImportFile(const Actor* actor, const std::string& bytes,
                                               bool dry_run, const ImportProgress& progress) {
  if (actor) {
    JG_RETURN_IF_ERROR(
        RequirePermission(env_.store, *actor, Permission::kImportEntities, std::nullopt));
  }
  ImportReport rep;
  ImportTable table;
  table.file = bytes;
  if (LooksLikeZip(bytes)) {
    rep.format = "xlsx";
    rep.encoding = "UTF-8";
    JG_ASSIGN_OR_RETURN(XlsxSheet sheet, ReadXlsxFirstSheet(bytes));
    table.serial_dates = sheet.date_system;
    table.estimated_rows = sheet.rows.size();
    size_t r = 0;
    table.next = [&sheet, &r](std::vector<std::string_view>& cells, int& line) -> Result<bool> {
      if (r == sheet.rows.size()) return false;
      cells.assign(sheet.rows[r].begin(), sheet.rows[r].end());
      line = r < sheet.row_numbers.size() ? sheet.row_numbers[r] : static_cast<int>(r) + 1;
      ++r;
      return true;
    };
    return ImportRows(actor, std::move(table), std::move(rep), dry_run, progress);
  }
  if (LooksLikeOleFile(bytes))
    return InvalidArgument("xls_unsupported",
                           "这是旧版 Excel（.xls）文件或加密的工作簿，请在 Excel 中另存为 .xlsx "
                           "或 CSV（并取消密码保护）后再导入",
                           "file");
  rep.format = "csv";
  JG_ASSIGN_OR_RETURN(DecodedText text, DecodeSpreadsheetText(bytes));
  rep.encoding = text.encoding;
  const std::string_view utf8 = text.Utf8(bytes);
  table.estimated_rows = static_cast<size_t>(std::count(utf8.begin(), utf8.end(), '\n')) + 1;
  CsvReader reader(utf8);
  CsvCellRow row;
  table.next = [&](std::vector<std::string_view>& cells, int& line) -> Result<bool> {
    for (;;) {
      JG_ASSIGN_OR_RETURN(bool more, reader.Next(row));
      if (!more) return false;
      // A line holding only "" is empty too.
      if (row.size() == 1 && row[0].text.empty()) continue;
      cells.clear();
      for (const auto& c : row) cells.emplace_back(c.text);
      line = reader.line();
      return true;
    }
  };
  auto rep_or = ImportRows(actor, std::move(table), rep, dry_run, progress);
  // A file that is not CSV is reported as its one error, as before any row.
  if (!rep_or.ok() && rep_or.status().reason() == "csv_syntax") {
    rep.errors.push_back({0, "", "", rep_or.status().message()});
    return rep;
  }
  return rep_or;
}

Result<ImportReport> EntityService::ImportRows(const Actor* actor, ImportTable table,
                                               ImportReport rep, bool dry_run,
                                               const ImportProgress& progress) {
  // Set with the first error: the writer stops at once (the checker goes on,
  // for the whole report).
  std::atomic<bool> refused{false};
  auto fail = [&](int row, std::string column, std::string value, std::string reason) {
    rep.errors.push_back({row, std::move(column), std::move(value), std::move(reason)});
    refused = true;
  };
  std::vector<std::string_view> cells;
  int line = 0;
  JG_ASSIGN_OR_RETURN(bool any, table.next(cells, line));
  if (!any) {
    fail(1, "", "", "文件为空");
    return rep;
  }
  // The heading row.
  const std::vector<std::string> head(cells.begin(), cells.end());
  const int head_line = line;
  std::map<Col, size_t> at;
  for (size_t c = 0; c < head.size(); ++c) {
    std::string h = head[c];
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
    auto it = Headings().find(h);
    if (it == Headings().end()) {
      fail(head_line, h, h, "无法识别的列名（可用列名见导入说明）");
    } else if (at.count(it->second)) {
      fail(head_line, h, h, "列重复");
    } else {
      at[it->second] = c;
    }
  }
  for (Col required : {Col::kCreditCode, Col::kName}) {
    if (!at.count(required))
      fail(head_line, required == Col::kCreditCode ? "统一社会信用代码" : "名称", "", "缺少必需的列");
  }
  if (!rep.errors.empty()) return rep;

  JG_ASSIGN_OR_RETURN(auto depts, env_.store.ListDepartments());
  std::map<std::string, Id> stations;
  for (const auto& d : depts) {
    if (d.kind != DepartmentKind::kStation) continue;
    stations[d.code] = d.id;
    stations[d.name] = d.id;
  }

  std::unordered_map<std::string, int> seen_codes;
  seen_codes.reserve(table.estimated_rows);
  int rows = 0;
  auto cell = [&](Col c) -> std::string {
    auto it = at.find(c);
    if (it == at.end() || it->second >= cells.size()) return "";
    return std::string(cells[it->second]);
  };
  auto heading = [&](Col c) {
    auto it = at.find(c);
    return it == at.end() ? std::string() : head[it->second];
  };
  // A spreadsheet may hold a date as its serial day number (a date cell
  // formatted as a number); the reader already converted date-formatted cells.
  auto date_cell = [&](Col c) -> std::string {
    std::string v = cell(c);
    const bool whole = !v.empty() && v.size() <= 7 &&
                       v.find_first_not_of("0123456789") == std::string::npos;
    if (table.serial_dates && whole) {
      if (auto d = ExcelSerialToDate(std::stod(v), *table.serial_dates)) return *d;
    }
    return v;
  };
  // Checks every row, handing the valid ones on a chunk at a time.
  auto check_rows = [&](const std::function<void(std::vector<Entity>&)>& emit) -> Status {
    std::vector<Entity> entities;
    entities.reserve(std::min(table.estimated_rows, kRowsPerChunk));
    // The first chunks are small, so the writer starts early.
    size_t chunk_rows = kFirstChunkRows;
    for (;;) {
      JG_ASSIGN_OR_RETURN(bool more, table.next(cells, line));
      if (!more) break;
      ++rows;
      const int row_no = line;
      if (cells.size() > head.size()) {
        fail(row_no, "", "", "本行的列数多于表头");
        continue;
      }
      Entity e;
      e.credit_code = cell(Col::kCreditCode);
      e.name = cell(Col::kName);
      e.legal_representative = cell(Col::kLegalRep);
      e.address = cell(Col::kAddress);
      e.street = cell(Col::kStreet);
      e.industry = cell(Col::kIndustry);
      e.registered_on = date_cell(Col::kRegisteredOn);
      e.risk_classified_on = date_cell(Col::kRiskDate);
      e.tags = SplitTags(cell(Col::kTags));
      bool row_ok = true;
      if (std::string k = cell(Col::kKind); !k.empty()) {
        if (auto kind = ParseEntityKind(k)) e.kind = *kind;
        else fail(row_no, heading(Col::kKind), k, "主体类型须为 企业、个体工商户、农民专业合作社 或 分支机构"), row_ok = false;
      }
      if (std::string st = cell(Col::kStatus); !st.empty()) {
        if (auto status = ParseEntityStatus(st)) e.status = *status;
        else fail(row_no, heading(Col::kStatus), st, "登记状态须为 存续、注销、吊销 或 迁出"), row_ok = false;
      }
      if (std::string rc = cell(Col::kRiskClass); !rc.empty()) {
        if (auto risk = ParseRiskClass(rc)) e.risk_class = *risk;
        else fail(row_no, heading(Col::kRiskClass), rc, "信用风险分类须为 A、B、C 或 D"), row_ok = false;
      }
      if (std::string st = cell(Col::kStation); !st.empty()) {
        auto it = stations.find(st);
        if (it != stations.end()) e.station_id = it->second;
        else fail(row_no, heading(Col::kStation), st, "管辖所不存在（填所的代码或全称）"), row_ok = false;
      }
      if (Status s = NormalizeEntity(e); !s.ok()) {
        Col c = ColumnOfField(s.field());
        fail(row_no, heading(c), c == Col::kRegisteredOn || c == Col::kRiskDate ? date_cell(c) : cell(c),
             s.message());
        row_ok = false;
      }
      if (row_ok) {
        auto [it, fresh] = seen_codes.emplace(e.credit_code, row_no);
        if (!fresh) {
          fail(row_no, heading(Col::kCreditCode), e.credit_code,
               "与第 " + std::to_string(it->second) + " 行的统一社会信用代码重复");
        } else {
          entities.push_back(std::move(e));
          if (entities.size() == chunk_rows) {
            emit(entities);
            entities.clear();
            chunk_rows = std::min(2 * chunk_rows, kRowsPerChunk);
          }
        }
      }
      if (progress && rows % 500 == 0)
        progress(rows, std::max(rows, static_cast<int>(table.estimated_rows) - 1));
    }
    rep.rows = rows;
    if (!entities.empty()) emit(entities);
    if (progress) progress(rows, rows);
    return Status::Ok();
  };

  if (dry_run) {
    JG_RETURN_IF_ERROR(check_rows([](std::vector<Entity>&) {}));
    rep.file_sm3 = Sm3Hex(table.file);
    return rep;
  }
  // Checking and writing overlap: the rows are checked on a second thread
  // while this one writes the chunks already checked, all in the import's one
  // transaction (a million rows: the checks, a fifth of the time, are hidden).
  // Any error, and the transaction is rolled back: nothing is written.
  struct Chunks {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<std::vector<Entity>> ready;  // at most two waiting
    bool finished = false;  // the checker is done (`checked` is its outcome)
    bool discard = false;   // the writer stopped: chunks are dropped
    Status checked;
    std::string file_sm3;  // hashed by the checker once the rows are checked
  } q;
  std::thread checker([&] {
    Status st;
    try {
      st = check_rows([&](std::vector<Entity>& chunk) {
        std::unique_lock lock(q.mu);
        q.cv.wait(lock, [&] { return q.ready.size() < 2 || q.discard; });
        if (!q.discard && !refused) q.ready.push_back(std::move(chunk));
        q.cv.notify_all();
      });
    } catch (const std::exception& e) {
      st = Internal(std::string("导入校验失败：") + e.what());
    }
    // The file's SM3 (0.7 s for 166 MB) here, while the writer still writes,
    // rather than before the first row is checked.
    std::string sm3 = st.ok() && !refused ? Sm3Hex(table.file) : "";
    std::lock_guard lock(q.mu);
    q.file_sm3 = std::move(sm3);
    q.checked = st;
    q.finished = true;
    q.cv.notify_all();
  });
  const UnixSeconds now = env_.clock.Now();
  const std::string who = actor ? actor->username : "system";
  std::vector<Entity> writing;
  auto next = [&]() -> Result<std::vector<Entity>*> {
    std::unique_lock lock(q.mu);
    q.cv.wait(lock, [&] { return !q.ready.empty() || q.finished || refused; });
    // Rows with errors: stop writing; the rollback undoes what was written.
    if (refused) return Aborted("import_refused", "文件中有错误的行，未导入任何数据");
    if (q.ready.empty()) {
      if (!q.checked.ok()) return q.checked;
      return nullptr;
    }
    writing = std::move(q.ready.front());
    q.ready.pop_front();
    q.cv.notify_all();
    lock.unlock();
    for (Entity& e : writing) {
      e.updated_at = now;
      e.updated_by = who;
    }
    return &writing;
  };
  Status written = env_.store.Transaction([&](Store& tx) -> Status {
    JG_ASSIGN_OR_RETURN(Store::UpsertCounts counts,
                        tx.UpsertEntityChunks(next, table.estimated_rows, "import", {}));
    rep.inserted = counts.inserted;
    rep.updated = counts.updated;
    {
      std::lock_guard lock(q.mu);  // the checker is done: every chunk was taken
      rep.file_sm3 = q.file_sm3;
    }
    nlohmann::json detail = {{"file_sm3", rep.file_sm3}, {"format", rep.format},
                             {"encoding", rep.encoding},
                             {"rows", rep.rows},         {"inserted", rep.inserted},
                             {"updated", rep.updated}};
    return AppendAudit(tx, env_.clock, actor,
                       {"entity.import", "entity_import", rep.file_sm3.substr(0, 16), "", "",
                        detail.dump()});
  });
  {
    std::lock_guard lock(q.mu);
    q.discard = true;
    q.cv.notify_all();
  }
  checker.join();
  if (!rep.errors.empty()) {
    rep.inserted = rep.updated = 0;
    return rep;  // refused: the transaction was rolled back
  }
  JG_RETURN_IF_ERROR(q.checked);
  JG_RETURN_IF_ERROR(written);
  rep.applied = true;
  return rep;
}

}  // namespace jg
