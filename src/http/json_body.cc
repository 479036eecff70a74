#include "http/json_body.h"

#include "domain/utf8.h"

namespace jg::http {

namespace {
constexpr int kMaxDepth = 16;
struct TooDeep {};

// A NUL (\u0000) anywhere inside `j`: PostgreSQL text cannot hold one (libpq
// cuts the value there, so the record would differ from what was sent).
bool HasNul(const nlohmann::json& j) {
  if (j.is_string()) return j.get_ref<const std::string&>().find('\0') != std::string::npos;
  if (j.is_object()) {
    for (const auto& [k, v] : j.items())
      if (k.find('\0') != std::string::npos || HasNul(v)) return true;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (HasNul(v)) return true;
  }
  return false;
}
}  // namespace

Result<nlohmann::json> ParseJsonObject(const std::string& body) {
  if (!IsValidUtf8(body)) return InvalidArgument("invalid_utf8", "请求体不是有效的 UTF-8 文本");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
      if (depth > kMaxDepth) throw TooDeep{};
      return true;
    });
  } catch (const TooDeep&) {
    return InvalidArgument("json_too_deep", "请求体嵌套层次过深");
  } catch (const nlohmann::json::exception&) {
    return InvalidArgument("malformed_json", "请求体不是有效的 JSON");
  }
  if (!j.is_object()) return InvalidArgument("malformed_json", "请求体须为 JSON 对象");
  for (const auto& [k, v] : j.items()) {
    if (k.find('\0') != std::string::npos || HasNul(v))
      return InvalidArgument("invalid_character", "字段 " + k + " 含有空字符（\\u0000）", k);
  }
  return j;
}

const nlohmann::json* JsonFields::Find(const char* name, bool required) {
  read_.insert(name);
  auto it = obj_.find(name);
  if (it == obj_.end() || it->is_null()) {
    if (required) Fail(InvalidArgument("required", std::string("缺少字段 ") + name, name));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonFields::OptString(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为字符串", name));
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::int64_t> JsonFields::OptInt(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为整数", name));
    return std::nullopt;
  }
  return v->get<std::int64_t>();
}

std::optional<bool> JsonFields::OptBool(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为 true 或 false", name));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> JsonFields::OptStringArray(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  std::vector<std::string> out;
  bool ok = v->is_array();
  if (ok) {
    for (const auto& x : *v) {
      if (!x.is_string()) ok = false;
      else out.push_back(x.get<std::string>());
    }
  }
  if (!ok) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为字符串数组", name));
    return std::nullopt;
  }
  return out;
}

std::optional<std::multimap<std::string, std::string>> JsonFields::OptStringMultimap(
    const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  std::multimap<std::string, std::string> out;
  bool ok = v->is_object();
  if (ok) {
    for (const auto& [k, x] : v->items()) {
      if (x.is_string()) {
        out.emplace(k, x.get<std::string>());
      } else if (x.is_array()) {
        for (const auto& y : x) {
          if (!y.is_string()) ok = false;
          else out.emplace(k, y.get<std::string>());
        }
      } else {
        ok = false;
      }
    }
  }
  if (!ok) {
    Fail(InvalidArgument("invalid_type",
                         std::string("字段 ") + name + " 须为对象，值为字符串或字符串数组", name));
    return std::nullopt;
  }
  return out;
}

std::string JsonFields::String(const char* name) {
  if (!Find(name, true)) return {};
  return OptString(name).value_or("");
}

std::int64_t JsonFields::Int(const char* name) {
  if (!Find(name, true)) return 0;
  return OptInt(name).value_or(0);
}

std::optional<std::vector<std::int64_t>> JsonFields::OptIntArray(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  std::vector<std::int64_t> out;
  bool ok = v->is_array();
  if (ok) {
    for (const auto& x : *v) {
      if (!x.is_number_integer()) ok = false;
      else out.push_back(x.get<std::int64_t>());
    }
  }
  if (!ok) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为整数数组", name));
    return std::nullopt;
  }
  return out;
}

std::optional<double> JsonFields::OptNumber(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为数字", name));
    return std::nullopt;
  }
  return v->get<double>();
}

const nlohmann::json* JsonFields::OptObject(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return nullptr;
  if (!v->is_object()) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为对象", name));
    return nullptr;
  }
  return v;
}

std::optional<std::vector<const nlohmann::json*>> JsonFields::OptObjectArray(const char* name) {
  const auto* v = Find(name, false);
  if (!v) return std::nullopt;
  std::vector<const nlohmann::json*> out;
  bool ok = v->is_array();
  if (ok) {
    for (const auto& x : *v) {
      if (!x.is_object()) ok = false;
      else out.push_back(&x);
    }
  }
  if (!ok) {
    Fail(InvalidArgument("invalid_type", std::string("字段 ") + name + " 须为对象数组", name));
    return std::nullopt;
  }
  return out;
}

void JsonFields::Nested(const std::string& prefix, const Status& s) {
  if (s.ok()) return;
  Fail(Status(s.code(), s.reason(), s.message(), s.field().empty() ? prefix : prefix + "." + s.field()));
}

Status JsonFields::Finish() const {
  if (!error_.ok()) return error_;
  for (const auto& [key, value] : obj_.items()) {
    if (!read_.count(key)) return InvalidArgument("unknown_field", "未知字段 " + key, key);
  }
  return Status::Ok();
}

}  // namespace jg::http
