// `geotl counts [filters] --by day|week|month|year|place [--group type|actor|
// country|region] [--format table|json|csv]`: bucketed counts, or counts per
// place (--by place; timeline/place_counts.h). --format json prints exactly
// the HTTP body of GET /v1/counts.
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/api.h"
#include "timeline/export.h"

namespace geotl::cli {
namespace {

std::string Coordinate(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4f", *v);
  return buf;
}

void PrintPlaces(const std::vector<timeline::PlaceCount>& rows, bool csv) {
  if (csv)
    std::cout << "name,country,geonames_id,lat,lon,precision,count\r\n";
  else
    std::printf("%-28s  %-7s  %-10s  %-9s  %-10s  %-9s  %s\n", "PLACE",
                "COUNTRY", "GEONAMES", "LAT", "LON", "PRECISION", "COUNT");
  for (const auto& r : rows) {
    const std::string id =
        r.geonames_id ? std::to_string(*r.geonames_id) : std::string();
    const std::string precision(ToString(r.precision));
    if (csv)
      std::cout << timeline::CsvTextCell(r.name) << "," << r.country << ","
                << id << "," << Coordinate(r.lat) << "," << Coordinate(r.lon)
                << "," << precision << "," << r.count << "\r\n";
    else
      std::printf("%-28s  %-7s  %-10s  %-9s  %-10s  %-9s  %llu\n",
                  r.name.c_str(), r.country.c_str(), id.c_str(),
                  Coordinate(r.lat).c_str(), Coordinate(r.lon).c_str(),
                  precision.c_str(), static_cast<unsigned long long>(r.count));
  }
}

const bool kRegistered = RegisterCommand(
    {"counts", "count matching events per day, week, month, year or place",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       FilterFlags* f = AddFilterFlags(app);
       auto by = std::make_shared<std::string>();
       auto group = std::make_shared<std::string>();
       auto format = std::make_shared<std::string>("table");
       app->add_option("--by", *by, "day|week|month|year|place")->required();
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
         } else if (r->by_place) {
           PrintPlaces(r->places, *format == "csv");
         } else if (*format == "csv") {
           std::cout << "time,key,count\r\n";
           for (const auto& row : r->rows)
             std::cout << row.time << "," << timeline::CsvTextCell(row.key)
                       << "," << row.count << "\r\n";
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
