#include "support/exchange_fixture.h"

#include <stdexcept>

#include "domain/sm3.h"
#include "service/department_service.h"
#include "service/user_service.h"
#include "support/credit_codes.h"

namespace jg::testing {
namespace {
using namespace jg::enforcement;

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.ok()) throw std::runtime_error(std::string(what) + ": " + r.status().ToString());
  return std::move(r).value();
}
void Must(const Status& s, const char* what) {
  if (!s.ok()) throw std::runtime_error(std::string(what) + ": " + s.ToString());
}
Date D(const char* s) { return Date::Parse(s).value(); }

// One audit entry for a store-level write, as the services append them.
void Audit(Store& store, const std::string& action, const std::string& kind, Id id) {
  Must(store.Transaction([&](Store& tx) -> Status {
    AuditEvent e;
    e.at = 1700000000 + id;
    e.actor_id = 1;
    e.actor = "admin";
    e.action = action;
    e.record_kind = kind;
    e.record_id = std::to_string(id);
    e.after_digest = Sm3Hex(kind + std::to_string(id));
    e.detail = R"({"note":"含逗号, 和 \"引号\""})";
    return tx.AppendAudit(e).status();
  }), "audit");
}

}  // namespace

void PopulateEveryKind(const TestStore& ts) {
  Store& s = *ts.store;
  ManualClock clock(1700000000);
  ServiceEnv env{s, clock, PasswordCost::Minimum()};
  DepartmentService depts(env);
  UserService users(env);
  Id bureau = Must(depts.Create(nullptr, {"JDSJ", "嘉定区市场监督管理局", "bureau", std::nullopt, "021-1234", "嘉定区, \"博乐路\" 1号"}), "bureau").id;
  Id jqs = Must(depts.Create(nullptr, {"JQS", "江桥市场监管所", "station", bureau, "", ""}), "jqs").id;
  Id fzk = Must(depts.Create(nullptr, {"FZK", "法制科", "section", bureau, "", "=SUM(A1)"}), "fzk").id;
  // A parent with a larger id than its child: the import must order the inserts.
  Id late = Must(depts.Create(nullptr, {"LMD", "联席成员单位", "member_unit", bureau, "", ""}), "late").id;
  Department moved = Must(s.GetDepartment(jqs), "get jqs");
  moved.parent_id = late;
  Must(s.UpdateDepartment(moved), "move jqs");
  Id admin = Must(users.Create(nullptr, {"admin", "管理员", "Jianguan2024", "admin", bureau}), "admin").id;
  Id inspector_user = Must(users.Create(nullptr, {"inspector", "赵执法", "Jianguan2024", "inspector", jqs}), "inspector").id;
  Must(s.SetLoginState(admin, 2, 1700000999), "login state");
  Must(s.InsertSession({"token-hash", admin, "csrf", 1, 2}), "session");

  Entity e;
  e.credit_code = ValidCreditCode(7);
  e.name = "上海江桥某某食品商店, \"有限\"公司";
  e.kind = EntityKind::kEnterprise;
  e.legal_representative = "-张三";
  e.address = "嘉定区江桥镇\r\n第二行";
  e.street = "江桥镇";
  e.station_id = jqs;
  e.industry = "F5223";
  e.registered_on = "2020-01-02";
  e.risk_class = RiskClass::kB;
  e.risk_classified_on = "2023-01-01";
  e.tags = {"重点监管", "食品"};
  e.updated_at = 1700000001;
  e.updated_by = "admin";
  Id ent = Must(s.InsertEntity(e, "test"), "entity");
  e.id = ent;
  e.name = "上海江桥某某食品商店";
  Must(s.UpdateEntity(e, "edit"), "entity update");
  Audit(s, "entity.create", "entity", ent);
  Entity e2;
  e2.credit_code = ValidCreditCode(8);
  e2.name = "  前后有空格  ";
  e2.kind = EntityKind::kIndividual;
  e2.updated_at = 5;
  Id ent2 = Must(s.InsertEntity(e2, "import"), "entity2");

  Holding h;
  h.kind = "food_operation_licence";
  h.identifier = "JY13101140000001";
  h.entity_id = ent;
  h.valid_from = "2023-01-01";
  h.valid_until = "";
  h.attributes = {{"business_items", "含酒类"}, {"business_items", "预包装食品"}, {"business_form", "食品销售经营者"}};
  h.updated_at = 2;
  Must(s.InsertHolding(h), "holding");
  Registration reg;
  reg.entity_id = ent;
  reg.service_point = "北虹桥企业登记注册服务点";
  reg.handled_on = "2023-03-04";
  reg.fully_electronic = true;
  reg.recorded_at = -86400;  // a negative integer must survive
  Must(s.InsertRegistration(reg), "registration");

  InspectionItem item;
  item.code = "SP-900";
  item.name = "测试事项";
  item.legal_basis = "《食品安全法》";
  item.department_id = fzk;
  item.target = "food_operation_licence";
  item.checklist = {"第一点", "第二点, 带逗号"};
  item.updated_at = 3;
  Id item_id = Must(s.InsertInspectionItem(item), "item");
  item.id = item_id;
  item.active = false;
  Must(s.UpdateInspectionItem(item), "item update");

  std::vector<Id> inspectors;
  for (int i = 0; i < 3; ++i) {
    Inspector in;
    if (i == 0) in.user_id = inspector_user;
    in.name = "检查员" + std::to_string(i);
    in.department_id = jqs;
    if (i != 2) in.station_id = jqs;
    in.certificate_no = "沪执-" + std::to_string(i);
    in.certificate_expires = "2027-12-31";
    in.available_from = i == 1 ? "2023-01-01" : "";
    in.qualified_items = {"SP-001", "SP-900"};
    in.updated_at = 4;
    inspectors.push_back(Must(s.InsertInspector(in), "inspector"));
  }
  Must(s.AddInspectorConflict(inspectors[1], {ValidCreditCode(7), "亲属", "2023-02-01"}), "conflict");

  InspectionPlan plan;
  plan.name = "2023年双随机抽查（第一批）";
  plan.year = 2023;
  plan.period_from = "2023-04-01";
  plan.period_to = "2023-06-30";
  plan.lead_department_id = jqs;
  plan.member_department_ids = {fzk};
  plan.item_codes = {"SP-001", "SP-900"};
  plan.population.kind = EntityKind::kEnterprise;
  plan.population.station_id = jqs;
  plan.strata = {{"B", true, 0, 50000}, {"", false, 3, 0}};
  plan.status = PlanStatus::kDrawn;
  plan.updated_at = 6;
  Id plan_id = Must(s.InsertPlan(plan), "plan");
  Must(s.InsertPlanDraw({plan_id, std::string(64, 'c'), "commitment\ntext", 7, "admin",
                         std::string(64, 'd'), "input,file", "", "", 0, ""}), "plan draw");
  Must(s.InsertPlanPopulation(plan_id, {{"", 3}, {"B", 1}}), "plan population");
  InspectionTask task;
  task.plan_id = plan_id;
  task.entity_id = ent;
  task.credit_code = ValidCreditCode(7);
  task.stratum = "B";
  task.inspector_ids = {inspectors[0], inspectors[1]};
  task.updated_at = 8;
  Id task_id = Must(s.InsertTask(task), "task");
  task = Must(s.GetTask(task_id), "get task");
  task.inspector_ids = {inspectors[0], inspectors[2]};
  task.status = TaskStatus::kDone;
  task.outcome = InspectionOutcome::kCaseFiled;
  task.findings = "发现过期食品\n已拍照";
  task.inspected_on = "2023-05-06";
  task.severity = FindingSeverity::kSerious;
  task.checklist = {{"SP-001", "是否建立进货查验记录", ChecklistAnswer::kNonconform},
                    {"SP-001", "是否有\"过期\"食品, 在售", ChecklistAnswer::kNotApplicable}};
  task.corrected_on = "2023-07-01";
  task.correction_note = "更正：检查日期录入有误，\"原为\"5月5日";
  Must(s.UpdateTask(task), "task update");
  Must(s.InsertTaskResult({task_id, 2, InspectionOutcome::kNoProblem, "", "2023-05-05", std::nullopt, 9, "inspector", ""}),
       "task result");
  Must(s.InsertTaskResult({task_id, 3, InspectionOutcome::kCaseFiled, task.findings, "2023-05-06",
                           FindingSeverity::kSerious, 10, "admin",
                           task.correction_note}),
       "task correction");
  Must(s.InsertRecusal(plan_id, 1, task_id, inspectors[1], inspectors[2], "回避", 9, "admin"), "recusal");
  // Bytes that break text handling: NUL, CR/LF, a quote, invalid UTF-8; one withdrawn.
  TaskAttachment photo;
  photo.task_id = task_id;
  photo.file_name = "现场, \"照片\".png";
  photo.content_type = "image/png";
  static const char kPhoto[] = "\x89PNG\r\n\x1A\n\0\0\r\n\"\xFF\xFE";
  photo.bytes = std::string(kPhoto, sizeof kPhoto - 1);
  photo.sm3 = Sm3Hex(photo.bytes);
  photo.uploaded_by = "inspector";
  photo.uploaded_at = 9;
  Id photo_id = Must(s.InsertTaskAttachment(photo), "attachment");
  Must(s.WithdrawTaskAttachment(photo_id, 10, "admin"), "attachment withdrawal");

  Lead lead;
  lead.source = LeadSource::kInspectionFinding;
  lead.inspection_task_id = task_id;
  lead.entity_id = ent;
  lead.credit_code = ValidCreditCode(7);
  lead.party_name = e.name;
  lead.description = "检查发现";
  lead.found_on = D("2023-05-06");
  lead.department_id = jqs;
  lead.excluded = {{"testing", D("2023-05-08"), D("2023-05-10")}};
  lead.status = LeadStatus::kFiled;
  lead.decided_on = D("2023-05-12");
  lead.updated_at = 10;
  Id lead_id = Must(s.InsertLead(lead), "lead");
  Lead lead2 = lead;
  lead2.source = LeadSource::kComplaint;
  lead2.inspection_task_id.reset();
  Id lead2_id = Must(s.InsertLead(lead2), "lead2");

  auto make_case = [&](Id l, int seq) {
    EnforcementCase c;
    c.case_year = 2023;
    c.case_seq = seq;
    c.case_number = "沪市监嘉处〔2023〕第" + std::to_string(seq) + "号";
    c.lead_id = l;
    c.entity_id = ent;
    c.credit_code = ValidCreditCode(7);
    c.party_name = e.name;
    c.department_id = jqs;
    c.filed_on = D("2023-05-12");
    c.officers = {{inspectors[0], {"检查员0", "沪执-0", D("2027-12-31")}},
                  {inspectors[2], {"检查员2", "沪执-2", D("2027-12-31")}}};
    c.excluded = {{"hearing", D("2023-06-01"), D("2023-06-05")}};
    c.violated = {"《中华人民共和国食品安全法》", "第三十四条"};
    c.facts = {{"first_violation", true}};
    c.decision_due = D("2023-08-10");
    c.updated_at = 11;
    return c;
  };
  EnforcementCase c1 = make_case(lead_id, 1);
  Id case_id = Must(s.InsertCase(c1), "case");
  c1 = Must(s.GetCase(case_id), "get case");
  Decision dec;
  dec.kind = DecisionKind::kPenalty;
  dec.decided_on = D("2023-07-01");
  dec.penalties = {PenaltyType::kFine, PenaltyType::kConfiscateIllegalGains};
  dec.fine = 5000000;
  dec.confiscated_gains = 1234;
  c1.decision = dec;
  c1.stage = CaseStage::kClosed;
  c1.decision_due.reset();
  Must(s.UpdateCase(c1), "case update");
  Id case2 = Must(s.InsertCase(make_case(lead2_id, 2)), "case2");
  // A case written before migration 0009 has NULL here, unlike "" (no period).
  RawSql(ts, "UPDATE cases SET decision_due = NULL WHERE id = " + std::to_string(case2));
  Must(s.InsertCaseEvent({0, case_id, CaseStage::kClue, CaseStage::kFiled, CaseAction::kFile,
                          D("2023-05-12"), "admin", "", 12}), "event");
  Must(s.InsertCaseEvent({0, case_id, CaseStage::kServed, CaseStage::kClosed, CaseAction::kClose,
                          D("2023-07-20"), "admin", "结案, \"备注\"", 13}), "event2");

  Must(s.Transaction([&](Store& tx) -> Status {
    CaseDocument d;
    d.case_id = case_id;
    d.kind = *ParseDocumentKind("penalty_decision");
    d.year = 2023;
    JG_ASSIGN_OR_RETURN(d.sequence, tx.NextDocumentSequence("penalty_decision", 2023));
    d.number = "沪市监嘉处罚〔2023〕" + std::to_string(d.sequence) + "号";
    d.generated_on = D("2023-07-01");
    d.generated_at = 14;
    d.generated_by = "legal";
    d.html = "<p class=\"a4\">决定书\r\n&amp; 第二行</p>";
    return tx.InsertCaseDocument(d).status();
  }), "document");
  SeizedItem si;
  si.case_id = case_id;
  si.name = "过期奶粉";
  si.quantity = "12.5";
  si.unit = "千克";
  si.location = "仓库";
  si.custodian = "张三";
  si.seized_on = D("2023-05-13");
  si.updated_at = 15;
  Id si_id = Must(s.InsertSeizedItem(si), "seized");
  Must(s.InsertSeizedItemMovement({0, si_id, MovementKind::kSentForTesting, D("2023-05-14"), "检测所", "李四", "送检", 16, "admin"}), "movement");
  CaseReview rv;
  rv.case_id = case_id;
  rv.kind = ReviewKind::kReconsideration;
  rv.filed_on = D("2023-08-01");
  rv.body = "嘉定区人民政府";
  rv.outcome = "upheld";
  rv.decided_on = D("2023-09-01");
  rv.updated_at = 17;
  Must(s.InsertCaseReview(rv), "review");

  credit::PublicityRecord pub;
  pub.case_id = case_id;
  pub.department_id = jqs;
  pub.entity_id = ent;
  pub.credit_code = ValidCreditCode(7);
  pub.party_name = e.name;
  pub.case_number = c1.case_number;
  pub.violated_law = "《中华人民共和国食品安全法》";
  pub.decision.decided_on = D("2023-07-01");
  pub.decision.penalties = {PenaltyType::kFine};
  pub.decision.fine = 5000000;
  pub.authority = "嘉定区市场监督管理局";
  pub.status = credit::PublicityStatus::kPublished;
  pub.published_on = D("2023-07-10");
  pub.updated_at = 18;
  Id pub_id = Must(s.InsertPublicity(pub), "publicity");
  credit::CreditListEntry cle;
  cle.entity_id = ent2;
  cle.list = credit::CreditList::kAbnormalOperation;
  cle.listed_on = D("2023-02-02");
  cle.reason = "未按期公示年报";
  cle.basis = "《企业信息公示暂行条例》";
  cle.updated_at = 19;
  Must(s.InsertCreditListEntry(cle), "list entry");
  credit::CreditRepair cr;
  cr.publicity_id = pub_id;
  cr.department_id = jqs;
  cr.applicant = "王经理";
  cr.applied_on = D("2023-11-01");
  cr.obligations_performed = true;
  cr.conditions = {{credit::RepairCondition::kMinimumPeriod, true, "自 2023-07-10 公示", "第六条"}};
  cr.updated_at = 20;
  Must(s.InsertCreditRepair(cr), "repair");

  Must(s.Transaction([&](Store& tx) -> Status {
    SummaryCase sc;
    JG_ASSIGN_OR_RETURN(sc.decision_seq, tx.NextSummarySequence(2023));
    sc.decision_year = 2023;
    sc.decision_number = "沪市监嘉简〔2023〕" + std::to_string(sc.decision_seq) + "号";
    sc.party_kind = PartyKind::kCitizen;
    sc.party_name = "李四";
    sc.department_id = jqs;
    sc.place = "江桥镇";
    sc.facts = "占道经营";
    sc.violated = {"《上海市市容环境卫生管理条例》", "第二十二条"};
    sc.penalties = {PenaltyType::kFine};
    sc.fine = 20000;
    sc.decided_on = D("2023-06-06");
    sc.officers = {{inspectors[0], {"检查员0", "沪执-0", D("2027-12-31")}},
                   {inspectors[1], {"检查员1", "沪执-1", D("2027-12-31")}}};
    sc.updated_at = 21;
    return tx.InsertSummaryCase(sc).status();
  }), "summary case");

  case_review::Round round;
  round.year = 2023;
  round.quarter = 3;
  round.name = "2023年第三季度抽查";
  round.rule = {true, 0, 10, 1};
  round.status = case_review::RoundStatus::kDrawn;
  round.created_at = round.updated_at = 22;
  round.created_by = "legal";
  Id round_id = Must(s.InsertReviewRound(round), "round");
  Must(s.InsertReviewDraw({round_id, std::string(64, 'e'), "commitment", 23, "legal",
                           std::string(64, 'f'), "input", "", "", 0, ""}), "round draw");
  case_review::Sample sample;
  sample.round_id = round_id;
  sample.case_id = case_id;
  sample.case_key = case_review::CaseKey(2023, 1);
  sample.department_id = jqs;
  sample.closed_on = "2023-07-20";
  sample.position = 1;
  sample.updated_at = 24;
  Id sample_id = Must(s.InsertReviewSample(sample), "sample");
  sample = Must(s.GetReviewSample(sample_id), "get sample");
  sample.scored = true;
  sample.reviewer = "张三";
  sample.reviewed_on = "2023-10-01";
  sample.scores = {{"evidence", 20, "缺少询问笔录"}, {"filing", 10, ""}};
  sample.findings = {{"evidence", "缺少询问笔录"}};
  sample.total = 30;
  sample.grade = case_review::Grade::kFail;
  Must(s.UpdateReviewSample(sample), "score sample");
  case_review::Letter letter;
  letter.round_id = round_id;
  letter.department_id = jqs;
  letter.subject = "法治建议书";
  letter.issues = "问题";
  letter.recommendations = "建议";
  letter.created_at = letter.updated_at = 25;
  letter.created_by = "legal";
  Id letter_id = Must(s.InsertLetter(letter), "letter");
  Must(s.InsertLetter(letter), "draft letter");  // stays a draft: number NULL
  letter = Must(s.GetLetter(letter_id), "get letter");
  letter.status = case_review::LetterStatus::kIssued;
  letter.number = "嘉市监法建〔2023〕1号";
  letter.letter_year = 2023;
  letter.letter_seq = 1;
  letter.issued_on = "2023-11-01";
  Must(s.UpdateLetter(letter), "issue letter");
  Audit(s, "letter.issue", "letter", letter_id);

  // A lenient rule as the legal department left it: created, then retired.
  LenientRuleVersion rule;
  rule.rule.id = "JD-01";
  rule.rule.list = "嘉定区局补充清单";
  rule.rule.provision = {"《中华人民共和国产品质量法》", "第二十七条"};
  rule.rule.conduct = "产品标识不规范，\"初次\"违法";
  rule.rule.conditions = {"first_violation", "corrected_in_time"};
  rule.rule.basis = "《中华人民共和国行政处罚法》第三十三条第一款";
  rule.edited_at = 26;
  rule.edited_by = "legal";
  rule.reason = "局务会审议通过";
  Must(s.SaveLenientRule(rule), "lenient rule");
  rule.version = 1;
  rule.rule.retired = true;
  rule.reason = "清单修订";
  Must(s.SaveLenientRule(rule), "retire lenient rule");
}

}  // namespace jg::testing
