// Reader for GNU gettext .mo catalogues (the binary format: magic,
// string tables of original and translated strings). Used for the GeoNames
// name catalogues. Pure; thread-safe.
#pragma once

#include <string>
#include <unordered_map>

#include "core/status.h"

namespace geotl::geo {

// msgid -> msgstr of every non-empty entry of the .mo file at `path`.
core::Result<std::unordered_map<std::string, std::string>> ReadMoFile(
    const std::string& path);

}  // namespace geotl::geo
