// SM3 (GB/T 32905-2016) through OpenSSL 3's EVP interface: the hash of the
// audit chain, of session tokens, and later of draw commitments.
#pragma once

#include <string>
#include <string_view>

namespace jg {

// Lower-case hex of SM3(data): 64 characters.
std::string Sm3Hex(std::string_view data);

}  // namespace jg
