// `geotl events [filters] [--format table|json|ndjson|csv|geojson]
// [--limit N] [--cursor C] [--order asc|desc]`: one page of matching events.
// --format json prints exactly the HTTP body of GET /v1/events.
// `geotl events --changed-since SEQ` prints the change feed instead
// (store/changes.h): every change after write SEQ as NDJSON, or with
// --format json one page, exactly the body of GET /v1/changes?since=SEQ.
// The reads are timeline/api.h's; this file parses flags and formats.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "core/event_json.h"
#include "timeline/api.h"
#include "timeline/export.h"

namespace geotl::cli {
namespace {

std::string Parties(const std::vector<core::Actor>& v) {
  std::string s;
  for (const auto& a : v) {
    if (!s.empty()) s += ",";
    s += a.code.empty() ? a.country : a.code;
  }
  return s;
}

std::string Clip(std::string s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

void PrintTable(const std::vector<core::Event>& events,
                const timeline::EventPage& page) {
  std::printf("%-10s %-10s %-10s %-10s %-16s %-16s %-4s %s\n", "START", "END",
              "TYPE", "STATUS", "ACTORS", "RECIPIENTS", "LOC", "SUMMARY");
  for (const auto& e : events)
    std::printf("%-10s %-10s %-10s %-10s %-16s %-16s %-4s %s\n",
                core::FormatDate(e.date.start).c_str(),
                core::FormatDate(e.date.end).c_str(), e.type.c_str(),
                std::string(ToString(e.status)).c_str(),
                Clip(Parties(e.actors), 16).c_str(),
                Clip(Parties(e.recipients), 16).c_str(),
                e.location ? e.location->country.c_str() : "",
                Clip(e.summary, 80).c_str());
  std::printf(
      "%zu of %llu events", events.size(),
      static_cast<unsigned long long>(page.total.value_or(events.size())));
  if (page.next) std::printf("; next page: --cursor %s", page.next->c_str());
  std::printf("\n");
}

// The change feed after `since`: all of it as NDJSON, or one page as the
// HTTP body.
int PrintChanges(const std::string& db, const std::string& since,
                 const std::string& format, const std::string& limit) {
  timeline::Params named{{"since", since}};
  if (!limit.empty()) named.emplace("limit", limit);
  auto p = timeline::ParseChangesParams(named);
  if (!p.ok()) return ReportQueryError(p.status());
  if (format != "json" && format != "ndjson" && format != "table")
    return ReportQueryError(
        core::Status::Invalid("format: --changed-since prints ndjson or json"));
  auto store = OpenStoreForRead(db);
  if (!store) return kExitError;
  timeline::ChangesParams params = *p;
  while (true) {
    auto page = timeline::ReadChanges(*store, params);
    if (!page.ok()) {
      PrintError("cannot read the change feed: " + page.status().message());
      return kExitError;
    }
    if (format == "json") {
      std::cout << page->body << "\n";
      return kExitOk;
    }
    for (const auto& c : page->value.changes) std::cout << c << "\n";
    if (!page->value.more) return kExitOk;
    params.since = page->value.next_since;
  }
}

const bool kRegistered = RegisterCommand(
    {"events", "list stored events matching filters",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       FilterFlags* f = AddFilterFlags(app);
       auto format = std::make_shared<std::string>("table");
       auto limit = std::make_shared<std::string>();
       auto cursor = std::make_shared<std::string>();
       auto order = std::make_shared<std::string>();
       app->add_option("--format", *format, "table|json|ndjson|csv|geojson")
           ->check(
               CLI::IsMember({"table", "json", "ndjson", "csv", "geojson"}));
       app->add_option("--limit", *limit,
                       "events per page (default 100, max 1000)");
       app->add_option("--cursor", *cursor,
                       "continue after the page that printed it");
       app->add_option("--order", *order, "asc|desc by date (default asc)");
       auto changed_since = std::make_shared<std::string>();
       app->add_option("--changed-since", *changed_since,
                       "print the change feed after write SEQ (no filters)");
       return [=] {
         if (!changed_since->empty()) {
           if (!FilterParams(*f).empty() || !cursor->empty() || !order->empty())
             return ReportQueryError(core::Status::Invalid(
                 "changed-since: takes no filters, --cursor or --order"));
           return PrintChanges(*db, *changed_since, *format, *limit);
         }
         timeline::Params p = FilterParams(*f);
         if (!limit->empty()) p.emplace("limit", *limit);
         if (!cursor->empty()) p.emplace("cursor", *cursor);
         if (!order->empty()) p.emplace("order", *order);
         auto params = timeline::ParseEventsParams(p);
         if (!params.ok()) return ReportQueryError(params.status());
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto read = timeline::ReadEvents(*store, *params);
         if (!read.ok()) return ReportQueryError(read.status());
         const timeline::EventPage* page = &read->value;
         if (*format == "json") {
           std::cout << read->body << "\n";
           return kExitOk;
         }
         if (*format == "ndjson") {
           for (const auto& line : page->events) std::cout << line << "\n";
           return kExitOk;
         }
         std::vector<core::Event> events;
         for (const auto& line : page->events) {
           auto e = core::EventFromJsonText(line);
           if (!e.ok()) {
             PrintError("stored event unreadable: " + e.status().message());
             return kExitError;
           }
           events.push_back(std::move(e).value());
         }
         if (*format == "table") {
           PrintTable(events, *page);
           return kExitOk;
         }
         auto fmt = timeline::ParseExportFormat(*format);
         if (!fmt.ok()) return ReportQueryError(fmt.status());
         std::cout << timeline::ExportEvents(events, *fmt);
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
