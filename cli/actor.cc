// `geotl actor NAME|CODE [--format table|json]`: what the store knows about
// an actor (timeline/actor_profile.h), read by timeline::ReadActor as GET
// /v1/actors/{name} reads it. A country (name in any language or code) is
// looked up through the actor index; a person or organisation name by
// scanning the events.
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "timeline/api.h"

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
         auto params = timeline::ParseActorParams(*name, {});
         if (!params.ok()) return ReportQueryError(params.status());
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         auto read = timeline::ReadActor(*store, *params);
         if (!read.ok()) return ReportQueryError(read.status());
         if (*format == "json")
           std::cout << read->body << "\n";
         else
           std::cout << RenderActorTable(read->value);
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
