// Every API request body goes through ParseJsonObject and JsonFields.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  auto j = jg::http::ParseJsonObject(body);
  if (!j.ok()) return 0;
  jg::http::JsonFields f(*j);
  (void)f.OptString("username");
  (void)f.OptInt("version");
  (void)f.OptBool("disabled");
  (void)f.OptStringArray("tags");
  (void)f.OptStringMultimap("attributes");
  (void)f.Finish();
  return 0;
}
