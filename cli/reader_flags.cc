#include "cli/reader_flags.h"

#include "core/date_range.h"

namespace geotl::cli {

Result<ReaderOptions> ReaderOptionsFromFlags(const std::string& published,
                                             const std::string& lang,
                                             const std::string& source) {
  ReaderOptions ro;
  if (!published.empty()) {
    auto d = ParsePublished(published);
    if (!d.ok()) return Status::Invalid("--published: " + d.status().message());
    ro.overrides.published = *d;
  }
  ro.overrides.language = lang == "auto" ? "" : lang;
  ro.overrides.source = source;
  return ro;
}

}  // namespace geotl::cli
