// geotl: one binary, subcommands from the table in cli/command.h.
#include <algorithm>
#include <iostream>

#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace geotl::cli;
  CLI::App app{"geotl — geopolitical event timeline and knowledge database"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "geotl 0.1.0");
  std::vector<Command> cmds = Commands();
  std::sort(cmds.begin(), cmds.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const auto& c : cmds) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    runners.emplace_back(sub, c.setup(sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runners)
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        PrintError(std::string("internal error: ") + e.what());
        return kExitError;
      }
    }
  return kExitUsage;
}
