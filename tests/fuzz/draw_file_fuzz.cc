// The draw verification file is published for anyone to download and check
// with `jianguan verify`: hostile files must give a named error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/draw/draw_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = jg::draw::ParseDrawFile(text);
  if (parsed.ok()) (void)jg::draw::VerifyDrawFile(text);
  return 0;
}
