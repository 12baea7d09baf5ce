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

// Publisher name (folded) -> ISO alpha-3, from lexicons/publishers.json.
class Publishers {
 public:
  static core::Result<std::shared_ptr<const Publishers>> Load(
      const std::string& dir);
  static core::Result<std::shared_ptr<const Publishers>> FromJson(
      std::string_view json_text);
  // "" when unknown.
  std::string CountryOf(std::string_view publisher) const;

 private:
  std::unordered_map<std::string, std::string> country_;
};

struct HomeCountry {
  std::string country;  // ISO alpha-3, "" when none
  std::string why;      // "dateline Wien", "publisher derStandard", ...
  // Where the story happens, when a dateline or a note names it below
  // country level (the place of events that name none of their own).
  std::optional<core::Place> place;
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
