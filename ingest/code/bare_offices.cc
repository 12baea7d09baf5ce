#include "ingest/code/bare_offices.h"

#include <algorithm>
#include <optional>
#include <string>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

// The case-folded words of text[start, end) as the coder's tokenizer reads
// them, with the parts of hyphenated words too ("AU-Sondergesandte" holds
// "sondergesandte").
std::vector<std::string> Words(std::string_view text, size_t start,
                               size_t end) {
  std::vector<Token> toks;
  Tokenize(text, start, end, &toks);
  std::vector<std::string> out;
  for (const Token& t : toks) {
    if (t.punct) continue;
    for (std::string_view part : WordParts(t.lower, "-."))
      out.emplace_back(part);
  }
  return out;
}

// A capitalised word right after the office ("Energieminister Wladimir
// Demtschischin"): another person the recogniser did not know.
bool NameFollows(std::string_view text, size_t at) {
  std::vector<Token> next;
  Tokenize(text, at, std::min(text.size(), at + 64), &next);
  return !next.empty() && !next.front().punct && next.front().capitalized;
}

struct Titled {
  std::vector<std::string> words;
  core::Actor actor;
};

}  // namespace

std::vector<MentionNote> ResolveBareOffices(
    std::string_view text, const std::vector<Sentence>& sentences,
    std::vector<std::vector<Mention>>* mentions) {
  std::vector<MentionNote> notes;
  std::vector<Titled> titled;  // in text order
  for (size_t si = 0; si < mentions->size() && si < sentences.size(); ++si) {
    for (Mention& m : (*mentions)[si]) {
      if (!m.actor) continue;
      const std::string_view span = text.substr(m.start, m.end - m.start);
      if (m.home) {
        // A bare office held by a person, with the sector of a person the
        // article named with that office before.
        if (m.kind != MentionKind::kRole ||
            m.actor->kind != core::ActorKind::kPerson)
          continue;
        const std::vector<std::string> bare = Words(text, m.start, m.end);
        if (bare.size() != 1 || NameFollows(text, m.end)) continue;
        const Titled* found = nullptr;
        for (auto it = titled.rbegin(); it != titled.rend() && !found; ++it)
          if (it->actor.sector == m.actor->sector)
            for (const std::string& w : it->words)
              if (w == bare[0]) {
                found = &*it;
                break;
              }
        if (!found || found->actor.country == m.actor->country) continue;
        core::Actor a = found->actor;
        a.text = std::string(span);
        m.actor = std::move(a);
        m.home = false;
        m.rule += "; the " + std::string(span) +
                  " the article named: " + found->actor.name;
        notes.push_back(MentionNote{si, m,
                                    "bare office: " + std::string(span) +
                                        " = " + found->actor.name + " (" +
                                        found->actor.code + ")"});
        continue;
      }
      if (m.actor->kind != core::ActorKind::kPerson ||
          m.actor->country.empty() || m.actor->name.empty())
        continue;
      std::vector<std::string> words = Words(text, m.start, m.end);
      if (words.size() < 2) continue;  // a bare name has no title
      titled.push_back(Titled{std::move(words), *m.actor});
    }
  }
  return notes;
}

}  // namespace geotl::ingest::code
