#include "ingest/code/trigger_lexicon.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/ontology.h"
#include "ingest/code/data_file.h"
#include "ingest/code/german_verbs.h"

namespace geotl::ingest::code {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// German noun endings tried when matching compound heads: plural and
// genitive endings. Not "-er"/"-ern": on an act's noun they make the
// person who does it ("Kritik" -> "Kritiker", "Kritikern"), no act.
constexpr std::string_view kNounEndings[] = {"",  "e",  "en", "n",
                                             "s", "es", "ns"};

}  // namespace

std::vector<std::string> EnglishInflections(const std::string& w) {
  std::vector<std::string> out = {w};
  if (w.empty()) return out;
  char last = w.back();
  bool cons_y = last == 'y' && w.size() > 1 && !IsVowel(w[w.size() - 2]);
  std::string stem_y = w.substr(0, w.size() - 1);
  // -s
  if (cons_y)
    out.push_back(stem_y + "ies");
  else if (last == 's' || last == 'x' || last == 'z' ||
           (w.size() > 1 && (w.ends_with("ch") || w.ends_with("sh"))))
    out.push_back(w + "es");
  else
    out.push_back(w + "s");
  // -ed
  if (cons_y)
    out.push_back(stem_y + "ied");
  else if (last == 'e')
    out.push_back(w + "d");
  else
    out.push_back(w + "ed");
  // -ing
  if (last == 'e' && w.size() > 2 && !w.ends_with("ee"))
    out.push_back(stem_y + "ing");
  else
    out.push_back(w + "ing");
  return out;
}

namespace {

// A separable verb particle: one lowercase word of letters ("ab", "fest",
// "zurück", "zusammen"), not a pronoun or an object noun.
bool IsParticle(const std::string& w) {
  if (w.size() < 2 || w.size() > 8 || w == "sich") return false;
  for (unsigned char ch : w)
    if (!((ch >= 'a' && ch <= 'z') || ch >= 0x80)) return false;
  return true;
}

}  // namespace

void TriggerLexicon::AddForm(const std::string& raw, int entry) {
  std::vector<std::string> parts = SplitWords(FoldCase(raw));
  if (parts.empty()) return;
  // An acronym: two or more capitals, lower case only in a plural "s".
  if (parts.size() == 1 && raw.size() >= 2 && raw[0] >= 'A' && raw[0] <= 'Z' &&
      raw[1] >= 'A' && raw[1] <= 'Z' &&
      std::all_of(raw.begin(), raw.end() - 1,
                  [](char c) { return c >= 'A' && c <= 'Z'; }))
    acronyms_.insert(parts[0]);
  // Expand "+" (English regular inflection) on each part into variants.
  std::vector<std::vector<std::string>> variants;
  for (const auto& p : parts) {
    if (p.size() > 1 && p.back() == '+' && p != "..+") {
      variants.push_back(EnglishInflections(p.substr(0, p.size() - 1)));
    } else {
      variants.push_back({p});
    }
  }
  // Cartesian product (at most one part carries "+" in practice).
  std::vector<std::vector<std::string>> combos = {{}};
  for (const auto& v : variants) {
    std::vector<std::vector<std::string>> next;
    for (const auto& c : combos)
      for (const auto& x : v) {
        auto d = c;
        d.push_back(x);
        next.push_back(std::move(d));
      }
    combos = std::move(next);
  }
  // German reflexive verbs: "einigten sich" also stands for the first
  // persons ("einigten uns") and for the verb-final clause ("will sich
  // bis Montag einigen", "…, dass sich beide einigten").
  if (language_ == "de") {
    const size_t n_combos = combos.size();
    for (size_t k = 0; k < n_combos; ++k) {
      if (combos[k].size() != 2 || combos[k][1] != "sich") continue;
      for (const char* pronoun : {"uns", "mich"})
        combos.push_back({combos[k][0], pronoun});
      for (const char* pronoun : {"sich", "uns", "mich"})
        combos.push_back({pronoun, "...", combos[k][0], "$"});
    }
  }
  for (auto c : combos) {
    bool verb_final = false;
    if (c.size() == 4 && c.back() == "$") {
      c.pop_back();
      verb_final = true;
    }
    // German separable verb "lehnte ... ab": in a verb-final clause the
    // particle is written before the verb as one word ("…, weshalb er die
    // Idee ablehnte").
    if (language_ == "de" && c.size() == 3 && c[1] == "..." &&
        IsParticle(c[2])) {
      auto& v = words_[c[2] + c[0]];
      if (std::find(v.begin(), v.end(), entry) == v.end()) v.push_back(entry);
    }
    if (c.size() == 1) {
      auto& v = words_[c[0]];
      if (std::find(v.begin(), v.end(), entry) == v.end()) v.push_back(entry);
      continue;
    }
    Phrase ph;
    ph.entry = entry;
    bool gap = false, word = false;
    for (const auto& x : c) {
      if (x == "..." || x == "..+") {
        gap = true;
        word = x == "..+";
        continue;
      }
      ph.parts.push_back(x);
      ph.gap_before.push_back(gap);
      ph.word_before.push_back(word);
      gap = word = false;
    }
    if (ph.parts.empty()) continue;
    if (ph.parts.size() == 1) {
      words_[ph.parts[0]].push_back(entry);
      continue;
    }
    // The head is the first part that is not a function word we know of;
    // for simplicity the longest part.
    // English: a verb opening a phrase with a gap is its head ("struck
    // … targets", "held … as human shields").
    const bool english_verb_gap =
        language_ != "de" && ph.parts.size() > 1 && ph.gap_before[1];
    for (size_t k = 0; k < ph.parts.size() && !english_verb_gap; ++k)
      if (ph.parts[k].size() > ph.parts[ph.head_part].size())
        ph.head_part = static_cast<int>(k);
    ph.particle_end = ph.gap_before.back() && particles_.count(ph.parts.back());
    ph.verb_final = verb_final;
    phrases_[ph.parts[0]].push_back(std::move(ph));
  }
}

void TriggerLexicon::AddHead(const std::string& raw, int entry) {
  std::string h = FoldCase(raw);
  if (h.size() < 3) return;
  if (trie_.empty()) trie_.emplace_back();
  int node = 0;
  for (auto it = h.rbegin(); it != h.rend(); ++it) {
    unsigned char c = *it;
    auto f = trie_[node].next.find(c);
    if (f == trie_[node].next.end()) {
      trie_.emplace_back();
      int id = static_cast<int>(trie_.size()) - 1;
      trie_[node].next[c] = id;
      node = id;
    } else {
      node = f->second;
    }
  }
  trie_[node].entries.push_back(entry);
}

core::Result<std::shared_ptr<const TriggerLexicon>> TriggerLexicon::FromJson(
    std::string_view text, const std::string& language) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return core::Status::Invalid("triggers.json (" + language +
                                 "): not a JSON object");
  auto trig = j.find("triggers");
  if (trig == j.end() || !trig->is_array())
    return core::Status::Invalid("triggers.json (" + language +
                                 "): no \"triggers\" array");
  auto lex = std::make_shared<TriggerLexicon>();
  lex->language_ = language;
  lex->trie_.emplace_back();
  // German: a weak verb's preterite brings its other finite forms
  // (german_verbs.h), unless some entry lists that form itself or an
  // earlier entry generated it.
  std::vector<std::string> not_weak;
  if (auto nw = j.find("not_weak_stems"); nw != j.end() && nw->is_array())
    for (const auto& x : *nw)
      if (x.is_string()) not_weak.push_back(FoldCase(x.get<std::string>()));
  const bool weak_paradigm = j.value("weak_verb_paradigm", false);
  std::unordered_map<std::string, std::string> subjunctive;
  if (auto ss = j.find("subjunctive_stems"); ss != j.end() && ss->is_object())
    for (const auto& [pret, k1] : ss->items())
      if (k1.is_string())
        subjunctive[FoldCase(pret)] = FoldCase(k1.get<std::string>());
  for (const char* key : {"separable_particles", "after_particle"})
    if (auto sp = j.find(key); sp != j.end() && sp->is_array())
      for (const auto& x : *sp)
        if (x.is_string())
          (std::string_view(key) == "after_particle" ? lex->after_particle_
                                                     : lex->particles_)
              .insert(FoldCase(x.get<std::string>()));
  std::set<std::string> listed, generated;
  for (const auto& t : *trig)
    if (t.is_object())
      if (auto f = t.find("forms"); f != t.end() && f->is_array())
        for (const auto& x : *f)
          if (x.is_string()) listed.insert(FoldCase(x.get<std::string>()));
  int n = 0;
  for (const auto& t : *trig) {
    ++n;
    if (!t.is_object())
      return core::Status::Invalid("triggers.json: entry " + std::to_string(n) +
                                   " is not an object");
    TriggerEntry e;
    e.type = Str(t, "type");
    auto info = core::FindEventType(e.type);
    if (!info)
      return core::Status::Invalid("triggers.json (" + language + "): entry " +
                                   std::to_string(n) + ": unknown type '" +
                                   e.type + "'");
    e.type = std::string(info->type);
    e.mode = Str(t, "mode");
    e.cameo = Str(t, "cameo");
    if (e.cameo.empty()) e.cameo = std::string(info->cameo);
    e.label = Str(t, "label");
    if (e.label.empty()) e.label = std::string(info->label);
    std::string pos = Str(t, "pos");
    e.pos = pos == "noun"  ? TriggerPos::kNoun
            : pos == "adj" ? TriggerPos::kAdjective
                           : TriggerPos::kVerb;
    std::string role = Str(t, "role");
    e.role = role == "governor" ? TriggerRole::kGovernor
             : role == "report" ? TriggerRole::kReport
                                : TriggerRole::kContent;
    for (auto [key, alt] :
         {std::pair{"joint", &e.joint}, std::pair{"verbal", &e.verbal},
          std::pair{"material", &e.material}}) {
      auto jt = t.find(key);
      if (jt == t.end() || !jt->is_object()) continue;
      alt->type = Str(*jt, "type");
      if (!core::FindEventType(alt->type))
        return core::Status::Invalid(std::string("triggers.json: bad ") + key +
                                     " type in entry " + std::to_string(n));
      alt->cameo = Str(*jt, "cameo");
      alt->label = Str(*jt, "label");
    }
    if (auto w = t.find("weight"); w != t.end() && w->is_number())
      e.weight = w->get<double>();
    e.implicit_agent = Str(t, "implicit_agent");
    if (auto nv = t.find("needs_verb"); nv != t.end() && nv->is_boolean())
      e.needs_verb = nv->get<bool>();
    if (auto jd = t.find("judgement"); jd != t.end() && jd->is_boolean())
      e.judgement = jd->get<bool>();
    if (auto co = t.find("called_off"); co != t.end() && co->is_boolean())
      e.called_off = co->get<bool>();
    if (auto nw = t.find("not_with"); nw != t.end() && nw->is_array())
      for (const auto& x : *nw)
        if (x.is_string()) e.not_with.push_back(FoldCase(x.get<std::string>()));
    if (auto nw = t.find("needs_with"); nw != t.end() && nw->is_array())
      for (const auto& x : *nw)
        if (x.is_string())
          e.needs_with.push_back(FoldCase(x.get<std::string>()));
    int idx = static_cast<int>(lex->entries_.size());
    std::string first;
    if (auto f = t.find("forms"); f != t.end() && f->is_array()) {
      for (const auto& x : *f) {
        if (!x.is_string()) continue;
        if (first.empty()) first = x.get<std::string>();
        lex->AddForm(x.get<std::string>(), idx);
      }
      if (weak_paradigm)
        for (const auto& x : *f) {
          if (!x.is_string()) continue;
          const std::string form = FoldCase(x.get<std::string>());
          std::vector<std::string> forms = GermanWeakVerbForms(form, not_weak);
          if (std::string k1 = GermanStrongSubjunctive(form, subjunctive);
              !k1.empty())
            forms.push_back(std::move(k1));
          for (std::string& g : forms)
            if (!listed.count(g) && generated.insert(g).second)
              lex->AddForm(g, idx);
        }
    }
    if (auto h = t.find("heads"); h != t.end() && h->is_array()) {
      for (const auto& x : *h) {
        if (!x.is_string()) continue;
        if (first.empty()) first = x.get<std::string>();
        lex->AddHead(x.get<std::string>(), idx);
      }
    }
    if (first.empty())
      return core::Status::Invalid("triggers.json (" + language + "): entry " +
                                   std::to_string(n) +
                                   " has no forms or heads");
    e.id = Str(t, "id");
    if (e.id.empty()) e.id = language + "." + first;
    lex->entries_.push_back(std::move(e));
  }
  return std::shared_ptr<const TriggerLexicon>(std::move(lex));
}

core::Result<std::shared_ptr<const TriggerLexicon>> TriggerLexicon::Load(
    const std::string& dir, const std::string& language) {
  ASSIGN_OR_RETURN(std::string text,
                   ReadDataFile(dir + "/" + language + "/triggers.json"));
  return FromJson(text, language);
}

namespace {

// The word with its last umlaut undone ("anschläge" -> "anschlage",
// "zusammenstöße" -> "zusammenstoße"); empty when it has none.
std::string WithoutLastUmlaut(const std::string& w) {
  static constexpr std::pair<std::string_view, char> kUmlauts[] = {
      {"\xc3\xa4", 'a'}, {"\xc3\xb6", 'o'}, {"\xc3\xbc", 'u'}};
  size_t at = std::string::npos;
  char base = 0;
  for (const auto& [u, b] : kUmlauts) {
    const size_t k = w.rfind(u);
    if (k != std::string::npos && (at == std::string::npos || k > at)) {
      at = k;
      base = b;
    }
  }
  if (at == std::string::npos) return {};
  return w.substr(0, at) + base + w.substr(at + 2);
}

}  // namespace

int TriggerLexicon::HeadEntry(const std::string& w, bool with_ending) const {
  int best_entry = -1;
  size_t best_len = 0;
  for (std::string_view end : kNounEndings) {
    if (with_ending && end.empty()) continue;
    if (w.size() < end.size() + 3 || !w.ends_with(end)) continue;
    size_t stop = w.size() - end.size();
    int node = 0;
    for (size_t k = stop; k > 0; --k) {
      auto f = trie_[node].next.find(static_cast<unsigned char>(w[k - 1]));
      if (f == trie_[node].next.end()) break;
      node = f->second;
      size_t len = stop - (k - 1);
      if (!trie_[node].entries.empty() && len > best_len) {
        // A head inside a compound must start at a plausible joint: the
        // word start, after a hyphen, or anywhere if it is long enough.
        bool at_start = k - 1 == 0 || w[k - 2] == '-';
        if (at_start || len >= 5) {
          best_len = len;
          best_entry = trie_[node].entries[0];
        }
      }
    }
  }
  return best_entry;
}

void TriggerLexicon::MatchHead(const Token& t, int index,
                               std::vector<TriggerHit>* hits) const {
  const int best_entry = HeadEntry(t.lower, false);
  if (best_entry >= 0) hits->push_back({best_entry, index, index, index, true});
}

bool TriggerLexicon::UmlautPluralOfHead(const Token& t) const {
  const std::string plain = WithoutLastUmlaut(t.lower);
  return !plain.empty() && HeadEntry(plain, true) >= 0;
}

bool TriggerLexicon::ParticleClosesClause(const std::vector<Token>& tokens,
                                          int i) const {
  if (i < 0 || i >= static_cast<int>(tokens.size()) ||
      !particles_.count(tokens[i].lower))
    return false;
  return ClosesClause(tokens, i);
}

bool TriggerLexicon::ClosesClause(const std::vector<Token>& tokens,
                                  int i) const {
  const size_t next = static_cast<size_t>(i) + 1;
  return next == tokens.size() || tokens[next].punct ||
         after_particle_.count(tokens[next].lower) > 0;
}

void TriggerLexicon::Match(const std::vector<Token>& tokens,
                           std::vector<TriggerHit>* hits) const {
  hits->clear();
  const int n = static_cast<int>(tokens.size());
  for (int i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.punct) continue;
    // English: a capitalised word inside a sentence (also after a comma)
    // is a name or a month, not an act ("in early March", "BUDAPEST, March
    // 12", "the Department of Relief", "the North Atlantic Treaty
    // Organization").
    if (language_ != "de" && t.capitalized && i > 0 &&
        (!tokens[i - 1].punct || tokens[i - 1].lower == ",") &&
        !acronyms_.count(t.lower))
      continue;
    // Phrases starting here (longest first wins below).
    if (auto p = phrases_.find(t.lower); p != phrases_.end()) {
      for (const Phrase& ph : p->second) {
        int pos = i, head = i;
        bool ok = true;
        for (size_t k = 1; k < ph.parts.size() && ok; ++k) {
          // A gap ("lehnte … ab") spans at most 14 tokens, crossing commas,
          // brackets, quotes and ordinal dots but not ; : or dashes.
          int limit = ph.gap_before[k] ? std::min(n, pos + 15) : pos + 2;
          int found = -1;
          for (int q = pos + 1; q < limit && q < n; ++q) {
            if (tokens[q].lower == ph.parts[k] &&
                !(ph.word_before[k] && q == pos + 1)) {
              found = q;
              break;
            }
            const std::string& p = tokens[q].lower;
            if (!ph.gap_before[k] || p == ";" || p == ":" ||
                p == "\xE2\x80\x93" || p == "\xE2\x80\x94")
              break;
          }
          if (found >= 0 && k + 1 == ph.parts.size() && ph.particle_end &&
              !ParticleClosesClause(tokens, found))
            found = -1;
          if (found >= 0 && k + 1 == ph.parts.size() && ph.verb_final &&
              (tokens[found].capitalized || !ClosesClause(tokens, found)))
            found = -1;
          if (found < 0)
            ok = false;
          else {
            pos = found;
            if (static_cast<int>(k) == ph.head_part) head = found;
          }
        }
        // German: a phrase opened by a verb before a gap ("gingen … auf die
        // Straßen") has that verb as its head, not the noun it takes.
        if (ok && language_ == "de" && ph.parts.size() > 1 &&
            ph.gap_before[1] && !t.capitalized && tokens[head].capitalized)
          head = i;
        if (ok)
          hits->push_back({ph.entry, ph.head_part == 0 ? i : head, i, pos,
                           false, static_cast<int>(ph.parts.size())});
      }
    }
    if (auto w = words_.find(t.lower); w != words_.end()) {
      for (int e : w->second) hits->push_back({e, i, i, i});
    } else if (trie_.size() > 1 && t.lower.size() >= 4 &&
               (t.capitalized || language_ != "de")) {
      MatchHead(t, i, hits);
    }
  }
  // Resolve overlaps: prefer more tokens spanned (phrases), then more words
  // matched over the same span (the object-specific "hob ... immunität ...
  // auf" over "hob ... auf"), then earlier.
  std::stable_sort(hits->begin(), hits->end(),
                   [](const TriggerHit& a, const TriggerHit& b) {
                     int la = a.last - a.first, lb = b.last - b.first;
                     if (la != lb) return la > lb;
                     if (a.parts != b.parts) return a.parts > b.parts;
                     return a.first < b.first;
                   });
  std::vector<TriggerHit> kept;
  std::vector<char> used(n, 0);
  for (const auto& h : *hits) {
    // A phrase claims its first and last token (and the head); gap tokens
    // stay free for other triggers.
    if (used[h.first] || used[h.last] || used[h.head]) continue;
    used[h.first] = used[h.last] = used[h.head] = 1;
    kept.push_back(h);
  }
  std::sort(
      kept.begin(), kept.end(),
      [](const TriggerHit& a, const TriggerHit& b) { return a.head < b.head; });
  *hits = std::move(kept);
}

}  // namespace geotl::ingest::code
