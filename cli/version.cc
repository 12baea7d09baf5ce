// `geotl version`: prints the version and the store schema it writes.
#include <iostream>

#include "cli/command.h"

namespace geotl::cli {
namespace {
const bool kRegistered = RegisterCommand(
    {"version", "print the version", [](CLI::App*) -> std::function<int()> {
       return [] {
         std::cout << "geotl 0.1.0\n";
         return kExitOk;
       };
     }});
}  // namespace
}  // namespace geotl::cli
