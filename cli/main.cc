// geotl: one binary, subcommands from the table in cli/command.h.
#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/reporter.h"

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
    // Help and version on stdout; CLI11's usage message (lines ending in a
    // newline) through the reporter.
    std::ostringstream usage;
    int rc = app.exit(e, std::cout, usage);
    if (std::string text = usage.str(); !text.empty()) {
      if (text.back() == '\n') text.pop_back();
      Report().Info(text);
    }
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
