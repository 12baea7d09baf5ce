#include "ingest/code/seat_place.h"

#include <nlohmann/json.hpp>

#include "geo/place_resolver.h"
#include "ingest/code/data_file.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {

core::Result<Capitals> LoadCapitals(const std::string& dir) {
  return LoadDataFile<Capitals>(
      dir + "/en/capitals.json", [](const std::string& text) {
        core::Result<Capitals> out = Capitals{};
        const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object())
          return core::Result<Capitals>(core::Status::Invalid("not JSON"));
        auto entries = j.find("entries");
        if (entries == j.end() || !entries->is_array())
          return core::Result<Capitals>(core::Status::Invalid("no entries"));
        for (const auto& e : *entries) {
          if (!e.is_object()) continue;
          auto c = e.find("country"), city = e.find("city");
          if (c != e.end() && city != e.end() && c->is_string() &&
              city->is_string())
            (*out)[c->get<std::string>()] = city->get<std::string>();
        }
        return out;
      });
}

std::optional<core::Place> SeatPlace(const geo::Gazetteer& g,
                                     std::string_view text, const Cues& cues,
                                     const Capitals& capitals,
                                     const std::string& country) {
  auto cap = capitals.find(country);
  if (cap == capitals.end()) return std::nullopt;
  const std::string folded = FoldCase(text);
  bool seat = false;
  for (const std::string& w : cues.seat_nouns.words())
    seat = seat || HoldsWholeWord(folded, w);
  if (!seat) return std::nullopt;
  geo::PlaceContext ctx;
  ctx.countries = {country};
  std::optional<geo::ResolvedPlace> r = geo::ResolvePlace(g, cap->second, ctx);
  if (!r || r->place.country != country ||
      r->place.precision != core::PlacePrecision::kCity)
    return std::nullopt;
  return r->place;
}

}  // namespace geotl::ingest::code
