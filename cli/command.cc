#include "cli/command.h"

#include <memory>

#include "cli/environment.h"
#include "cli/reporter.h"

namespace geotl::cli {
namespace {
std::vector<Command>& Table() {
  static std::vector<Command> table;
  return table;
}
}  // namespace

bool RegisterCommand(Command c) {
  Table().push_back(std::move(c));
  return true;
}

const std::vector<Command>& Commands() { return Table(); }

std::string* AddDbOption(CLI::App* app) {
  static std::vector<std::unique_ptr<std::string>> storage;
  const std::string& env = Env().db;
  storage.push_back(
      std::make_unique<std::string>(env.empty() ? "./geotl.db" : env));
  app->add_option("--db", *storage.back(),
                  "store directory (default $GEOTL_DB or ./geotl.db)");
  return storage.back().get();
}

void PrintError(const std::string& message) { Report().Error(message); }

}  // namespace geotl::cli
