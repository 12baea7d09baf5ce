// Bearer-token authentication for the write endpoints of `geotl serve`.
// The token lives in a file (never on the command line, where `ps` shows it);
// comparison is constant-time. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace geotl::server {

// Reads the token from `path`: the file's content without surrounding
// whitespace. Errors: kIOError (unreadable), kInvalidArgument (empty token,
// or a token with inner whitespace / control characters).
core::Result<std::string> ReadTokenFile(const std::string& path);

enum class AuthOutcome {
  kOk,
  kUnauthorized,   // 401: header missing, not "Bearer", or wrong token
  kNotConfigured,  // 403: the server has no token, so it takes no writes
};

// Checks an Authorization header value against the configured token.
AuthOutcome CheckBearer(std::string_view authorization_header,
                        const std::optional<std::string>& token);

}  // namespace geotl::server
