#include "server/auth.h"

#include <fstream>
#include <sstream>

namespace geotl::server {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Compares without an early exit, so the time taken does not tell an attacker
// how long a prefix of the token they guessed right.
bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const size_t n = a.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char cb = i < b.size() ? b[i] : 0;
    diff |= static_cast<unsigned char>(a[i]) ^ cb;
  }
  return diff == 0;
}

}  // namespace

core::Result<std::string> ReadTokenFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::IOError("cannot read token file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string s = buf.str();
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  s = s.substr(b, e - b);
  if (s.empty())
    return core::Status::Invalid("token file " + path + " is empty");
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f)
      return core::Status::Invalid(
          "token in " + path + " contains whitespace or control characters");
  }
  return s;
}

AuthOutcome CheckBearer(std::string_view header,
                        const std::optional<std::string>& token) {
  if (!token || token->empty()) return AuthOutcome::kNotConfigured;
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size()) return AuthOutcome::kUnauthorized;
  // The scheme name is case-insensitive (RFC 7235).
  for (size_t i = 0; i < kScheme.size(); ++i) {
    char c = header[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    char k = kScheme[i];
    if (k >= 'A' && k <= 'Z') k = static_cast<char>(k - 'A' + 'a');
    if (c != k) return AuthOutcome::kUnauthorized;
  }
  std::string_view presented = header.substr(kScheme.size());
  while (!presented.empty() && presented.front() == ' ')
    presented.remove_prefix(1);
  while (!presented.empty() && IsSpace(presented.back()))
    presented.remove_suffix(1);
  return ConstantTimeEqual(presented, *token) ? AuthOutcome::kOk
                                              : AuthOutcome::kUnauthorized;
}

}  // namespace geotl::server
