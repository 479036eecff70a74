#include "service/auth_service.h"

#include <sodium.h>

#include "domain/sm3.h"
#include "service/audit_trail.h"
#include "service/records_json.h"

namespace jg {
namespace {
Status BadCredentials() {
  return Unauthenticated("invalid_credentials", "用户名或密码错误");
}
Actor ActorOf(const User& u) { return Actor{u.id, u.username, u.role, u.department_id}; }
}  // namespace

// Only failed sign-ins count against a client address: a whole office behind
// one NAT signs in every morning, a password guesser fails.
bool AuthService::ClientThrottled(const std::string& client) {
  std::lock_guard lock(mu_);
  const UnixSeconds now = env_.clock.Now();
  auto it = client_failures_.find(client);
  if (it == client_failures_.end()) return false;
  if (now - it->second.first >= policy_.client_window_seconds) {
    client_failures_.erase(it);
    return false;
  }
  return it->second.second >= policy_.failures_per_client;
}

void AuthService::NoteClientFailure(const std::string& client) {
  std::lock_guard lock(mu_);
  const UnixSeconds now = env_.clock.Now();
  if (client_failures_.size() > 100000) client_failures_.clear();  // bound memory under attack
  auto& [start, count] = client_failures_[client];
  if (count == 0 || now - start >= policy_.client_window_seconds) {
    start = now;
    count = 0;
  }
  ++count;
}

Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                       const std::string& client) {
  if (ClientThrottled(client)) {
    return ResourceExhausted("login_throttled", "登录尝试过于频繁，请稍后再试");
  }
  if (username.empty()) return InvalidArgument("required", "请输入用户名", "username");
  if (password.empty()) return InvalidArgument("required", "请输入密码", "password");
  auto found = env_.store.FindUserByUsername(username);
  if (!found.ok()) {
    if (found.status().code() != ErrorCode::kNotFound) return found.status();
    // Spend the same time as a real check so timing does not reveal usernames.
    static const std::string kDummy =
        HashPassword("jianguan-dummy-password-1", env_.password_cost).value();
    (void)VerifyPassword(password, kDummy);
    NoteClientFailure(client);
    return BadCredentials();
  }
  User user = std::move(found).value();
  const UnixSeconds now = env_.clock.Now();
  if (user.locked_until > now) {
    return ResourceExhausted("account_locked", "连续登录失败次数过多，账号已临时锁定，请 " +
                                                   std::to_string((user.locked_until - now + 59) / 60) +
                                                   " 分钟后再试");
  }
  if (!VerifyPassword(password, user.password_hash)) {
    NoteClientFailure(client);
    int failures = user.failed_logins + 1;
    UnixSeconds lock = 0;
    if (failures >= policy_.max_failures) {
      lock = now + policy_.lockout_seconds;
      failures = 0;
    }
    JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
      JG_RETURN_IF_ERROR(tx.SetLoginState(user.id, failures, lock));
      if (lock == 0) return Status::Ok();
      return AppendAudit(tx, env_.clock, nullptr,
                         {"user.lock", "user", std::to_string(user.id), "", "",
                          R"({"reason":"too_many_failures"})"});
    }));
    if (lock != 0) {
      return ResourceExhausted("account_locked", "连续登录失败次数过多，账号已临时锁定 " +
                                                     std::to_string(policy_.lockout_seconds / 60) +
                                                     " 分钟");
    }
    return BadCredentials();
  }
  if (user.disabled) return FailedPrecondition("account_disabled", "账号已停用，请联系系统管理员");

  LoginResult out;
  out.session_token = RandomToken();
  out.session.token_hash = Sm3Hex(out.session_token);
  out.session.user_id = user.id;
  out.session.csrf_token = RandomToken();
  out.session.created_at = now;
  out.session.expires_at = now + policy_.session_seconds;
  Actor actor = ActorOf(user);
  JG_RETURN_IF_ERROR(env_.store.Transaction([&](Store& tx) -> Status {
    if (user.failed_logins != 0 || user.locked_until != 0) {
      JG_RETURN_IF_ERROR(tx.SetLoginState(user.id, 0, 0));
    }
    JG_RETURN_IF_ERROR(tx.DeleteExpiredSessions(now));
    JG_RETURN_IF_ERROR(tx.InsertSession(out.session));
    return AppendAudit(tx, env_.clock, &actor,
                       {"session.login", "user", std::to_string(user.id), "", "", "{}"});
  }));
  out.user = std::move(user);
  return out;
}

Result<Authenticated> AuthService::Authenticate(const std::string& token) {
  if (token.empty()) return Unauthenticated("unauthenticated", "请先登录");
  auto s = env_.store.GetSession(Sm3Hex(token));
  if (!s.ok()) {
    if (s.status().code() == ErrorCode::kNotFound) return Unauthenticated("unauthenticated", "请先登录");
    return s.status();
  }
  if (s->expires_at <= env_.clock.Now()) {
    (void)env_.store.DeleteSession(s->token_hash);
    return Unauthenticated("session_expired", "登录已过期，请重新登录");
  }
  auto u = env_.store.GetUser(s->user_id);
  if (!u.ok()) return Unauthenticated("unauthenticated", "请先登录");
  if (u->disabled) return Unauthenticated("account_disabled", "账号已停用，请联系系统管理员");
  return Authenticated{ActorOf(*u), std::move(s).value(), std::move(u).value()};
}

Status AuthService::CheckCsrf(const Session& session, const std::string& presented) {
  if (presented.empty()) return PermissionDenied("csrf_missing", "请求缺少 CSRF 令牌，请刷新页面");
  if (presented.size() != session.csrf_token.size() ||
      sodium_memcmp(presented.data(), session.csrf_token.data(), presented.size()) != 0) {
    return PermissionDenied("csrf_invalid", "CSRF 令牌无效，请刷新页面");
  }
  return Status::Ok();
}

Status AuthService::Logout(const std::string& token) {
  auto auth = Authenticate(token);
  if (!auth.ok()) return Status::Ok();  // already out
  return env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.DeleteSession(auth->session.token_hash));
    return AppendAudit(tx, env_.clock, &auth->actor,
                       {"session.logout", "user", std::to_string(auth->actor.user_id), "", "", "{}"});
  });
}

Status AuthService::ChangePassword(const Actor& actor, const std::string& old_password,
                                   const std::string& new_password,
                                   const std::string& keep_session_token) {
  auto u = env_.store.GetUser(actor.user_id);
  if (!u.ok()) return u.status();
  if (!VerifyPassword(old_password, u->password_hash)) {
    return InvalidArgument("wrong_password", "原密码不正确", "old_password");
  }
  {
    Status s = ValidatePasswordStrength(new_password);
    if (!s.ok()) return InvalidArgument(s.reason(), s.message(), "new_password");
  }
  if (old_password == new_password) {
    return InvalidArgument("password_unchanged", "新密码不能与原密码相同", "new_password");
  }
  JG_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, env_.password_cost));
  User before = *u;
  User after = *u;
  after.password_hash = hash;
  const std::string keep = Sm3Hex(keep_session_token);
  return env_.store.Transaction([&](Store& tx) -> Status {
    JG_RETURN_IF_ERROR(tx.UpdateUser(after));
    JG_ASSIGN_OR_RETURN(Session kept, tx.GetSession(keep));
    JG_RETURN_IF_ERROR(tx.DeleteSessionsOfUser(actor.user_id));
    JG_RETURN_IF_ERROR(tx.InsertSession(kept));
    after.version += 1;
    return AppendAudit(tx, env_.clock, &actor,
                       {"user.password_change", "user", std::to_string(actor.user_id),
                        CanonicalJson(before), CanonicalJson(after), R"({"password":"changed"})"});
  });
}

}  // namespace jg
