// `geotl stats [--format table|json]`: what the store holds. The JSON form is
// exactly {articles, events, by_type, first_date, last_date} (no clock
// values: the same store prints the same bytes). Negated events are not
// counted.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "core/event_json.h"

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
         auto s = store->Stats();
         if (!s.ok()) {
           PrintError(s.status().message());
           return kExitError;
         }
         if (*format == "json") {
           Json j;
           j["articles"] = s->articles;
           j["events"] = s->events;
           Json bt = Json::object();
           for (const auto& [t, n] : s->by_type) bt[t] = n;
           j["by_type"] = bt;
           j["first_date"] =
               s->first_date ? Json(FormatDate(*s->first_date)) : Json(nullptr);
           j["last_date"] =
               s->last_date ? Json(FormatDate(*s->last_date)) : Json(nullptr);
           std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace)
                     << "\n";
           return kExitOk;
         }
         std::printf("articles    %llu\nevents      %llu\n",
                     static_cast<unsigned long long>(s->articles),
                     static_cast<unsigned long long>(s->events));
         std::printf("first date  %s\nlast date   %s\n",
                     s->first_date ? FormatDate(*s->first_date).c_str() : "-",
                     s->last_date ? FormatDate(*s->last_date).c_str() : "-");
         for (const auto& [t, n] : s->by_type)
           std::printf("  %-10s %llu\n", t.c_str(),
                       static_cast<unsigned long long>(n));
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
