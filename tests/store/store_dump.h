// What a reader of a store sees, as one string to compare two stores by
// (the dedup and loader tests), and the store's own consistency checks.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/event_json.h"
#include "store/rocks_store.h"
#include "store/store.h"

namespace geotl::testing {

// Every visible event in index order (each duration class), then the
// GetEvent answer for every id ever used.
inline std::string VisibleEvents(const store::Store& s,
                                 const std::vector<std::string>& ids) {
  std::string out;
  store::ScanSpec spec;
  for (store::DurationClass cls : store::kDurationClasses) {
    spec.duration_class = cls;
    auto it = s.NewIndexIterator(spec, nullptr);
    for (; it->Valid(); it->Next()) {
      store::EventView v;
      REQUIRE(store::DecodeEventValue(it->entry().value, &v).ok());
      out += std::string(v.json) + "\n";
    }
    REQUIRE(it->status().ok());
  }
  for (const auto& id : ids) {
    auto e = s.GetEvent(id);
    REQUIRE(e.ok());
    out += id + ": " + (*e ? ToJsonLine(**e) : "none") + "\n";
  }
  return out;
}

// The latest change-feed record of each event, without its sequence.
inline std::string LatestChanges(const store::Store& s) {
  auto page = s.ReadChanges(0, SIZE_MAX);
  REQUIRE(page.ok());
  std::map<std::string, std::string> latest;
  for (const auto& rec : page->changes) {
    core::Json j = core::Json::parse(rec);
    j.erase("seq");
    latest[j["id"].get<std::string>()] = j.dump();
  }
  std::string out;
  for (const auto& [id, rec] : latest) out += rec + "\n";
  return out;
}

// Article and event counts and the events per type.
inline std::string StatsLine(const store::Store& s) {
  auto st = s.Stats();
  REQUIRE(st.ok());
  std::string out =
      std::to_string(st->articles) + "/" + std::to_string(st->events);
  for (const auto& [t, n] : st->by_type)
    out += " " + t + "=" + std::to_string(n);
  return out;
}

// `geotl check`'s findings and the evidence check's, each also logged.
inline std::vector<std::string> Problems(const store::Store& s) {
  auto p = s.Check();
  REQUIRE(p.ok());
  auto* rs = dynamic_cast<const store::RocksStore*>(&s);
  REQUIRE(rs);
  auto e = rs->CheckEvidence(nullptr);
  REQUIRE(e.ok());
  std::vector<std::string> all = *p;
  all.insert(all.end(), e->begin(), e->end());
  for (const auto& x : all) UNSCOPED_INFO(x);
  return all;
}

}  // namespace geotl::testing
