#include <charconv>
#include <stdexcept>

#include "store/sql_connection.h"

namespace jg::sql {

std::int64_t Row::Int(size_t i) const {
  const auto& c = cols_.at(i);
  if (!c) return 0;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
  if (ec != std::errc() || p != c->data() + c->size()) {
    throw std::runtime_error("column " + std::to_string(i) + " is not an integer: " + *c);
  }
  return v;
}

std::optional<std::int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

}  // namespace jg::sql
