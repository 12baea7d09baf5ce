#include "ingest/code/sentence_coder.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "core/ontology.h"
#include "geo/country.h"

namespace geotl::code {
namespace {

// ---- per-sentence working state -------------------------------------------

struct MentionRef {
  const Mention* m = nullptr;
  int first = 0, last = 0;    // token span
  bool inside_token = false;  // "US" in "US-Raketenabwehr-Schirm"
};

struct Group {
  std::vector<const Mention*>
      members;              // actor mentions, most specific per unit
  int first = 0, last = 0;  // tokens
  int clause = 0;
  std::string prep;         // governing preposition, "" if none
  bool genitive = false;    // attached to a preceding noun
  bool head_in_pp = false;  // ... whose noun follows a preposition
  bool attribution = false;
  bool group_ref = false;  // "beide Länder": resolved from context
};

struct Clause {
  int first = 0, last = 0;
  bool subordinate = false;
  bool attribution = false;
  bool quote = false;
};

bool IsSymmetric(const std::string& type) {
  return type == "CONSULT" || type == "COOPERATE" || type == "AGREE";
}
bool IsCooperative(const std::string& type) {
  return type == "AGREE" || type == "CONSULT" || type == "SUPPORT" ||
         type == "COOPERATE" || type == "AID" || type == "CONCEDE" ||
         type == "RETREAT";
}
bool IsHostileMaterial(const std::string& type) {
  return type == "ASSAULT" || type == "COERCE" || type == "SANCTION" ||
         type == "PROTEST";
}
bool IsMaterial(const std::string& type) {
  auto t = FindEventType(type);
  return t && t->quad.starts_with("material");
}

int Specificity(const Mention& m) {
  switch (m.kind) {
    case MentionKind::kPerson:
      return 4;
    case MentionKind::kRole:
      return 3;
    case MentionKind::kOrganization:
      return 3;
    case MentionKind::kGroup:
      return 2;
    case MentionKind::kCountry:
      return 1;
    default:
      return 0;
  }
}

bool IsParticiple(const std::string& w, const std::string& lang) {
  if (lang == "de") {
    if (w.starts_with("ge") || w.ends_with("iert")) return true;
    // particle verbs: "festgenommen", "angegriffen", "abgelehnt"
    for (std::string_view p :
         {"ab", "an", "auf", "aus", "ein", "fest", "zurück", "vor", "zu", "mit",
          "nach", "frei", "los", "weg"})
      if (w.starts_with(p) && w.compare(p.size(), 2, "ge") == 0) return true;
    return false;
  }
  return w.ends_with("ed") || w.ends_with("en") || w == "held" || w == "met" ||
         w == "shot" || w == "hit" || w == "fought" || w == "slain" ||
         w == "beaten" || w == "struck" || w == "taken";
}

}  // namespace

std::optional<Place> CountryPlace(const std::string& alpha3,
                                  const std::string& text) {
  // Per-thread cache: country and region lookups go through ICU tables.
  thread_local std::unordered_map<std::string, std::optional<Place>> cache;
  auto it = cache.find(alpha3);
  if (it == cache.end()) {
    std::optional<Place> p;
    auto c = geo::CountryByCode(alpha3);
    if (c && alpha3.size() == 3) {
      p.emplace();
      p->name = c->name;
      p->country = c->alpha3;
      p->precision = PlacePrecision::kCountry;
      p->regions = geo::RegionsOf(c->alpha3);
    }
    it = cache.emplace(alpha3, std::move(p)).first;
  }
  if (!it->second) return std::nullopt;
  Place p = *it->second;
  p.text = text;
  return p;
}

SentenceResult SentenceCoder::Code(std::string_view text, size_t s_start,
                                   size_t s_end,
                                   const std::vector<Mention>& mentions,
                                   const SentenceContext& ctx) const {
  SentenceResult out;
  const std::string& lang = lex_.language();
  const bool de = lang == "de";
  thread_local std::vector<Token> toks;
  thread_local std::vector<uint64_t> cw, cs;  // cue masks per token
  Tokenize(text, s_start, s_end, &toks);
  const int n = static_cast<int>(toks.size());
  if (n == 0) return out;
  cues_.Annotate(toks, &cw, &cs);

  // ---- mentions -> token spans ----
  std::vector<MentionRef> refs;
  for (const Mention& m : mentions) {
    if (m.start < s_start || m.end > s_end) continue;
    MentionRef r;
    r.m = &m;
    r.first = -1;
    for (int i = 0; i < n; ++i) {
      if (toks[i].end > m.start && toks[i].start < m.end) {
        if (r.first < 0) r.first = i;
        r.last = i;
      }
    }
    if (r.first < 0) continue;
    r.inside_token = r.first == r.last && (m.start > toks[r.first].start ||
                                           m.end < toks[r.first].end);
    refs.push_back(r);
    if (m.kind == MentionKind::kPerson && m.actor)
      out.persons.push_back(*m.actor);
  }
  std::vector<int> mention_at(n, -1);  // token -> index into refs (actors only)
  for (size_t k = 0; k < refs.size(); ++k) {
    if (!refs[k].m->actor) continue;
    if (refs[k].m->kind == MentionKind::kPlace) {
      // A city is an actor only as a metonym ("Washington said"), not
      // after a locative preposition ("in Tokio").
      bool locative = false;
      for (int q = refs[k].first - 1, steps = 0; q >= 0 && steps < 3;
           --q, ++steps) {
        if (toks[q].punct) break;
        if ((cw[q] & kLocativePreps) || (cw[q] & kBetweenPreps)) {
          locative = true;
          break;
        }
      }
      if (locative) continue;
    }
    for (int i = refs[k].first; i <= refs[k].last; ++i)
      if (mention_at[i] < 0 ||
          Specificity(*refs[k].m) > Specificity(*refs[mention_at[i]].m))
        mention_at[i] = static_cast<int>(k);
  }

  // ---- clauses ----
  std::vector<Clause> clauses;
  std::vector<int> clause_of(n, 0);
  {
    Clause cur;
    cur.first = 0;
    bool in_quote = false;
    auto close = [&](int last) {
      cur.last = last;
      if (cur.last >= cur.first) clauses.push_back(cur);
      cur = Clause();
      cur.first = last + 1;
      cur.quote = in_quote;
    };
    for (int i = 0; i < n; ++i) {
      const Token& t = toks[i];
      if (t.punct && IsClauseMark(t.lower)) {
        bool quote_mark = t.lower == "\"" || t.lower == "\xE2\x80\x9E" ||
                          t.lower == "\xE2\x80\x9C" ||
                          t.lower == "\xE2\x80\x9D" || t.lower == "\xC2\xAB" ||
                          t.lower == "\xC2\xBB";
        // A comma inside a list of actors is coordination, not a boundary.
        if (t.lower == "," && i > 0 && i + 1 < n && mention_at[i - 1] >= 0 &&
            (mention_at[i + 1] >= 0 ||
             (i + 2 < n && (cw[i + 1] & kDeterminers) &&
              mention_at[i + 2] >= 0))) {
          clause_of[i] = static_cast<int>(clauses.size());
          continue;
        }
        if (quote_mark) {
          if (t.lower == "\xE2\x80\x9E" || t.lower == "\xC2\xBB")
            in_quote = true;
          else if (t.lower == "\xE2\x80\x9C" || t.lower == "\xE2\x80\x9D" ||
                   t.lower == "\xC2\xAB")
            in_quote = false;
          else
            in_quote = !in_quote;
        }
        clause_of[i] = static_cast<int>(clauses.size());
        close(i);
        continue;
      }
      if (i > cur.first && !t.punct && (cs[i] & kSubordinators) &&
          !(de && t.lower == "als") &&
          !(t.lower == "as" || t.lower == "wie" || t.lower == "um" ||
            t.lower == "da")) {
        close(i - 1);
        cur.subordinate = true;
      } else if (i > cur.first && !t.punct && (cw[i] & kCoordination) &&
                 i + 1 < n && (cw[i + 1] & kPronouns)) {
        // "… geredet und wir sind besorgt …": a new subject after a
        // coordinator starts a clause of its own.
        close(i - 1);
      } else if (i == cur.first && !t.punct &&
                 ((cs[i] & kSubordinators) ||
                  (cur.first > 0 && toks[cur.first - 1].lower == "," &&
                   cues_.relatives.Has(t.lower)))) {
        cur.subordinate = true;
      }
      clause_of[i] = static_cast<int>(clauses.size());
    }
    cur.last = n - 1;
    if (cur.last >= cur.first) clauses.push_back(cur);
    if (clauses.empty()) clauses.push_back(Clause{0, n - 1});
    for (int c = 0; c < static_cast<int>(clauses.size()); ++c)
      for (int i = clauses[c].first; i <= clauses[c].last && i < n; ++i)
        clause_of[i] = c;
  }

  // ---- triggers ----
  std::vector<TriggerHit> hits;
  lex_.Match(toks, &hits);

  // ---- attribution ----
  std::vector<char> attributed(n, 0);
  auto has_content_trigger = [&](int first, int last) {
    for (const auto& h : hits)
      if (h.head >= first && h.head <= last &&
          lex_.entry(h.entry).role != TriggerRole::kReport)
        return true;
    return false;
  };
  for (int i = 0; i < n; ++i) {
    int len = cues_.attribution_lead.MatchAt(toks, i);
    if (len == 0) continue;
    // Only at a clause start ("Laut X", "According to X", ", berichtet X").
    if (i != clauses[clause_of[i]].first) continue;
    int j = i + len;
    int depth = 0;
    for (; j < n; ++j) {
      const Token& t = toks[j];
      if (t.lower == "(") ++depth;
      if (t.lower == ")") {
        --depth;
        continue;
      }
      if (depth > 0) continue;
      if (t.punct && IsClauseMark(t.lower)) break;
      if (t.punct) break;
      // German lead: the source's noun phrase ends where a lower-case word
      // (the finite verb) follows a capitalised one: "Nach Angaben von
      // Reuters | griffen …", "Laut einer Studie des italienischen …".
      if (de && !t.capitalized && j > i + len && toks[j - 1].capitalized &&
          !cues_.determiners.Has(t.lower) && !cues_.other_preps.Has(t.lower) &&
          !cues_.recipient_preps.Has(t.lower) &&
          !cues_.locative_preps.Has(t.lower) &&
          !cues_.agent_preps.Has(t.lower) && !cues_.coordination.Has(t.lower))
        break;
    }
    for (int k = i; k < j; ++k) attributed[k] = 1;
  }
  // Tail attribution: the last clause(s) holding a reporting verb and no
  // action ("…, berichtet Business Insider.", "…, officials said Tuesday.").
  if (clauses.size() > 1) {
    for (int c = static_cast<int>(clauses.size()) - 1; c >= 1; --c) {
      const Clause& cl = clauses[c];
      bool has_report = false;
      for (int i = cl.first; i <= cl.last; ++i)
        if (!toks[i].punct && (cs[i] & kReportVerbs)) has_report = true;
      bool only_punct = true;
      for (int i = cl.first; i <= cl.last; ++i)
        if (!toks[i].punct) only_punct = false;
      if (only_punct) continue;
      if (has_report && !has_content_trigger(cl.first, cl.last)) {
        for (int i = cl.first; i <= cl.last; ++i) attributed[i] = 1;
        clauses[c].attribution = true;
        break;
      }
      break;
    }
  }
  // "X zufolge" (German postposed attribution) marks its own clause.
  for (int i = 0; i < n; ++i)
    if ((cs[i] & kAttributionTail)) {
      const Clause& cl = clauses[clause_of[i]];
      for (int k = cl.first; k <= i; ++k) attributed[k] = 1;
    }

  // ---- actor groups ----
  std::vector<Group> groups;
  std::vector<int> group_of(n, -1);
  for (int i = 0; i < n;) {
    int mi = mention_at[i];
    bool gref = false;
    int gref_len = 0;
    if (mi < 0) {
      gref_len = cues_.group_refs.MatchAt(toks, i);
      gref = gref_len > 0 && !ctx.last_actors.empty();
      if (!gref) {
        ++i;
        continue;
      }
    }
    Group g;
    g.first = i;
    g.clause = clause_of[i];
    g.attribution = attributed[i];
    int j = i;
    if (gref) {
      g.group_ref = true;
      j = i + gref_len - 1;
    } else {
      // Units: adjacent mentions form one actor (the most specific); units
      // joined by coordination form the group.
      const Mention* best = nullptr;
      while (j < n) {
        int mj = mention_at[j];
        if (mj >= 0) {
          const Mention* m = refs[mj].m;
          if (!best || Specificity(*m) > Specificity(*best)) best = m;
          j = refs[mj].last + 1;
          continue;
        }
        // coordination between units
        int cl = cues_.coordination.MatchAt(toks, j);
        if (cl > 0 && best) {
          int k = j + cl;
          while (k < n && (cw[k] & kDeterminers)) ++k;
          // allow one lowercase adjective ("und russische Unterhändler")
          if (k < n && mention_at[k] < 0 && k + 1 < n &&
              mention_at[k + 1] >= 0 && !toks[k].punct && !toks[k].capitalized)
            ++k;
          if (k < n && mention_at[k] >= 0 && !attributed[k] == !g.attribution) {
            g.members.push_back(best);
            best = nullptr;
            j = k;
            continue;
          }
        }
        break;
      }
      if (best) g.members.push_back(best);
      j = j - 1;
    }
    g.last = j;
    // Governing preposition: look back over determiners and adjectives.
    for (int k = g.first - 1, steps = 0; k >= 0 && steps < 4; --k, ++steps) {
      const Token& t = toks[k];
      if (t.punct) break;
      int pl = 0;
      std::string two = k > 0 ? toks[k - 1].lower + " " + t.lower : "";
      if (cues_.agent_preps.Has(t.lower) ||
          cues_.recipient_preps.Has(t.lower) ||
          cues_.locative_preps.Has(t.lower) ||
          cues_.between_preps.Has(t.lower) || cues_.other_preps.Has(t.lower)) {
        g.prep = t.lower;
        pl = 1;
      }
      if (pl) break;
      if (cues_.determiners.Has(t.lower)) continue;
      bool trig = false;
      for (const auto& h : hits)
        if (h.head == k) trig = true;
      if (trig) break;
      if (!t.capitalized) continue;  // adjective, numeral, adverb
      // German: a capitalised noun right before the group (not the first
      // word of the sentence) makes it a genitive: "Teilnahme Japans".
      if (de && k > 0 && steps <= 1 && !toks[k - 1].punct &&
          (toks[g.first].lower.ends_with("s") ||
           (k + 1 < g.first &&
            (toks[k + 1].lower == "des" || toks[k + 1].lower == "der")))) {
        g.genitive = true;
        for (int q = k - 1, st = 0; q >= 0 && st < 4; --q, ++st) {
          if (toks[q].punct) break;
          if ((cw[q] & kRecipientPreps) || (cw[q] & kLocativePreps) ||
              (cw[q] & kOtherPreps) || (cw[q] & kAgentPreps)) {
            g.head_in_pp = true;
            break;
          }
          if (!(cw[q] & kDeterminers) && toks[q].capitalized) break;
        }
      }
      if (!de) continue;  // English: capitalised modifiers ("Senior")
      break;
    }
    if (!de && g.prep == "of") g.genitive = true;
    if (!g.members.empty() || g.group_ref) {
      int gi = static_cast<int>(groups.size());
      for (int k = g.first; k <= g.last; ++k) group_of[k] = gi;
      groups.push_back(std::move(g));
    }
    i = j + 1;
  }

  auto group_actors = [&](const Group& g) {
    std::vector<Actor> v;
    if (g.group_ref) {
      // "beide Länder", "the two governments": every party of the previous
      // event, actors and recipients, one per country.
      std::set<std::string> seen;
      for (const auto* side : {&ctx.last_actors, &ctx.last_recipients})
        for (const Actor& a : *side)
          if (a.country.empty() || seen.insert(a.country).second)
            v.push_back(a);
      return v;
    }
    for (const Mention* m : g.members)
      if (m->actor) v.push_back(*m->actor);
    return v;
  };
  auto is_pronoun_subject = [&](int clause) {
    const Clause& cl = clauses[clause];
    for (int i = cl.first; i <= cl.last && i < cl.first + 3; ++i)
      if ((cw[i] & kPronouns)) return true;
    return false;
  };

  // ---- owners (discourse): "US-Raketenabwehr-Schirm", "Schild der USA" ----
  auto norm_noun = [](std::string w) {
    std::string o;
    for (char c : w)
      if (c != '-') o.push_back(c);
    while (!o.empty() && (o.back() == 's')) o.pop_back();
    return o;
  };
  for (const auto& r : refs) {
    if (!r.m->actor || r.m->actor->country.empty()) continue;
    const Token& t = toks[r.first];
    if (r.inside_token && r.m->start == t.start && t.end > r.m->end + 4) {
      std::string rest = t.lower.substr(r.m->end - t.start);
      out.new_owners.push_back({norm_noun(rest), *r.m->actor});
    } else if (de && r.first >= 2 &&
               (toks[r.first - 1].lower == "der" ||
                toks[r.first - 1].lower == "des") &&
               toks[r.first - 2].capitalized && !toks[r.first - 2].punct) {
      out.new_owners.push_back(
          {norm_noun(toks[r.first - 2].lower), *r.m->actor});
    }
  }
  auto owner_in =
      [&](int first, int last,
          const std::vector<Actor>& exclude) -> std::optional<Actor> {
    for (int i = first; i <= last; ++i) {
      if (toks[i].punct || !toks[i].capitalized) continue;
      std::string w = norm_noun(toks[i].lower);
      if (w.size() < 6) continue;
      for (auto it = ctx.owners.rbegin(); it != ctx.owners.rend(); ++it) {
        const std::string& o = it->first;
        size_t k = 0;
        while (k < w.size() && k < o.size() &&
               w[w.size() - 1 - k] == o[o.size() - 1 - k])
          ++k;
        if (k >= 6) {
          bool ex = false;
          for (const auto& a : exclude)
            if (a.country == it->second.country) ex = true;
          if (!ex) return it->second;
        }
      }
    }
    return std::nullopt;
  };

  // ---- governors and background mentions ----
  // A governor ("forderte", "refused", "lehnte … ab") takes over the action
  // it governs: the next content triggers in its clause and the two clauses
  // after it ("drohte, … anzugreifen"); in German also noun objects before a
  // clause-final governor ("um Unterstützung gebeten").
  std::vector<char> absorbed(hits.size(), 0);
  std::vector<int> governs(hits.size(), -1);
  std::vector<char> is_background(hits.size(), 0);
  auto hit_is_noun = [&](const TriggerHit& h) {
    return lex_.entry(h.entry).pos == TriggerPos::kNoun || h.compound ||
           (de && toks[h.head].capitalized && h.head > 0);
  };
  auto hit_role = [&](const TriggerHit& h) {
    TriggerRole r = lex_.entry(h.entry).role;
    if (r == TriggerRole::kGovernor && hit_is_noun(h))
      r = TriggerRole::kContent;
    return r;
  };
  for (size_t hi = 0; hi < hits.size(); ++hi) {
    const TriggerHit& h = hits[hi];
    // German attributive participles ("das eroberte Gebiet") are not events.
    if (de && !hit_is_noun(h) && h.head > 0 && h.head + 1 < n &&
        (cw[h.head - 1] & kDeterminers) && toks[h.head + 1].capitalized)
      absorbed[hi] = 1;
    // Nouns in temporal phrases ("nach der Kapitulation", "after talks")
    // are background, not the sentence's event.
    if (hit_is_noun(h)) {
      for (int q = h.head - 1, st = 0; q >= 0 && st < 3; --q, ++st) {
        const std::string& w = toks[q].lower;
        if (w == "nach" || w == "vor" || w == "seit" || w == "während" ||
            w == "after" || w == "before" || w == "since" || w == "during" ||
            w == "following" || w == "trotz" || w == "despite" || w == "amid" ||
            w == "infolge") {
          is_background[hi] = 1;
          break;
        }
        if (!cues_.determiners.Has(w) && (toks[q].capitalized || toks[q].punct))
          break;
      }
    }
  }
  for (size_t hi = 0; hi < hits.size(); ++hi) {
    if (absorbed[hi] || hit_role(hits[hi]) != TriggerRole::kGovernor) continue;
    const int ci = clause_of[hits[hi].head];
    int limit_clause =
        std::min<int>(ci + 2, static_cast<int>(clauses.size()) - 1);
    for (size_t hj = hi + 1; hj < hits.size(); ++hj) {
      const TriggerHit& o = hits[hj];
      if (clause_of[o.head] > limit_clause || attributed[o.head]) break;
      TriggerRole orole = hit_role(o);
      if (orole == TriggerRole::kReport) continue;
      if (orole == TriggerRole::kGovernor && clause_of[o.head] != ci) break;
      if (orole == TriggerRole::kGovernor) continue;
      if (!absorbed[hj] && governs[hi] < 0) governs[hi] = static_cast<int>(hj);
      absorbed[hj] = 1;
    }
    if (de) {
      for (size_t hj = 0; hj < hi; ++hj) {
        const TriggerHit& o = hits[hj];
        if (clause_of[o.head] != ci || hit_role(o) != TriggerRole::kContent ||
            !hit_is_noun(o))
          continue;
        if (!absorbed[hj] && governs[hi] < 0)
          governs[hi] = static_cast<int>(hj);
        absorbed[hj] = 1;
      }
    }
  }

  // ---- build candidates ----
  std::vector<CandidateEvent> cands;
  for (size_t hi = 0; hi < hits.size(); ++hi) {
    if (absorbed[hi]) continue;
    const TriggerHit& h = hits[hi];
    if (attributed[h.head]) continue;
    const TriggerEntry& e0 = lex_.entry(h.entry);
    TriggerEntry e_local;
    const TriggerEntry* ep = &e0;
    if (hit_role(h) != e0.role) {
      e_local = e0;
      e_local.role = hit_role(h);
      ep = &e_local;
    }
    const TriggerEntry& e = *ep;
    const int ci = clause_of[h.head];
    const Clause& cl = clauses[ci];
    bool is_noun = e.pos == TriggerPos::kNoun || h.compound ||
                   (de && toks[h.head].capitalized && h.head > 0);
    CandidateEvent ev;
    ev.entry = h.entry;
    ev.type = e.type;
    ev.mode = e.mode;
    ev.cameo = e.cameo;
    ev.label = e.label;
    ev.compound = h.compound;
    ev.noun = is_noun;
    ev.trigger_start = toks[h.head].start;
    ev.trigger_end = toks[h.head].end;
    ev.clause_start = toks[cl.first].start;
    ev.clause_end = toks[cl.last].end;
    ev.rule = "trigger " + e.id + " (" +
              std::string(e.pos == TriggerPos::kNoun        ? "noun"
                          : e.pos == TriggerPos::kAdjective ? "adj"
                                                            : "verb") +
              ")";
    int scope_last = cl.last;  // where objects may be found

    if (governs[hi] >= 0) {
      ev.content_entry = hits[governs[hi]].entry;
      ev.rule += "; governs " + lex_.entry(ev.content_entry).id;
      scope_last =
          std::max(scope_last, clauses[clause_of[hits[governs[hi]].head]].last);
    }
    if (is_background[hi]) ev.rule += "; background (temporal phrase)";

    // ---- status, intent ----
    bool negated = false, hypothetical = false, intent = false, planned = false,
         passive = false;
    int intent_at = -1;
    for (int i = cl.first; i <= cl.last; ++i) {
      if (i == h.head) continue;
      bool before = i < h.head;
      if ((cs[i] & kNegation) && (de || (before && h.head - i <= 4))) {
        // "kein" directly before a noun trigger or anywhere in a German clause
        negated = true;
      }
      if ((cs[i] & kHypothetical) && (de || before)) hypothetical = true;
      if ((cs[i] & kIntent) && (before || de)) {
        intent = true;
        intent_at = i;
      }
      if ((cs[i] & kPlan) && (before || de)) planned = true;
      // English future ("will visit", "is going to"); German "werden" +
      // infinitive is decided below.
      if ((cs[i] & kFuture) && before && !de && h.head - i <= 4) planned = true;
      if ((cs[i] & kPassiveAux) && (de || (before && h.head - i <= 3)))
        passive = passive || IsParticiple(toks[h.head].lower, lang);
    }
    if (de && !passive) {
      bool aux = false;
      for (int i = cl.first; i <= cl.last; ++i)
        if (toks[i].lower == "wurde" || toks[i].lower == "wurden" ||
            toks[i].lower == "worden" || toks[i].lower == "wird" ||
            toks[i].lower == "werden")
          aux = true;
      if (aux)
        for (const Group& g : groups)
          if (g.clause == ci && !g.attribution && cues_.agent_preps.Has(g.prep))
            passive = true;
    }
    // Intent expressed in the governing clause ("is willing to", "sagte zu").
    if (!intent && ci > 0 && clauses[ci].subordinate == false) {
      const Clause& prev = clauses[ci - 1];
      for (int i = prev.first; i <= prev.last; ++i)
        if ((cs[i] & kIntent)) {
          intent = true;
          intent_at = i;
        }
    }
    if (de) {
      // "werden" + infinitive (not a passive participle) = future;
      // "zu" + infinitive after "bekanntgegeben" = announced plan.
      bool werden = false;
      for (int i = cl.first; i <= cl.last; ++i)
        if (toks[i].lower == "wird" || toks[i].lower == "werden" ||
            toks[i].lower == "werde")
          werden = true;
      if (werden && !IsParticiple(toks[h.head].lower, lang) && !is_noun)
        planned = true;
      if (h.head > 0 && toks[h.head - 1].lower == "zu" && !is_noun)
        planned = true;
      if (toks[h.head].lower.find("zu") != std::string::npos &&
          toks[h.head].lower.size() > 6 &&
          (toks[h.head].lower.starts_with("abzu") ||
           toks[h.head].lower.starts_with("anzu") ||
           toks[h.head].lower.starts_with("aufzu")))
        planned = true;
      // Hearsay "soll … getötet worden sein" is reported, not planned.
      for (int i = cl.first; i <= cl.last; ++i)
        if ((cs[i] & kReported)) planned = false;
      if (passive) {
        for (int i = cl.first; i <= cl.last; ++i)
          if (toks[i].lower == "wurde" || toks[i].lower == "wurden" ||
              toks[i].lower == "worden")
            planned = planned && false;
      }
    } else {
      if (h.head > 0 && toks[h.head - 1].lower == "to" && ci > 0) {
        // "announced plans to", handled by intent; bare "to" after a
        // report verb in the previous clause is a plan.
      }
      // Purpose nouns ("for an attack") are not events.
    }
    if (e.pos == TriggerPos::kNoun && h.head >= 2 &&
        (toks[h.head - 2].lower == "für" || toks[h.head - 2].lower == "for"))
      hypothetical = true;

    // ---- roles ----
    int actor_group = -1;
    std::vector<int> recip_groups;
    const Group* agent = nullptr;
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const Group& g = groups[gi];
      if (g.attribution || g.clause != ci) continue;
      if (cues_.agent_preps.Has(g.prep) &&
          (passive ||
           (is_noun && g.first > h.head && (!de || g.first - h.head <= 3)))) {
        agent = &g;
        actor_group = static_cast<int>(gi);
        break;
      }
    }
    // Mentions inside the trigger token or just before a noun trigger
    // ("US-Angriff", "israelischer Luftangriff", "Japans Kritik").
    if (actor_group < 0 && (is_noun || e.pos == TriggerPos::kAdjective)) {
      for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (g.attribution) continue;
        if ((g.last == h.head) ||
            (g.last < h.head && h.head - g.last <= 2 && g.prep.empty() &&
             !de) ||
            (de && g.last < h.head && h.head - g.last <= 1 && g.prep.empty())) {
          actor_group = static_cast<int>(gi);
          break;
        }
        // genitive after the noun ("Angriff der USA"), unless the clause
        // has its own subject before the noun ("X sind Befürworter des Y")
        bool subject_before = false;
        for (const Group& q : groups)
          if (q.clause == ci && !q.attribution && q.prep.empty() &&
              !q.genitive && q.last < h.head)
            subject_before = true;
        if (de && is_noun && !subject_before && g.first > h.head &&
            g.first - h.head <= 2 && g.prep.empty()) {
          actor_group = static_cast<int>(gi);
          break;
        }
      }
    }
    if (actor_group < 0 && !passive) {
      // Subject: English the nearest bare group before the trigger in its
      // clause; German the first bare group anywhere in the clause (V2).
      int best = -1;
      for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (g.attribution || g.clause != ci || !g.prep.empty() || g.genitive)
          continue;
        if (g.first <= h.head && g.last >= h.head) continue;
        if (de) {
          if (best < 0) best = static_cast<int>(gi);
        } else if (g.last < h.head) {
          best = static_cast<int>(gi);
        }
      }
      if (best < 0 && !de) {
        // "…, said X" / inverted: first bare group after the trigger
        // only when the clause has no other subject candidate before.
      }
      actor_group = best;
    }
    bool from_context = false;
    std::vector<Actor> actors;
    if (actor_group >= 0) {
      actors = group_actors(groups[actor_group]);
      if (groups[actor_group].group_ref) from_context = true;
    }
    if (actors.empty() && !passive && cl.subordinate &&
        (cw[cl.first] & kRelatives)) {
      // "…, welche … ein Ultimatum stellten": the antecedent is the subject.
      for (int gi = static_cast<int>(groups.size()) - 1; gi >= 0; --gi) {
        const Group& g = groups[gi];
        if (g.attribution || g.last >= cl.first) continue;
        actor_group = gi;
        actors = group_actors(g);
        ev.rule += "; actor = antecedent of relative clause";
        break;
      }
    }
    if (actors.empty() && !passive) {
      // A genitive that completes the subject ("die Truppen der
      // Nordkoreanischen Volksarmee") stands for it.
      for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (g.attribution || g.clause != ci || !g.genitive || g.head_in_pp)
          continue;
        if (g.first <= h.head && g.last >= h.head) continue;
        actor_group = static_cast<int>(gi);
        actors = group_actors(g);
        ev.rule += "; actor from a genitive subject";
        break;
      }
    }
    if (actors.empty() && !passive) {
      // Subject of the sentence's main clause (the first bare group that is
      // not in an attribution), e.g. "X said it will …", "X, a …, refused".
      for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (g.attribution || !g.prep.empty() || g.genitive) continue;
        if (clauses[g.clause].subordinate && g.clause != ci) continue;
        if (g.clause > ci && !de) continue;
        if (g.first <= h.head && g.last >= h.head) continue;
        actor_group = static_cast<int>(gi);
        actors = group_actors(g);
        if (g.group_ref) from_context = true;
        ev.rule += "; actor from main clause";
        break;
      }
    }
    if (actors.empty() && !passive) {
      // Quotes and pronouns: the speaker / the topic of the story.
      bool quote = cl.quote || is_pronoun_subject(ci);
      std::vector<Actor> speaker;
      for (const Group& g : groups)
        if (g.attribution) {
          auto a = group_actors(g);
          if (!a.empty()) speaker = {a.back()};
        }
      if (quote && !speaker.empty()) {
        // A bare demonym ("den Russen") names the person of the previous
        // sentence when that person has the same country.
        if (speaker[0].kind != ActorKind::kPerson) {
          for (const Actor& p : ctx.last_persons)
            if (p.country == speaker[0].country) {
              speaker = {p};
              break;
            }
        }
        actors = speaker;
        ev.rule += "; actor = quoted speaker";
      } else if (quote && !ctx.last_persons.empty()) {
        actors = {ctx.last_persons.front()};
        ev.rule += "; actor = speaker of previous sentence";
      }
    }
    if (actors.empty() && !passive && is_pronoun_subject(ci) &&
        !ctx.last_actors.empty() && !cl.quote) {
      actors = ctx.last_actors;
      from_context = true;
      ev.rule += "; pronoun subject = previous actors";
    }
    bool any_actor_mention = false;
    for (const Group& g : groups)
      if (!g.attribution && !g.group_ref) any_actor_mention = true;
    // Carry the previous actors only where the story continues: a
    // cooperative follow-up (the meeting after the agreement) or a sentence
    // opening with an anaphoric word ("Dazu", "Es", "Then", "They").
    bool continues = IsSymmetric(e.type) || IsSymmetric(ev.type) ||
                     (cs[0] & kAnaphora) ||
                     (n > 1 && toks[0].punct && (cs[1] & kAnaphora));
    if (ev.type == "PROTEST") continues = false;
    if (actors.empty() && !any_actor_mention && !ctx.last_actors.empty() &&
        continues) {
      actors = ctx.last_actors;
      if (IsSymmetric(e.type) || IsSymmetric(ev.type))
        for (const Actor& r : ctx.last_recipients) actors.push_back(r);
      from_context = true;
      ev.rule += "; actors carried over from the previous event";
    }
    // Recipients.
    std::vector<Actor> recipients;
    auto same = [](const Actor& x, const Actor& a) {
      return (x.code == a.code && x.text == a.text) ||
             (x.kind == ActorKind::kCountry && a.kind == ActorKind::kCountry &&
              x.country == a.country);
    };
    auto take = [&](const Group& g) {
      for (const Actor& a : group_actors(g)) {
        bool dup = false;
        for (const Actor& x : actors)
          if (same(x, a)) dup = true;
        for (const Actor& x : recipients)
          if (same(x, a)) dup = true;
        if (!dup) recipients.push_back(a);
      }
    };
    int taken = 0;
    for (size_t gi = 0; gi < groups.size() && taken < 2; ++gi) {
      const Group& g = groups[gi];
      if (static_cast<int>(gi) == actor_group || g.attribution ||
          (agent && &g == agent))
        continue;
      if (g.group_ref) continue;
      int gc = g.clause;
      bool in_scope = gc == ci || (gc > ci && g.last <= scope_last);
      if (!in_scope) continue;
      if (!de && g.last < h.head && !(passive && g.prep.empty())) continue;
      if (de && g.last < h.head && !g.prep.empty() &&
          !cues_.recipient_preps.Has(g.prep) &&
          !cues_.between_preps.Has(g.prep) &&
          !(IsMaterial(ev.type) && cues_.locative_preps.Has(g.prep)))
        continue;
      if (cues_.other_preps.Has(g.prep)) continue;
      bool locative = cues_.locative_preps.Has(g.prep) &&
                      !cues_.recipient_preps.Has(g.prep);
      if (locative && !IsMaterial(ev.type) && ev.type != "ACCUSE" &&
          ev.type != "CONSULT")
        continue;
      if (locative && ev.type == "CONSULT") continue;
      take(g);
      ++taken;
    }
    // "Zwischen Indien und Pakistan kam es zu Gefechten": both sides act.
    if (actors.empty()) {
      for (size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        if (g.clause == ci && !g.attribution &&
            cues_.between_preps.Has(g.prep)) {
          actors = group_actors(g);
          std::vector<Actor> rest;
          for (const Actor& r : recipients) {
            bool in = false;
            for (const Actor& a : actors)
              in = in || (a.code == r.code && a.text == r.text);
            if (!in) rest.push_back(r);
          }
          recipients = rest;
          ev.rule += "; actors = both sides of 'between'";
          break;
        }
      }
    }
    // Symmetric events between a coordinated pair: both are actors.
    if (IsSymmetric(ev.type) && actors.empty() && !recipients.empty()) {
      actors = recipients;
      recipients.clear();
    }
    if (recipients.empty() && !IsSymmetric(ev.type)) {
      int owner_last = scope_last;
      if (ci + 1 < static_cast<int>(clauses.size()) &&
          clauses[ci + 1].subordinate && !clauses[ci + 1].attribution)
        owner_last = std::max(owner_last, clauses[ci + 1].last);
      if (auto o = owner_in(h.head + 1, owner_last, actors)) {
        recipients.push_back(*o);
        ev.rule += "; recipient = owner of a noun named earlier";
      } else if (de) {
        if (auto o2 = owner_in(cl.first, h.head - 1, actors)) {
          recipients.push_back(*o2);
          ev.rule += "; recipient = owner of a noun named earlier";
        }
      }
    }
    if (recipients.empty() && !IsSymmetric(ev.type) &&
        !ctx.last_recipients.empty() &&
        (ev.type == "REJECT" || ev.type == "ACCUSE" || ev.type == "SUPPORT")) {
      // "stellen sich gegen die Pläne": a definite object refers back.
      bool definite_object = false;
      for (int i = h.head + 1; i <= scope_last && i < n; ++i)
        if (toks[i].lower == "die" || toks[i].lower == "den" ||
            toks[i].lower == "das" || toks[i].lower == "diese" ||
            toks[i].lower == "the" || toks[i].lower == "this")
          definite_object = true;
      if (definite_object) {
        for (const Actor& r : ctx.last_recipients) {
          bool dup = false;
          for (const Actor& a : actors)
            if (a.country == r.country) dup = true;
          if (!dup) recipients.push_back(r);
        }
        if (!recipients.empty())
          ev.rule += "; recipient carried over (definite object)";
      }
    }

    // ---- joint / intent transformations ----
    bool joint = false;
    for (int i = cl.first; i <= cl.last; ++i)
      if ((cs[i] & kJoint)) joint = true;
    std::set<std::string> actor_countries;
    for (const Actor& a : actors) actor_countries.insert(a.country);
    if (!e.joint_type.empty() && (joint || actor_countries.size() >= 2)) {
      auto jt = FindEventType(e.joint_type);
      ev.type = e.joint_type;
      ev.cameo = e.joint_cameo.empty() ? std::string(jt->cameo) : e.joint_cameo;
      ev.label = e.joint_label.empty() ? std::string(jt->label) : e.joint_label;
      ev.rule += "; joint -> " + ev.type;
    }
    if (ev.content_entry >= 0) {
      const TriggerEntry& ce = lex_.entry(ev.content_entry);
      if (!ce.joint_type.empty() && (joint || actor_countries.size() >= 2) &&
          ev.type == "AGREE")
        ev.label = ce.joint_label;
    }

    // Two or more states doing a hostile act together, with no state as its
    // target ("gemeinsam … Piraten bekämpfen"), act jointly: no clash
    // between them.
    if ((ev.type == "ASSAULT" || ev.type == "COERCE") &&
        actor_countries.size() >= 2 && recipients.empty() &&
        (joint || from_context)) {
      ev.type = "COOPERATE";
      ev.cameo = "06";
      ev.mode.clear();
      ev.label = "joint operation";
      ev.rule += "; joint hostile act -> COOPERATE";
    }
    ev.actors = actors;
    ev.recipients = recipients;
    ev.inherited_actors = from_context;
    ev.actor_fallback =
        ev.rule.find("; actor from main clause") != std::string::npos ||
        ev.rule.find("; actor = ") != std::string::npos ||
        ev.rule.find("; pronoun subject") != std::string::npos;

    // ---- status ----
    EventStatus status = EventStatus::kOccurred;
    if (negated && e.role != TriggerRole::kGovernor)
      status = EventStatus::kNegated;
    else if (hypothetical && !intent)
      status = EventStatus::kHypothetical;
    else if (planned || intent)
      status = EventStatus::kPlanned;
    if (e.role == TriggerRole::kGovernor) {
      // The governing act itself happened ("forderte", "refused").
      status = negated ? EventStatus::kNegated : EventStatus::kOccurred;
      if (hypothetical && !intent) status = EventStatus::kHypothetical;
    }
    ev.status = status;

    // ---- location ----
    {
      const Mention* best = nullptr;
      int best_dist = 1 << 20;
      for (const auto& r : refs) {
        if (attributed[r.first]) continue;
        const Mention& m = *r.m;
        bool is_place = m.kind == MentionKind::kPlace && m.place;
        if (is_place && m.place->precision == PlacePrecision::kRegion &&
            !(IsHostileMaterial(ev.type) || ev.type == "MOBILIZE"))
          continue;
        // Genitives are owners, not places ("Raketenabwehrschild der USA").
        if (r.first >= 2 &&
            (toks[r.first - 1].lower == "der" ||
             toks[r.first - 1].lower == "des") &&
            toks[r.first - 2].capitalized && !toks[r.first - 2].punct && de)
          continue;
        // The event's place follows a locative preposition ("in Tokio",
        // "in der japanischen Provinz Kyoto"); a verb in between breaks it.
        bool locative = false;
        for (int k = r.first - 1, steps = 0; k >= 0 && steps < 4;
             --k, ++steps) {
          const std::string& w = toks[k].lower;
          if (toks[k].punct) break;
          if (cues_.locative_preps.Has(w)) {
            locative = true;
            break;
          }
          if (cues_.passive_aux.Has(w) || w == "ist" || w == "sind" ||
              w == "hat" || w == "haben" || w == "has" || w == "have" ||
              w == "had" || w == "war")
            break;
          if (mention_at[k] >= 0 && refs[mention_at[k]].m != &m &&
              refs[mention_at[k]].m->kind != MentionKind::kCountry)
            break;
        }
        if (!locative) continue;
        bool country_loc =
            !is_place && m.actor && m.kind == MentionKind::kCountry;
        if (!is_place && !country_loc) continue;
        int dist =
            std::abs(r.first - h.head) + (clause_of[r.first] == ci ? 0 : 50);
        if (is_place && m.place->precision != PlacePrecision::kCountry)
          dist -= 5;
        if (dist < best_dist) {
          best_dist = dist;
          best = &m;
        }
      }
      if (best) {
        if (best->place) {
          ev.location = *best->place;
          if (ev.location->text.empty())
            ev.location->text =
                std::string(text.substr(best->start, best->end - best->start));
        } else if (best->actor) {
          ev.location = CountryPlace(
              best->actor->country,
              std::string(text.substr(best->start, best->end - best->start)));
        }
      }
      // A visit's place is its object ("visited Nairobi", "besuchte
      // Paris"): the first place after the trigger in its clause.
      if (!best && ev.mode == "visit") {
        for (const auto& r : refs) {
          if (attributed[r.first] || r.first <= h.head ||
              clause_of[r.first] != ci)
            continue;
          const Mention& m = *r.m;
          if (m.kind != MentionKind::kPlace || !m.place ||
              m.place->precision == PlacePrecision::kRegion)
            continue;
          ev.location = *m.place;
          if (ev.location->text.empty())
            ev.location->text =
                std::string(text.substr(m.start, m.end - m.start));
          ev.rule += "; place = object of the visit";
          break;
        }
      }
      // No place named: the country the sentence makes clear, i.e. every
      // party is of one country and the event stays inside it (a domestic
      // target, or a protest or riot). An actor alone does not place its
      // own outward act (aid, sanctions, an attack) at home.
      if (!ev.location) {
        std::set<std::string> cs;
        for (const Actor& a : ev.actors) cs.insert(a.country);
        for (const Actor& a : ev.recipients) cs.insert(a.country);
        bool inside =
            !ev.recipients.empty() || ev.type == "PROTEST" || ev.type == "RIOT";
        if (cs.size() == 1 && !(*cs.begin()).empty() && IsMaterial(ev.type) &&
            inside)
          ev.location = CountryPlace(*cs.begin(), "");
      }
      if (ev.actors.empty() && ev.type == "PROTEST" && ev.location &&
          !ev.location->country.empty()) {
        Actor a;
        a.text = ev.location->text;
        a.name = geo::CountryName(ev.location->country, "en");
        a.country = ev.location->country;
        a.code = a.country + "CVL";
        a.sector = "CVL";
        a.kind = ActorKind::kGroup;
        ev.actors.push_back(a);
        ev.rule += "; protesters = people of the place";
      }
      // Material action in another country: that country is its target.
      if (ev.recipients.empty() && ev.location &&
          !ev.location->country.empty() &&
          (IsHostileMaterial(ev.type) || ev.type == "MOBILIZE" ||
           ev.type == "AID" || ev.type == "RETREAT")) {
        bool own = false;
        for (const Actor& a : ev.actors)
          if (a.country == ev.location->country) own = true;
        if (!own && !ev.actors.empty()) {
          Actor t;
          t.text = ev.location->text;
          t.name = geo::CountryName(ev.location->country, "en");
          t.code = ev.location->country;
          t.country = ev.location->country;
          t.kind = ActorKind::kCountry;
          ev.recipients.push_back(t);
          ev.rule += "; recipient = country of the location";
        }
      }
    }

    // ---- numbers ----
    {
      bool death = false;
      for (int i = 0; i < n; ++i)
        if ((cs[i] & kDeathWords)) death = true;
      for (int i = 0; i < n; ++i) {
        const std::string& w = toks[i].lower;
        long v = -1;
        if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) {
          std::string digits;
          bool ok = true;
          for (char c : w) {
            if (std::isdigit(static_cast<unsigned char>(c)))
              digits.push_back(c);
            else if (c == '.' || c == ',')
              continue;
            else {
              ok = false;
              break;
            }
          }
          if (ok && !digits.empty() && digits.size() < 10)
            v = std::stol(digits);
          // a year is not a count
          if (v >= 1000 && v <= 2100 && w.find('.') == std::string::npos &&
              w.find(',') == std::string::npos)
            v = -1;
        } else if (auto it = cues_.number_values.find(w);
                   it != cues_.number_values.end()) {
          v = it->second;
        }
        if (v <= 0) continue;
        // what follows: people / dead / crowd
        for (int k = i + 1; k < n && k <= i + 3; ++k) {
          const std::string& x = toks[k].lower;
          if (toks[k].punct) break;
          bool crowd = (cs[k] & kCrowdWords);
          bool dead = (cs[k] & kDeathWords);
          bool people = crowd || x == "soldaten" || x == "soldiers" ||
                        x == "civilians" || x == "zivilisten" ||
                        x == "matrosen" || x == "iraner" || x == "iraker";
          if ((dead || (people && death)) && !ev.fatalities &&
              (ev.type == "ASSAULT" || ev.type == "COERCE" ||
               ev.type == "PROTEST")) {
            ev.fatalities = v;
            break;
          }
          if (crowd && ev.type == "PROTEST" && !ev.size && !death) {
            ev.size = v;
            break;
          }
        }
      }
    }

    // ---- confidence ----
    double c = 0.35;
    c += (e.pos == TriggerPos::kVerb) ? 0.15 : 0.08;
    if (e.role == TriggerRole::kGovernor) c += 0.05;
    if (!ev.actors.empty()) c += from_context ? 0.05 : 0.15;
    if (!ev.recipients.empty() ||
        (IsSymmetric(ev.type) && ev.actors.size() >= 2))
      c += 0.1;
    if (!cl.subordinate) c += 0.1;
    {
      // The first clause that is not an attribution carries the main event.
      int first_main = 0;
      while (first_main + 1 < static_cast<int>(clauses.size()) &&
             (clauses[first_main].attribution ||
              attributed[clauses[first_main].first]))
        ++first_main;
      if (ci == first_main) c += 0.05;
    }
    c -= 0.25 * (1.0 - e.weight);
    if (ev.status == EventStatus::kHypothetical ||
        ev.status == EventStatus::kNegated)
      c -= 0.2;
    if (e.role == TriggerRole::kReport) c -= 0.25;
    if (is_background[hi]) c -= 0.3;
    ev.confidence = c;
    (void)intent_at;

    // Intent on a cooperative action = AGREE; on a hostile one = THREATEN
    // (PLOVER codes the expressed intent); the action stays as planned.
    if (intent && e.role == TriggerRole::kContent &&
        (IsCooperative(ev.type) || IsHostileMaterial(ev.type)) &&
        ev.type != "AGREE") {
      CandidateEvent derived = ev;
      bool coop = IsCooperative(ev.type);
      derived.type = coop ? "AGREE" : "THREATEN";
      auto info = FindEventType(derived.type);
      derived.cameo = coop ? "03" : "13";
      derived.mode = "";
      derived.label = coop ? "intent: " + ev.label : "threat: " + ev.label;
      derived.status = negated ? EventStatus::kNegated : EventStatus::kOccurred;
      derived.confidence = ev.confidence + 0.12;
      derived.rule += "; intent -> " + std::string(info->type);
      derived.fatalities.reset();
      if (derived.location &&
          derived.location->precision == PlacePrecision::kRegion)
        derived.location.reset();
      derived.size.reset();
      // One predicate, one event: the stated intent is the event; the
      // intended act is not a second one.
      cands.push_back(std::move(derived));
      continue;
    }
    cands.push_back(std::move(ev));
  }

  // Keep one event per type and sentence (the most confident); a report
  // verb yields a STATEMENT only when nothing else was coded.
  bool has_other = false;
  for (const auto& c : cands)
    if (lex_.entry(c.entry).role != TriggerRole::kReport &&
        (c.status == EventStatus::kOccurred ||
         c.status == EventStatus::kPlanned))
      has_other = true;
  // One predicate, one event: in a clause the verb's event beats event
  // nouns, and of several nouns the most confident stays; a sentence keeps
  // one event per type and status.
  std::vector<CandidateEvent> kept;
  for (auto& c : cands) {
    if (has_other && lex_.entry(c.entry).role == TriggerRole::kReport) continue;
    bool merged = false;
    for (auto& k : kept) {
      const bool same_clause =
          k.clause_start == c.clause_start && k.clause_end == c.clause_end;
      if (same_clause && k.noun != c.noun) {
        // The verb is the clause's predicate; an event noun beside it is
        // its argument ("besorgt über die Teilnahme").
        if (k.noun) k = c;
        merged = true;
        break;
      }
      if ((k.type == c.type && k.status == c.status) ||
          (same_clause && k.noun && c.noun)) {
        if (c.confidence > k.confidence) k = c;
        merged = true;
        break;
      }
    }
    if (!merged) kept.push_back(std::move(c));
  }
  for (auto& k : kept) {
    k.confidence =
        std::round(std::clamp(k.confidence, 0.05, 0.95) * 100.0) / 100.0;
  }
  out.events = std::move(kept);
  return out;
}

}  // namespace geotl::code
