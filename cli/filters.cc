#include "cli/filters.h"

#include "cli/command.h"

namespace geotl::cli {

FilterFlags* AddFilterFlags(CLI::App* app) {
  static std::vector<std::unique_ptr<FilterFlags>> storage;
  storage.push_back(std::make_unique<FilterFlags>());
  FilterFlags* f = storage.back().get();
  app->add_option(
      "--actor", f->actor,
      "actor or recipient: code or name in any language (repeatable, any-of)");
  app->add_option(
      "--with", f->with,
      "another actor also involved, either role (repeatable, any-of)");
  app->add_option("--role", f->role, "narrow --actor to actor|recipient");
  app->add_option("--country", f->country,
                  "country of the event's location (repeatable)");
  app->add_option("--region", f->region,
                  "M49 region code or name of the location (repeatable)");
  app->add_option("--place", f->place,
                  "the event's place: GeoNames id, place name or country "
                  "code in capitals (repeatable, any-of)");
  app->add_option("--from", f->from,
                  "YYYY, YYYY-MM or YYYY-MM-DD (events overlapping)");
  app->add_option("--to", f->to, "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)");
  app->add_flag("--within", f->within,
                "require the event's dates inside --from/--to");
  app->add_option("--type", f->type, "PLOVER type or label (repeatable)");
  app->add_option("--status", f->status,
                  "occurred|planned|hypothetical|negated (repeatable)");
  app->add_option("--text", f->text,
                  "words that must all occur in summary or quote");
  app->add_option("--article", f->article,
                  "only events with a source from this article id "
                  "(repeatable, any-of)");
  app->add_option("--min-confidence", f->min_confidence,
                  "only events of confidence >= C (0..1); default: every "
                  "event (brief: " +
                      std::to_string(core::kDefaultMinConfidence).substr(0, 4) +
                      ")");
  return f;
}

timeline::Params FilterParams(const FilterFlags& f) {
  timeline::Params p;
  for (const auto& v : f.actor) p.emplace("actor", v);
  for (const auto& v : f.with) p.emplace("with", v);
  if (!f.role.empty()) p.emplace("role", f.role);
  for (const auto& v : f.country) p.emplace("country", v);
  for (const auto& v : f.region) p.emplace("region", v);
  for (const auto& v : f.place) p.emplace("place", v);
  if (!f.from.empty()) p.emplace("from", f.from);
  if (!f.to.empty()) p.emplace("to", f.to);
  if (f.within) p.emplace("within", "true");
  for (const auto& v : f.type) p.emplace("type", v);
  for (const auto& v : f.status) p.emplace("status", v);
  if (!f.text.empty()) p.emplace("text", f.text);
  for (const auto& v : f.article) p.emplace("article", v);
  if (!f.min_confidence.empty()) p.emplace("min_confidence", f.min_confidence);
  return p;
}

std::unique_ptr<store::Store> OpenStoreForRead(const std::string& db) {
  auto r = store::Store::Open(db, store::StoreOptions::ForRead());
  if (!r.ok()) {
    PrintError(r.status().message());
    return nullptr;
  }
  return std::move(r).value();
}

int ReportQueryError(const core::Status& st) {
  PrintError(st.message());
  return st.code() == core::Code::kInvalidArgument ? kExitUsage : kExitError;
}

}  // namespace geotl::cli
