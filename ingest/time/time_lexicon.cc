#include "ingest/time/time_lexicon.h"

#include <fstream>
#include <sstream>

#include "core/event_json.h"

namespace geotl::ingest::time {
namespace {

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

}  // namespace

core::Result<TimeLexicon> TimeLexicon::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::NotFound("cannot read time lexicon " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  core::Json j =
      core::Json::parse(buf.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return core::Status::Invalid(path + ": not a JSON object");
  TimeLexicon lx;
  std::string bad;
  auto ints = [&](const char* key, IntMap* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_object()) {
      bad = key;
      return;
    }
    for (auto& [k, v] : it->items()) {
      if (!v.is_number()) {
        bad = std::string(key) + "." + k;
        return;
      }
      (*out)[k] = v.get<int>();
    }
  };
  auto strs = [&](const char* key, StrMap* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_object()) {
      bad = key;
      return;
    }
    for (auto& [k, v] : it->items()) {
      if (!v.is_string()) {
        bad = std::string(key) + "." + k;
        return;
      }
      (*out)[k] = v.get<std::string>();
    }
  };
  auto set = [&](const char* key, Set* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_array()) {
      bad = key;
      return;
    }
    for (auto& v : *it) {
      if (!v.is_string()) {
        bad = key;
        return;
      }
      out->insert(v.get<std::string>());
    }
  };
  if (j.contains("language") && j["language"].is_string())
    lx.language = j["language"].get<std::string>();
  ints("months", &lx.months);
  ints("weekdays", &lx.weekdays);
  ints("ordinals", &lx.ordinals);
  ints("relative_days", &lx.relative_days);
  ints("shifts", &lx.shifts);
  ints("decade_words", &lx.decade_words);
  ints("year_words", &lx.year_words);
  ints("month_words", &lx.month_words);
  ints("week_words", &lx.week_words);
  ints("am_pm", &lx.am_pm);
  if (auto it = j.find("numbers"); it != j.end() && it->is_object()) {
    for (auto& [k, v] : it->items()) {
      if (!v.is_number()) {
        bad = "numbers." + k;
        break;
      }
      lx.numbers[k] = v.get<double>();
    }
  }
  strs("units", &lx.units);
  strs("parts", &lx.parts);
  strs("seasons", &lx.seasons);
  strs("day_parts", &lx.day_parts);
  strs("refs", &lx.refs);
  strs("sets", &lx.sets);
  strs("named_times", &lx.named_times);
  set("month_abbreviations", &lx.month_abbreviations);
  set("weekday_sets", &lx.weekday_sets);
  set("plural_units", &lx.plural_units);
  set("fuzzy_numbers", &lx.fuzzy_numbers);
  set("anaphoric_shifts", &lx.anaphoric_shifts);
  set("determiners", &lx.determiners);
  set("set_words", &lx.set_words);
  set("ago_before", &lx.ago_before);
  set("ago_after", &lx.ago_after);
  set("future_before", &lx.future_before);
  set("since_before", &lx.since_before);
  set("later_after", &lx.later_after);
  set("earlier_after", &lx.earlier_after);
  set("time_suffixes", &lx.time_suffixes);
  set("future_markers", &lx.future_markers);
  set("past_markers", &lx.past_markers);
  set("approx_words", &lx.approx_words);
  set("ordinal_suffixes", &lx.ordinal_suffixes);
  set("slash_date_preps", &lx.slash_date_preps);
  set("near_refs", &lx.near_refs);
  StrMap ref_phrases, holidays;
  IntMap anaphoric;
  strs("ref_phrases", &ref_phrases);
  strs("holidays", &holidays);
  ints("anaphoric_day_words", &anaphoric);
  if (!bad.empty()) return core::Status::Invalid(path + ": bad field " + bad);
  auto add = [&](const std::string& key, Phrase p) {
    p.words = SplitWords(key);
    if (p.words.empty()) return;
    lx.phrases[p.words[0]].push_back(std::move(p));
  };
  for (auto& [k, v] : ref_phrases) add(k, {{}, "ref", v, 0});
  for (auto& [k, v] : holidays) add(k, {{}, "holiday", v, 0});
  for (auto& [k, v] : anaphoric) add(k, {{}, "anaphoric_day", "", v});
  // Optional sibling time_calendar.json: movable feasts and unit parts.
  std::string cal_path =
      path.substr(0, path.find_last_of('/') + 1) + "time_calendar.json";
  if (std::ifstream cin(cal_path, std::ios::binary); cin) {
    std::stringstream cbuf;
    cbuf << cin.rdbuf();
    core::Json c =
        core::Json::parse(cbuf.str(), nullptr, /*allow_exceptions=*/false);
    if (c.is_discarded() || !c.is_object())
      return core::Status::Invalid(cal_path + ": not a JSON object");
    for (const char* key : {"movable_holidays", "unit_parts"}) {
      auto it = c.find(key);
      if (it == c.end()) continue;
      if (!it->is_object())
        return core::Status::Invalid(cal_path + ": bad " + key);
      for (auto& [k, v] : it->items()) {
        if (!v.is_string())
          return core::Status::Invalid(cal_path + ": bad field " + key + "." +
                                       k);
        std::string val = v.get<std::string>();
        bool unit = key[0] == 'u';
        if (unit && (val.size() < 5 || val.find(':') == std::string::npos))
          return core::Status::Invalid(cal_path + ": bad field " + key + "." +
                                       k);
        add(k, {{}, unit ? "unit_part" : "movable", val, 0});
      }
    }
  }
  auto keys = [&](const auto& m) {
    for (const auto& kv : m) lx.starters.insert(kv.first);
  };
  auto all = [&](const Set& s) { lx.starters.insert(s.begin(), s.end()); };
  keys(lx.months);
  keys(lx.weekdays);
  keys(lx.ordinals);
  keys(lx.relative_days);
  keys(lx.shifts);
  keys(lx.decade_words);
  keys(lx.year_words);
  keys(lx.month_words);
  keys(lx.week_words);
  keys(lx.numbers);
  keys(lx.units);
  keys(lx.parts);
  keys(lx.seasons);
  keys(lx.day_parts);
  keys(lx.refs);
  keys(lx.sets);
  keys(lx.named_times);
  keys(lx.phrases);
  all(lx.fuzzy_numbers);
  all(lx.determiners);
  all(lx.set_words);
  all(lx.ago_before);
  all(lx.future_before);
  for (const char* w : {"jahr", "jahre", "jahres", "year", "fiscal", "q",
                        "latest", "recent", "full", "whole", "entire", "most",
                        "jüngsten", "letzter", "this", "last"})
    lx.starters.insert(w);
  return lx;
}

}  // namespace geotl::ingest::time
