// The working state of coding one sentence, shared by the coder's stages.
// SentenceCoder::Code fills a SentenceState stage by stage (mentions,
// clauses, triggers, attribution, groups, owners, governors), then codes
// each remaining trigger hit as a Predicate (status, roles, retyping,
// location, numbers, score). Owned by one Code call; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ontology.h"
#include "ingest/code/cues.h"
#include "ingest/code/sentence_coder.h"
#include "ingest/code/tokens.h"
#include "ingest/code/trigger_lexicon.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// A recogniser mention as a span of the sentence's tokens.
struct MentionRef {
  const Mention* m = nullptr;
  int first = 0, last = 0;    // token span
  bool inside_token = false;  // "US" in "US-Raketenabwehr-Schirm"
  bool border = false;        // a country named as a border ("near the
                              // border with Turkey"): no party, no place
  bool stance = false;        // named after "pro-" or "anti-" ("pro-Castro
                              // demonstrators"): never a doer
  bool opposed = false;       // ... after "anti-": the group's target
};

// Tokens between clause marks and subordinators.
struct Clause {
  int first = 0, last = 0;
  bool subordinate = false;
  bool attribution = false;
  bool quote = false;
  int quote_words = 0;  // words of the whole quotation a quote clause is in
};

// Coordinated actor mentions that fill one role: "Russland und Japan".
struct Group {
  std::vector<const Mention*> members;  // actor mentions, most specific
                                        // per unit
  int first = 0, last = 0;              // tokens
  int clause = 0;
  std::string prep;         // governing preposition, "" if none
  uint64_t prep_cues = 0;   // its cue lists (CueBit), 0 if none
  bool genitive = false;    // attached to a preceding noun
  bool head_in_pp = false;  // ... whose noun follows a preposition
  bool attribution = false;
  bool group_ref = false;  // "beide Länder": resolved from context
  bool bracketed = false;  // in brackets after a name: "Khom (ÖVP)", the
                           // named person's party, never a recipient
  // Places only, in a bracketed list after a place ("Handwara (Kupwara,
  // Kabul)"): the admin names of a place, no party.
  bool admin_names = false;
};

// SentenceState::absorbed values that name no governor.
inline constexpr int kNotAbsorbed = -1;
inline constexpr int kAttributive = -2;  // German attributive participle

struct SentenceState {
  // Inputs.
  std::string_view text;  // the whole article
  size_t start = 0, end = 0;
  const SentenceContext& ctx;
  const TriggerLexicon& lex;
  const Cues& cues;
  bool de = false;  // German rules (verb second, compounds, genitives)
  // Tokens and their cue masks (per-thread buffers of the caller).
  const std::vector<Token>& toks;
  const std::vector<uint64_t>& cw;  // single-word cue lists per token
  const std::vector<uint64_t>& cs;  // lists with a word or phrase starting
  int n = 0;                        // toks.size()
  // Filled by the stages, in this order.
  std::vector<MentionRef> refs;  // mentions.h
  std::vector<int> mention_at;   // token -> actor mention in refs, or -1
  std::vector<Clause> clauses;   // clauses.h
  std::vector<int> clause_of;    // token -> clause
  std::vector<TriggerHit> hits;  // the trigger lexicon's, in token order
  std::vector<char> attributed;  // attribution.h: token in an attribution
  std::vector<Group> groups;     // groups.h
  // governors.h: per hit, the governor hit that took it over, kAttributive
  // for a German attributive participle, or kNotAbsorbed.
  std::vector<int> absorbed;
  std::vector<int> governs;      // hit -> the hit it governs, or -1
  std::vector<char> background;  // hit is a noun in a temporal phrase
  // interview_turn.h: who answers in this sentence of an interview.
  std::optional<core::Actor> speaker;
  // The sentence is in the interviewer's turn (ctx.question_turn, or it
  // opens one).
  bool question_turn = false;
  SentenceResult out;  // persons, new owners; events at the end
};

// One trigger hit being coded into a candidate event. `ev` collects the
// decisions; the rest is what later stages read.
struct Predicate {
  const TriggerHit& h;
  const TriggerEntry& e;                     // the hit's lexicon entry
  int hit = 0;                               // index into SentenceState::hits
  TriggerRole role = TriggerRole::kContent;  // e's, but a governor used as
                                             // a noun is content
  int ci = 0;                                // its clause
  bool noun = false;                         // the trigger is (used as) a noun
  int prep_at = -1;          // token of the preposition opening a noun
  uint64_t prep_before = 0;  // cue bits of the preposition opening a noun
                             // trigger's phrase ("beim Besuch"); 0 for verbs
  int scope_last = 0;        // last token where objects may be found
  // status.h
  bool negated = false, hypothetical = false, intent = false;
  bool planned = false, passive = false;
  bool conditional = false;  // in a clause with "wenn", "falls", "if"
  // roles.h
  int actor_group = -1;        // groups index of the actors, or -1
  int place_group = -1;        // a place modifying a noun ("Madrid summit")
  int destination_group = -1;  // the place a visit noun names ("China-Besuch")
  int bystander_group = -1;    // the clause's subject that is not a party
                               // ("nach dem Anschlag fahnden die Behörden")
  int victim_group = -1;       // the subject of a verb of dying before the
                               // act ("died in the bombing"): a recipient
  const Group* agent = nullptr;     // the von/by group, if any
  std::vector<core::Actor> judged;  // what a judgement is about (recipients)
  CandidateEvent ev;
};

// The predicate is read as a noun: its hit is (Predicate::noun), except a
// German lower-case form of a noun entry, which is a verb ("wird Putin …
// treffen", "traf").
inline bool NounReading(const SentenceState& s, const Predicate& p) {
  return p.noun && (!s.de || s.toks[p.h.head].capitalized);
}

// The type's classes; all false for a type the ontology does not know.
inline core::EventTypeInfo TypeOf(std::string_view type) {
  return core::FindEventType(type).value_or(core::EventTypeInfo{});
}

// A country as such, no organ of it ("Iran", "Britain", "Americans"): a
// place stand-in or a people, not a state's organ.
inline bool BareCountry(const core::Actor& a) {
  return a.kind == core::ActorKind::kCountry && a.sector.empty();
}

}  // namespace geotl::ingest::code
