// `geotl stats [--format table|json]`: what the store holds. The JSON form is
// exactly {articles, events, by_type, first_date, last_date} (no clock
// values: the same store prints the same bytes). Negated events are not
// counted. The object is the `data` of GET /v1/stats (timeline/api.h).
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/api.h"

namespace geotl::cli {
namespace {

const bool kRegistered = RegisterCommand(
    {"stats", "counts of stored articles and events",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto format = std::make_shared<std::string>("table");
       app->add_option("--format", *format, "table|json")
           ->check(CLI::IsMember({"table", "json"}));
       return [=] {
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto read = timeline::ReadStats(*store, timeline::StatsParams{});
         if (!read.ok()) {
           PrintError(read.status().message());
           return kExitError;
         }
         const store::StoreStats* s = &read->value;
         if (*format == "json") {
           std::cout << timeline::DumpBody(timeline::StatsData(*s)) << "\n";
           return kExitOk;
         }
         std::printf("articles    %llu\nevents      %llu\n",
                     static_cast<unsigned long long>(s->articles),
                     static_cast<unsigned long long>(s->events));
         std::printf(
             "first date  %s\nlast date   %s\n",
             s->first_date ? core::FormatDate(*s->first_date).c_str() : "-",
             s->last_date ? core::FormatDate(*s->last_date).c_str() : "-");
         for (const auto& [t, n] : s->by_type)
           std::printf("  %-10s %llu\n", t.c_str(),
                       static_cast<unsigned long long>(n));
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
