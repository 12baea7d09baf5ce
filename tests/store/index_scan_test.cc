// Index scans with min_end (the look-back of overlap queries): entries of a
// start that end too early are passed over by one seek. Checked against the
// same scan without min_end, filtered by hand, in both orders, from every
// cursor position, on every family kind (covering, key-only with probes).
#include <catch2/catch.hpp>

#include "store/key_codec.h"
#include "store/store.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

struct Row {
  uint32_t start, end;
  std::string id, value;
  bool operator==(const Row&) const = default;
};

std::vector<Row> Scan(const Store& s, ScanSpec spec) {
  std::vector<Row> rows;
  auto it = s.NewIndexIterator(spec, nullptr);
  for (; it->Valid(); it->Next()) {
    const auto& e = it->entry();
    rows.push_back({e.start, e.end, std::string(e.id), std::string(e.value)});
  }
  REQUIRE(it->status().ok());
  return rows;
}

TEST_CASE("store: index scans pass entries that end too early by seeking") {
  TempDir dir;
  EventGen gen(3);
  auto store = Store::Open(dir.Sub("db"), StoreOptions()).value();
  // Many events sharing starts: every month and year event of 2012-2013,
  // days in between, all with one actor so that every family has entries.
  for (int i = 0; i < 60; ++i) {
    std::string aid = "a" + std::to_string(i);
    std::vector<Event> evs = gen.MakeEvents(aid, 6);
    for (int k = 0; k < 6; ++k) {
      Event& e = evs[k];
      int kind = (i + k) % 8, m = 1 + (i * 7 + k) % 12, y = 2012 + (i + k) % 2;
      // Intervals of one start with different ends, in each class.
      auto span = [&](Date a, int days) {
        e.date = DateRange::Day(a);
        e.date.end = a + boost::gregorian::days(days);
      };
      if (kind == 0) e.date = DateRange::Year(y);
      if (kind == 1) e.date = DateRange::Month(y, m);
      if (kind == 2) e.date = DateRange::Day(Date(y, m, 1 + (i + k) % 28));
      if (kind == 3) e.date = DateRange::Month(y, m == 12 ? 11 : m);
      if (kind == 4) span(Date(y, 1 + (m - 1) / 3 * 3, 1), 89);  // ~quarter
      if (kind == 5) span(Date(y, 1 + (m - 1) / 3 * 3, 1), 44);
      if (kind == 6) span(Date(y, m, 1), 6);  // a week from the 1st
      if (kind == 7) span(Date(y, m, 1), 9);  // ends on the 10th
      e.actors.resize(1);
      e.actors[0].country = "JPN";
      e.actors[0].code = "JPN";
      e.type = "CONSULT";
    }
    REQUIRE(store->PutArticle(gen.MakeArticle(aid), evs).ok());
  }
  struct Case {
    IndexFamily family;
    std::string code;
  };
  const std::vector<Case> cases = {
      {IndexFamily::kDate, ""},
      {IndexFamily::kActor, "JPN"},
      {IndexFamily::kActorType, std::string("JPN\x01") + "CONSULT"}};
  int compared = 0;
  for (const auto& c : cases)
    for (DurationClass cls : kDurationClasses)
      for (bool desc : {false, true})
        for (Date from :
             {Date(2012, 1, 1), Date(2012, 6, 15), Date(2013, 2, 1),
              Date(2013, 12, 31), Date(2012, 5, 10), Date(2013, 3, 30),
              Date(2013, 2, 14), Date(2012, 8, 10)}) {
          ScanSpec all;
          all.family = c.family;
          all.code = c.code;
          all.duration_class = cls;
          all.desc = desc;
          ScanSpec skip = all;
          skip.min_end = DayKey(from);
          std::vector<Row> want;
          for (auto& r : Scan(*store, all))
            if (r.end >= skip.min_end) want.push_back(r);
          INFO("family " << int(c.family) << " class " << int(cls) << " desc "
                         << desc << " from " << FormatDate(from));
          CHECK(Scan(*store, skip) == want);
          // Resuming after every position gives the rest of the list.
          for (size_t i = 0; i < want.size(); i += 7) {
            ScanSpec resume = skip;
            resume.after =
                IndexPosition{want[i].start, want[i].end, want[i].id};
            std::vector<Row> rest(want.begin() + long(i) + 1, want.end());
            CHECK(Scan(*store, resume) == rest);
          }
          compared += int(want.size());
        }
  CHECK(compared > 1000);
}

// Key-only families probe idx_date with point reads that RocksDB's row
// cache keeps. While nothing was written since a view's snapshot, a probe
// reads the latest state (rows then serve every later view); after a write
// it must still return the view's value, never a cached newer or older row.
TEST_CASE("store: probes of key-only families read their view's value") {
  TempDir dir;
  EventGen gen(5);
  StoreOptions so;
  so.dedup = false;  // the event keeps its id and key; only its value changes
  auto store = Store::Open(dir.Sub("db"), so).value();
  auto put = [&](const std::string& label) {
    Event e = gen.MakeEvent("e1", "a1");
    e.date = DateRange::Day(Date(2013, 10, 3));
    e.actors.resize(1);
    e.actors[0].country = "JPN";
    e.actors[0].code = "JPN";
    e.type = "CONSULT";
    e.label = label;
    REQUIRE(store->PutArticle(gen.MakeArticle("a1"), {e}).ok());
  };
  ScanSpec spec;
  spec.family = IndexFamily::kActorType;
  spec.code = std::string("JPN\x01") + "CONSULT";
  auto value = [&](const ReadView* view) {
    auto it = store->NewIndexIterator(spec, view);
    REQUIRE(it->Valid());
    std::string v(it->entry().value);
    it->Next();
    CHECK(!it->Valid());
    REQUIRE(it->status().ok());
    return v;
  };
  put("first label");
  auto old_view = store->NewReadView();
  const std::string v1 = value(old_view.get());
  CHECK(v1.find("first label") != std::string::npos);
  CHECK(value(old_view.get()) == v1);  // now from the row cache
  for (int round = 0; round < 3; ++round) {
    put("label " + std::to_string(round));
    auto view = store->NewReadView();
    const std::string v2 = value(view.get());
    CHECK(v2.find("label " + std::to_string(round)) != std::string::npos);
    CHECK(value(view.get()) == v2);
    CHECK(value(nullptr) == v2);
    CHECK(value(old_view.get()) == v1);  // the old snapshot, after writes
  }
  // The same after the rows move to SST files (flush and compaction).
  REQUIRE(store->Compact().ok());
  auto view = store->NewReadView();
  const std::string v3 = value(view.get());
  CHECK(v3.find("label 2") != std::string::npos);
  CHECK(value(view.get()) == v3);
  CHECK(value(old_view.get()) == v1);
  put("after compaction");
  CHECK(value(view.get()) == v3);
  CHECK(value(nullptr).find("after compaction") != std::string::npos);
}

}  // namespace
}  // namespace geotl
