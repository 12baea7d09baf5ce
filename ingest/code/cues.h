// Closed-class word lists the coder reads beside the triggers
// (lexicons/<lang>/coder_cues.json): negation, modality, future and intent,
// passive auxiliaries, prepositions by role, clause openers, attribution
// leads and reporting verbs, coordination, "joint" words and group
// references ("beide Länder"). Each list is a set of single words plus
// multiword phrases. Immutable after Load; thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "ingest/code/tokens.h"

namespace geotl::code {

enum CueBit : uint32_t {
  kNegation = 1u << 0,
  kHypothetical = 1u << 1,
  kFuture = 1u << 2,
  kIntent = 1u << 3,
  kPlan = 1u << 4,
  kReported = 1u << 5,
  kPassiveAux = 1u << 6,
  kAgentPreps = 1u << 7,
  kRecipientPreps = 1u << 8,
  kLocativePreps = 1u << 9,
  kBetweenPreps = 1u << 10,
  kOtherPreps = 1u << 11,
  kSubordinators = 1u << 12,
  kRelatives = 1u << 13,
  kAttributionLead = 1u << 14,
  kAttributionTail = 1u << 15,
  kReportVerbs = 1u << 16,
  kCoordination = 1u << 17,
  kDeterminers = 1u << 18,
  kJoint = 1u << 19,
  kGroupRefs = 1u << 20,
  kPronouns = 1u << 21,
  kDeathWords = 1u << 22,
  kCrowdWords = 1u << 23,
  kAnaphora = 1u << 24,
};

class CueList {
 public:
  void Add(const std::string& phrase);
  // Length in tokens of the cue starting at tokens[i], 0 if none.
  int MatchAt(const std::vector<Token>& tokens, int i) const;
  bool Has(std::string_view word) const {
    return words_.count(std::string(word)) > 0;
  }
  bool empty() const { return words_.empty() && phrases_.empty(); }

 private:
  std::unordered_set<std::string> words_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>>
      phrases_;
};

struct Cues {
  CueList negation;          // nicht, kein, not, never
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
  std::unordered_map<std::string, long> number_values;  // "zwei" -> 2

  // Per token of a sentence: `word` = the single-word lists it belongs to,
  // `start` = the lists with a word or phrase starting at it (CueBit masks).
  // One hash lookup per token instead of one per list and question.
  void Annotate(const std::vector<Token>& tokens, std::vector<uint32_t>* word,
                std::vector<uint32_t>* start) const;

  static Result<std::shared_ptr<const Cues>> Load(const std::string& dir,
                                                  const std::string& language);
  static Result<std::shared_ptr<const Cues>> FromJson(
      std::string_view text, const std::string& language);

 private:
  std::unordered_map<std::string, uint32_t> word_mask_;
  std::unordered_map<std::string,
                     std::vector<std::pair<std::vector<std::string>, uint32_t>>>
      phrase_mask_;
};

}  // namespace geotl::code
