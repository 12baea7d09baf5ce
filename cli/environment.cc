#include "cli/environment.h"

#include <cstdlib>

namespace geotl::cli {
namespace {

// The variable's value; "" when unset.
std::string Var(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

Environment Read() {
  Environment e;
  e.db = Var("GEOTL_DB");
  e.lexicons = Var("GEOTL_LEXICONS");
  if (const char* v = std::getenv("GEOTL_USER_LEXICONS")) e.user_lexicons = v;
  e.xdg_data_home = Var("XDG_DATA_HOME");
  e.home = Var("HOME");
  e.locale_dir = Var("GEOTL_LOCALE_DIR");
  e.static_dir = Var("GEOTL_STATIC");
  e.bulk_trace = std::getenv("GEOTL_BULK_TRACE") != nullptr;
  return e;
}

}  // namespace

const Environment& Env() {
  static const Environment env = Read();
  return env;
}

std::string UserLexiconDir() {
  const Environment& e = Env();
  if (e.user_lexicons && !e.user_lexicons->empty())
    return e.user_lexicons->substr(0, e.user_lexicons->find(':'));
  if (!e.xdg_data_home.empty()) return e.xdg_data_home + "/geotl/lexicons";
  return (e.home.empty() ? "." : e.home) + "/.local/share/geotl/lexicons";
}

std::string LexiconDir(const std::string& flag) {
  return flag.empty() ? Env().lexicons : flag;
}

ingest::CoderOptions CoderOptionsFor(const std::string& lexicons_flag) {
  ingest::CoderOptions o;
  o.recognizer.lexicon_dir = LexiconDir(lexicons_flag);
  // Set (even empty): exactly its entries; unset: the default directory.
  if (Env().user_lexicons)
    o.recognizer.user_lexicon_path = *Env().user_lexicons;
  else
    o.recognizer.user_lexicon_dir = UserLexiconDir();
  o.recognizer.locale_dir = Env().locale_dir;
  return o;
}

}  // namespace geotl::cli
