#include "ingest/code/cues.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace geotl::code {

void CueList::Add(const std::string& phrase) {
  std::istringstream in(FoldCase(phrase));
  std::vector<std::string> parts;
  std::string w;
  while (in >> w) parts.push_back(w);
  if (parts.empty()) return;
  if (parts.size() == 1) {
    words_.insert(parts[0]);
  } else {
    std::string key = parts[0];
    phrases_[key].push_back(std::move(parts));
  }
}

int CueList::MatchAt(const std::vector<Token>& tokens, int i) const {
  const std::string& w = tokens[i].lower;
  int best = 0;
  if (auto p = phrases_.find(w); p != phrases_.end()) {
    for (const auto& parts : p->second) {
      if (i + static_cast<int>(parts.size()) > static_cast<int>(tokens.size())) continue;
      bool ok = true;
      for (size_t k = 1; k < parts.size() && ok; ++k)
        ok = tokens[i + k].lower == parts[k];
      if (ok && static_cast<int>(parts.size()) > best) best = static_cast<int>(parts.size());
    }
  }
  if (best == 0 && words_.count(w)) best = 1;
  return best;
}

Result<std::shared_ptr<const Cues>> Cues::FromJson(std::string_view text,
                                                   const std::string& language) {
  using nlohmann::json;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Invalid("coder_cues.json (" + language + "): not a JSON object");
  auto c = std::make_shared<Cues>();
  struct Slot {
    const char* key;
    CueList* list;
  } slots[] = {
      {"negation", &c->negation},           {"hypothetical", &c->hypothetical},
      {"future", &c->future},               {"intent", &c->intent},
      {"plan", &c->plan},                   {"reported", &c->reported},
      {"passive_aux", &c->passive_aux},     {"agent_preps", &c->agent_preps},
      {"recipient_preps", &c->recipient_preps},
      {"locative_preps", &c->locative_preps},
      {"between_preps", &c->between_preps}, {"other_preps", &c->other_preps},
      {"subordinators", &c->subordinators}, {"relatives", &c->relatives},
      {"attribution_lead", &c->attribution_lead},
      {"attribution_tail", &c->attribution_tail},
      {"report_verbs", &c->report_verbs},   {"coordination", &c->coordination},
      {"determiners", &c->determiners},     {"joint", &c->joint},
      {"group_refs", &c->group_refs},       {"pronouns", &c->pronouns},
      {"death_words", &c->death_words},     {"crowd_words", &c->crowd_words},
  };
  for (const auto& s : slots) {
    auto it = j.find(s.key);
    if (it == j.end()) continue;
    if (!it->is_array())
      return Status::Invalid(std::string("coder_cues.json: \"") + s.key + "\" is not an array");
    for (const auto& x : *it)
      if (x.is_string()) s.list->Add(x.get<std::string>());
  }
  if (auto it = j.find("numbers"); it != j.end() && it->is_object()) {
    for (auto kv = it->begin(); kv != it->end(); ++kv)
      if (kv.value().is_number_integer())
        c->number_values[FoldCase(kv.key())] = kv.value().get<long>();
  }
  return std::shared_ptr<const Cues>(std::move(c));
}

Result<std::shared_ptr<const Cues>> Cues::Load(const std::string& dir,
                                               const std::string& language) {
  std::string path = dir + "/" + language + "/coder_cues.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return FromJson(ss.str(), language);
}

}  // namespace geotl::code
