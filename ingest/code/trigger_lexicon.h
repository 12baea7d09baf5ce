// Trigger lexicon: words and phrases that signal an event, each mapped to a
// PLOVER type, mode, CAMEO code and reader label (lexicons/<lang>/
// triggers.json, schema schemas/lexicon-triggers.schema.json). Compiled once
// into hash maps (single words, multiword phrases with optional gaps for
// separable and phrasal verbs) and a reversed trie of German compound heads
// ("Militärübungen" ends in the head "übung" + "en"). Immutable after Load;
// Match is thread-safe.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {

enum class TriggerPos { kVerb, kNoun, kAdjective };
// content: an action (attack, meeting); governor: a verb that takes another
// action as its object and decides the type (demand, reject, agree,
// threaten); report: a verb of saying (STATEMENT only when nothing else).
enum class TriggerRole { kContent, kGovernor, kReport };

// Another type an entry's act takes in some company (its "joint" or
// "verbal" object): type, CAMEO code and label; empty type = none.
struct AltType {
  std::string type, cameo, label;
};

struct TriggerEntry {
  std::string id;  // "<lang>.<first form>" unless given
  std::string type, mode, cameo, label;
  TriggerPos pos = TriggerPos::kVerb;
  TriggerRole role = TriggerRole::kContent;
  // When the actors are two or more countries or a "joint" cue is near, the
  // event becomes this type/label (exercises: MOBILIZE -> COOPERATE).
  AltType joint;
  // When doers and targets are all politicians, parties or governments and
  // no one dies or fights, the act is done with words (an attack: ACCUSE,
  // "verbal attack"). retype.h
  AltType verbal;
  // When its clause names goods, money or troops given (cue list
  // material_goods), support is material: AID. retype.h
  AltType material;
  double weight = 1.0;  // relative strength (ambiguous words < 1)
  // Sector of the doer the text may leave out ("COP": arrests are by the
  // police); empty when the act has no typical doer. implicit_agent.h
  std::string implicit_agent;
  // Its nouns name a thing, not an act ("das Abkommen", "die
  // Partnerschaft"): an event only as a verb's object ("unterzeichneten ein
  // Abkommen", "beschließen militärische Zusammenarbeit"), never in a
  // prepositional phrase, a genitive or as the subject (NounIsObject).
  bool needs_verb = false;
  // The form says the act was called off ("sagte seine Reise ab",
  // "cancelled his visit", "postponed the talks"): the act, negated
  // (docs/annotation.md: an act that will not happen is coded negated).
  bool called_off = false;
  // A judgement on its clause's subject ("Die Position der FPÖ ist absurd,
  // so Faymann"): the one who judges is the speaker the sentence names, the
  // subject is judged (roles.h). Not with a judging verb in the clause
  // ("Faymann nannte die Position absurd": its subject judges).
  bool judgement = false;
  // Words that make the trigger no event when its clause holds them, or
  // when its own word starts with one: a light verb's object ("eine
  // Entscheidung treffen", "met with outrage"), a medium as the other side
  // of a talk ("im Gespräch mit dem STANDARD", "Pressegespräch": an
  // interview). Folded case. assertion.h
  std::vector<std::string> not_with;
  // Words one of which its sentence or one before it must hold for the
  // trigger to be an act (folded; a word of five letters or more also
  // inside a compound): an
  // explosion is an attack only beside a bomb, an attacker or a blast's
  // weapon ("Bombenexplosion", "explosion of a roadside bomb"), not in a
  // chemical plant. assertion.h
  std::vector<std::string> needs_with;
};

struct TriggerHit {
  int entry = -1;
  int head = 0;           // token index of the main word
  int first = 0;          // first token of the match
  int last = 0;           // last token (a separable particle may be far right)
  bool compound = false;  // matched as the head of a (German) compound noun
  int parts = 1;  // words of the form matched ("hob ... immunität ... auf": 3)
};

class TriggerLexicon {
 public:
  // Reads <dir>/<language>/triggers.json.
  static core::Result<std::shared_ptr<const TriggerLexicon>> Load(
      const std::string& dir, const std::string& language);
  static core::Result<std::shared_ptr<const TriggerLexicon>> FromJson(
      std::string_view json_text, const std::string& language);

  // Hits in token order; overlapping hits resolved longest-first.
  void Match(const std::vector<Token>& tokens,
             std::vector<TriggerHit>* hits) const;

  const TriggerEntry& entry(int i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }
  const std::string& language() const { return language_; }
  // German: tokens[i] is a separable particle ("ab", "zurück";
  // triggers.json) that closes its clause: the sentence ends, a
  // punctuation mark or a coordinating word ("und"; `after_particle`)
  // follows. Such a particle belongs to the clause's verb ("lehnte den
  // Plan ab"; "räumt ein": not "räumt").
  bool ParticleClosesClause(const std::vector<Token>& tokens, int i) const;
  // tokens[i] closes its clause: the sentence ends, a punctuation mark or
  // a coordinating word (`after_particle`) follows.
  bool ClosesClause(const std::vector<Token>& tokens, int i) const;
  // German: the token is the umlauted plural of a noun head
  // ("Terroranschläge" of "Anschlag"). Such plurals name acts already told
  // more often than new ones, so Match does not read them as triggers.
  bool UmlautPluralOfHead(const Token& t) const;

 private:
  struct Phrase {
    std::vector<std::string> parts;  // parts[0] is the key word
    std::vector<bool> gap_before;    // "schloss ... ab": particle may be far
    // "returned ..+ to": at least one word in the gap ("returned the
    // sculpture to", not "returned to power").
    std::vector<bool> word_before;
    int head_part = 0;
    int entry = -1;
    // Its last part is a separable particle after a gap: it must close
    // the clause ("lehnte den Plan ab", not "sagt, … zu kandidieren").
    bool particle_end = false;
    // German reflexive verb in a verb-final clause ("sich … einigen", from
    // "einigen sich"): the verb is lowercase and closes the clause.
    bool verb_final = false;
  };
  struct TrieNode {
    std::unordered_map<unsigned char, int> next;
    std::vector<int> entries;  // heads ending here
  };
  void AddForm(const std::string& form, int entry);
  void AddHead(const std::string& head, int entry);
  // The entry of the longest head `w` ends in (after a noun ending;
  // with_ending: a non-empty one), or -1.
  int HeadEntry(const std::string& w, bool with_ending) const;
  void MatchHead(const Token& t, int index,
                 std::vector<TriggerHit>* hits) const;

  std::string language_;
  std::vector<TriggerEntry> entries_;
  std::unordered_map<std::string, std::vector<int>> words_;
  std::unordered_map<std::string, std::vector<Phrase>> phrases_;
  std::vector<TrieNode> trie_;  // reversed heads; node 0 is the root
  std::set<std::string> particles_, after_particle_;
  // Single-word forms written as acronyms ("IED", "IEDs"), folded: a
  // capitalised token inside an English sentence is one of them, not a
  // name.
  std::set<std::string> acronyms_;
};

// Regular English inflections of a verb or noun: "attack" -> attack,
// attacks, attacked, attacking. Used for forms written "attack+".
std::vector<std::string> EnglishInflections(const std::string& lemma);

}  // namespace geotl::ingest::code
