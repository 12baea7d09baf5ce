#include "cli/reader_flags.h"

#include "core/date_range.h"

namespace geotl::cli {

core::Result<ingest::ReaderOptions> ReaderOptionsFromFlags(
    const std::string& published, const std::string& lang,
    const std::string& source) {
  ingest::ReaderOptions ro;
  if (!published.empty()) {
    auto d = core::ParsePublished(published);
    if (!d.ok())
      return core::Status::Invalid("--published: " + d.status().message());
    ro.overrides.published = *d;
  }
  ro.overrides.language = lang == "auto" ? "" : lang;
  ro.overrides.source = source;
  return ro;
}

}  // namespace geotl::cli
