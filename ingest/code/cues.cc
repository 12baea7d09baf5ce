#include "ingest/code/cues.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/code/data_file.h"

namespace geotl::ingest::code {

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
  if (i < 0 || i >= static_cast<int>(tokens.size())) return 0;
  const std::string& w = tokens[i].lower;
  int best = 0;
  if (auto p = phrases_.find(w); p != phrases_.end()) {
    for (const auto& parts : p->second) {
      if (i + static_cast<int>(parts.size()) > static_cast<int>(tokens.size()))
        continue;
      bool ok = true;
      for (size_t k = 1; k < parts.size() && ok; ++k)
        ok = tokens[i + k].lower == parts[k];
      if (ok && static_cast<int>(parts.size()) > best)
        best = static_cast<int>(parts.size());
    }
  }
  if (best == 0 && words_.count(w)) best = 1;
  return best;
}

core::Result<std::shared_ptr<const Cues>> Cues::FromJson(
    std::string_view text, const std::string& language) {
  using nlohmann::json;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return core::Status::Invalid("coder_cues.json (" + language +
                                 "): not a JSON object");
  auto c = std::make_shared<Cues>();
  struct Slot {
    const char* key;
    CueList* list;
    uint64_t bit;  // 0: an affix list, not matched against tokens
  } slots[] = {
      {"negation", &c->negation, kNegation},
      {"not_negation", &c->not_negation, kNotNegation},
      {"habitual_adverbs", &c->habitual_adverbs, kHabitual},
      {"put_off", &c->put_off, kPutOff},
      {"hypothetical", &c->hypothetical, kHypothetical},
      {"future", &c->future, kFuture},
      {"intent", &c->intent, kIntent},
      {"plan", &c->plan, kPlan},
      {"reported", &c->reported, kReported},
      {"passive_aux", &c->passive_aux, kPassiveAux},
      {"agent_preps", &c->agent_preps, kAgentPreps},
      {"recipient_preps", &c->recipient_preps, kRecipientPreps},
      {"locative_preps", &c->locative_preps, kLocativePreps},
      {"between_preps", &c->between_preps, kBetweenPreps},
      {"other_preps", &c->other_preps, kOtherPreps},
      {"subordinators", &c->subordinators, kSubordinators},
      {"relatives", &c->relatives, kRelatives},
      {"attribution_lead", &c->attribution_lead, kAttributionLead},
      {"attribution_tail", &c->attribution_tail, kAttributionTail},
      {"report_verbs", &c->report_verbs, kReportVerbs},
      {"coordination", &c->coordination, kCoordination},
      {"determiners", &c->determiners, kDeterminers},
      {"joint", &c->joint, kJoint},
      {"group_refs", &c->group_refs, kGroupRefs},
      {"pronouns", &c->pronouns, kPronouns},
      {"death_words", &c->death_words, kDeathWords},
      {"crowd_words", &c->crowd_words, kCrowdWords},
      {"anaphora", &c->anaphora, kAnaphora},
      {"not_clause_openers", &c->not_clause_openers, kNotClauseOpeners},
      {"future_aux", &c->future_aux, kFutureAux},
      {"past_passive_aux", &c->past_passive_aux, kPastPassiveAux},
      {"infinitive_markers", &c->infinitive_markers, kInfinitiveMarkers},
      {"purpose_preps", &c->purpose_preps, kPurposePreps},
      {"definite_determiners", &c->definite_determiners, kDefiniteDeterminers},
      {"locative_breaks", &c->locative_breaks, kLocativeBreaks},
      {"genitive_markers", &c->genitive_markers, kGenitiveMarkers},
      {"people_words", &c->people_words, kPeopleWords},
      {"background_preps", &c->background_preps, kBackgroundPreps},
      {"past_subjunctive", &c->past_subjunctive, kPastSubjunctive},
      {"conditionals", &c->conditionals, kConditionals},
      {"person_pronouns", &c->person_pronouns, kPersonPronouns},
      {"known_determiners", &c->known_determiners, kKnownDeterminers},
      {"subject_pronouns", &c->subject_pronouns, kSubjectPronouns},
      {"governed_infinitive", &c->governed_infinitive, kGovernedInfinitive},
      {"number_pronouns", &c->number_pronouns, kNumberPronouns},
      {"plural_verbs", &c->plural_verbs, kPluralVerbs},
      {"subject_relatives", &c->subject_relatives, kSubjectRelatives},
      {"source_preps", &c->source_preps, kSourcePreps},
      {"gazetteer_preps", &c->gazetteer_preps, 0},
      {"gazetteer_stop", &c->gazetteer_stop, 0},
      {"unknown_place_preps", &c->unknown_place_preps, 0},
      {"place_object_verbs", &c->place_object_verbs, 0},
      {"unknown_place_stop", &c->unknown_place_stop, 0},
      {"settlement_nouns", &c->settlement_nouns, 0},
      {"attack_on_nouns", &c->attack_on_nouns, 0},
      {"facility_nouns", &c->facility_nouns, 0},
      {"zu_infinitive_prefixes", &c->zu_infinitive_prefixes, 0},
      {"participle_prefixes", &c->participle_prefixes, 0},
      {"participle_suffixes", &c->participle_suffixes, 0},
      {"participle_particles", &c->participle_particles, 0},
      {"irregular_participles", &c->irregular_participles, 0},
      {"irregular_pasts", &c->irregular_pasts, 0},
      {"inseparable_prefixes", &c->inseparable_prefixes, 0},
      {"oblique_determiners", &c->oblique_determiners, 0},
      {"neuter_demonstratives", &c->neuter_demonstratives, 0},
      {"vorfeld_pronouns", &c->vorfeld_pronouns, 0},
      {"vorfeld_determiners", &c->vorfeld_determiners, 0},
      {"first_person_subjects", &c->first_person_subjects, 0},
      {"condition_openers", &c->condition_openers, 0},
      {"inserted_adverbs", &c->inserted_adverbs, 0},
      {"purpose_nouns", &c->purpose_nouns, 0},
      {"aim_preps", &c->aim_preps, 0},
      {"obligation_modals", &c->obligation_modals, 0},
      {"mishap_nouns", &c->mishap_nouns, 0},
      {"noun_plan_cues", &c->noun_plan_cues, 0},
      {"perfect_aux", &c->perfect_aux, 0},
      {"repetition_counts", &c->repetition_counts, 0},
      {"repetition_nouns", &c->repetition_nouns, 0},
      {"bare_verb_helpers", &c->bare_verb_helpers, 0},
      {"seat_nouns", &c->seat_nouns, 0},
      {"striving_markers", &c->striving_markers, 0},
      {"protest_groups", &c->protest_groups, 0},
      {"vorfeld_adverbs", &c->vorfeld_adverbs, 0},
      {"vorfeld_adverb_endings", &c->vorfeld_adverb_endings, 0},
      {"struggle_auxiliaries", &c->struggle_auxiliaries, 0},
      {"goal_preps", &c->goal_preps, 0},
      {"mission_nouns", &c->mission_nouns, 0},
      {"member_nouns", &c->member_nouns, 0},
      {"incident_nouns", &c->incident_nouns, 0},
      {"material_goods", &c->material_goods, 0},
      {"setting_nouns", &c->setting_nouns, 0},
      {"stance_person_nouns", &c->stance_person_nouns, 0},
      {"copulas", &c->copulas, 0},
      {"setting_preps", &c->setting_preps, 0},
      {"partner_preps", &c->partner_preps, 0},
      {"border_nouns", &c->border_nouns, 0},
      {"border_links", &c->border_links, 0},
      {"border_preps", &c->border_preps, 0},
      {"opposing_prefixes", &c->opposing_prefixes, 0},
      {"opening_marks", &c->opening_marks, 0},
      {"victim_verbs", &c->victim_verbs, 0},
      {"object_participles", &c->object_participles, 0},
      {"content_clause_verbs", &c->content_clause_verbs, 0},
      {"nonfinite_aux", &c->nonfinite_aux, 0},
      {"bystander_preps", &c->bystander_preps, 0},
      {"noun_modifiers", &c->noun_modifiers, 0},
      {"adjective_suffixes", &c->adjective_suffixes, 0},
      {"compound_heads", &c->compound_heads, 0},
      {"name_openers", &c->name_openers, 0},
      {"month_homographs", &c->month_homographs, 0},
      {"anterior_preps", &c->anterior_preps, 0},
      {"indirect_questions", &c->indirect_questions, 0},
      {"bodily_cues", &c->bodily_cues, 0},
      {"commemorations", &c->commemorations, 0},
      {"possibility_modifiers", &c->possibility_modifiers, 0},
      {"possibility_nouns", &c->possibility_nouns, 0},
      {"possibility_links", &c->possibility_links, 0},
      {"gerund_heads", &c->gerund_heads, 0},
      {"judging_verbs", &c->judging_verbs, 0},
  };
  for (const auto& s : slots) {
    auto it = j.find(s.key);
    if (it == j.end()) continue;
    if (!it->is_array())
      return core::Status::Invalid(std::string("coder_cues.json: \"") + s.key +
                                   "\" is not an array");
    for (const auto& x : *it) {
      if (!x.is_string()) continue;
      s.list->Add(x.get<std::string>());
      if (s.bit == 0) continue;
      std::istringstream in(FoldCase(x.get<std::string>()));
      std::vector<std::string> parts;
      std::string w;
      while (in >> w) parts.push_back(w);
      if (parts.size() == 1)
        c->word_mask_[parts[0]] |= s.bit;
      else if (parts.size() > 1) {
        std::string first = parts[0];
        c->phrase_mask_[first].push_back({std::move(parts), s.bit});
      }
    }
  }
  if (auto it = j.find("numbers"); it != j.end() && it->is_object()) {
    for (auto kv = it->begin(); kv != it->end(); ++kv)
      if (kv.value().is_number_integer())
        c->number_values[FoldCase(kv.key())] = kv.value().get<long>();
  }
  return std::shared_ptr<const Cues>(std::move(c));
}

void Cues::Annotate(const std::vector<Token>& tokens,
                    std::vector<uint64_t>* word,
                    std::vector<uint64_t>* start) const {
  const size_t n = tokens.size();
  word->assign(n, 0);
  start->assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = tokens[i].lower;
    // "On 3 May 2020": the month, not the modal.
    if (tokens[i].capitalized && month_homographs.Has(w) &&
        ((i > 0 && StartsWithDigit(tokens[i - 1])) ||
         (i + 1 < n && StartsWithDigit(tokens[i + 1]))))
      continue;
    if (auto it = word_mask_.find(w); it != word_mask_.end())
      (*word)[i] = it->second;
    (*start)[i] = (*word)[i];
    auto p = phrase_mask_.find(w);
    if (p == phrase_mask_.end()) continue;
    for (const auto& [parts, bit] : p->second) {
      if (i + parts.size() > n) continue;
      bool ok = true;
      for (size_t k = 1; k < parts.size() && ok; ++k)
        ok = tokens[i + k].lower == parts[k];
      if (ok) (*start)[i] |= bit;
    }
  }
}

core::Result<std::shared_ptr<const Cues>> Cues::Load(
    const std::string& dir, const std::string& language) {
  ASSIGN_OR_RETURN(std::string text,
                   ReadDataFile(dir + "/" + language + "/coder_cues.json"));
  return FromJson(text, language);
}

}  // namespace geotl::ingest::code
