// The coder version of merged events: a merged event carries the version of
// its newest report (latest published), whatever the order of the input.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/event_json.h"
#include "store/dedup.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::store;

namespace {

Event Report(const std::string& id, const std::string& article,
             const std::string& published, const std::string& coder) {
  Event e;
  e.id = id;
  e.type = "CONSULT";
  e.label = "meeting";
  e.date = DateRange::Day(Date(2024, 3, 12), Precision::kExact);
  e.actors = {{"DEU", "Germany", "DEU", "DEU", "", ActorKind::kCountry},
              {"FRA", "France", "FRA", "FRA", "", ActorKind::kCountry}};
  e.sources.push_back({article, "", "pub-" + article, published, 1, 0, 10,
                       "Germany and France met (" + article + ")."});
  e.first_reported = published;
  e.coder = coder;
  return e;
}

}  // namespace

TEST_CASE("dedup: a merged event keeps the newest report's coder version",
          "[knowledge][dedup]") {
  std::vector<Event> v = {
      Report("e-1", "a1", "2024-03-12", "aaaaaaaaaaaa"),
      Report("e-2", "a2", "2024-03-14", "bbbbbbbbbbbb"),  // the newest
      Report("e-3", "a3", "2024-03-13", "cccccccccccc"),
  };
  v[0].confidence = 0.9;  // the representative is another report
  std::sort(v.begin(), v.end(),
            [](const Event& a, const Event& b) { return a.id < b.id; });
  do {
    DedupResult r = Deduplicate(v);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].id == "e-1");
    CHECK(r.events[0].coder == "bbbbbbbbbbbb");
  } while (std::next_permutation(
      v.begin(), v.end(),
      [](const Event& a, const Event& b) { return a.id < b.id; }));
  // One report alone keeps its own version; an unknown one stays unknown.
  CHECK(Deduplicate({v[0]}).events[0].coder == v[0].coder);
  Event unknown = v[0];
  unknown.coder.clear();
  CHECK(Deduplicate({unknown}).events[0].coder.empty());
}
