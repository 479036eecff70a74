// /api/v1/case-review-rounds (案卷抽查 rounds, their draw and score sheets),
// /api/v1/case-review-checklist and /api/v1/legal-advice-letters (法治建议书).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace jg::http {
using namespace jg::case_review;

namespace {

nlohmann::json DrawJson(const RoundDraw& d) {
  return {{"commitment_id", d.commitment_id},
          {"commitment_text", d.commitment_text},
          {"committed_at", d.committed_at},
          {"committed_by", d.committed_by},
          {"seed_hex", d.seed_hex},
          {"drawn", d.drawn()},
          {"drawn_at", d.drawn_at},
          {"drawn_by", d.drawn_by}};
}

nlohmann::json RoundJson(Services& s, const Actor& actor, const case_review::Round& r) {
  nlohmann::json j = {{"id", r.id},
                      {"year", r.year},
                      {"quarter", r.quarter},
                      {"name", r.name},
                      {"sample_mode", r.rule.by_percent ? "percent" : "count"},
                      {"sample_count", r.rule.count},
                      {"sample_percent", r.rule.percent},
                      {"sample_minimum", r.rule.minimum},
                      {"sample_rule_text", SampleRuleText(r.rule)},
                      {"status", RoundStatusName(r.status)},
                      {"cancel_reason", r.cancel_reason},
                      {"version", r.version},
                      {"created_at", r.created_at},
                      {"created_by", r.created_by},
                      {"updated_at", r.updated_at},
                      {"updated_by", r.updated_by}};
  auto d = s.case_reviews.DrawRecord(actor, r.id);
  j["draw"] = d.ok() ? DrawJson(*d) : nlohmann::json();
  nlohmann::json strata = nlohmann::json::array();
  if (d.ok()) {
    if (auto st = s.case_reviews.Strata(actor, r.id); st.ok()) {
      for (const auto& c : *st)
        strata.push_back({{"department_id", c.department_id},
                          {"department_code", c.department_code},
                          {"eligible", c.eligible},
                          {"sample_size", c.drawn}});
    }
  }
  j["strata"] = strata;
  return j;
}

nlohmann::json SampleJson(const Sample& x) {
  nlohmann::json scores = nlohmann::json::array(), findings = nlohmann::json::array();
  for (const auto& sc : x.scores)
    scores.push_back({{"item", sc.item}, {"points", sc.points}, {"note", sc.note}});
  for (const auto& f : x.findings) findings.push_back({{"item", f.item}, {"description", f.description}});
  return {{"id", x.id},
          {"round_id", x.round_id},
          {"case_id", x.case_id},
          {"case_key", x.case_key},
          {"case_number", x.case_number},
          {"party_name", x.party_name},
          {"department_id", x.department_id},
          {"closed_on", x.closed_on},
          {"position", x.position},
          {"scored", x.scored},
          {"reviewer", x.reviewer},
          {"reviewed_on", x.reviewed_on},
          {"scores", scores},
          {"findings", findings},
          {"total", x.total},
          {"grade", x.grade ? nlohmann::json(GradeName(*x.grade)) : nlohmann::json()},
          {"grade_label", x.grade ? nlohmann::json(GradeLabel(*x.grade)) : nlohmann::json()},
          {"version", x.version}};
}

nlohmann::json LetterJson(const Letter& l) {
  return {{"id", l.id},
          {"round_id", l.round_id ? nlohmann::json(*l.round_id) : nlohmann::json()},
          {"department_id", l.department_id},
          {"subject", l.subject},
          {"issues", l.issues},
          {"recommendations", l.recommendations},
          {"status", LetterStatusName(l.status)},
          {"number", l.number},
          {"issued_on", l.issued_on},
          {"responded_on", l.responded_on},
          {"measures", l.measures},
          {"version", l.version},
          {"created_at", l.created_at},
          {"created_by", l.created_by},
          {"updated_at", l.updated_at},
          {"updated_by", l.updated_by}};
}

Result<case_review::Round> RoundFrom(const std::string& body, const Settings& defaults) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  case_review::Round r;
  r.year = static_cast<int>(f.Int("year"));
  r.quarter = static_cast<int>(f.Int("quarter"));
  r.name = f.OptString("name").value_or("");
  std::string mode = f.OptString("sample_mode").value_or("percent");
  auto count = f.OptInt("sample_count");
  auto percent = f.OptInt("sample_percent");
  auto minimum = f.OptInt("sample_minimum");
  JG_RETURN_IF_ERROR(f.Finish());
  if (mode == "percent") {
    r.rule.by_percent = true;
    r.rule.percent = static_cast<int>(percent.value_or(defaults.default_sample_percent));
    r.rule.minimum = static_cast<int>(minimum.value_or(defaults.default_sample_minimum));
  } else if (mode == "count") {
    if (!count) return InvalidArgument("required", "请设定每个部门抽取的件数", "sample_count");
    r.rule.count = static_cast<int>(*count);
  } else {
    return InvalidArgument("invalid_sample_mode", "抽取方式须为 count 或 percent", "sample_mode");
  }
  return r;
}

Result<Sample> SheetFrom(const std::string& body) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  Sample s;
  s.version = f.Int("version");
  s.reviewer = f.String("reviewer");
  s.reviewed_on = f.String("reviewed_on");
  auto read_array = [&f](const char* name, auto&& each) {
    if (auto rows = f.OptObjectArray(name)) {
      for (std::size_t i = 0; i < rows->size(); ++i) {
        JsonFields g(*(*rows)[i]);
        each(g);
        f.Nested(std::string(name) + "[" + std::to_string(i) + "]", g.Finish());
      }
    }
  };
  read_array("scores", [&s](JsonFields& g) {
    ItemScore sc;
    sc.item = g.String("item");
    sc.points = static_cast<int>(std::clamp<std::int64_t>(g.Int("points"), -1, 1000000));
    sc.note = g.OptString("note").value_or("");
    s.scores.push_back(std::move(sc));
  });
  read_array("findings", [&s](JsonFields& g) {
    Finding fd;
    fd.item = g.String("item");
    fd.description = g.String("description");
    s.findings.push_back(std::move(fd));
  });
  JG_RETURN_IF_ERROR(f.Finish());
  return s;
}

Status VersionBody(const std::string& body, std::int64_t* version,
                   std::initializer_list<std::pair<const char*, std::string*>> strings) {
  auto j = ParseJsonObject(body);
  if (!j.ok()) return j.status();
  JsonFields f(*j);
  *version = f.Int("version");
  for (auto [name, out] : strings) *out = f.OptString(name).value_or("");
  return f.Finish();
}

Response DrawFileText(Id round_id, const RoundDraw& d) {
  Response out;
  out.content_type = "text/plain; charset=utf-8";
  out.body = d.drawn() ? d.draw_file : d.input_file;
  const std::string name = "case-review-" + std::to_string(round_id) +
                           (d.drawn() ? ".draw" : "-input.draw");
  out.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return out;
}

}  // namespace

void RegisterCaseReviewRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/case-review-checklist", Access::kSession, [&s](Request& req) {
    if (Status st = s.case_reviews.RequireRead(req.actor()); !st.ok()) return Error(st);
    const auto& rules = s.case_reviews.rules();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : rules.checklist.items)
      items.push_back({{"item", i.code},
                       {"label", i.label},
                       {"description", i.description},
                       {"max_points", i.max_points},
                       {"basis", i.basis},
                       {"to_confirm", i.to_confirm}});
    const auto& st = rules.settings;
    return Json(200, {{"items", items},
                      {"total_points", rules.checklist.TotalPoints()},
                      {"grades",
                       {{{"grade", "excellent"}, {"label", "优秀"}, {"min", st.excellent_min}},
                        {{"grade", "pass"}, {"label", "合格"}, {"min", st.pass_min}},
                        {{"grade", "fail"}, {"label", "不合格"}, {"min", 0}}}},
                      {"default_sample_percent", st.default_sample_percent},
                      {"default_sample_minimum", st.default_sample_minimum},
                      {"letter_number_pattern", st.letter_number.pattern},
                      {"to_confirm", true}});
  });

  r.Add("GET", "/api/v1/case-review-rounds", Access::kSession, [&s](Request& req) {
    std::optional<std::int64_t> year;
    if (Status st = IdQuery(req, "year", &year); !st.ok()) return Error(st);
    auto res = s.case_reviews.Rounds(req.actor(), year ? std::optional<int>(static_cast<int>(*year))
                                                       : std::nullopt);
    if (!res.ok()) return Error(res.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& x : *res) out.push_back(RoundJson(s, req.actor(), x));
    return Json(200, {{"items", out}});
  });

  r.Add("POST", "/api/v1/case-review-rounds", Access::kSession, [&s](Request& req) {
    if (Status st = s.case_reviews.RequireManage(req.actor()); !st.ok()) return Error(st);
    auto in = RoundFrom(req.body, s.case_reviews.rules().settings);
    if (!in.ok()) return Error(in.status());
    auto res = s.case_reviews.Create(req.actor(), std::move(in).value());
    if (!res.ok()) return Error(res.status());
    return Json(201, RoundJson(s, req.actor(), *res));
  });

  r.Add("GET", "/api/v1/case-review-rounds/{id}", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "round_not_found", "案卷抽查批次不存在");
    auto res = s.case_reviews.Round(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    return Json(200, RoundJson(s, req.actor(), *res));
  });

  using Step = std::function<Status(Request&, Id, std::int64_t, const std::string&)>;
  auto step = [&r, &s](const std::string& name, const char* extra, Step fn) {
    r.Add("POST", "/api/v1/case-review-rounds/{id}/" + name, Access::kSession,
          [&s, extra, fn](Request& req) {
            auto id = req.IdParam("id");
            if (!id) return Error(404, "round_not_found", "案卷抽查批次不存在");
            if (Status st = s.case_reviews.RequireManage(req.actor()); !st.ok()) return Error(st);
            std::int64_t v = 0;
            std::string text;
            Status st = extra ? VersionBody(req.body, &v, {{extra, &text}})
                              : VersionBody(req.body, &v, {});
            if (st.ok()) st = fn(req, *id, v, text);
            if (!st.ok()) return Error(st);
            auto round = s.case_reviews.Round(req.actor(), *id);
            if (!round.ok()) return Error(round.status());
            return Json(200, RoundJson(s, req.actor(), *round));
          });
  };
  step("commit", nullptr, [&s](Request& req, Id id, std::int64_t v, const std::string&) {
    return s.case_reviews.Commit(req.actor(), id, v).status();
  });
  step("draw", nullptr, [&s](Request& req, Id id, std::int64_t v, const std::string&) {
    return s.case_reviews.Draw(req.actor(), id, v).status();
  });
  step("cancel", "reason", [&s](Request& req, Id id, std::int64_t v, const std::string& reason) {
    return s.case_reviews.Cancel(req.actor(), id, v, reason).status();
  });

  r.Add("GET", "/api/v1/case-review-rounds/{id}/draw-file", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "round_not_found", "案卷抽查批次不存在");
    auto d = s.case_reviews.DrawRecord(req.actor(), *id);
    if (!d.ok()) return Error(d.status());
    return DrawFileText(*id, *d);
  });

  r.Add("GET", "/api/v1/case-review-rounds/{id}/samples", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "round_not_found", "案卷抽查批次不存在");
    auto res = s.case_reviews.Samples(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& x : *res) out.push_back(SampleJson(x));
    return Json(200, {{"items", out}});
  });

  r.Add("PUT", "/api/v1/case-review-rounds/{id}/samples/{sample_id}", Access::kSession,
        [&s](Request& req) {
          auto id = req.IdParam("id");
          auto sample = req.IdParam("sample_id");
          if (!id || !sample) return Error(404, "sample_not_found", "抽查案卷不存在");
          if (Status st = s.case_reviews.RequireManage(req.actor()); !st.ok()) return Error(st);
          auto in = SheetFrom(req.body);
          if (!in.ok()) return Error(in.status());
          auto res = s.case_reviews.Score(req.actor(), *id, *sample, std::move(in).value());
          if (!res.ok()) return Error(res.status());
          return Json(200, SampleJson(*res));
        });

  r.Add("GET", "/api/v1/legal-advice-letters", Access::kSession, [&s](Request& req) {
    auto res = s.case_reviews.Letters(req.actor());
    if (!res.ok()) return Error(res.status());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : *res) out.push_back(LetterJson(l));
    return Json(200, {{"items", out}});
  });

  r.Add("POST", "/api/v1/legal-advice-letters", Access::kSession, [&s](Request& req) {
    if (Status st = s.case_reviews.RequireManage(req.actor()); !st.ok()) return Error(st);
    auto j = ParseJsonObject(req.body);
    if (!j.ok()) return Error(j.status());
    JsonFields f(*j);
    Letter l;
    l.round_id = f.OptInt("round_id");
    l.department_id = f.Int("department_id");
    l.subject = f.String("subject");
    l.issues = f.String("issues");
    l.recommendations = f.String("recommendations");
    if (Status st = f.Finish(); !st.ok()) return Error(st);
    auto res = s.case_reviews.CreateLetter(req.actor(), std::move(l));
    if (!res.ok()) return Error(res.status());
    return Json(201, LetterJson(*res));
  });

  r.Add("POST", "/api/v1/legal-advice-letters/{id}/issue", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "letter_not_found", "法治建议书不存在");
    if (Status st = s.case_reviews.RequireManage(req.actor()); !st.ok()) return Error(st);
    std::int64_t v = 0;
    std::string on;
    if (Status st = VersionBody(req.body, &v, {{"issued_on", &on}}); !st.ok()) return Error(st);
    auto res = s.case_reviews.Issue(req.actor(), *id, v, on);
    if (!res.ok()) return Error(res.status());
    return Json(200, LetterJson(*res));
  });

  r.Add("POST", "/api/v1/legal-advice-letters/{id}/respond", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "letter_not_found", "法治建议书不存在");
    if (Status st = s.case_reviews.RequireManage(req.actor()); !st.ok()) return Error(st);
    std::int64_t v = 0;
    std::string on, measures;
    if (Status st = VersionBody(req.body, &v, {{"responded_on", &on}, {"measures", &measures}});
        !st.ok())
      return Error(st);
    auto res = s.case_reviews.Respond(req.actor(), *id, v, on, measures);
    if (!res.ok()) return Error(res.status());
    return Json(200, LetterJson(*res));
  });
}

}  // namespace jg::http
