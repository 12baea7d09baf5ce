// What geotl takes from its environment, read here and nowhere else: the
// libraries never read the environment, the commands pass these values in
// as options. A flag given on the command line wins over its variable.
// Read once, on first use; used only from main's thread.
#pragma once

#include <optional>
#include <string>

#include "ingest/coder.h"

namespace geotl::cli {

struct Environment {
  std::string db;        // $GEOTL_DB: the default --db
  std::string lexicons;  // $GEOTL_LEXICONS: the default --lexicons
  // $GEOTL_USER_LEXICONS (':'-separated files or directories of *.json);
  // nullopt when unset, "" (set empty) loads none.
  std::optional<std::string> user_lexicons;
  std::string xdg_data_home;  // $XDG_DATA_HOME
  std::string home;           // $HOME
  std::string locale_dir;     // $GEOTL_LOCALE_DIR: GeoNames name catalogues
  std::string static_dir;     // $GEOTL_STATIC: the default `serve --static`
  bool bulk_trace = false;    // $GEOTL_BULK_TRACE set: `load` timings
};
// Empty values count as unset, except $GEOTL_USER_LEXICONS and
// $GEOTL_BULK_TRACE.
const Environment& Env();

// Where user lexicons live: the first entry of $GEOTL_USER_LEXICONS if set,
// else $XDG_DATA_HOME/geotl/lexicons, else ~/.local/share/geotl/lexicons.
std::string UserLexiconDir();

// The lexicon root for a --lexicons flag: the flag, else $GEOTL_LEXICONS,
// else "" (the library's default: the installed lexicons).
std::string LexiconDir(const std::string& flag);

// Coder options for a --lexicons flag (LexiconDir) with the user lexicons
// and the GeoNames catalogues the environment names.
ingest::CoderOptions CoderOptionsFor(const std::string& lexicons_flag);

}  // namespace geotl::cli
