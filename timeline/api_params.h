// Internal to timeline/: the small parameter readers of the read API
// (timeline/api.h). Every error is kInvalidArgument "<parameter>: <reason>",
// so ErrorParameter names the parameter. Pure functions; thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/status.h"
#include "timeline/query.h"

namespace geotl::timeline {

// Takes parameter `name` out of `*p`: `fallback` when absent; an error when
// given more than once or, with `allowed` non-empty, not one of them.
core::Result<std::string> TakeOne(
    Params* p, const std::string& name, std::string fallback,
    std::initializer_list<std::string_view> allowed);
// An error naming the first parameter left in `p` ("x: unknown parameter
// (<what>)"); Ok when none is left.
core::Status NoneLeft(const Params& p, std::string_view what);
// A non-negative decimal integer (at most 19 digits).
core::Result<uint64_t> ParseUnsigned(std::string_view name,
                                     std::string_view text);
// true|1|yes|"" or false|0|no.
core::Result<bool> ParseFlag(std::string_view name, std::string_view text);

}  // namespace geotl::timeline
