// The reader flags `geotl ingest` and `geotl extract` share: --published,
// --lang and --source become the reader's overrides, so both commands read
// the same files the same way.
#pragma once

#include <string>

#include "core/status.h"
#include "ingest/reader.h"

namespace geotl::cli {

// An invalid --published date is an error naming the flag.
core::Result<ingest::ReaderOptions> ReaderOptionsFromFlags(
    const std::string& published, const std::string& lang,
    const std::string& source);

}  // namespace geotl::cli
