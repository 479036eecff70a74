#include "support/test_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "service/audit_service.h"
#include "service/department_service.h"
#include "service/user_service.h"
#include "service/enforcement_rules.h"
#include "service/work_calendar.h"

namespace jg::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

nlohmann::json HttpResult::json() const {
  return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

namespace {
http::ServerConfig TestConfig() {
  http::ServerConfig c;
  c.address = "127.0.0.1";
  c.port = 0;
  c.body_limit = 64 * 1024;
  c.read_timeout_seconds = 5;
  c.access_log = false;
  return c;
}
}  // namespace

struct TestServer::Wiring {
  ServiceEnv env;
  AuthService auth;
  UserService users;
  DepartmentService departments;
  AuditService audit;
  EntityService entities;
  HoldingService holdings;
  PortalService portal;
  InspectionRegistryService inspection;
  LenientRuleService lenient_rules;
  PlanService plans;
  CaseService cases;
  CaseReviewService case_reviews;
  CaseRecordsService case_records;
  CreditService credit;
  SummaryCaseService summary_cases;
  CaseStatsService case_stats;
  ReportService reports;
  DashboardService dashboard;
  http::Services services;
  http::Dispatcher dispatcher;
  http::Server server;
  Wiring(Store& s, const Clock& c, const std::string& web_root)
      : env{s, c, PasswordCost::Minimum()},
        auth(env),
        users(env),
        departments(env),
        audit(env),
        entities(env),
        holdings(env),
        portal(env),
        inspection(env),
        lenient_rules(env, BuiltInEnforcementRules()),
        plans(env, BuiltInWorkCalendar()),
        cases(env, BuiltInWorkCalendar(), BuiltInEnforcementRules(), lenient_rules),
        case_reviews(env, BuiltInCaseReviewRules()),
        case_records(env, BuiltInWorkCalendar(), BuiltInEnforcementRules(), BuiltInDocumentRules(),
                     lenient_rules),
        credit(env, BuiltInWorkCalendar(), BuiltInEnforcementRules(), BuiltInCreditRules()),
        summary_cases(env, BuiltInWorkCalendar(), BuiltInEnforcementRules()),
        case_stats(env, lenient_rules),
        reports(env, BuiltInReportFigures(), {plans, case_stats, credit, case_records, holdings}),
        dashboard(env, case_stats, cases),
        services{auth,   users,  departments,          audit,      entities, holdings,
                 portal, http::PortalLimits{}, inspection, plans,  cases, case_reviews, case_records,
                 credit, summary_cases, case_stats, lenient_rules, reports, dashboard},
        dispatcher(services, http::StaticFiles(web_root), LoginPolicy{}.session_seconds),
        server(TestConfig(), dispatcher) {}
};

TestServer::TestServer(const std::string& backend, const std::string& web_root) {
  ts_ = MakeTestStore(backend, &skip_);
  if (!ts_.store) return;
  w_ = std::make_unique<Wiring>(*ts_.store, clock_, web_root);
  auto mk = [&](const char* code, const char* name, const char* kind, std::optional<Id> parent) {
    auto d = w_->departments.Create(nullptr, {code, name, kind, parent, "", ""});
    if (!d.ok()) throw std::runtime_error(d.status().ToString());
    depts_[code] = d->id;
  };
  mk("JDSJ", "嘉定区市场监督管理局", "bureau", std::nullopt);
  mk("JQS", "江桥市场监管所", "station", depts_["JDSJ"]);
  mk("NXS", "南翔市场监管所", "station", depts_["JDSJ"]);
  mk("FZK", "法制科", "section", depts_["JDSJ"]);
  struct U {
    const char *u, *n, *r, *d;
  } users[] = {{"admin", "管理员", "admin", "JDSJ"},   {"leader", "局长", "leader", "JDSJ"},
               {"legal", "法制", "legal", "FZK"},      {"jqstaff", "江桥科员", "staff", "JQS"},
               {"inspector", "执法员", "inspector", "JQS"}};
  for (const auto& u : users) {
    auto r = w_->users.Create(nullptr, {u.u, u.n, "Jianguan2024", u.r, depts_[u.d]});
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
  }
  if (Status st = w_->server.Listen(); !st.ok()) throw std::runtime_error(st.ToString());
  port_ = w_->server.port();
  thread_ = std::thread([this] { w_->server.Run(); });
}

std::vector<std::pair<std::string, std::string>> TestServer::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : w_->dispatcher.router().routes()) out.emplace_back(r.method, r.pattern);
  return out;
}

TestServer::~TestServer() {
  if (!w_) return;
  w_->server.Stop();
  thread_.join();
}

HttpResult HttpClient::Request(const std::string& method, const std::string& target,
                               const std::string& body, std::map<std::string, std::string> headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  if (!session_cookie.empty()) req.set(bhttp::field::cookie, "jg_session=" + session_cookie);
  if (send_csrf && !csrf.empty()) req.set("X-CSRF-Token", csrf);
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  for (auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buf;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(method == "HEAD");
  bhttp::read(stream, buf, parser);
  auto& res = parser.get();
  HttpResult out;
  out.status = res.result_int();
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.headers[name] = std::string(f.value());
  }
  beast::error_code ec;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return out;
}

HttpResult HttpClient::Login(const std::string& username, const std::string& password) {
  auto r = Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  auto it = r.headers.find("set-cookie");
  if (r.status == 200 && it != r.headers.end()) {
    const std::string& c = it->second;
    size_t eq = c.find('='), semi = c.find(';');
    session_cookie = c.substr(eq + 1, semi - eq - 1);
    csrf = r.json()["csrf_token"].get<std::string>();
  }
  return r;
}

}  // namespace jg::testing
