// End to end through the real pipeline: the sample article ingested by the
// geotl binary, then `geotl brief`, `geotl export` and `geotl actor`.
#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/fixtures.h"
#include "tests/samples.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

const std::string kGeotl = GEOTL_BINARY;

// One store with the sample article, shared by the test cases.
const std::string& SampleDb() {
  static const std::string db = [] {
    std::string path = TempPath("sample.db");
    std::filesystem::remove_all(path);
    std::string out;
    std::string samples = std::string(GEOTL_SHARED_DIR) + "/samples";
    int rc = Run(kGeotl + " ingest --db " + path + " " + samples, &out);
    INFO(out);
    REQUIRE(rc == 0);
    return path;
  }();
  return db;
}

std::string Geotl(const std::string& args) {
  std::string out;
  int rc =
      Run(kGeotl + " " + args + " --db " + SampleDb() + " 2>/dev/null", &out);
  INFO("geotl " << args << "\n" << out);
  REQUIRE(rc == 0);
  return out;
}

}  // namespace

TEST_CASE("briefing of the sample article, English and German (golden)",
          "[knowledge][pipeline][golden]") {
  GEOTL_SKIP_WITHOUT_SAMPLES();
  for (const char* lang : {"en", "de"})
    for (const char* fmt : {"md", "html", "txt"})
      CheckGolden(
          std::string("knowledge/golden/sample.") + lang + "." + fmt,
          Geotl(std::string("brief --format ") + fmt + " --out-lang " + lang));
  // The filter is named in the title and narrows the events.
  std::string md = Geotl("brief --actor Russland --type CONSULT --out-lang de");
  CHECK(md.rfind("# Lagebericht: Akteur Russland, Typ Treffen\n", 0) == 0);
  CHECK(md.find("Tokio") != std::string::npos);
  CHECK(md.find("Vereinigte Staaten → Japan") == std::string::npos);
}

TEST_CASE("the sample's briefing reads right", "[knowledge][pipeline]") {
  GEOTL_SKIP_WITHOUT_SAMPLES();
  std::string en = Geotl("brief --format txt");
  // The 2+2 meeting on Saturday 2 November 2013 in Tokyo, under its thread.
  auto day = en.find("\n2 November 2013\n");
  REQUIRE(day != std::string::npos);
  CHECK(en.find("Meeting: Japan and Russia in Tokyo", day) !=
        std::string::npos);
  // The radar announcement stays a month.
  CHECK(en.find("\nOctober 2013\n") != std::string::npos);
  CHECK(en.find("United States → Japan in Kyoto") != std::string::npos);
  CHECK(en.find("Japan · Russia (ongoing") != std::string::npos);
  std::string de = Geotl("brief --format txt --out-lang de");
  CHECK(de.find("\n2. November 2013\n") != std::string::npos);
  CHECK(de.find("\nOktober 2013\n") != std::string::npos);
  CHECK(de.find("Treffen: Japan und Russland in Tokio") != std::string::npos);
}

TEST_CASE("exports of the sample validate", "[knowledge][pipeline]") {
  GEOTL_SKIP_WITHOUT_SAMPLES();
  const std::string v = "/usr/bin/python3 " + std::string(GEOTL_TEST_DATA) +
                        "/../timeline/validate_exports.py ";
  for (const char* fmt : {"geojson", "timelinejs", "csv", "es-bulk"}) {
    std::string path = TempPath(std::string("sample.") + fmt);
    WriteFile(path, Geotl(std::string("export --format ") + fmt));
    std::string out;
    int rc = Run(v + fmt + " " + path, &out);
    INFO(fmt << ": " << out);
    CHECK(rc == 0);
    std::filesystem::remove(path);
  }
  std::string nd = Geotl(
      "export --format ndjson --actor JPN --from 2013-11-02 --to 2013-11-02");
  CHECK(nd.find("\"type\":\"CONSULT\"") != std::string::npos);
}

TEST_CASE("actor profiles of a country and a person", "[knowledge][pipeline]") {
  GEOTL_SKIP_WITHOUT_SAMPLES();
  Json j = Json::parse(Geotl("actor Japan --format json"), nullptr, false);
  REQUIRE(!j.is_discarded());
  const Json& d = j["data"];
  CHECK(d["code"] == "JPN");
  CHECK(d["kind"] == "country");
  CHECK(d["events"].get<int>() >= 5);
  CHECK(d["first_seen"] == "2013-08-04");
  CHECK(d["aliases"]["de"].dump().find("Japan") != std::string::npos);
  bool russia = false;
  for (const auto& c : d["counterparts"]) russia |= c["key"] == "RUS";
  CHECK(russia);
  CHECK(d["by_year"]["2013"] == d["events"]);
  std::string table = Geotl("actor RUS");
  CHECK(table.find("Russia  [RUS]") == 0);
  CHECK(table.find("top counterparts") != std::string::npos);
  Json p = Json::parse(Geotl("actor \"Sergei Shoigu\" --format json"), nullptr,
                       false);
  REQUIRE(!p.is_discarded());
  CHECK(p["data"]["kind"] == "person");
  CHECK(p["data"]["country"] == "RUS");
  CHECK(p["data"]["sector"] ==
        "MIL");  // his dated role, not the article's word
}

TEST_CASE("brief --changes compares with the previous period; export --cap",
          "[knowledge][pipeline]") {
  GEOTL_SKIP_WITHOUT_SAMPLES();
  std::string t =
      Geotl("brief --format txt --changes --from 2013-11-01 --to 2013-11-07");
  // The sample's events of the week starting 1 Nov against 25-31 Oct (the
  // October radar announcement starts before, so it is in neither count).
  CHECK(t.find("Change from the previous period (previous period: 25 – 31 "
               "October 2013)") != std::string::npos);
  CHECK(t.find(" events vs 0 (+") != std::string::npos);
  CHECK(t.find("More: ") != std::string::npos);
  Json tl =
      Json::parse(Geotl("export --format timelinejs --cap 3 --title Sample"),
                  nullptr, false);
  REQUIRE(!tl.is_discarded());
  CHECK(tl["events"].size() == 3);
  CHECK(tl["title"]["text"]["headline"] == "Sample");
  std::string bulk = Geotl("export --format es-bulk --index sample-idx");
  CHECK(bulk.find("{\"index\":{\"_index\":\"sample-idx\",\"_id\":\"e-") == 0);
  std::string out;
  CHECK(Run(kGeotl + " brief --format pdf --db " + SampleDb(), &out) == 2);
  CHECK(Run(kGeotl + " export --format xml --db " + SampleDb(), &out) == 2);
}
