// `geotl event ID [--format table|json]`: one stored event with its sources,
// read by timeline::ReadEvent as GET /v1/events/{id} reads it. The store
// keeps the coder version that made the event, not which rules fired:
// `geotl explain` re-codes the source article for that.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/api.h"

namespace geotl::cli {
namespace {

std::string Parties(const std::vector<core::Actor>& v) {
  std::string s;
  for (const auto& a : v) {
    if (!s.empty()) s += ", ";
    s += a.name.empty() ? a.text : a.name;
    const std::string& code = a.code.empty() ? a.country : a.code;
    if (!code.empty()) s += " (" + code + ")";
  }
  return s.empty() ? "-" : s;
}

void PrintEvent(const core::Event& e) {
  std::printf("%s  %s/%s (%s)  %s\n", e.id.c_str(), e.type.c_str(),
              e.label.c_str(), std::string(ToString(e.status)).c_str(),
              e.summary.c_str());
  if (!e.merged_into.empty())
    std::printf("merged into %s (geotl event %s shows the merged event)\n",
                e.merged_into.c_str(), e.merged_into.c_str());
  std::string dates = core::FormatDate(e.date.start);
  if (e.date.end != e.date.start)
    dates += " .. " + core::FormatDate(e.date.end);
  if (!e.date.text.empty()) dates += "  \"" + e.date.text + "\"";
  std::printf("date        %s\n", dates.c_str());
  std::printf("actors      %s\n", Parties(e.actors).c_str());
  std::printf("recipients  %s\n", Parties(e.recipients).c_str());
  if (e.location)
    std::printf("location    %s (%s)\n", e.location->name.c_str(),
                e.location->country.c_str());
  std::printf("confidence  %.2f   coder %s\n", e.confidence,
              e.coder.empty() ? "-" : e.coder.c_str());
  std::printf("sources     %d (%d publishers), first reported %s\n",
              e.n_sources, e.n_publishers, e.first_reported.c_str());
  for (const auto& s : e.sources) {
    std::printf("  %s  %s  %s  sentence %d [%zu, %zu)\n", s.article.c_str(),
                s.published.c_str(),
                s.publisher.empty() ? "-" : s.publisher.c_str(), s.sentence,
                s.start, s.end);
    if (!s.url.empty()) std::printf("    %s\n", s.url.c_str());
    std::printf("    \"%s\"\n", s.quote.c_str());
  }
}

const bool kRegistered =
    RegisterCommand({"event", "one stored event with its sources (ID)",
                     [](CLI::App* app) -> std::function<int()> {
                       std::string* db = AddDbOption(app);
                       auto id = std::make_shared<std::string>();
                       auto format = std::make_shared<std::string>("table");
                       app->add_option("id", *id, "event id (e-…)")->required();
                       app->add_option("--format", *format, "table|json")
                           ->check(CLI::IsMember({"table", "json"}));
                       return [=] {
                         auto params = timeline::ParseEventParams(*id, {});
                         if (!params.ok())
                           return ReportQueryError(params.status());
                         auto store = OpenStoreForRead(*db);
                         if (!store) return kExitError;
                         auto read = timeline::ReadEvent(*store, *params);
                         if (!read.ok()) return ReportQueryError(read.status());
                         if (*format == "json")
                           std::cout << read->body << "\n";
                         else
                           PrintEvent(read->value);
                         return kExitOk;
                       };
                     }});

}  // namespace
}  // namespace geotl::cli
