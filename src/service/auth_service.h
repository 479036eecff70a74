// Sign-in, sessions, CSRF tokens, lockout and throttling, password change.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "domain/accounts.h"
#include "service/service_env.h"

namespace jg {

struct LoginPolicy {
  int max_failures = 5;                // consecutive wrong passwords before a lock
  UnixSeconds lockout_seconds = 15 * 60;
  UnixSeconds session_seconds = 8 * 3600;  // one working day
  int failures_per_client = 20;        // failed sign-ins per client address per window
  UnixSeconds client_window_seconds = 5 * 60;
};

struct LoginResult {
  std::string session_token;  // the cookie value; only its SM3 is stored
  Session session;
  User user;
};

struct Authenticated {
  Actor actor;
  Session session;
  User user;
};

class AuthService {
 public:
  AuthService(ServiceEnv env, LoginPolicy policy = {}) : env_(env), policy_(policy) {}

  // Wrong username and wrong password give the same error (invalid_credentials).
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& client);
  // Resolves a session cookie; kUnauthenticated if missing, unknown, expired,
  // or the account was disabled since.
  Result<Authenticated> Authenticate(const std::string& session_token);
  // Constant-time comparison of the request's CSRF token with the session's.
  static Status CheckCsrf(const Session& session, const std::string& presented);
  Status Logout(const std::string& session_token);
  // Ends every other session of the user.
  Status ChangePassword(const Actor& actor, const std::string& old_password,
                        const std::string& new_password, const std::string& keep_session_token);

 private:
  bool ClientThrottled(const std::string& client);
  void NoteClientFailure(const std::string& client);

  ServiceEnv env_;
  LoginPolicy policy_;
  std::mutex mu_;
  std::map<std::string, std::pair<UnixSeconds, int>> client_failures_;  // window start, count
};

}  // namespace jg
