// `geotl counts [filters] --by day|week|month|year [--group type|actor|
// country|region] [--format table|json|csv]`: bucketed counts.
// --format json prints exactly the HTTP body of GET /v1/counts.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/api.h"
#include "timeline/export.h"

namespace geotl::cli {
namespace {

const bool kRegistered = RegisterCommand(
    {"counts", "count matching events per day, week, month or year",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       FilterFlags* f = AddFilterFlags(app);
       auto by = std::make_shared<std::string>();
       auto group = std::make_shared<std::string>();
       auto format = std::make_shared<std::string>("table");
       app->add_option("--by", *by, "day|week|month|year")->required();
       app->add_option("--group", *group, "type|actor|country|region");
       app->add_option("--format", *format, "table|json|csv")
           ->check(CLI::IsMember({"table", "json", "csv"}));
       return [=] {
         timeline::Params p = FilterParams(*f);
         p.emplace("by", *by);
         if (!group->empty()) p.emplace("group", *group);
         auto params = timeline::ParseCountsParams(p);
         if (!params.ok()) return ReportQueryError(params.status());
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto read = timeline::ReadCounts(*store, *params);
         if (!read.ok()) return ReportQueryError(read.status());
         const timeline::CountsResult* r = &read->value;
         if (*format == "json") {
           std::cout << read->body << "\n";
         } else if (*format == "csv") {
           std::cout << "time,key,count\r\n";
           for (const auto& row : r->rows)
             std::cout << row.time << "," << CsvTextCell(row.key) << ","
                       << row.count << "\r\n";
         } else {
           std::printf("%-10s  %-12s  %s\n", "TIME", "KEY", "COUNT");
           for (const auto& row : r->rows)
             std::printf("%-10s  %-12s  %llu\n", row.time.c_str(),
                         row.key.c_str(),
                         static_cast<unsigned long long>(row.count));
         }
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
