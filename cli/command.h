// The subcommand table (ninja-style): each cli/<name>.cc registers one
// Command at static-initialisation time; main() builds the CLI11 app from the
// table. Setup adds the subcommand's flags to `app` and returns the function
// that runs it, returning the process exit code (kExit*). Not thread-safe;
// used only from main.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace geotl::cli {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRejected = 3;  // done, but some input was rejected

struct Command {
  std::string name;
  std::string help;
  std::function<std::function<int()>(CLI::App* app)> setup;
};

bool RegisterCommand(Command c);
const std::vector<Command>& Commands();

// Adds --db to `app`; the default is $GEOTL_DB, else ./geotl.db.
// The returned pointer stays valid for the life of the program.
std::string* AddDbOption(CLI::App* app);

// Reports the command-level error "geotl: <message>" (Reporter::Error,
// cli/reporter.h).
void PrintError(const std::string& message);

}  // namespace geotl::cli
