// `geotl check`: verifies index -> event, event -> index, articles and
// counters; prints every problem and exits 1 if there is any.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"

namespace geotl::cli {
namespace {

const bool kRegistered = RegisterCommand(
    {"check", "verify the store's indexes and counters",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       return [=] {
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto problems = store->Check();
         if (!problems.ok()) {
           PrintError(problems.status().message());
           return kExitError;
         }
         for (const auto& p : *problems) std::cout << p << "\n";
         if (!problems->empty()) {
           PrintError("store is inconsistent: " +
                      std::to_string(problems->size()) + " problem(s)");
           return kExitError;
         }
         std::cout << "ok\n";
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
