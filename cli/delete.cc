// `geotl delete ARTICLE_ID …`: takes articles and their evidence out of the
// store (Store::DeleteArticle: the article, its events, their index entries
// and counts, in one write). An unknown id is reported and the others are
// still deleted; exit 1 if any id was unknown or a write failed.
#include <cstdio>

#include "cli/command.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

int Run(const std::string& db, const std::vector<std::string>& ids) {
  store::StoreOptions so;
  so.create_if_missing = false;
  auto store = store::Store::Open(db, so);
  if (!store.ok()) {
    const std::string& m = store.status().message();
    PrintError(m.substr(0, m.find('\n')));
    return kExitError;
  }
  int rc = kExitOk;
  size_t deleted = 0;
  for (const auto& id : ids) {
    core::Status st = (*store)->DeleteArticle(id);
    if (st.ok()) {
      ++deleted;
    } else if (st.code() == core::Code::kNotFound) {
      PrintError("no article '" + id + "' in the store");
      rc = kExitError;
    } else {
      PrintError("cannot delete '" + id + "': " + st.message());
      return kExitError;
    }
  }
  std::printf("deleted %zu article%s\n", deleted, deleted == 1 ? "" : "s");
  return rc;
}

const bool kRegistered = RegisterCommand(
    {"delete", "take articles and their events out of the store",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto ids = std::make_shared<std::vector<std::string>>();
       app->add_option("ids", *ids, "article ids")->required();
       return [=] { return Run(*db, *ids); };
     }});

}  // namespace
}  // namespace geotl::cli
