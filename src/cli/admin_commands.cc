// migrate, user add, audit verify, departments import, demo-init.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "service/audit_service.h"
#include "store/backup.h"
#include "service/department_service.h"
#include "service/entity_service.h"
#include "service/inspection_registry_service.h"
#include "service/system_clock.h"
#include "service/user_service.h"

namespace jg::cli {
namespace {

int Fail(const Status& s) {
  std::cerr << "jianguan: " << s.ToString() << "\n";
  return ExitCodeOf(s);
}

// Minimal CSV for the department seed file (no quoted commas needed there).
std::vector<std::vector<std::string>> ReadSimpleCsv(const std::string& path, Status* st) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  if (!in) {
    *st = InvalidArgument("file_not_found", "无法读取文件 " + path, "file");
    return rows;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (rows.empty() && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.empty()) continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cols.push_back(cell);
    if (!line.empty() && line.back() == ',') cols.emplace_back();
    rows.push_back(std::move(cols));
  }
  return rows;
}

Status ImportDepartmentsInto(Store& store, const Clock& clock, const std::string& path, int* added) {
  Status st;
  auto rows = ReadSimpleCsv(path, &st);
  if (!st.ok()) return st;
  if (rows.empty() || rows[0].size() < 4 || rows[0][0] != "code")
    return InvalidArgument("bad_header", "表头须为 code,name,kind,parent_code,phone,address", "file");
  JG_ASSIGN_OR_RETURN(auto existing, store.ListDepartments());
  std::map<std::string, Id> by_code;
  for (const auto& d : existing) by_code[d.code] = d.id;
  // All or nothing: one transaction for the whole file.
  return store.Transaction([&](Store& tx) -> Status {
    DepartmentService txsvc(ServiceEnv{tx, clock});
    for (size_t i = 1; i < rows.size(); ++i) {
      auto& r = rows[i];
      r.resize(6);
      if (by_code.count(r[0])) continue;  // already there: importing twice is harmless
      NewDepartment nd{r[0], r[1], r[2], std::nullopt, r[4], r[5]};
      if (!r[3].empty()) {
        auto p = by_code.find(r[3]);
        if (p == by_code.end())
          return InvalidArgument("parent_not_found",
                                 "第 " + std::to_string(i + 1) + " 行：上级部门 " + r[3] + " 不存在",
                                 "parent_code");
        nd.parent_id = p->second;
      }
      auto d = txsvc.Create(nullptr, nd);
      if (!d.ok()) {
        const Status& e = d.status();
        return Status(e.code(), e.reason(), "第 " + std::to_string(i + 1) + " 行：" + e.message(),
                      e.field());
      }
      by_code[d->code] = d->id;
      ++*added;
    }
    return Status::Ok();
  });
}

// The demo roster (执法检查人员名录库): inspectors of three stations, the
// enforcement brigade and one member unit. The demo "inspector" account is
// 赵执法 of 江桥所. Skips certificate numbers already on the roster.
Status SeedDemoInspectors(Store& store, const Clock& clock, const std::map<std::string, Id>& by_code) {
  struct Demo {
    const char* name;
    const char* dept;
    bool at_station;
    const char* certificate;
    std::vector<std::string> items;
    const char* username;
  };
  const Demo demos[] = {
      {"赵执法", "JQS", true, "沪市监执2023-0001", {"SP-001", "JG-001", "GS-001"}, "inspector"},
      {"钱明", "JQS", true, "沪市监执2023-0002", {"SP-001", "YP-001", "GG-001"}, nullptr},
      {"孙丽", "NXS", true, "沪市监执2023-0003", {"SP-001", "JL-001", "JG-001"}, nullptr},
      {"李强", "NXS", true, "沪市监执2023-0004", {"TS-001", "ZL-001", "GS-001"}, nullptr},
      {"周敏", "MLS", true, "沪市监执2023-0005", {"SP-001", "YP-001", "JG-001"}, nullptr},
      {"吴磊", "MLS", true, "沪市监执2023-0006", {"TS-001", "JL-001", "GG-001"}, nullptr},
      {"郑伟", "ZFDD", false, "沪市监执2023-0007", {"GG-001", "JG-001", "ZL-001", "GS-001"}, nullptr},
      {"王芳", "ZFDD", false, "沪市监执2023-0008", {"SP-001", "YP-001", "TS-001"}, nullptr},
      {"冯刚", "LMD05", false, "沪公执2023-0009", {"SP-001", "GS-001"}, nullptr},
  };
  JG_ASSIGN_OR_RETURN(auto roster, store.ListInspectors({}));
  InspectionRegistryService registry(ServiceEnv{store, clock});
  std::cout << "\n演示执法检查人员 (demo inspectors):\n";
  for (const auto& d : demos) {
    auto dept = by_code.find(d.dept);
    if (dept == by_code.end()) continue;
    bool known = std::any_of(roster.begin(), roster.end(),
                             [&](const Inspector& i) { return i.certificate_no == d.certificate; });
    if (!known) {
      Inspector in;
      in.name = d.name;
      in.department_id = dept->second;
      if (d.at_station) in.station_id = dept->second;
      in.certificate_no = d.certificate;
      in.certificate_expires = "2027-12-31";
      in.qualified_items = d.items;
      if (d.username) {
        if (auto u = store.FindUserByUsername(d.username); u.ok()) in.user_id = u->id;
      }
      JG_RETURN_IF_ERROR(registry.CreateInspector(nullptr, in).status());
    }
    std::cout << "  " << d.certificate << "\t" << d.dept << "\t" << d.name << "\n";
  }
  return Status::Ok();
}

}  // namespace

int Migrate(const std::string& db) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  std::cout << "migrations applied (" << (*store)->BackendName() << ")\n";
  return kExitOk;
}

int UserAdd(const UserAddOptions& o) {
  auto store = OpenStore(o.db);
  if (!store.ok()) return Fail(store.status());
  std::string password = o.password;
  if (o.password_stdin) std::getline(std::cin, password);
  if (password.empty()) {
    return Fail(InvalidArgument("required", "请用 --password-stdin 或 --password 提供密码", "password"));
  }
  auto depts = (*store)->ListDepartments();
  if (!depts.ok()) return Fail(depts.status());
  Id dept = 0;
  for (const auto& d : *depts) {
    if (d.code == o.department_code) dept = d.id;
  }
  if (dept == 0) {
    return Fail(InvalidArgument("department_not_found", "部门代码不存在：" + o.department_code,
                                "department"));
  }
  SystemClock clock;
  UserService users(ServiceEnv{**store, clock});
  auto u = users.Create(nullptr, NewUser{o.username, o.display_name, password, o.role, dept});
  if (!u.ok()) return Fail(u.status());
  std::cout << "created user " << u->username << " (id " << u->id << ", " << RoleName(u->role)
            << ")\n";
  return kExitOk;
}

int AuditVerify(const std::string& db, bool json) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  SystemClock clock;
  AuditService audit(ServiceEnv{**store, clock});
  auto rep = audit.VerifyAsOperator();
  if (!rep.ok()) return Fail(rep.status());
  if (json) {
    std::cout << nlohmann::json{{"ok", rep->ok},
                                {"checked", rep->checked},
                                {"head_seq", rep->head_seq},
                                {"first_bad_seq", rep->first_bad_seq},
                                {"reason", rep->reason}}
                     .dump()
              << "\n";
  } else if (rep->ok) {
    std::cout << "audit chain OK: " << rep->checked << " entries, head seq " << rep->head_seq
              << "\n";
  } else {
    std::cout << "audit chain BROKEN at entry " << rep->first_bad_seq << ": " << rep->reason
              << " (" << rep->checked << " entries verified before it)\n";
  }
  return rep->ok ? kExitOk : kExitAuditBroken;
}

int Backup(const std::string& db, const std::string& file) {
  if (Status st = BackupDatabase(db, file); !st.ok()) return Fail(st);
  std::cout << "backup written to " << file << "\n";
  return kExitOk;
}

int Restore(const std::string& db, const std::string& file) {
  if (Status st = RestoreDatabase(db, file); !st.ok()) return Fail(st);
  // The restored database must carry an unbroken audit chain.
  std::cout << "restored from " << file << "; checking the audit chain\n";
  return AuditVerify(db, false);
}

int ImportDepartments(const std::string& db, const std::string& csv_path) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  SystemClock clock;
  int added = 0;
  if (Status st = ImportDepartmentsInto(**store, clock, csv_path, &added); !st.ok()) return Fail(st);
  std::cout << "departments added: " << added << "\n";
  return kExitOk;
}

int DemoInit(const std::string& db, const std::string& departments_csv,
             const std::string& entities_file) {
  auto store = OpenStore(db);
  if (!store.ok()) return Fail(store.status());
  SystemClock clock;
  int added = 0;
  if (Status st = ImportDepartmentsInto(**store, clock, departments_csv, &added); !st.ok())
    return Fail(st);
  auto depts = (*store)->ListDepartments();
  if (!depts.ok()) return Fail(depts.status());
  std::map<std::string, Id> by_code;
  for (const auto& d : *depts) by_code[d.code] = d.id;
  struct Demo {
    const char* username;
    const char* name;
    const char* role;
    const char* dept;
  };
  const Demo demos[] = {
      {"admin", "系统管理员", "admin", "JDSJ"},   {"leader", "王局长", "leader", "JDSJ"},
      {"legal", "法制科李审核", "legal", "FZK"}, {"jqstaff", "江桥所张科员", "staff", "JQS"},
      {"inspector", "江桥所赵执法", "inspector", "JQS"},
  };
  const std::string password = "Jianguan2024";
  UserService users(ServiceEnv{**store, clock});
  std::cout << "\n演示账号 (demo accounts), password for all: " << password << "\n";
  for (const auto& d : demos) {
    auto existing = (*store)->FindUserByUsername(d.username);
    if (!existing.ok()) {
      auto u = users.Create(nullptr, NewUser{d.username, d.name, password, d.role, by_code[d.dept]});
      if (!u.ok()) return Fail(u.status());
    }
    std::cout << "  " << d.username << "\t" << d.role << "\t" << d.name << "\n";
  }
  if (Status st = SeedDemoInspectors(**store, clock, by_code); !st.ok()) return Fail(st);
  if (!entities_file.empty()) {
    std::ifstream in(entities_file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    EntityService entities(ServiceEnv{**store, clock});
    auto rep = entities.ImportFile(nullptr, bytes.str(), false);
    if (!rep.ok()) return Fail(rep.status());
    if (!rep->applied) {
      std::cerr << EntityService::ErrorReportCsv(*rep);
      return Fail(InvalidArgument("import_refused", "演示主体文件有错误，未导入", "entities"));
    }
    std::cout << "\n演示市场主体 (demo entities): " << rep->inserted << " 新增, " << rep->updated
              << " 更新 (" << entities_file << ")\n";
  }
  std::cout << "\n";
  return kExitOk;
}

}  // namespace jg::cli
