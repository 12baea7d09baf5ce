#include "ingest/code/bare_offices.h"

#include <optional>
#include <string>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

// The case-folded words of a mention's text, hyphen parts too ("AU-
// Sondergesandte" holds "sondergesandte").
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) out.push_back(FoldCase(w));
    w.clear();
  };
  for (char c : s) {
    if (c == ' ' || c == '-' || c == ',' || c == '.')
      flush();
    else
      w.push_back(c);
  }
  flush();
  return out;
}

// A capitalised word right after the office ("Energieminister Wladimir
// Demtschischin"): another person the recogniser did not know.
bool NameFollows(std::string_view text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  if (at >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals in UTF-8 (Ä, Ö, Ü, É, ...): C3 80..9E.
  return c == 0xC3 && at + 1 < text.size() &&
         static_cast<unsigned char>(text[at + 1]) >= 0x80 &&
         static_cast<unsigned char>(text[at + 1]) <= 0x9E;
}

struct Titled {
  std::vector<std::string> words;
  core::Actor actor;
};

}  // namespace

std::vector<DroppedMention> ResolveBareOffices(
    std::string_view text, const std::vector<Sentence>& sentences,
    std::vector<std::vector<Mention>>* mentions) {
  std::vector<DroppedMention> notes;
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
        const std::vector<std::string> bare = Words(span);
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
        notes.push_back(DroppedMention{si, m,
                                       "bare office: " + std::string(span) +
                                           " = " + found->actor.name + " (" +
                                           found->actor.code + ")"});
        continue;
      }
      if (m.actor->kind != core::ActorKind::kPerson ||
          m.actor->country.empty() || m.actor->name.empty())
        continue;
      std::vector<std::string> words = Words(span);
      if (words.size() < 2) continue;  // a bare name has no title
      titled.push_back(Titled{std::move(words), *m.actor});
    }
  }
  return notes;
}

}  // namespace geotl::ingest::code
