#include "ingest/code/selection.h"

#include <algorithm>
#include <cmath>

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

namespace {

// Two readings of one event: what the kept one leaves open, the other one
// names ("Two are killed during a Boko Haram raid": the raid's doer).
// Actors a fallback or an earlier sentence gave the other reading are no
// one's named doers, nor are those the kept reading has as its targets
// ("168 people were killed in a bombing": the people are no bombers).
void TakeOver(CandidateEvent* kept, const CandidateEvent& other,
              std::string_view text, bool roles) {
  std::string took;
  // Some actor of `from` has the code of one in `in`.
  const auto any_in = [](const std::vector<core::Actor>& from,
                         const std::vector<core::Actor>& in) {
    for (const core::Actor& a : from)
      for (const core::Actor& b : in)
        if (a.code == b.code) return true;
    return false;
  };
  if (roles && kept->actors.empty() && !other.actors.empty() &&
      !other.actor_fallback && !other.inherited_actors &&
      !any_in(other.actors, kept->recipients)) {
    kept->actors = other.actors;
    kept->nonpolitical_actor = other.nonpolitical_actor;
    took += took.empty() ? "actors" : ", actors";
  }
  if (roles && kept->recipients.empty() && !other.recipients.empty() &&
      !any_in(other.recipients, kept->actors)) {
    kept->recipients = other.recipients;
    took += took.empty() ? "recipients" : ", recipients";
  }
  if (!kept->location && other.location) {
    kept->location = other.location;
    took += took.empty() ? "place" : ", place";
  }
  if (!kept->fatalities) kept->fatalities = other.fatalities;
  if (!kept->size) kept->size = other.size;
  if (!took.empty())
    kept->rule +=
        "; " + took + " from \"" +
        std::string(text.substr(other.trigger_start,
                                other.trigger_end - other.trigger_start)) +
        "\"";
}

}  // namespace

std::vector<CandidateEvent> SelectEvents(const TriggerLexicon& lex,
                                         std::vector<CandidateEvent> cands,
                                         std::string_view text,
                                         std::vector<DroppedReading>* dropped) {
  const auto tell = [&](const CandidateEvent& c, std::string_view why) {
    if (dropped)
      dropped->push_back(DroppedReading{
          c.trigger_start, c.trigger_end,
          "no event: " + c.type + " / " + c.label + ", " + std::string(why)});
  };
  const auto word = [&](const CandidateEvent& c) {
    return "\"" +
           std::string(
               text.substr(c.trigger_start, c.trigger_end - c.trigger_start)) +
           "\"";
  };
  auto is_report = [&](const CandidateEvent& c) {
    return lex.entry(c.entry).role == TriggerRole::kReport;
  };
  const bool de = lex.language() == "de";
  bool has_other = false;
  for (const auto& c : cands)
    if (!is_report(c) && c.status != core::EventStatus::kHypothetical)
      has_other = true;
  std::vector<CandidateEvent> kept;
  for (auto& c : cands) {
    if (has_other && is_report(c)) {
      tell(c, "a verb of saying beside an act of the sentence");
      continue;
    }
    bool merged = false;
    for (auto& k : kept) {
      const bool same_clause =
          k.clause_start == c.clause_start && k.clause_end == c.clause_end;
      // German only: in English such nouns were mostly not events of their
      // own (plv-train lost 6 sentences, the English dev articles gained
      // none; the German ones gained two right events).
      const bool phrase = de && (k.noun ? k.in_phrase : c.in_phrase);
      // A participle that is a noun's attribute ("gegen den am Freitag
      // festgenommenen Rabah N. Anklage erhoben") is not the clause's
      // predicate: the noun's act stands beside it.
      const bool attribute = k.noun ? c.attribute : k.attribute;
      if (same_clause && k.noun != c.noun && !attribute &&
          (k.type == c.type || !phrase)) {
        // The verb is the clause's predicate; an event noun beside it is
        // its argument, unless a preposition sets it apart as an act of
        // its own ("Während des Besuchs … wurden Dissidenten
        // festgenommen": a visit and arrests).
        // Unless the verb is what the act named by the noun before it is
        // for: "went on a strike to demand payment" is a strike.
        const CandidateEvent& verb = k.noun ? c : k;
        const CandidateEvent& noun = k.noun ? k : c;
        const bool noun_wins =
            verb.purpose && noun.trigger_start < verb.trigger_start;
        const bool c_wins = noun_wins ? c.noun : k.noun;
        if (dropped)
          tell(c_wins ? k : c,
               "one event with " + word(c_wins ? c : k) +
                   (noun_wins ? " (what the act is for)"
                              : " (a clause's verb and its event noun)"));
        if (c_wins) std::swap(k, c);
        // Only readings of one type share doers and targets (an arrest
        // during a visit is not the visitor's); any two share the place.
        TakeOver(&k, c, text, k.type == c.type);
        merged = true;
        break;
      }
      // "Supporters blocked roads in Algiers demanding that he be
      // reinstated": a verbal participle after a crowd's act says what the
      // crowd acts for; one event, the crowd's.
      const CandidateEvent& first = k.trigger_start < c.trigger_start ? k : c;
      const CandidateEvent& later = k.trigger_start < c.trigger_start ? c : k;
      if (TypeOf(first.type).crowd && later.participle &&
          !TypeOf(later.type).material && first.status == later.status) {
        const bool c_wins = &first == &c;
        if (dropped)
          tell(later,
               "one event with " + word(first) + " (what the crowd acts for)");
        if (c_wins) std::swap(k, c);
        TakeOver(&k, c, text, false);
        merged = true;
        break;
      }
      if ((k.type == c.type && k.status == c.status) ||
          (same_clause && k.noun && c.noun)) {
        // Two event nouns of one clause: the one a fronted preposition
        // sets apart ("Im Zusammenhang mit dem Terroranschlag von Paris hat
        // … Anklage erhoben") is the circumstance of the later one, whatever
        // it scores; not a phrase after it ("führte zu den Unruhen").
        const bool fronted_phrase =
            same_clause && k.noun && c.noun && k.in_phrase != c.in_phrase &&
            (k.in_phrase == (k.trigger_start < c.trigger_start));
        const bool c_wins =
            fronted_phrase ? k.in_phrase : c.confidence > k.confidence;
        if (dropped)
          tell(c_wins ? k : c,
               "one event with " + word(c_wins ? c : k) +
                   (fronted_phrase ? " (a fronted phrase is its circumstance)"
                    : k.type == c.type && k.status == c.status
                        ? " (one event per type and status in a sentence)"
                        : " (two event nouns of one clause)"));
        if (c_wins) std::swap(k, c);
        if (k.type == c.type) TakeOver(&k, c, text, true);
        merged = true;
        break;
      }
    }
    if (!merged) kept.push_back(std::move(c));
  }
  for (auto& k : kept)
    k.confidence =
        std::round(std::clamp(k.confidence, 0.05, 0.95) * 100.0) / 100.0;
  return kept;
}

}  // namespace geotl::ingest::code
