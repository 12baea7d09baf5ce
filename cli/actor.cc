// `geotl actor NAME|CODE [--format table|json]`: what the store knows about
// an actor (timeline/actor_profile.h). A country (name in any language or
// code) is looked up through the actor index; a person or organisation name
// by scanning the events.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "core/event_json.h"
#include "timeline/actor_profile.h"
#include "timeline/events.h"

namespace geotl::cli {
namespace {

const bool kRegistered = RegisterCommand(
    {"actor", "what the store knows about an actor (NAME or CODE)",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto name = std::make_shared<std::string>();
       auto format = std::make_shared<std::string>("table");
       app->add_option("actor", *name, "actor name (any language) or code")
           ->required();
       app->add_option("--format", *format, "table|json")
           ->check(CLI::IsMember({"table", "json"}));
       return [=] {
         ActorSubject subject = ResolveActorSubject(*name);
         timeline::Params p;
         if (subject.country || !subject.code.empty())
           p.emplace("actor", subject.code);
         // Negated events are listed by the profile's rules, not the query's.
         for (const char* s : {"occurred", "planned", "hypothetical"})
           p.emplace("status", s);
         auto q = timeline::ParseQuery(p);
         if (!q.ok()) return ReportQueryError(q.status());
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         std::vector<Event> events;
         Status st = timeline::ForEachEvent(
             *store, *q, [&](std::string_view line) -> Status {
               ASSIGN_OR_RETURN(Event e, EventFromJsonText(line));
               if (EventInvolves(e, subject)) events.push_back(std::move(e));
               return Status::Ok();
             });
         if (!st.ok()) return ReportQueryError(st);
         ActorProfile profile = BuildActorProfile(subject, events);
         if (profile.events == 0 && !subject.country) {
           PrintError("no events involve '" + *name + "'");
           return kExitError;
         }
         if (*format == "json") {
           Json body;
           body["data"] = ToJson(profile);
           body["meta"] = {{"total", profile.events},
                           {"as_of", {{"sequence", store->Sequence()}}}};
           std::cout << body.dump(-1, ' ', false,
                                  Json::error_handler_t::replace)
                     << "\n";
         } else {
           std::cout << RenderActorTable(profile);
         }
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
