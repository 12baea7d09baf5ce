#include "store/key_codec.h"

#include <catch2/catch.hpp>
#include <random>
#include <tuple>

#include "core/date_range.h"
#include "core/event_json.h"
#include "store/event_value.h"
#include "tests/store/test_util.h"

using namespace geotl::core;

namespace geotl::store {
namespace {

TEST_CASE("key codec: index keys sort like (code, class, start, end, id)") {
  std::mt19937 rng(3);
  const char* codes[] = {"JPN", "JP", "JPNGOV", "RUS", "030", "142", ""};
  const char* ids[] = {"e-1", "e-10", "e-2", "a", "e-1\x7f", "\xc3\xa9"};
  struct K {
    std::string code;
    int cls;
    uint32_t start, end;
    std::string id;
  };
  std::vector<K> ks;
  for (int i = 0; i < 2000; ++i) {
    uint32_t s = DayKey(Date(1990, 1, 1)) + rng() % 20000;
    ks.push_back({codes[rng() % 7], int(rng() % kNumClasses), s,
                  s + uint32_t(rng() % 3 == 0 ? 0 : rng() % 400),
                  ids[rng() % 6]});
  }
  for (size_t i = 0; i + 1 < ks.size(); ++i) {
    const K& a = ks[i];
    const K& b = ks[i + 1];
    auto ta = std::make_tuple(a.code, a.cls, a.start, a.end, a.id);
    auto tb = std::make_tuple(b.code, b.cls, b.start, b.end, b.id);
    std::string ka = IndexKey(a.code, a.cls, a.start, a.end, a.id);
    std::string kb = IndexKey(b.code, b.cls, b.start, b.end, b.id);
    // std::string compares bytes as unsigned char, like RocksDB.
    CHECK((ta < tb) == (ka < kb));
    CHECK((ta == tb) == (ka == kb));
    auto p = ParseIndexKey(ka);
    REQUIRE(p);
    CHECK(p->code == a.code);
    CHECK(p->cls == a.cls);
    CHECK(p->start == a.start);
    CHECK(p->end == a.end);
    CHECK(p->id == a.id);
  }
}

TEST_CASE("key codec: DayKey is order-preserving and big-endian bytes sort") {
  Date d(1400, 1, 1);
  uint32_t prev = DayKey(d);
  std::string prev_bytes;
  PutBE32(&prev_bytes, prev);
  for (int i = 0; i < 3000; ++i) {
    d += boost::gregorian::days(97);
    uint32_t k = DayKey(d);
    std::string bytes;
    PutBE32(&bytes, k);
    CHECK(k > prev);
    CHECK(bytes > prev_bytes);
    CHECK(FromDayKey(k) == d);
    CHECK(GetBE32(bytes.data()) == k);
    prev = k;
    prev_bytes = bytes;
  }
}

TEST_CASE("key codec: duration classes and counter operands") {
  CHECK(DurationClassOf(10, 10) == DurationClass::kDay);
  CHECK(DurationClassOf(10, 40) == DurationClass::kMonth);
  CHECK(DurationClassOf(10, 41) == DurationClass::kMonth);
  CHECK(DurationClassOf(10, 42) == DurationClass::kYear);
  CHECK(DurationClassOf(10, 10 + 366) == DurationClass::kYear);
  CHECK(DurationClassOf(10, 10 + 367) == DurationClass::kLonger);
  CHECK(ClassIndex(10, 10 + 367) == 3);
  CHECK(DecodeCounter(CounterOperand(5)) == 5);
  CHECK(DecodeCounter(CounterOperand(-1)) + 6 ==
        5u);  // -1 decrements (wrap-around)
  CHECK(CounterKey(CountDim::kActor, "JPN", 'd', 1, 2, 0) <
        CounterKey(CountDim::kActor, "JPN", 'd', 256, 0, 0));
}

TEST_CASE("event value: header round-trip and JSON passthrough") {
  testing::EventGen gen(8);
  for (int i = 0; i < 200; ++i) {
    Event e = gen.MakeEvent("e" + std::to_string(i), "a");
    std::string v = EncodeEventValue(e);
    EventView view;
    REQUIRE(DecodeEventValue(v, &view).ok());
    CHECK(TypeName(view.type) == e.type);
    CHECK(view.status == e.status);
    CHECK(view.parties.size() == e.actors.size() + e.recipients.size());
    CHECK(view.json == ToJsonLine(e));
    CHECK(view.loc_country == (e.location ? e.location->country : ""));
  }
  EventView view;
  CHECK(DecodeEventValue("junk", &view).code() == Code::kCorruption);
  CHECK(DecodeEventValue("", &view).code() == Code::kCorruption);
}

}  // namespace
}  // namespace geotl::store
