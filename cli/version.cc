// `geotl version [--lexicons DIR]`: prints the program version and the
// version of the coder it would run (Coder::Version(): the hash of the
// lexicons and the coder's rules; events carry it as `coder`).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/environment.h"
#include "ingest/coder.h"

namespace geotl::cli {
namespace {
const bool kRegistered = RegisterCommand(
    {"version", "print the version and the coder version",
     [](CLI::App* app) -> std::function<int()> {
       auto lexicons = std::make_shared<std::string>();
       app->add_option("--lexicons", *lexicons,
                       "lexicon root (default: the installed lexicons)");
       return [lexicons] {
         std::cout << "geotl 0.1.0\n";
         auto v = CoderVersion(CoderOptionsFor(*lexicons));
         if (!v.ok()) {
           std::cout.flush();
           PrintError("coder version: " + v.status().message());
           return kExitError;
         }
         std::cout << "coder " << *v << "\n";
         return kExitOk;
       };
     }});
}  // namespace
}  // namespace geotl::cli
