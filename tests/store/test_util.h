// Test helpers shared by tests/store and tests/timeline: a temporary store
// directory that removes itself, and a seeded generator of random events with
// skewed actors, coarse dates and all statuses. Not thread-safe.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/event.h"
#include "core/ontology.h"

namespace geotl::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "geotl-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A country actor whose text, name and code are its alpha-3 code.
inline core::Actor CountryActor(const std::string& c) {
  core::Actor a;
  a.text = a.name = a.code = a.country = c;
  a.kind = core::ActorKind::kCountry;
  return a;
}

// A Russian-Japanese meeting on 2013-11-`day`, reported by `article`.
inline core::Event MeetingEvent(const std::string& id,
                                const std::string& article, int day) {
  core::Event e;
  e.id = id;
  e.type = "CONSULT";
  e.label = "meeting";
  e.date = core::DateRange::Day(core::Date(2013, 11, 1) +
                                boost::gregorian::days(day - 1));
  e.actors = {CountryActor("RUS"), CountryActor("JPN")};
  e.summary = "meeting";
  e.language = "en";
  e.sources.push_back({article, "", article + "-pub", "2013-11-04", 0, 0, 5,
                       "Quote of " + article});
  e.first_reported = "2013-11-04";
  return e;
}

// An article whose text is its id, published 2013-11-04.
inline core::Article ArticleNamed(const std::string& id) {
  core::Article a;
  a.id = id;
  a.text = id;
  a.published = core::Date(2013, 11, 4);
  return a;
}

inline const std::vector<std::string>& TestCountries() {
  static const std::vector<std::string> c = {"RUS", "JPN", "CHN", "USA", "DEU",
                                             "FRA", "KOR", "PRK", "UKR", "IND"};
  return c;
}
inline std::vector<std::string> TestRegions(const std::string& c) {
  if (c == "RUS" || c == "UKR") return {"151", "150"};
  if (c == "JPN" || c == "CHN" || c == "KOR" || c == "PRK")
    return {"030", "142"};
  if (c == "IND") return {"034", "142"};
  if (c == "USA") return {"021", "019"};
  return {"155", "150"};  // DEU, FRA
}

class EventGen {
 public:
  explicit EventGen(uint32_t seed) : rng_(seed) {}

  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  // Skewed pick: index 0 most frequent.
  int Skewed(int n) {
    double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    return std::min(n - 1, int(n * u * u));
  }
  core::Actor MakeActor() {
    core::Actor a;
    a.country = TestCountries()[Skewed(int(TestCountries().size()))];
    a.code = Uniform(0, 2) == 0 ? a.country + "GOV" : a.country;
    a.sector = a.code.size() > 3 ? "GOV" : "";
    a.name = a.country + " name";
    a.text = a.country;
    return a;
  }
  core::DateRange MakeDate() {
    int y = Uniform(2010, 2015), m = Uniform(1, 12);
    int kind = Uniform(0, 9);
    if (kind == 0) return core::DateRange::Year(y);
    if (kind <= 2) return core::DateRange::Month(y, m);
    if (kind == 3) {  // a decade: duration class 3
      core::DateRange d{core::Date(2010, 1, 1), core::Date(2019, 12, 31),
                        core::Granularity::kDecade,
                        core::Precision::kApproximate, "2010s"};
      return d;
    }
    core::Date d(y, m, Uniform(1, 28));
    return core::DateRange::Day(d);
  }
  // n events of `article`, with ids <article>-e0, <article>-e1, ...
  std::vector<core::Event> MakeEvents(const std::string& article, int n) {
    std::vector<core::Event> evs;
    for (int k = 0; k < n; ++k)
      evs.push_back(MakeEvent(article + "-e" + std::to_string(k), article));
    return evs;
  }
  core::Event MakeEvent(const std::string& id, const std::string& article) {
    core::Event e;
    e.id = id;
    const auto& types = core::EventTypes();
    const auto& t = types[Skewed(int(types.size()))];
    e.type = std::string(t.type);
    e.cameo = std::string(t.cameo);
    e.quad = std::string(t.quad);
    e.label = std::string(t.label);
    int st = Uniform(0, 9);
    e.status = st < 7    ? core::EventStatus::kOccurred
               : st == 7 ? core::EventStatus::kPlanned
               : st == 8 ? core::EventStatus::kHypothetical
                         : core::EventStatus::kNegated;
    e.date = MakeDate();
    int na = Uniform(1, 2), nr = Uniform(0, 1);
    for (int i = 0; i < na; ++i) e.actors.push_back(MakeActor());
    for (int i = 0; i < nr; ++i) e.recipients.push_back(MakeActor());
    if (Uniform(0, 4) != 0) {
      core::Place p;
      p.country = TestCountries()[Skewed(int(TestCountries().size()))];
      p.name = p.country + " city";
      p.text = p.name;
      p.precision = core::PlacePrecision::kCity;
      p.lat = Uniform(-80, 80) + 0.25;
      p.lon = Uniform(-170, 170) + 0.5;
      p.regions = TestRegions(p.country);
      e.location = p;
    }
    static const char* kWords[] = {"talks",     "summit",   "exercise",
                                   "visit",     "protest",  "sanction",
                                   "agreement", "statement"};
    e.summary = std::string("Event about ") + kWords[Uniform(0, 7)] + " " + id;
    e.language = "en";
    e.confidence = 0.5;
    core::Source s;
    s.article = article;
    s.published = "2016-01-01";
    s.quote = e.summary + ".";
    e.sources.push_back(s);
    e.first_reported = "2016-01-01";
    return e;
  }
  core::Article MakeArticle(const std::string& id) {
    core::Article a;
    a.id = id;
    a.text = "text of " + id;
    a.published = core::Date(2016, 1, 1);
    return a;
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

}  // namespace geotl::testing
