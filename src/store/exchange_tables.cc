// The tables of the exchange format, as data: which tables, in which order,
// by which key, and which are left out and why. docs/exchange-format.md
// describes the same list; tests/contract/exchange_contract_test.cc checks
// that it covers every table of the schema and is in dependency order.
#include "store/exchange.h"

namespace jg {

const std::vector<ExchangeTable>& ExchangeTables() {
  static const std::vector<ExchangeTable> kTables = {
      {"departments", "id", false, "", "部门树：局、科室、所、联席成员单位"},
      {"users", "id", false, "", "账号（含口令的 argon2id 哈希与登录锁定状态）"},
      {"audit_log", "pos", false, "", "审计日志：SM3 哈希链的每一条，按写入位置"},
      {"audit_head", "id", true, "", "审计链的链头（最后的序号与哈希）"},
      {"entities", "id", false, "name_fold", "检查对象名录库：市场主体"},
      {"entity_versions", "entity_id, version", false, "", "市场主体被取代的各个版本"},
      {"holding_kinds", "code", true, "", "持有物（许可证等）的种类"},
      {"holdings", "id", false, "", "许可证等持有物"},
      {"holding_attributes", "holding_id, key, value", false, "", "持有物的属性（如经营项目 含酒类）"},
      {"registrations", "id", false, "", "登记注册（新设、变更、注销）及办理服务点"},
      {"inspection_items", "id", true, "", "抽查事项清单"},
      {"inspection_item_versions", "item_id, version", true, "", "抽查事项的每一个保存版本"},
      {"inspectors", "id", false, "", "执法检查人员名录库"},
      {"inspector_qualifications", "inspector_id, item_code", false, "", "检查人员可承担的抽查事项"},
      {"inspector_conflicts", "inspector_id, credit_code", false, "", "检查人员申报的回避对象"},
      {"inspection_plans", "id", false, "", "双随机抽查计划"},
      {"plan_items", "plan_id, item_code", false, "", "计划的抽查事项"},
      {"plan_members", "plan_id, department_id", false, "", "部门联合抽查的参加单位"},
      {"plan_strata", "plan_id, stratum", false, "", "计划按风险分类的抽取数量或比例"},
      {"plan_draws", "plan_id", false, "", "计划的承诺与摇号（可验证抽取文件）"},
      {"plan_populations", "plan_id, stratum", false, "", "计划承诺时冻结的各风险分层可抽取主体数"},
      {"inspection_tasks", "id", false, "", "抽中的检查任务及结果"},
      {"task_result_history", "task_id, version", false, "", "检查结果的每一次录入与更正"},
      {"task_checklist", "task_id, position", false, "", "检查结果的检查要点结论"},
      {"task_inspectors", "task_id, position", false, "", "任务的检查人员（按顺序）"},
      {"task_attachments", "id", false, "", "检查结果的附件（照片、文件），撤回的也保留"},
      {"draw_recusals", "plan_id, n", false, "", "摇号后的回避与替换"},
      {"leads", "id", false, "", "案件线索"},
      {"lead_excluded_periods", "lead_id, position", false, "", "线索核查期限中扣除的期间"},
      {"cases", "id", false, "", "行政处罚案件（普通程序）"},
      {"case_officers", "case_id, position", false, "", "案件的办案人员"},
      {"case_excluded_periods", "case_id, position", false, "", "案件办理期限中扣除的期间"},
      {"case_events", "id", false, "", "案件的每一次程序流转"},
      {"document_sequences", "kind, doc_year", false, "", "文书编号计数器（每种文书每年一个）"},
      {"case_documents", "id", false, "", "已制作的执法文书（含 HTML）"},
      {"seized_items", "id", false, "", "涉案财物"},
      {"seized_item_movements", "id", false, "", "涉案财物的移动记录"},
      {"case_reviews", "id", false, "", "行政复议与行政诉讼"},
      {"credit_publicity", "id", false, "", "行政处罚信息公示"},
      {"credit_list_entries", "id", false, "", "经营异常名录与严重违法失信名单"},
      {"credit_repairs", "id", false, "", "信用修复申请"},
      {"summary_cases", "id", false, "", "简易程序当场处罚决定"},
      {"summary_case_officers", "summary_case_id, position", false, "", "简易程序的执法人员"},
      {"summary_number_counters", "year", false, "", "简易程序决定书编号计数器（每年一个）"},
      {"case_review_rounds", "id", false, "", "案卷抽查轮次"},
      {"case_review_draws", "round_id", false, "", "案卷抽查的承诺与摇号"},
      {"case_review_samples", "id", false, "", "抽中的案卷及评查结果"},
      {"case_review_scores", "sample_id, item", false, "", "评查表各项得分"},
      {"case_review_findings", "sample_id, position", false, "", "评查发现的问题"},
      {"legal_advice_letters", "id", false, "", "法治建议书"},
      {"lenient_rules", "id", false, "", "免罚清单：每条规则的现行版本"},
      {"lenient_rule_versions", "seq", false, "", "免罚规则的每一个保存版本（修改理由、修改人）"},
  };
  return kTables;
}

const std::vector<ExcludedTable>& ExchangeExcludedTables() {
  static const std::vector<ExcludedTable> kExcluded = {
      {"sessions", "登录会话：令牌哈希短期有效，迁移后所有人重新登录即可"},
      {"schema_migrations", "描述表结构而非记录；清单文件记录 schema_version，导入时须一致"},
      {"entity_name_postings", "名称检索索引，由 entities.name 推导，导入时重建"},
      {"entity_name_keys", "名称排序键，由 entities.name 推导，导入时重建"},
      {"entity_name_generation", "名称检索索引的版本号，随索引的每次写入重新抽取"},
      {"entity_tags", "标签检索索引，由 entities.tags 推导，导入时重建"},
      {"case_counts", "案件统计的计数，由触发器从 cases 推导，导入时随之生成"},
      {"inspection_counts", "双随机统计的计数，由触发器从 inspection_tasks 与 entities 推导，导入时随之生成"},
  };
  return kExcluded;
}

}  // namespace jg
