// `geotl checkpoint DIR`: a consistent copy of the store as of now
// (CheckpointStore, store/store.h; SST files hard-linked on the same file
// system), to be copied to other hosts and served with `geotl serve
// --read-only --db DIR`. Takes the write lock for the moment of the copy
// (docs/scale.md).
#include <string>

#include "cli/command.h"
#include "cli/reporter.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

int Run(const std::string& db, const std::string& dir) {
  store::StoreOptions o;
  o.create_if_missing = false;
  auto store = store::Store::Open(db, o);
  if (!store.ok()) {
    PrintError(store.status().message());
    return kExitError;
  }
  if (core::Status st = CheckpointStore(**store, dir); !st.ok()) {
    PrintError(st.message());
    return kExitError;
  }
  Report().Info("checkpoint of " + db + " at sequence " +
                std::to_string((*store)->Sequence()) + " in " + dir);
  return kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"checkpoint",
     "write a consistent copy of the store (for serve --read-only)",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto dir = std::make_shared<std::string>();
       app->add_option("dir", *dir, "new folder for the copy")->required();
       return [=] { return Run(*db, *dir); };
     }});

}  // namespace
}  // namespace geotl::cli
