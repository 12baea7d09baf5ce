// The bulk loader's counters (fixed-width day records, derived months and
// totals, the map for long codes) against the WriteBatch path, on dates at
// the ends of the calendar and on codes longer than the fixed width, with
// chunks small enough that several are in flight one after another.
#include <catch2/catch.hpp>

#include "store/store.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

std::vector<std::string> Rows(const Store& s, IndexFamily f,
                              const std::string& code,
                              CounterGranularity gran) {
  std::vector<std::string> out;
  auto rows = s.ScanCounters(f, code, gran, 0, 0xffffffffu, nullptr);
  REQUIRE(rows.ok());
  for (const auto& r : *rows)
    out.push_back(std::to_string(r.bucket) + "/" + std::to_string(r.type) +
                  "/" + std::to_string(int(r.status)) + "=" +
                  std::to_string(r.count));
  return out;
}

TEST_CASE("store: bulk counters equal the WriteBatch path at calendar ends") {
  const std::vector<DateRange> dates = {
      DateRange::Day(Date(1400, 1, 1)),   DateRange::Day(Date(1600, 2, 29)),
      DateRange::Day(Date(1969, 12, 31)), DateRange::Day(Date(1970, 1, 1)),
      DateRange::Day(Date(2000, 2, 29)),  DateRange::Day(Date(2100, 3, 1)),
      DateRange::Day(Date(9999, 12, 31)), DateRange::Month(1899, 12),
      DateRange::Month(2024, 2),          DateRange::Year(1999),
      DateRange::Day(Date(2013, 11, 2))};
  const std::vector<std::string> codes = {
      "ABCDEFGHIJKL",  // exactly the fixed width
      "ABCDEFGHIJKLM", "INTERNATIONALCOMMITTEE", "UN", "X"};
  TempDir dir;
  EventGen gen(11);
  StoreOptions plain;
  plain.dedup = false;
  auto a = Store::Open(dir.Sub("a"), plain).value();
  auto b = Store::Open(dir.Sub("b"), StoreOptions()).value();
  auto loader = NewBulkLoader(b.get(), 7).value();  // many small chunks
  for (int i = 0; i < 400; ++i) {
    std::string aid = "a" + std::to_string(i);
    std::vector<Event> evs;
    for (int k = 0; k < 1 + i % 3; ++k) {
      Event e = gen.MakeEvent(aid + "-" + std::to_string(k), aid);
      e.date = dates[(i * 3 + k) % dates.size()];
      if ((i + k) % 4 == 0) {
        Actor x;
        x.code = codes[(i + k) % codes.size()];
        x.name = x.code;
        x.text = x.code;
        x.kind = ActorKind::kOrganization;
        e.actors.push_back(x);
      }
      evs.push_back(std::move(e));
    }
    Article art = gen.MakeArticle(aid);
    REQUIRE(a->PutArticle(art, evs).ok());
    REQUIRE(loader->Add(art, evs).ok());
  }
  REQUIRE(loader->Finish().ok());
  auto problems = b->Check().value();
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());

  for (IndexFamily f : {IndexFamily::kDate, IndexFamily::kActor,
                        IndexFamily::kCountry, IndexFamily::kRegion}) {
    std::vector<std::string> ca = {""}, cb = {""};
    if (f != IndexFamily::kDate) {
      ca = a->CounterCodes(f, nullptr).value();
      cb = b->CounterCodes(f, nullptr).value();
    }
    REQUIRE(ca == cb);
    for (const auto& c : ca)
      for (CounterGranularity gran :
           {CounterGranularity::kDay, CounterGranularity::kMonth,
            CounterGranularity::kMonthAllTypes, CounterGranularity::kTotal}) {
        INFO("family " << int(f) << " code " << c << " gran "
                       << static_cast<char>(gran));
        auto ra = Rows(*a, f, c, gran);
        CHECK(!ra.empty());
        CHECK(ra == Rows(*b, f, c, gran));
      }
  }
  auto actors = b->CounterCodes(IndexFamily::kActor, nullptr).value();
  for (const auto& c : codes)
    CHECK(std::find(actors.begin(), actors.end(), c) != actors.end());
  CHECK(a->Stats().value().events == b->Stats().value().events);
  CHECK(FormatDate(*b->Stats().value().first_date) == "1400-01-01");
  CHECK(FormatDate(*b->Stats().value().last_date) == "9999-12-31");
}

}  // namespace
}  // namespace geotl
