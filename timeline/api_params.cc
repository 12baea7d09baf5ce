#include "timeline/api_params.h"

#include <algorithm>

namespace geotl::timeline {

core::Result<std::string> TakeOne(
    Params* p, const std::string& name, std::string fallback,
    std::initializer_list<std::string_view> allowed) {
  auto [lo, hi] = p->equal_range(name);
  if (lo == hi) return fallback;
  if (std::next(lo) != hi)
    return core::Status::Invalid(name + ": give it once");
  std::string v = lo->second;
  p->erase(lo);
  if (allowed.size() == 0) return v;
  std::string list;
  for (auto a : allowed) {
    if (a == v) return v;
    list += (list.empty() ? "" : "|") + std::string(a);
  }
  return core::Status::Invalid(name + ": '" + v + "' is not one of " + list);
}

core::Status NoneLeft(const Params& p, std::string_view what) {
  if (p.empty()) return core::Status::Ok();
  return core::Status::Invalid(p.begin()->first + ": unknown parameter (" +
                               std::string(what) + ")");
}

core::Result<uint64_t> ParseUnsigned(std::string_view name,
                                     std::string_view text) {
  if (text.empty() || text.size() > 19 ||
      !std::all_of(text.begin(), text.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return core::Status::Invalid(std::string(name) +
                                 ": not a non-negative integer: '" +
                                 std::string(text) + "'");
  return std::stoull(std::string(text));
}

core::Result<bool> ParseFlag(std::string_view name, std::string_view text) {
  if (text.empty() || text == "true" || text == "1" || text == "yes")
    return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return core::Status::Invalid(std::string(name) +
                               ": expected true or false, got '" +
                               std::string(text) + "'");
}

}  // namespace geotl::timeline
