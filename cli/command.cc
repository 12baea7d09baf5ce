#include "cli/command.h"

#include <cstdlib>
#include <iostream>
#include <memory>

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
  const char* env = std::getenv("GEOTL_DB");
  storage.push_back(
      std::make_unique<std::string>(env && *env ? env : "./geotl.db"));
  app->add_option("--db", *storage.back(),
                  "store directory (default $GEOTL_DB or ./geotl.db)");
  return storage.back().get();
}

void PrintError(const std::string& message) {
  std::cerr << "geotl: " << message << "\n";
}

}  // namespace geotl::cli
