// Codes one sentence into candidate events: Code is a short coordinator over
// the stages (mentions, interview turn, clauses, attribution, groups, owners,
// governors, then per trigger status, roles, retype, location, numbers,
// rule_score; finally selection), which share a SentenceState
// (sentence_state.h). Discourse comes in through SentenceContext. Stateless
// over immutable lexicons; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "geo/gazetteer.h"
#include "ingest/code/cues.h"
#include "ingest/code/tokens.h"
#include "ingest/code/trigger_lexicon.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// What earlier sentences of the article tell this one.
struct SentenceContext {
  std::vector<core::Actor> last_actors;      // actors of the latest coded event
  std::vector<core::Actor> last_recipients;  // its recipients
  std::vector<core::Actor>
      last_persons;  // persons named in the previous sentence
  int sentence = 0;  // index of the sentence in the article (0 = lead)
  std::string home;  // the article's home country (home_country.h), or ""
  // The home country is where the story happens: a dateline, or the first
  // place of a note with neither dateline nor publisher.
  bool home_is_place = false;
  // The home country is a local outlet's: its publisher's
  // (geo::PlaceContext::local_outlet).
  bool local_outlet = false;
  // The article is a brief: a note of a few sentences about one incident
  // (kBriefSentences).
  bool brief = false;
  // That place below country level, when known (its text empty: it is not
  // named in the event's sentence).
  std::optional<core::Place> home_place;
  std::string last_place_country;  // country of the latest placed event
  // The person answering in the current turn of an interview
  // (interview_turn.h); none outside interviews and in the questions.
  std::optional<core::Actor> turn_speaker;
  // The person an interview article interviews (FindInterviewee), and
  // whether the current turn is the interviewer's ("STANDARD: …"), whose
  // "Sie" is that person.
  std::optional<core::Actor> interviewee;
  bool question_turn = false;
  // Normalised nouns owned by a country ("raketenabwehrschild" -> USA).
  std::vector<std::pair<std::string, core::Actor>> owners;
  // The gazetteer (may be null) and the article's likely countries for
  // place names (home country, then the most named), alpha-3.
  const geo::Gazetteer* gazetteer = nullptr;
  std::vector<std::string> article_countries;
  // Also list the sentence's place readings (SentenceResult::places), for
  // `geotl explain`.
  bool want_places = false;
  bool want_dropped = false;  // fill SentenceResult::dropped (for explain)
};

// A place the coder reads in a sentence: a name the gazetteer reads after a
// locative preposition, or a recognised town re-read in the sentence's
// context (gazetteer_place.h).
struct SentencePlace {
  size_t start = 0, end = 0;  // bytes of the name in the article
  core::Place place;
  std::string rule;
};

// A trigger the coder read and set aside, and why (for explain).
struct DroppedReading {
  size_t start = 0, end = 0;  // bytes of the trigger in the article
  std::string why;
};

struct CandidateEvent {
  int entry = -1;          // trigger entry that decided the type
  int content_entry = -1;  // governed action, if any
  std::string type, mode, cameo, label;
  core::EventStatus status = core::EventStatus::kOccurred;
  std::vector<core::Actor> actors, recipients;
  std::optional<core::Place> location;
  std::optional<long> fatalities, size;
  double confidence = 0.5;
  size_t trigger_start = 0, trigger_end = 0;  // bytes of the head word
  size_t clause_start = 0, clause_end = 0;    // bytes of its clause
  bool inherited_actors = false;
  bool compound = false;   // trigger matched as a compound's head
  bool noun = false;       // the trigger is (used as) a noun
  bool in_phrase = false;  // a noun after a preposition ("beim Besuch")
  // An English -ing participle of its own, after no auxiliary ("…,
  // demanding that he be reinstated").
  bool participle = false;
  bool attribute = false;  // a German participle as a noun's attribute
  bool purpose = false;    // an English verb after "to": "went on strike to
                           // demand …" names what the act is for
  bool actor_fallback = false;  // actors from a fallback rule (relative
                                // antecedent, main clause, speaker,
                                // pronoun); carried-over actors are
                                // inherited_actors
  // The actor is a bare group of no political standing for this act
  // ("citizens welcomed …"): no event of the timeline.
  bool nonpolitical_actor = false;
  std::string rule;  // human-readable decisions, for explain
};

struct SentenceResult {
  std::vector<CandidateEvent> events;  // in trigger order
  std::vector<core::Actor> persons;  // person mentions (for the next sentence)
  std::vector<std::pair<std::string, core::Actor>> new_owners;
  std::vector<SentencePlace> places;    // only with context.want_places
  std::vector<DroppedReading> dropped;  // only with context.want_dropped
  // The sentence opens an interview turn ("Poposki: …"); its speaker, when
  // a person is named before the colon (interview_turn.h).
  bool opens_turn = false;
  std::optional<core::Actor> turn_speaker;
};

class SentenceCoder {
 public:
  SentenceCoder(const TriggerLexicon* triggers, const Cues* cues)
      : lex_(*triggers), cues_(*cues) {}
  // `mentions` are the recogniser's mentions inside the sentence.
  SentenceResult Code(std::string_view text, size_t start, size_t end,
                      const std::vector<Mention>& mentions,
                      const SentenceContext& context) const;

 private:
  const TriggerLexicon& lex_;
  const Cues& cues_;
};

// Country place (precision country, M49 regions) for an alpha-3 code; empty
// optional for IGO codes and unknown countries.
std::optional<core::Place> CountryPlace(const std::string& alpha3,
                                        const std::string& text);

}  // namespace geotl::ingest::code
