// DefaultLexiconDir(): where the lexicons are found (see ingest/recognizer.h).
#include <unistd.h>

#include <filesystem>
#include <string>

#include "ingest/recognizer.h"

namespace geotl::ingest {

std::string DefaultLexiconDir() {
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed =
        exe.parent_path().parent_path() / "share" / "geotl" / "lexicons";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
#ifdef GEOTL_LEXICON_DIR
  return GEOTL_LEXICON_DIR;
#else
  return "lexicons";
#endif
}

}  // namespace geotl::ingest
