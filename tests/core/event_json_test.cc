#include "core/event_json.h"

#include <catch2/catch.hpp>
#include <random>

#include "core/article.h"
#include "core/sha256.h"

using namespace geotl::core;

TEST_CASE("an event round-trips through JSON", "[core]") {
  Event e;
  e.id = "e-1";
  e.type = "CONSULT";
  e.mode = "visit";
  e.cameo = "04";
  e.quad = "verbal_cooperation";
  e.label = "meeting";
  e.date = DateRange::Month(2013, 10, Precision::kApproximate);
  e.date.text = "Im Oktober";
  e.actors.push_back(
      {"Russland", "Russia", "RUSGOV", "RUS", "GOV", ActorKind::kCountry});
  e.recipients.push_back(
      {"Japan", "Japan", "JPN", "JPN", "", ActorKind::kCountry});
  Place p;
  p.text = "Tokio";
  p.name = "Tokyo";
  p.country = "JPN";
  p.admin1 = "Tokyo";
  p.lat = 35.6895;
  p.lon = 139.6917;
  p.precision = PlacePrecision::kCity;
  p.regions = {"142", "030"};
  e.location = p;
  e.fatalities = 65;
  e.sources.push_back(
      {"a-1", "", "sample", "2013-11-04", 3, 412, 530, "Dazu …"});
  e.first_reported = "2013-11-04";
  e.coder = "0123456789ab";
  auto back = EventFromJsonText(ToJsonLine(e));
  REQUIRE(back.ok());
  REQUIRE(*back == e);
  // Records without a coder version (stored by an earlier geotl) read as ""
  // and render as they were, without the key.
  Json j = ToJson(e);
  j.erase("coder");
  auto old = EventFromJson(j);
  REQUIRE(old.ok());
  CHECK(old->coder.empty());
  CHECK(ToJson(*old) == j);
}

TEST_CASE("malformed events are rejected with the field named", "[core]") {
  REQUIRE_FALSE(EventFromJsonText("{").ok());
  REQUIRE_FALSE(EventFromJsonText("[]").ok());
  auto r = EventFromJsonText(R"({"id":"e","type":"AGREE"})");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.status().message().find("date") != std::string::npos);
  r = EventFromJsonText(
      R"({"id":"e","type":"AGREE","date":{"start":"2013-11-05","end":"2013-11-01"}})");
  REQUIRE_FALSE(r.ok());
}

TEST_CASE("sha256 matches the FIPS test vectors", "[core]") {
  REQUIRE(Sha256Hex("") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  REQUIRE(Sha256Hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  REQUIRE(Sha256Hex(std::string(1000, 'a')).substr(0, 8) == "41edece4");
  REQUIRE(DerivedArticleId("abc") == "a-ba7816bf8f01cfea");
  // 448 bits: the padding needs a second block.
  REQUIRE(
      Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256: the CPU-extension path equals the portable one", "[core]") {
  std::mt19937 rng(5);
  for (size_t n = 0; n < 700; n += 1 + n / 16) {
    std::string s(n, '\0');
    for (char& c : s) c = char(rng());
    INFO("length " << n);
    CHECK(Sha256(s) == Sha256Portable(s));
  }
  std::string big(1 << 20, 'x');
  CHECK(Sha256(big) == Sha256Portable(big));
}
