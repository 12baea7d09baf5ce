// Recognizer: finds actors (countries, persons with dated roles, role nouns,
// organisations, non-state groups) and places in a sentence, from the
// lexicons under lexicons/<lang>/ plus ICU country names and GeoNames cities.
// Dictionaries compile once into an immutable longest-match structure; a
// loaded Recognizer is read-only and safe to share across threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"
#include "ingest/text.h"

namespace geotl::ingest {

enum class MentionKind {
  kCountry,
  kPerson,
  kRole,
  kOrganization,
  kGroup,
  kPlace
};

struct Mention {
  size_t start = 0, end = 0;  // byte offsets into the article text
  MentionKind kind = MentionKind::kCountry;
  std::optional<core::Actor>
      actor;  // set for every kind but kPlace (and metonyms)
  std::optional<core::Place>
      place;         // set for places (cities, admin1, countries)
  std::string rule;  // lexicon entry / rule that produced it
  // The actor has no country of its own ("der Kanzler", "die Polizei", "die
  // Grünen"): it stands for the article's home country, which the coder
  // fills in (ApplyHomeCountry), or drops the mention when there is none.
  bool home = false;
  // A bare group ("soldiers", "gunmen", "protesters"): a non-state or
  // unnamed group whose country is the event's place's, filled in by the
  // coder (code::PlaceGroups); without a place it takes the home country.
  bool placed = false;
  // A country named by its adjective ("Russian", "russischer").
  bool adjective = false;
  // A country named by its people ("Algerier", "Israelis"): never a place.
  bool demonym = false;
  // A dictionary name written in its German genitive form ("Merkels",
  // "Erdogans"); the -s of "Doris Bures" is part of the name.
  bool genitive = false;
  // The stance prefix written before it with a hyphen (roles.json
  // "stance_prefixes", folded: "pro" in "pro-Russian", "anti" in
  // "Anti-Erdogan-Demonstranten"): a group for or against the name, never
  // the name itself; empty when there is none.
  std::string stance;
  // A person the lexicons do not know, introduced as a commentator ("der
  // Historiker Oliver Rathkolb", "Rudolf Taschner, Mathematiker an der TU";
  // roles.json "commentator_nouns"): what they say or do is no political
  // act, though they may be its target.
  bool commentator = false;
  // A dictionary person who held an office (a dated role) on the
  // sentence's date: a bare surname of such a person needs no full mention.
  bool in_office = false;
  // A small town (one word, under 100,000 people, no capital) whose country
  // nothing else in its sentence names: the coder keeps it only when the
  // article names that country elsewhere or is at home there ("Mut" in
  // "Ehrlichkeit, Mut und Verantwortung" is no town in Turkey).
  bool needs_country = false;
  // A town of any length under 100,000 people, not a capital, with no
  // country or admin name of its own in the sentence ("New Brighton"): a
  // local outlet's text must name its country (stray_towns.h).
  bool small_town = false;
  // A `home` party family found in several countries ("Republikaner",
  // "Sozialdemokraten"): the countries that have one, in order of
  // preference. It takes the home country when that is among them, else the
  // one the article names most, else the first.
  std::vector<std::string> home_among;
};

// Gives `home` mentions the country `alpha3` (code = country + sector,
// name = its English name); with an empty `alpha3` removes the persons
// among them and makes the rest `placed`. A mention with `home_among`
// takes its country from that list (`article_countries`: the countries
// the article names, most named first); with `choices`, each such choice
// is appended there with its reason, for `geotl explain`.
struct HomeChoice {
  size_t start = 0, end = 0;  // bytes of the mention
  std::string why;            // "party family -> USA (...)"
};
void ApplyHomeCountry(const std::string& alpha3,
                      const std::vector<std::string>& article_countries,
                      std::vector<Mention>* m,
                      std::vector<HomeChoice>* choices = nullptr);

struct RecognizerOptions {
  // Lexicon root (lexicons/); empty = DefaultLexiconDir().
  std::string lexicon_dir;
  // Extra user lexicon files (e.g. from `geotl lexicon import-petrarch`).
  std::vector<std::string> user_lexicons;
  // ':'-separated files or directories of *.json, loaded after
  // user_lexicons; a named file that does not exist is an error (the CLI
  // passes $GEOTL_USER_LEXICONS).
  std::string user_lexicon_path;
  // A directory whose *.json are loaded after those, if it exists (the CLI
  // passes the default user lexicon directory when $GEOTL_USER_LEXICONS is
  // unset).
  std::string user_lexicon_dir;
  // Root of the GeoNames name catalogues of city names
  // (<root>/<lang>/LC_MESSAGES/geonames.mo); "" = the system's
  // (geo::CityNames).
  std::string locale_dir;
};

// <exe>/../share/geotl/lexicons, else the source tree's lexicons/.
std::string DefaultLexiconDir();

// The user lexicon files a Recognizer loads with `options`, in load order:
// options.user_lexicons, then every entry of user_lexicon_path, then the
// *.json of user_lexicon_dir.
std::vector<std::string> UserLexiconFiles(const RecognizerOptions& options);

class Recognizer {
 public:
  virtual ~Recognizer() = default;
  static core::Result<std::shared_ptr<const Recognizer>> Load(
      const RecognizerOptions& options);
  // Mentions in `sentence` of `text`, in text order, non-overlapping
  // (longest match wins). Persons resolve as of `as_of`.
  virtual std::vector<Mention> Find(std::string_view text,
                                    const Sentence& sentence,
                                    std::string_view language,
                                    core::Date as_of) const = 0;
};

}  // namespace geotl::ingest
