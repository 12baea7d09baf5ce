// `geotl brief [filters] [--format md|html|txt] [--out-lang en|de]
// [--changes] [--out FILE]`: the chronological briefing of the matching
// events, read by timeline::ReadBriefing as GET /v1/briefing reads it (the
// text printed here is the body's data.text). --changes adds the change
// against the previous period of the same length (--from/--to, else the 7
// days ending at the latest event).
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/api.h"

namespace geotl::cli {
namespace {

const bool kRegistered = RegisterCommand(
    {"brief", "a chronological briefing of matching events (md|html|txt)",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       FilterFlags* f = AddFilterFlags(app);
       auto format = std::make_shared<std::string>("md");
       auto lang = std::make_shared<std::string>("en");
       auto out = std::make_shared<std::string>();
       auto changes = std::make_shared<bool>(false);
       app->add_option("--format", *format, "md|html|txt (default md)")
           ->check(CLI::IsMember({"md", "html", "txt"}));
       app->add_option("--out-lang", *lang, "en|de (default en)")
           ->check(CLI::IsMember({"en", "de"}));
       app->add_flag("--changes", *changes,
                     "add the change against the previous period (by type)");
       app->add_option("--out", *out, "write to FILE instead of stdout");
       return [=] {
         timeline::Params p = FilterParams(*f);
         p.emplace("format", *format);
         p.emplace("out-lang", *lang);
         if (*changes) p.emplace("changes", "true");
         auto params = timeline::ParseBriefingParams(p);
         if (!params.ok()) return ReportQueryError(params.status());
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto read = timeline::ReadBriefing(*store, *params);
         if (!read.ok()) return ReportQueryError(read.status());
         const std::string& text = read->value;
         if (out->empty()) {
           std::cout << text;
           return std::cout.good() ? kExitOk : kExitError;
         }
         std::ofstream file(*out, std::ios::binary);
         file << text;
         if (!file.good()) {
           PrintError("cannot write " + *out);
           return kExitError;
         }
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
