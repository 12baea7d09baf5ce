// `geotl lexicon import-petrarch FILE [--out F]`: converts a PETRARCH/TABARI
// (Phoenix) actor or agent dictionary into a geotl user lexicon. Without
// --out it writes <user lexicon dir>/<FILE stem>.json, where the recogniser
// finds it: $GEOTL_USER_LEXICONS (first entry), else
// $XDG_DATA_HOME/geotl/lexicons or ~/.local/share/geotl/lexicons.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/environment.h"
#include "cli/reporter.h"
#include "core/event_json.h"
#include "ingest/petrarch_import.h"

namespace geotl::cli {
namespace {

struct ImportFlags {
  std::string file, out;
};

int RunImport(const ImportFlags& f) {
  std::ifstream in(f.file);
  if (!in) {
    PrintError("cannot open " + f.file);
    return kExitError;
  }
  ingest::PetrarchImportStats stats;
  auto lex = ImportPetrarch(
      in, std::filesystem::path(f.file).filename().string(), &stats);
  if (!lex.ok()) {
    PrintError(lex.status().ToString());
    return kExitError;
  }
  std::string out = f.out;
  if (out.empty()) {
    std::filesystem::path dir = UserLexiconDir();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      PrintError("cannot create " + dir.string() + ": " + ec.message());
      return kExitError;
    }
    out = (dir / std::filesystem::path(f.file).stem()).string() + ".json";
  }
  std::string text =
      lex->dump(1, ' ', false, core::Json::error_handler_t::replace);
  if (out == "-") {
    std::cout << text << '\n';
  } else {
    std::ofstream o(out);
    o << text << '\n';
    if (!o) {
      PrintError("cannot write " + out);
      return kExitError;
    }
  }
  Report().Info("geotl: " + (*lex)["kind"].get<std::string>() + " lexicon " +
                (out == "-" ? "(stdout)" : out) + ": " +
                std::to_string(stats.actors) + " actors, " +
                std::to_string(stats.aliases) + " aliases, " +
                std::to_string(stats.roles) + " dated roles, " +
                std::to_string(stats.agents) + " agents, " +
                std::to_string(stats.skipped) + " unreadable lines skipped");
  return kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"lexicon", "manage user lexicons (import-petrarch)",
     [](CLI::App* app) -> std::function<int()> {
       auto f = std::make_shared<ImportFlags>();
       app->require_subcommand(1);
       CLI::App* imp = app->add_subcommand(
           "import-petrarch",
           "convert a PETRARCH/TABARI actor or agent dictionary into a user "
           "lexicon");
       imp->add_option("FILE", f->file, "Phoenix .actors.txt or agents file")
           ->required();
       imp->add_option("--out", f->out,
                       "output file ('-' = stdout; default: the user lexicon "
                       "directory, see docs/lexicons.md)");
       return [f, imp] {
         if (imp->parsed()) return RunImport(*f);
         return kExitUsage;
       };
     }});

}  // namespace
}  // namespace geotl::cli
