// Rendering of the case documents and when each may be issued.
#include "domain/enforcement/case_document.h"

#include <sstream>

namespace jg::enforcement {
namespace {

Status NotApplicable(const std::string& title, const std::string& why, const std::string& field) {
  return FailedPrecondition("document_not_applicable", "不能制作" + title + "：" + why, field);
}

bool IsPenaltyKind(DecisionKind k) {
  return k == DecisionKind::kPenalty || k == DecisionKind::kReducedPenalty;
}

// 警告；罚款人民币 3,000.00 元（叁仟元整）；没收违法所得人民币 …
std::string PenaltyText(const Decision& d) {
  std::string out;
  for (PenaltyType t : d.penalties) {
    if (!out.empty()) out += "；";
    if (t == PenaltyType::kFine) {
      out += "罚款人民币 " + AmountInFigures(d.fine) + " 元（" + AmountInCapitals(d.fine) + "）";
    } else if (t == PenaltyType::kConfiscateIllegalGains) {
      out += "没收违法所得人民币 " + AmountInFigures(d.confiscated_gains) + " 元（" +
             AmountInCapitals(d.confiscated_gains) + "）";
    } else {
      out += PenaltyTypeLabel(t);
    }
  }
  return out;
}

std::string ProvisionText(const Provision& p) {
  if (p.law.empty()) return "";
  return p.law + p.article;
}

struct Html {
  std::ostringstream s;
  void Raw(std::string_view t) { s << t; }
  void Text(std::string_view t) { s << HtmlEscape(t); }
  // A paragraph of escaped text; line breaks kept.
  void Para(std::string_view t, std::string_view cls = "") {
    s << "<p" << (cls.empty() ? "" : " class=\"") << cls << (cls.empty() ? "" : "\"") << ">";
    for (char c : HtmlEscape(t)) {
      if (c == '\n') s << "<br>";
      else s << c;
    }
    s << "</p>\n";
  }
  void Row(std::string_view label, std::string_view value) {
    s << "<tr><th>" << HtmlEscape(label) << "</th><td>" << HtmlEscape(value) << "</td></tr>\n";
  }
};

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 25mm 26mm 25mm 28mm; }
html { background: #e8e8e8; }
body { margin: 0; color: #000; font-family: "SimSun", "Songti SC", "WenQuanYi Zen Hei", "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.8; }
.page { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 25mm 26mm 25mm 28mm; background: #fff; box-shadow: 0 0 6px rgba(0,0,0,.3); }
.bureau, h1 { font-family: "SimHei", "Heiti SC", "WenQuanYi Zen Hei", sans-serif; text-align: center; font-weight: normal; margin: 0; }
.bureau { font-size: 18pt; letter-spacing: .1em; }
h1 { font-size: 22pt; letter-spacing: .3em; margin: 4pt 0 8pt; }
.number { text-align: right; margin: 0 0 12pt; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.flush { text-indent: 0; }
h2 { font-family: "SimHei", "WenQuanYi Zen Hei", sans-serif; font-size: 14pt; font-weight: normal; margin: 10pt 0 2pt; }
table.form { width: 100%; border-collapse: collapse; margin: 6pt 0; }
table.form th, table.form td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: top; text-align: left; }
table.form th { width: 32%; font-weight: normal; font-family: "SimHei", "WenQuanYi Zen Hei", sans-serif; }
.seal { margin-top: 36pt; text-align: right; }
.seal p { text-indent: 0; text-align: right; }
.sign { height: 48pt; }
.toolbar { position: fixed; top: 10px; right: 16px; font-family: sans-serif; font-size: 11pt; }
.toolbar button { font-size: 12pt; padding: 4px 16px; cursor: pointer; }
.toolbar .confirm { color: #a15c00; margin-right: 8px; }
@media print {
  html { background: #fff; }
  .toolbar { display: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
)css";

void PartyBlock(Html& h, const DocumentInput& in) {
  const EnforcementCase& c = *in.record;
  h.Raw("<h2>当事人</h2>\n<table class=\"form\">\n");
  h.Row("名称（姓名）", c.party_name.empty() && in.party ? in.party->name : c.party_name);
  h.Row("统一社会信用代码", c.credit_code.empty() && in.party ? in.party->credit_code : c.credit_code);
  h.Row("住所（经营场所）", in.party ? in.party->address : "");
  h.Row("法定代表人（负责人、经营者）", in.party ? in.party->legal_representative : "");
  h.Raw("</table>\n");
}

void RemedyNotice(Html& h, const DocumentInput& in) {
  std::string text = "如不服本决定，";
  for (size_t i = 0; i < in.remedies.size(); ++i) {
    const LegalRemedy& r = in.remedies[i];
    if (i > 0) text += "；或者";
    text += "可以在" + r.start + std::to_string(r.length) + r.unit + "内向" + r.body + r.name +
            "（" + r.basis + "）";
  }
  h.Para(text + "。");
}

void Seal(Html& h, const DocumentInput& in, bool stamp) {
  h.Raw("<div class=\"seal\">\n");
  if (stamp) h.Para("（印章）");
  h.Para(in.bureau_name);
  h.Para(ChineseDate(in.issued_on));
  h.Raw("</div>\n");
}

std::string FactsOf(const DocumentInput& in) {
  return in.facts.empty() ? in.lead_description : in.facts;
}

void Approval(Html& h, const DocumentInput& in, bool closing) {
  const EnforcementCase& c = *in.record;
  h.Raw("<table class=\"form\">\n");
  h.Row("案件编号", c.case_number);
  h.Row("当事人", c.party_name);
  h.Row("统一社会信用代码", c.credit_code);
  h.Row("住所（经营场所）", in.party ? in.party->address : "");
  h.Row("法定代表人（负责人）", in.party ? in.party->legal_representative : "");
  h.Row("承办部门", in.department_name);
  std::string officers;
  for (const auto& o : c.officers) {
    if (!officers.empty()) officers += "；";
    officers += o.officer.name + "（执法证号 " + o.officer.certificate_no + "）";
  }
  h.Row("办案人员", officers);
  h.Row("案件来源及基本情况", FactsOf(in));
  h.Row("涉嫌违反的规定", ProvisionText(c.violated));
  h.Row("立案日期", ChineseDate(c.filed_on));
  if (closing) {
    std::string outcome;
    if (c.decision) {
      outcome = std::string(DecisionKindLabel(c.decision->kind));
      if (IsPenaltyKind(c.decision->kind)) outcome += "：" + PenaltyText(*c.decision);
      if (c.decision->kind == DecisionKind::kNoPenalty && in.lenient_rule)
        outcome += "（" + in.lenient_rule->basis + "）";
      if (c.decision->kind == DecisionKind::kTransferToPolice)
        outcome += "：移送" + c.decision->receiving_unit;
      if (c.decision->kind == DecisionKind::kWithdrawal) outcome += "：" + c.decision->reason;
      outcome += "（" + ChineseDate(c.decision->decided_on) + "）";
    }
    h.Row("处理决定", outcome);
    h.Row("送达日期", c.decision_served_on ? ChineseDate(*c.decision_served_on) : "");
    h.Row("执行情况", c.execution_completed ? "已执行完毕" : "");
    h.Row("结案理由", c.stage == CaseStage::kWithdrawn ? "撤销立案" : "案件已办理完毕，依法结案");
  }
  h.Raw("<tr><th>承办人意见</th><td class=\"sign\"></td></tr>\n");
  h.Raw("<tr><th>承办部门负责人意见</th><td class=\"sign\"></td></tr>\n");
  if (closing) h.Raw("<tr><th>法制机构意见</th><td class=\"sign\"></td></tr>\n");
  h.Raw("<tr><th>行政机关负责人意见</th><td class=\"sign\"></td></tr>\n");
  h.Raw("</table>\n");
}

}  // namespace

Status CheckDocumentApplicable(const DocumentInput& in) {
  const EnforcementCase& c = *in.record;
  const std::optional<Decision>& d = c.decision;
  switch (in.kind) {
    case DocumentKind::kFilingApproval:
      if (c.stage == CaseStage::kClue || c.stage == CaseStage::kNotFiled)
        return NotApplicable("立案审批表", "案件尚未立案", "stage");
      return Status::Ok();
    case DocumentKind::kPenaltyNotice: {
      const std::string title = "行政处罚告知书";
      if (c.stage == CaseStage::kFiled || c.stage == CaseStage::kInvestigation)
        return NotApplicable(title, "案件须先经法制审核（当前阶段：" +
                                        std::string(CaseStageLabel(c.stage)) + "）",
                             "stage");
      if (c.stage == CaseStage::kWithdrawn) return NotApplicable(title, "案件已撤销立案", "stage");
      if (d && !IsPenaltyKind(d->kind))
        return NotApplicable(title, "本案的处理决定是「" + std::string(DecisionKindLabel(d->kind)) +
                                        "」，不拟给予行政处罚",
                             "decision.kind");
      if (!d && in.intended_penalty.empty())
        return NotApplicable(title,
                             "请写明拟作出的行政处罚内容（《中华人民共和国行政处罚法》第四十四条）",
                             "intended_penalty");
      return Status::Ok();
    }
    case DocumentKind::kPenaltyDecision: {
      const std::string title = "行政处罚决定书";
      if (!d) return NotApplicable(title, "本案尚未作出处理决定", "decision");
      if (!IsPenaltyKind(d->kind))
        return NotApplicable(title, "本案的处理决定是「" + std::string(DecisionKindLabel(d->kind)) +
                                        "」，不是给予或者减轻行政处罚",
                             "decision.kind");
      if (in.legal_basis.empty())
        return NotApplicable(title, "请写明作出行政处罚的法律依据（处罚依据）", "legal_basis");
      return Status::Ok();
    }
    case DocumentKind::kNoPenaltyDecision: {
      const std::string title = "不予行政处罚决定书";
      if (!d) return NotApplicable(title, "本案尚未作出处理决定", "decision");
      if (d->kind != DecisionKind::kNoPenalty)
        return NotApplicable(title, "本案的处理决定是「" + std::string(DecisionKindLabel(d->kind)) +
                                        "」，不是不予行政处罚",
                             "decision.kind");
      return Status::Ok();
    }
    case DocumentKind::kClosingApproval:
      if (c.stage != CaseStage::kClosed && c.stage != CaseStage::kWithdrawn)
        return NotApplicable("结案审批表", "案件尚未结案（当前阶段：" +
                                             std::string(CaseStageLabel(c.stage)) + "）",
                             "stage");
      return Status::Ok();
  }
  return Status::Ok();
}

std::string RenderCaseDocument(const DocumentInput& in, const DocumentFormat& format) {
  const EnforcementCase& c = *in.record;
  Html h;
  h.Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  h.Text(format.title + " " + in.number);
  h.Raw("</title>\n<style>");
  h.Raw(kStyle);
  h.Raw("</style>\n<script src=\"/print-document.js\" defer></script>\n</head>\n<body>\n");
  h.Raw("<div class=\"toolbar\">");
  if (in.to_confirm) h.Raw("<span class=\"confirm\">文号格式待法制科核实</span>");
  h.Raw("<button type=\"button\" id=\"print\">打印</button></div>\n<div class=\"page\">\n");
  h.Raw("<div class=\"bureau\">");
  h.Text(in.bureau_name);
  h.Raw("</div>\n<h1>");
  h.Text(format.title);
  h.Raw("</h1>\n<div class=\"number\">");
  h.Text(in.number);
  h.Raw("</div>\n");

  const std::optional<Decision>& d = c.decision;
  switch (in.kind) {
    case DocumentKind::kFilingApproval:
      Approval(h, in, false);
      break;
    case DocumentKind::kClosingApproval:
      Approval(h, in, true);
      break;
    case DocumentKind::kPenaltyNotice: {
      PartyBlock(h, in);
      h.Raw("<h2>告知事项</h2>\n");
      h.Para("本局于" + ChineseDate(c.filed_on) + "对你（单位）涉嫌违法一案立案调查（案件编号：" +
             c.case_number + "）。经查：");
      h.Para(FactsOf(in));
      std::string violated = ProvisionText(c.violated);
      std::string intended = d && IsPenaltyKind(d->kind) ? PenaltyText(*d) : in.intended_penalty;
      std::string text = "你（单位）的上述行为";
      if (!violated.empty()) text += "违反了" + violated + "的规定";
      if (!in.legal_basis.empty()) text += "，依据" + in.legal_basis + "的规定";
      text += "，本局拟对你（单位）作出如下行政处罚：" + intended + "。";
      h.Para(text);
      h.Para("根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，"
             "你（单位）有权进行陈述和申辩；符合听证条件的，有权要求举行听证。请在收到本告知书之日起"
             "五个工作日内向本局提出，逾期视为放弃上述权利。");
      break;
    }
    case DocumentKind::kPenaltyDecision:
    case DocumentKind::kNoPenaltyDecision: {
      PartyBlock(h, in);
      h.Raw("<h2>违法事实</h2>\n");
      h.Para("本局于" + ChineseDate(c.filed_on) + "对你（单位）涉嫌违法一案立案调查（案件编号：" +
             c.case_number + "）。经查：");
      h.Para(FactsOf(in));
      std::string violated = ProvisionText(c.violated);
      if (!violated.empty()) h.Para("上述行为违反了" + violated + "的规定。");
      if (c.notice_served_on)
        h.Para("本局于" + ChineseDate(*c.notice_served_on) +
               "向你（单位）送达了行政处罚告知书，告知了拟作出行政处罚的事实、理由、依据及你（单位）"
               "依法享有的陈述、申辩和要求听证的权利。");
      h.Raw("<h2>处理决定</h2>\n");
      if (in.kind == DocumentKind::kPenaltyDecision && d) {
        std::string text;
        if (d->kind == DecisionKind::kReducedPenalty)
          text += "鉴于你（单位）符合" +
                  (in.lenient_rule ? in.lenient_rule->basis + "及" + in.lenient_rule->list + "（" +
                                         in.lenient_rule->id + "）"
                                   : d->reduction_ground) +
                  "规定的减轻行政处罚情形，";
        text += "依据" + in.legal_basis + "的规定，本局决定";
        if (d->kind == DecisionKind::kReducedPenalty) text += "减轻";
        text += "对你（单位）作出如下行政处罚：" + PenaltyText(*d) + "。";
        h.Para(text);
        if (d->fine > 0 || d->confiscated_gains > 0)
          h.Para("罚没款合计人民币 " + AmountInFigures(d->fine + d->confiscated_gains) + " 元（" +
                 AmountInCapitals(d->fine + d->confiscated_gains) +
                 "），请自收到本决定书之日起十五日内缴纳至指定银行或者通过电子支付系统缴纳。"
                 "到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》"
                 "第六十七条、第七十二条）。");
      } else if (d) {
        std::string text = "鉴于你（单位）";
        if (in.lenient_rule) text += in.lenient_rule->conduct.empty() ? "" : "的行为属于：" + in.lenient_rule->conduct + "，";
        text += "符合不予行政处罚的情形，依据";
        text += in.lenient_rule ? in.lenient_rule->basis : std::string("《中华人民共和国行政处罚法》第三十三条");
        if (in.lenient_rule) text += "及" + in.lenient_rule->list + "（" + in.lenient_rule->id + "）";
        text += "的规定，本局决定对你（单位）不予行政处罚。";
        h.Para(text);
      }
      h.Raw("<h2>救济途径</h2>\n");
      RemedyNotice(h, in);
      break;
    }
  }
  Seal(h, in, in.kind != DocumentKind::kFilingApproval && in.kind != DocumentKind::kClosingApproval);
  h.Raw("</div>\n</body>\n</html>\n");
  return h.s.str();
}

}  // namespace jg::enforcement
