// `geotl export [filters] --format ndjson|csv|geojson|timelinejs|es-bulk
// [--cap N] [--index NAME] [--title T] [--out-lang en|de]`: every matching
// event (no paging) in a format other tools load (timeline/export.h).
#include "timeline/export.h"

#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/events.h"

namespace geotl::cli {
namespace {

const bool kRegistered = RegisterCommand(
    {"export", "export matching events (ndjson|csv|geojson|timelinejs|es-bulk)",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       FilterFlags* f = AddFilterFlags(app);
       auto format = std::make_shared<std::string>();
       auto opt = std::make_shared<timeline::ExportOptions>();
       app->add_option("--format", *format,
                       "ndjson|csv|geojson|timelinejs|es-bulk")
           ->required()
           ->check(CLI::IsMember(
               {"ndjson", "csv", "geojson", "timelinejs", "es-bulk"}));
       app->add_option("--cap", opt->timeline_cap,
                       "timelinejs: at most N events, the most widely reported "
                       "(default 500)");
       app->add_option("--index", opt->es_index,
                       "es-bulk: target index (default geotl-events)");
       app->add_option("--title", opt->title, "timelinejs: title headline");
       app->add_option("--out-lang", opt->lang,
                       "timelinejs: en|de display dates")
           ->check(CLI::IsMember({"en", "de"}));
       return [=] {
         auto fmt = timeline::ParseExportFormat(*format);
         if (!fmt.ok()) return ReportQueryError(fmt.status());
         auto q = timeline::ParseQuery(FilterParams(*f));
         if (!q.ok()) return ReportQueryError(q.status());
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto sink = timeline::MakeExportSink(*fmt, *opt, &std::cout);
         core::Status st =
             timeline::ForEachEventRecord(*store, *q, [&](core::Event e) {
               sink->Add(e);
               return core::Status::Ok();
             });
         sink->Finish();
         if (!st.ok()) return ReportQueryError(st);
         return std::cout.good() ? kExitOk : kExitError;
       };
     }});

}  // namespace
}  // namespace geotl::cli
