// Fuzz target: the query/filter parser. Input lines are "name=value"; every
// outcome must be a Query or an error naming a parameter.
#include <cstdint>
#include <string>
#include <string_view>

#include "timeline/query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  geotl::timeline::Params params;
  while (!in.empty()) {
    size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    params.emplace(std::string(line.substr(0, eq)),
                   std::string(line.substr(eq + 1)));
  }
  auto q = geotl::timeline::ParseQuery(params);
  if (!q.ok()) (void)geotl::timeline::ErrorParameter(q.status());
  return 0;
}
