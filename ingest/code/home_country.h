// The article's home country: the country that parties and offices named
// without one ("die Grünen", "der Kanzler", "the interior ministry") belong
// to. In order: the dateline's place ("Wien – …", "NAIROBI, Kenya (AP) _"),
// the publisher's country (lexicons/publishers.json), the country most
// named by the article's actors. Pure functions; thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace geotl::ingest::code {

// A publisher's country and reach.
struct Publisher {
  std::string country;  // ISO alpha-3, "" when unknown
  // A wire service or world broadcaster (AFP, Reuters, Xinhua, BBC World):
  // its country is the story's home only when the story names it.
  bool international = false;
};

// Publisher name (folded) -> country, from lexicons/publishers.json.
class Publishers {
 public:
  // <dir>/publishers.json, then the user lexicon files of kind
  // "publishers" among `user_files` (others are skipped): a user entry
  // overrides a shipped one of the same name. NotFound when neither holds
  // any.
  static core::Result<std::shared_ptr<const Publishers>> Load(
      const std::string& dir, const std::vector<std::string>& user_files = {});
  static core::Result<std::shared_ptr<const Publishers>> FromJson(
      std::string_view json_text);
  // A source field as archives write it: one name ("Der Standard"), a name
  // with its city or country ("The Guardian (Lagos)", "Daily Nation
  // (Kenya)": that place's country, a country name or a city of the
  // system's GeoNames catalogue), or several joined by ";" (the first
  // national publisher, else the first known). Country "" when unknown.
  Publisher Find(std::string_view source) const;
  // Find(source).country.
  std::string CountryOf(std::string_view source) const;

 private:
  Publisher FindOne(std::string_view name) const;
  // Adds the entries of a publishers file; `file` names it in errors.
  core::Status AddText(std::string_view text, std::string_view file,
                       bool skip_other_kinds);
  std::unordered_map<std::string, Publisher> by_key_;
};

// Where the home country came from; `why` says it in words for explain.
enum class HomeSource {
  kNone,
  kDateline,      // "Wien – …", "NAIROBI, Kenya (AP) _"
  kPublisher,     // lexicons/publishers.json
  kNamedCountry,  // the country the article names most (or alone)
  kPlace,         // a note's first place (gazetteer or recogniser)
};

struct HomeCountry {
  std::string country;  // ISO alpha-3, "" when none
  std::string why;      // "dateline Wien", "publisher derStandard", ...
  HomeSource source = HomeSource::kNone;
  // Where the story happens, when a dateline or a note names it below
  // country level (the place of events that name none of their own).
  std::optional<core::Place> place;
  // The sentence the dateline opens (the body's first; a teaser or
  // headline stands before it), -1 without a dateline.
  int dateline_sentence = -1;
};

// `mentions[i]` are the mentions of `sentences[i]`; `publishers` may be null.
HomeCountry FindHomeCountry(std::string_view text,
                            const std::vector<Sentence>& sentences,
                            const std::vector<std::vector<Mention>>& mentions,
                            std::string_view publisher,
                            const Publishers* publishers);

// The home of a note with no dateline, publisher or "in X" (the gazetteer's
// FirstPlace): its first named place below country level, else the
// one country it names; none when it names several or none.
HomeCountry NoteHome(const std::vector<std::vector<Mention>>& mentions);

}  // namespace geotl::ingest::code
