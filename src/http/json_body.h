// Strict decoding of JSON request bodies: the body must be an object, every
// field must be known, every value of the right type. Errors name the field.
#pragma once

#include <cstdint>
#include <optional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/status.h"

namespace jg::http {

// Parses `body` (limit on nesting depth) into an object.
Result<nlohmann::json> ParseJsonObject(const std::string& body);

class JsonFields {
 public:
  explicit JsonFields(const nlohmann::json& obj) : obj_(obj) {}
  std::optional<std::string> OptString(const char* name);
  std::optional<std::int64_t> OptInt(const char* name);
  std::optional<bool> OptBool(const char* name);
  std::optional<std::vector<std::string>> OptStringArray(const char* name);
  std::optional<std::vector<std::int64_t>> OptIntArray(const char* name);
  std::optional<double> OptNumber(const char* name);  // integer or decimal
  // An object of string or string-array values: {"key": "v"} or {"key": ["v1", "v2"]}.
  std::optional<std::multimap<std::string, std::string>> OptStringMultimap(const char* name);
  // A nested object, to decode with its own JsonFields; nullptr if absent
  // (or of the wrong type: then an error is recorded).
  const nlohmann::json* OptObject(const char* name);
  // An array of objects; nullopt if absent or of the wrong type.
  std::optional<std::vector<const nlohmann::json*>> OptObjectArray(const char* name);
  // Records the error of a nested decoder, its field prefixed ("population.street").
  void Nested(const std::string& prefix, const Status& s);
  std::string String(const char* name);  // required
  std::int64_t Int(const char* name);    // required
  // Call last: the first error met, or unknown_field for any field not read.
  Status Finish() const;

 private:
  const nlohmann::json* Find(const char* name, bool required);
  void Fail(Status s) {
    if (error_.ok()) error_ = std::move(s);
  }
  const nlohmann::json& obj_;
  std::set<std::string> read_;
  Status error_;
};

}  // namespace jg::http
