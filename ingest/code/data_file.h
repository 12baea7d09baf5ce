// Reading the coder's data files (triggers, cues, topic and confidence
// models, publishers): the whole file, then its parser; a parse error names
// the file. Pure functions; thread-safe.
#pragma once

#include <string>

#include "core/status.h"

namespace geotl::ingest::code {

// The file's bytes; NotFound when it cannot be opened (optional files).
core::Result<std::string> ReadDataFile(const std::string& path);

// ReadDataFile, then `parse(text)`; a parse error becomes Invalid, prefixed
// with the path.
template <typename T, typename Parse>
core::Result<T> LoadDataFile(const std::string& path, Parse parse) {
  ASSIGN_OR_RETURN(std::string text, ReadDataFile(path));
  core::Result<T> r = parse(text);
  if (!r.ok()) return core::Status::Invalid(path + ": " + r.status().message());
  return r;
}

}  // namespace geotl::ingest::code
