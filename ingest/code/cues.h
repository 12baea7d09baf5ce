// Closed-class word lists the coder reads beside the triggers
// (lexicons/<lang>/coder_cues.json): negation, modality, prepositions by
// role, clause openers, attribution, coordination, group references, and
// the small words and affixes its rules test. Each list is a set of single
// words plus multiword phrases. Immutable after Load; thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {

enum CueBit : uint64_t {
  kNegation = uint64_t{1} << 0,
  kHypothetical = uint64_t{1} << 1,
  kFuture = uint64_t{1} << 2,
  kIntent = uint64_t{1} << 3,
  kPlan = uint64_t{1} << 4,
  kReported = uint64_t{1} << 5,
  kPassiveAux = uint64_t{1} << 6,
  kAgentPreps = uint64_t{1} << 7,
  kRecipientPreps = uint64_t{1} << 8,
  kLocativePreps = uint64_t{1} << 9,
  kBetweenPreps = uint64_t{1} << 10,
  kOtherPreps = uint64_t{1} << 11,
  kSubordinators = uint64_t{1} << 12,
  kRelatives = uint64_t{1} << 13,
  kAttributionLead = uint64_t{1} << 14,
  kAttributionTail = uint64_t{1} << 15,
  kReportVerbs = uint64_t{1} << 16,
  kCoordination = uint64_t{1} << 17,
  kDeterminers = uint64_t{1} << 18,
  kJoint = uint64_t{1} << 19,
  kGroupRefs = uint64_t{1} << 20,
  kPronouns = uint64_t{1} << 21,
  kDeathWords = uint64_t{1} << 22,
  kCrowdWords = uint64_t{1} << 23,
  kAnaphora = uint64_t{1} << 24,
  kNotClauseOpeners = uint64_t{1} << 25,
  kFutureAux = uint64_t{1} << 26,
  kPastPassiveAux = uint64_t{1} << 27,
  kInfinitiveMarkers = uint64_t{1} << 28,
  kPurposePreps = uint64_t{1} << 29,
  kDefiniteDeterminers = uint64_t{1} << 30,
  kLocativeBreaks = uint64_t{1} << 31,
  kGenitiveMarkers = uint64_t{1} << 32,
  kPeopleWords = uint64_t{1} << 33,
  kBackgroundPreps = uint64_t{1} << 34,
  kPastSubjunctive = uint64_t{1} << 35,
  kConditionals = uint64_t{1} << 36,
  kPersonPronouns = uint64_t{1} << 37,
  kKnownDeterminers = uint64_t{1} << 38,
  kSubjectPronouns = uint64_t{1} << 39,
  kGovernedInfinitive = uint64_t{1} << 40,
  kNumberPronouns = uint64_t{1} << 41,
  kPluralVerbs = uint64_t{1} << 42,
  kSubjectRelatives = uint64_t{1} << 43,
  kSourcePreps = uint64_t{1} << 44,
  kNotNegation = uint64_t{1} << 45,
  kHabitual = uint64_t{1} << 46,
  kPutOff = uint64_t{1} << 47,
};

// Every preposition's cue bit.
inline constexpr uint64_t kAnyPrep = kAgentPreps | kRecipientPreps |
                                     kLocativePreps | kBetweenPreps |
                                     kOtherPreps;

class CueList {
 public:
  void Add(const std::string& phrase);
  // Length in tokens of the cue starting at tokens[i], 0 if none (or if i
  // lies outside tokens).
  int MatchAt(const std::vector<Token>& tokens, int i) const;
  bool Has(std::string_view word) const {
    return words_.count(std::string(word)) > 0;
  }
  bool empty() const { return words_.empty() && phrases_.empty(); }
  // The single words (for affix lists, which are matched inside words).
  const std::unordered_set<std::string>& words() const { return words_; }

 private:
  std::unordered_set<std::string> words_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>>
      phrases_;
};

struct Cues {
  CueList negation;          // nicht, kein, not, never
  CueList not_negation;      // nicht nur, not only: negate nothing
  CueList hypothetical;      // könnte, würde, falls, could, might, if
  CueList future;            // werden (+inf), will, shall, to be held
  CueList intent;            // wollen, möchten, bereit, willing, promise to
  CueList plan;              // sollen, geplant, scheduled, is to
  CueList reported;          // soll ... haben (hearsay), reportedly
  CueList passive_aux;       // wurde, worden, was, were, been
  CueList agent_preps;       // von, durch, by
  CueList recipient_preps;   // gegen, mit, an, auf, against, with, to, on
  CueList locative_preps;    // in, im, bei, at, near
  CueList between_preps;     // zwischen, between
  CueList other_preps;       // any other preposition (blocks subjecthood)
  CueList subordinators;     // dass, weil, nachdem, that, because, after
  CueList relatives;         // der/die/das after a comma, which, who
  CueList attribution_lead;  // laut, nach angaben, according to
  CueList attribution_tail;  // zufolge
  CueList report_verbs;      // berichtet, zitiert, sagte, said, told
  CueList coordination;      // und, sowie, oder, and, or
  CueList determiners;       // der, die, das, the, a
  CueList joint;             // gemeinsam, joint, bilateral
  CueList group_refs;        // beide länder, both countries
  CueList pronouns;          // wir, sie, er, they, he, it
  CueList death_words;       // getötet, tote, killed, dead
  CueList crowd_words;       // demonstranten, protesters
  CueList anaphora;          // dazu, dabei, es, then, they: continues the story
  CueList not_clause_openers;     // als, wie, um, da, as: subordinators that
                                  // do not open a clause
  CueList future_aux;             // wird, werden, werde (+ infinitive)
  CueList past_passive_aux;       // wurde, wurden, worden: passive, not plan
  CueList infinitive_markers;     // zu (+ infinitive): an announced plan
  CueList purpose_preps;          // für, for: "für einen Angriff"
  CueList definite_determiners;   // die, den, das, diese, the, this
  CueList locative_breaks;        // ist, hat, war, has, had: no place after
                                  // them; English "war" the noun: "in its
                                  // war with Iran" names no place
  CueList genitive_markers;       // der, des (after a noun), of
  CueList people_words;           // soldaten, zivilisten, soldiers
  CueList background_preps;       // nach, seit, trotz, after, despite
  CueList anterior_preps;         // vor, before: a background still to come
  CueList possibility_modifiers;  // possible, mögliche: an act not (yet) real
  // Nouns that weigh an act named after them ("the possibility of a ground
  // assault", "die Gefahr eines Krieges"), with the words that link them
  // ("of", "vor"; a German genitive needs none).
  CueList possibility_nouns;
  CueList possibility_links;
  CueList habitual_adverbs;    // ständig, oft, routinely: a habit
  CueList indirect_questions;  // ob, whether: what follows is asked
  CueList bodily_cues;         // injured, cadres, verletzt: an attack on bodies
  CueList commemorations;      // anniversary, Jahrestag: of an act long past
  CueList put_off;             // verschoben, postponed: not (yet) done
  CueList past_subjunctive;    // hätte, wäre: a condition's consequence,
                               // or (without one) reported speech
  CueList conditionals;        // wenn, falls, if: a condition
  CueList person_pronouns;     // er, he, she: the latest named person
  CueList known_determiners;   // der, beim, the, this: a thing the reader
                               // knows ("the bombing" after the lead)
  CueList subject_pronouns;    // sie, er, they, he, she: opening a clause,
                               // the previous event's actors
  CueList governed_infinitive;  // zu, to: a verb after it is what the
                                // governor before says ("refused to allow")
  CueList number_pronouns;      // sie: a person when its verb is singular
                                // ("Sie fordert"), else a group
  CueList source_preps;         // aus, from: where an act of force came from
  CueList subject_relatives;    // der, who: the antecedent is the subject
  CueList plural_verbs;         // sind: plural finite verbs not ending in -n
  // Affixes, matched inside the head word, not as tokens.
  // Where the gazetteer may read a place name (not matched as tokens):
  // prepositions after which a capitalised word may be a town (German
  // capitalises nouns: only "in", "aus", "nach", "bei"; empty = every
  // locative preposition), and capitalised words that are never one
  // ("in Höhe von", "in Gang").
  CueList gazetteer_preps;
  CueList gazetteer_stop;
  // A name the gazetteer does not know, right after one of these
  // prepositions ("killed in Selea"), is a place of the story's country
  // unless it holds a word of unknown_place_stop (months, institutions);
  // empty = never (German capitalises every noun).
  CueList unknown_place_preps;
  // Verbs whose object may be the place acted on ("bombed Jebel Ouergha",
  // "raided Kailenge"): a name the gazetteer reads there with the text's
  // support, or in a brief one it does not know.
  CueList place_object_verbs;
  CueList unknown_place_stop;
  // Words for a settlement or a division written after its name ("raided
  // Gouzoudou village", "attack Thur camp", "Mutongo locality"): the name
  // is a place wherever it stands, no preposition needed; empty = never
  // (German writes "das Dorf X", and compounds).
  CueList settlement_nouns;
  // Words for an attack after which "on" names the place attacked, in a
  // note ("an attack on Maxaas", "opened fire on Jugma").
  CueList attack_on_nouns;
  // Words for a facility a town's name may open, in a note ("the Benghazi
  // Medical Centre", "Haramaya university"): gazetteer_place.cc.
  CueList facility_nouns;
  CueList zu_infinitive_prefixes;  // abzu, anzu, aufzu: "anzugreifen"
  CueList participle_prefixes;     // ge
  CueList participle_suffixes;     // iert, ed, en
  CueList participle_particles;    // ab, an, fest (+ ge): "festgenommen"
  CueList irregular_participles;   // held, met, shot, taken
  CueList irregular_pasts;         // took, gave, sent: finite past verbs
  // German inseparable prefixes (be, emp, ent, er, ver, zer): a past
  // participle without "ge" ("verhaftet", "zerstört"; after "wurde" also
  // "empfangen", "erschossen", whose -en form may be an infinitive).
  CueList inseparable_prefixes;
  // German determiners that are never nominative ("den", "dem", "einen"):
  // the group after one is no subject ("Castro empfing den Argentinier").
  CueList oblique_determiners;
  // German "das", "dies": a clause-opening object before a verb whose
  // subject follows it ("Das kritisierte Niessl"), not the determiner of
  // an attributive participle ("das eroberte Gebiet").
  CueList neuter_demonstratives;
  // German words that open a main clause as its subject: nominative
  // pronouns ("Er", "Wir", "Man") and the determiners of a nominative noun
  // phrase ("Die Firma", "Ein Sprecher"). A bare group after the verb of
  // such a clause is its object ("Er kritisierte die Regierung").
  CueList vorfeld_pronouns;
  CueList vorfeld_determiners;
  // "ich", "wir", "I", "we": a clause whose subject is the speaker states
  // the speaker's own view (an interview, a quote).
  CueList first_person_subjects;
  // "until": a clause it opens under a future, negated or hypothetical
  // clause is a condition ("will remain until Iraq complies", "will not end
  // the strike until their demands are met"), not an act that happened.
  CueList condition_openers;
  // Words of an adverbial set off by commas inside a clause ("The Senate,
  // yesterday, began …", "…, however, …"): the clause goes on over it.
  CueList inserted_adverbs;
  // English nouns whose to-infinitive is their aim, not an act: "a
  // campaign to seize the capital", "a bid to oust him".
  CueList purpose_nouns;
  // German: the preposition between a plan noun and its aim ("Plan zur
  // Entsendung", "Vorschlag für eine Sitzung").
  CueList aim_preps;
  // English: a modal of obligation that is a demand ("must"); its
  // subject is addressed, the sentence's speaker demands.
  CueList obligation_modals;
  // Disasters and mishaps whose harm is no act ("earthquake", "Unglück";
  // matched by a word's ending, so compounds count).
  CueList mishap_nouns;
  // English: after a noun trigger and its copula, a plan ("talks are
  // scheduled for Monday", "a summit set for April").
  CueList noun_plan_cues;
  // "has been arrested more than a dozen times": a perfect (perfect_aux)
  // with a count (repetition_counts) of times (repetition_nouns) is a habit.
  CueList perfect_aux;
  CueList repetition_counts;
  CueList repetition_nouns;
  // "helped hang a poster": before a bare verb, no act of its own.
  CueList bare_verb_helpers;
  // A fight that is a struggle (assertion.h StrivingNotFighting): markers
  // after or before the verb ("fighting to keep", "für … zu kämpfen") and
  // German auxiliaries of "zu kämpfen haben".
  // Seats of government ("parliament", "ministry", "Präsidentenpalast"):
  // a brief that names one and no place happens in the capital
  // (seat_place.h).
  CueList seat_nouns;
  CueList striving_markers;
  CueList vorfeld_adverbs;         // German adverbs that fill the Vorfeld
                                   // ("Gestern kritisierte die Regierung")
  CueList vorfeld_adverb_endings;  // "-end", "-lich": adverb-shaped words
  CueList protest_groups;          // "protesters", "Demonstranten": a crowd's
                                   // demands and charges are political acts
  CueList struggle_auxiliaries;
  CueList member_nouns;   // "Land", "Mitglied", "member": "Nato-Land Türkei"
  CueList mission_nouns;  // "embassy", "Botschaft": "in X" after them says
                          // where the mission is, not who is a party
  CueList goal_preps;     // "nach", "to": where people are sent, not where
                          // the state that sends them acts
  // Words for an incident that are no trigger ("blast", "explosion"): the
  // antecedent of "the embassy blast that killed 10 people".
  CueList incident_nouns;
  // Money, loans, weapons, troops: support given with them is aid.
  CueList material_goods;
  // "at last year's Madrid summit", "beim G8-Gipfel": a meeting noun
  // (setting_nouns) after a preposition of setting (setting_preps) and
  // without a partner (partner_preps: "at a meeting with Putin").
  CueList setting_nouns;
  // Nouns that name people by their stance or office ("Befürworter",
  // "Vermittler", "mediator"): an act only as the predicate of a copula
  // (copulas: "sind die einzigen Befürworter"), not in apposition or as an
  // object ("mehr Mandate als die Eheöffnungsbefürworter").
  CueList stance_person_nouns;
  CueList copulas;
  CueList setting_preps;
  CueList partner_preps;
  // A country named as a border says where, not who ("near the border with
  // Somalia", "an der syrischen Grenze"): the nouns ("border", "Grenze"),
  // the words linking them to the country after them ("with", "zu"), and
  // the prepositions that make the phrase a place ("near", "an"); crossing
  // a border ("überschritten die Grenze zum Irak") names the target.
  CueList border_nouns;
  CueList border_links;
  CueList border_preps;
  // Prefixes that name what a group stands against ("anti-Castro
  // demonstrators", "Anti-Erdogan-Demonstranten"): the name after them is
  // the act's target, never its doer.
  CueList opposing_prefixes;
  // Marks after which a German clause opens, its first word capitalised as
  // any first word: a dateline's dash, a colon ("Luxemburg – Angeklagt
  // sind …").
  CueList opening_marks;
  // English words before a past participle that make it no finite verb
  // ("had killed", "to be released", "having beaten").
  CueList nonfinite_aux;
  // Prepositions before an act of force named by a noun that make the
  // clause's subject no party to it ("paid tribute to bombing victims",
  // "charged him in the shooting", "wegen des Anschlags").
  CueList bystander_preps;
  // Verbs of dying ("died", "starben"; German "ums" of "kamen ums Leben"):
  // the subject of one before an act of force named in a prepositional
  // phrase ("27 soldiers died in the bombing", "starben bei dem
  // Anschlag") is its victim, not its doer.
  CueList victim_verbs;
  // English participles of verbs that always take an object ("killed",
  // "wounded", "arrested"): with none after them they are a passive whose
  // auxiliary is left out ("others wounded in the blasts").
  CueList object_participles;
  // English governors that take their content as a clause without "that"
  // ("alleging Gonzalez abused his wife", "denied he had ordered"): a past
  // verb right after a short subject is what they say, not a verb of its
  // own (governors.cc, Govern).
  CueList content_clause_verbs;
  // English modifiers inside the noun phrase of an act ("the car bombing",
  // "of terrorist attacks", "fresh air strikes"): words, and adjective
  // suffixes (governors.h, EnglishNounUse).
  CueList noun_modifiers;
  CueList adjective_suffixes;
  // English nouns an act's noun can modify ("bombing victims", "protest
  // leaders", "ceasefire lines"): the phrase names them, not the act.
  CueList compound_heads;
  // Words that open a longer place name and are no place alone ("West
  // Welega", "Federal University"): gazetteer_place.cc.
  CueList name_openers;
  // Month names that are also cue words ("may"): capitalised next to a
  // number ("On 3 May 2020", "May 3") they are the month, no cue
  // (Annotate).
  CueList month_homographs;
  // Of those, the ones an "-ing" form modifies rather than takes as its
  // object ("with bombing victims", not "attacking leaders").
  CueList gerund_heads;
  // Verbs whose subject judges ("nannte", "bezeichnete", "hält … für"): a
  // judgement trigger in their clause is the subject's own.
  CueList judging_verbs;
  std::unordered_map<std::string, long> number_values;  // "zwei" -> 2

  // Per token of a sentence: `word` = the single-word lists it belongs to,
  // `start` = the lists with a word or phrase starting at it (CueBit masks).
  // One hash lookup per token instead of one per list and question.
  void Annotate(const std::vector<Token>& tokens, std::vector<uint64_t>* word,
                std::vector<uint64_t>* start) const;

  static core::Result<std::shared_ptr<const Cues>> Load(
      const std::string& dir, const std::string& language);
  static core::Result<std::shared_ptr<const Cues>> FromJson(
      std::string_view text, const std::string& language);

 private:
  std::unordered_map<std::string, uint64_t> word_mask_;
  std::unordered_map<std::string,
                     std::vector<std::pair<std::vector<std::string>, uint64_t>>>
      phrase_mask_;
};

}  // namespace geotl::ingest::code
