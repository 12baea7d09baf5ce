// Coder::Load and the article pipeline: text preparation, time expressions,
// recogniser mentions per sentence, the sentence coder with discourse
// context, event dates, provenance, ids and the in-article merge.
#include "ingest/coder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/ontology.h"
#include "geo/gazetteer.h"
#include "ingest/code/bare_offices.h"
#include "ingest/code/confidence.h"
#include "ingest/code/country_counts.h"
#include "ingest/code/cues.h"
#include "ingest/code/event_date.h"
#include "ingest/code/gazetteer_place.h"
#include "ingest/code/home_country.h"
#include "ingest/code/interview_turn.h"
#include "ingest/code/member_descriptor.h"
#include "ingest/code/merge.h"
#include "ingest/code/named_persons.h"
#include "ingest/code/opening_place.h"
#include "ingest/code/organ_place.h"
#include "ingest/code/seat_place.h"
#include "ingest/code/sentence_coder.h"
#include "ingest/code/story_place.h"
#include "ingest/code/stray_towns.h"
#include "ingest/code/surname_filter.h"
#include "ingest/code/topic_model.h"
#include "ingest/code/trigger_lexicon.h"
#include "ingest/text.h"
#include "ingest/time/timex.h"

namespace geotl::ingest {
namespace {

struct LanguageModel {
  std::shared_ptr<const code::TriggerLexicon> triggers;
  std::shared_ptr<const code::Cues> cues;
  std::shared_ptr<const code::TopicModel> topic;            // may be null
  std::shared_ptr<const code::ConfidenceModel> confidence;  // may be null
};

// Does the sentence name a country none of `actors` belongs to?
bool NamesAnotherCountry(const std::vector<Mention>& mentions,
                         const std::vector<core::Actor>& actors) {
  for (const Mention& m : mentions) {
    if (!m.actor || m.actor->country.size() != 3) continue;
    if (std::none_of(actors.begin(), actors.end(), [&](const core::Actor& a) {
          return a.country == m.actor->country;
        }))
      return true;
  }
  return false;
}

// A member of a government named in person ("Japans Außenminister Fumio
// Kishida"): whose words are the government's position.
bool GovernmentPerson(const std::vector<core::Actor>& actors) {
  return std::any_of(actors.begin(), actors.end(), [](const core::Actor& a) {
    return a.kind == core::ActorKind::kPerson && a.sector == "GOV";
  });
}

// An actor that stands for a state, its organs, an IGO, a party or an armed
// group: what makes an act political (a bare person or civilians do not).
bool PoliticalActor(const core::Actor& a) {
  if (a.kind == core::ActorKind::kCountry ||
      a.kind == core::ActorKind::kOrganization)
    return true;
  static const char* kSectors[] = {"GOV", "MIL", "LEG", "JUD", "COP",
                                   "PTY", "OPP", "REB", "SPY", "IGO",
                                   "INS", "ELI", "SEP", "UAF"};
  for (const char* s : kSectors)
    if (a.sector == s) return true;
  return false;
}

// The event's place is named in its sentence; in a brief (a note of a few
// sentences about one incident, code::kBriefSentences), also below country
// level elsewhere in it (the note's first place: "Gunshots heard near
// police station in Yei. One officer wounded in the head."). A country
// guessed from context is none; a long story's dateline does not place
// every act it tells.
bool NamedPlace(const core::Event& e, bool brief) {
  if (!e.location) return false;
  if (!e.location->text.empty()) return true;
  const core::PlacePrecision p = e.location->precision;
  return brief && (p == core::PlacePrecision::kCity ||
                   p == core::PlacePrecision::kAdmin1 ||
                   p == core::PlacePrecision::kAdmin2);
}

std::string JoinNames(const std::vector<core::Actor>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += i + 1 == v.size() ? " and " : ", ";
    s += v[i].name.empty() ? v[i].text : v[i].name;
  }
  return s;
}

std::string Summary(const core::Event& e) {
  std::string s = e.actors.empty() ? "" : JoinNames(e.actors) + ": ";
  s += e.label;
  if (!e.recipients.empty()) s += " (" + JoinNames(e.recipients) + ")";
  if (e.location) s += " in " + e.location->name;
  if (e.status != core::EventStatus::kOccurred)
    s += " [" + std::string(ToString(e.status)) + "]";
  return s;
}

// The countries the article's actors belong to (countries, their organs,
// persons and parties; not those still waiting for the home country), most
// named first.
std::vector<std::string> NamedActorCountries(
    const std::vector<std::vector<Mention>>& all) {
  return code::MostNamedFirst(
      code::CountCountries(all, [](const Mention& m) -> std::string_view {
        return m.actor && !m.home ? std::string_view(m.actor->country) : "";
      }));
}

// Countries a place name of the article most likely lies in: the home
// country (dateline, publisher), then the countries its mentions name, most
// named first.
std::vector<std::string> ArticleCountries(
    const std::string& home, const std::vector<std::vector<Mention>>& all) {
  std::vector<std::string> out = code::MostNamedFirst(
      code::CountCountries(all,
                           [](const Mention& m) -> std::string_view {
                             if (m.kind == MentionKind::kCountry && m.actor)
                               return m.actor->country;
                             if (m.kind == MentionKind::kPlace && m.place)
                               return m.place->country;
                             return "";
                           }),
      home);
  if (!home.empty()) out.insert(out.begin(), home);
  return out;
}

class PipelineCoder : public Coder {
 public:
  PipelineCoder(std::shared_ptr<const Recognizer> rec,
                std::shared_ptr<const time::TimeNormalizer> time,
                std::map<std::string, LanguageModel> models,
                std::shared_ptr<const code::Publishers> publishers,
                std::string version,
                std::shared_ptr<const geo::Gazetteer> gazetteer,
                code::Capitals capitals)
      : rec_(std::move(rec)),
        gazetteer_(std::move(gazetteer)),
        capitals_(std::move(capitals)),
        time_(std::move(time)),
        models_(std::move(models)),
        publishers_(std::move(publishers)) {
    version_ = std::move(version);
  }

  std::vector<core::Event> Code(
      const core::Article& article, std::vector<EventTrace>* traces,
      std::vector<PlaceReading>* places,
      std::vector<ArticleNote>* notes) const override {
    std::vector<core::Event> events;
    if (notes) notes->clear();
    std::vector<EventTrace> ev_traces;
    const std::string& text = article.text;
    std::string lang = article.language;
    if (lang.empty() || lang == "auto") lang = DetectLanguage(text);
    PreparedText prep = PrepareText(text, lang);
    if (!prep.language.empty()) lang = prep.language;
    auto mit = models_.find(lang);
    if (mit == models_.end()) {
      if (traces) traces->clear();
      if (places) places->clear();
      return events;
    }
    code::SentenceCoder coder(mit->second.triggers.get(),
                              mit->second.cues.get());

    std::vector<time::Timex> timexes;
    if (time_) timexes = time_->Find(text, article.published, lang);
    std::vector<const time::Timex*> dated = code::DatedTimexes(timexes);
    const std::vector<const time::Timex*> modifiers =
        code::NounModifierTimexes(dated, text, lang);
    std::optional<core::DateRange> story;
    for (size_t si = 0; si < prep.sentences.size() && si < 3 && !story; ++si)
      for (const time::Timex* t : dated)
        // The story's reference date: a calendar date in the lede ("On 9
        // May 2020", "Am Montag", "Im Oktober"), not a fuzzy span.
        if (t->start >= prep.sentences[si].start &&
            t->end <= prep.sentences[si].end &&
            (t->type == "DATE" || t->type == "TIME") &&
            t->range->precision == core::Precision::kExact &&
            (t->range->granularity == core::Granularity::kDay ||
             t->range->granularity == core::Granularity::kWeek ||
             t->range->granularity == core::Granularity::kMonth)) {
          story = *t->range;
          story->text = t->text;
          break;
        }

    const std::string published = core::FormatDate(article.published);
    size_t topic_words = 0;
    const double topic_score =
        mit->second.topic ? mit->second.topic->Score(text, &topic_words) : 0.0;
    // A match report or a market report yields no events at all.
    if (mit->second.topic && topic_score < mit->second.topic->gate() &&
        topic_words >= mit->second.topic->gate_min_words()) {
      if (traces) traces->clear();
      if (notes)
        notes->push_back(ArticleNote{
            ArticleNote::kArticle, 0, 0,
            "no events: topic score " + std::to_string(topic_score) +
                " below the gate over " + std::to_string(topic_words) +
                " topic words (sport, markets, ...)"});
      return events;
    }
    const double topic = std::clamp(topic_score, -3.0, 3.0);
    // Mentions of every sentence first: the home country ("die Grünen", "der
    // Kanzler") needs the dateline and the article's countries.
    std::vector<std::vector<Mention>> all_mentions(prep.sentences.size());
    size_t sentences_with_actor = 0;
    for (size_t si = 0; si < prep.sentences.size(); ++si) {
      const Sentence& s = prep.sentences[si];
      core::Date as_of = article.published;
      for (const time::Timex* t : dated)
        if (t->start >= s.start && t->end <= s.end &&
            t->range->granularity == core::Granularity::kDay) {
          as_of = t->range->start;
          break;
        }
      all_mentions[si] = rec_->Find(text, s, lang, as_of);
      for (const Mention& m : all_mentions[si])
        if (m.actor && m.kind != MentionKind::kPlace && !m.home) {
          ++sentences_with_actor;
          break;
        }
    }
    std::vector<code::MentionNote> dropped =
        code::DropUnanchoredSurnames(text, &all_mentions);
    for (code::MentionNote& d :
         code::DropMemberDescriptors(text, *mit->second.cues, &all_mentions))
      dropped.push_back(std::move(d));
    code::HomeCountry found = code::FindHomeCountry(
        text, prep.sentences, all_mentions, article.source, publishers_.get());
    // Where the story happens, when no dateline says so.
    code::StoryHome where = code::ReadStoryPlace(
        std::move(found), article.source, gazetteer_.get(), text,
        prep.sentences, *mit->second.cues, all_mentions);
    code::HomeCountry& home = where.home;
    // A brief that names no place but a seat of government ("outside the
    // Ministry of Finance") happens in its country's capital.
    if (gazetteer_ && !home.place && !home.country.empty() &&
        prep.sentences.size() <= code::kBriefSentences)
      if (auto seat = code::SeatPlace(*gazetteer_, text, *mit->second.cues,
                                      capitals_, home.country)) {
        home.place = std::move(*seat);
        home.why += "; the capital (a seat of government named)";
        where.story_place = true;
        where.home_is_place = true;
      }
    for (code::MentionNote& d : code::DropStrayTowns(
             home.country, home.source == code::HomeSource::kPublisher,
             &all_mentions))
      dropped.push_back(std::move(d));
    if (notes) {
      notes->push_back(ArticleNote{
          ArticleNote::kArticle, 0, 0,
          home.country.empty()
              ? "no home country"
              : "home country " + home.country + " (" + home.why + ")"});
      for (const code::MentionNote& d : dropped)
        notes->push_back(ArticleNote{d.sentence, d.mention.start, d.mention.end,
                                     "dropped: " + d.why});
    }
    const std::vector<std::string> named = NamedActorCountries(all_mentions);
    for (size_t si = 0; si < all_mentions.size(); ++si) {
      // "In Havana, the government …": that place's organs.
      const code::OpeningPlace at =
          code::FindOpeningPlace(text, prep.sentences[si], all_mentions[si]);
      const std::string& opening = at.country;
      if (notes && at.mention && opening != home.country &&
          std::any_of(all_mentions[si].begin(), all_mentions[si].end(),
                      [](const Mention& m) { return m.home; }))
        notes->push_back(ArticleNote{
            si, at.mention->start, at.mention->end,
            "opening place: the sentence's offices and organs named without "
            "a country belong to " +
                opening + ", not to the home country"});
      for (const code::MentionNote& d :
           code::PlaceOrgans(text, si, &all_mentions[si]))
        if (notes)
          notes->push_back(
              ArticleNote{si, d.mention.start, d.mention.end, d.why});
      std::vector<HomeChoice> choices;
      ApplyHomeCountry(opening.empty() ? home.country : opening, named,
                       &all_mentions[si], notes ? &choices : nullptr);
      for (HomeChoice& c : choices)
        notes->push_back(ArticleNote{si, c.start, c.end, std::move(c.why)});
    }
    code::AddSurnameMentions(text, prep.sentences, &all_mentions);
    for (const code::MentionNote& d :
         code::ResolveBareOffices(text, prep.sentences, &all_mentions))
      if (notes)
        notes->push_back(
            ArticleNote{d.sentence, d.mention.start, d.mention.end, d.why});
    std::map<std::string, code::EventFeatures> features;          // by event id
    std::map<std::string, std::pair<size_t, size_t>> trigger_at;  // by id
    code::SentenceContext ctx;
    ctx.home = home.country;
    ctx.home_place = home.place;
    ctx.home_is_place = where.home_is_place;
    ctx.local_outlet = home.source == code::HomeSource::kPublisher;
    ctx.brief = prep.sentences.size() <= code::kBriefSentences;
    ctx.gazetteer = gazetteer_.get();
    ctx.article_countries = ArticleCountries(home.country, all_mentions);
    ctx.want_places = places != nullptr;
    ctx.want_dropped = notes != nullptr;
    ctx.interviewee = code::FindInterviewee(text, prep.sentences, all_mentions);
    if (places) places->clear();
    for (size_t si = 0; si < prep.sentences.size(); ++si) {
      const Sentence& s = prep.sentences[si];
      const std::vector<Mention>& mentions = all_mentions[si];
      ctx.sentence = static_cast<int>(si);
      code::SentenceResult r = coder.Code(text, s.start, s.end, mentions, ctx);
      if (places)
        for (code::SentencePlace& sp : r.places)
          places->push_back(PlaceReading{
              si, sp.start, sp.end, std::move(sp.place), std::move(sp.rule)});
      if (notes)
        for (code::DroppedReading& d : r.dropped)
          notes->push_back(ArticleNote{si, d.start, d.end, std::move(d.why)});
      const code::CandidateEvent* lead = nullptr;
      // explain shows every reading the article gate below drops.
      const auto drop = [&](const code::CandidateEvent& c, const char* why) {
        if (notes)
          notes->push_back(ArticleNote{
              si, c.trigger_start, c.trigger_end,
              "no event: " + c.type + " / " + c.label + ", " + why});
      };
      for (const auto& c : r.events) {
        // What could, might or must happen, or would have happened, is no
        // event of the timeline (on the dev articles none of 21 such
        // readings was right; docs/accuracy.md).
        if (c.status == core::EventStatus::kHypothetical) {
          drop(c, "hypothetical");
          continue;
        }
        // Nor what did not happen ("did not attack", "no arrests"): of the
        // dev events the coder read as negated, 1 of 15 was right. A
        // meeting or visit called off ("sagte seine Reise ab") is news of
        // its own and stays, negated.
        if (c.status == core::EventStatus::kNegated &&
            !mit->second.triggers->entry(c.entry).called_off) {
          drop(c, "negated");
          continue;
        }
        // Nor what a bare group of no political standing did ("citizens
        // welcomed the agreement"): commentary, not a political act.
        if (c.nonpolitical_actor) {
          drop(c, "actor of no political standing");
          continue;
        }
        // A verb of saying alone ("sagte", "said") is news in the lead,
        // where it is the article's point, or as a government member's
        // position towards another country; elsewhere it attributes a
        // quote (docs/annotation.md). Of the 6 dev statements past the
        // lead by police, officials or prosecutors that named another
        // country, none was right.
        if (si >= 2 &&
            mit->second.triggers->entry(c.entry).role ==
                code::TriggerRole::kReport &&
            !(GovernmentPerson(c.actors) &&
              NamesAnotherCountry(mentions, c.actors))) {
          drop(c, "a verb of saying past the lead (attributes a quote)");
          continue;
        }
        core::Event e;
        e.type = c.type;
        e.mode = c.mode;
        e.cameo = c.cameo.size() >= 2 ? c.cameo.substr(0, 2) : c.cameo;
        auto info = core::FindEventType(c.type);
        e.quad = info ? std::string(info->quad) : "";
        e.label = c.label;
        e.status = c.status;
        std::string date_rule;
        e.date = code::EventDate(
            dated, c.trigger_start, c.clause_start, c.clause_end, s.start,
            s.end, story, article.published, &date_rule,
            // plans happen at a time of their own
            c.status == core::EventStatus::kPlanned ||
                c.status == core::EventStatus::kHypothetical,
            // English nouns are often read as verbs ("bombings"): a
            // trigger not ending in -ed may be the modified noun.
            code::ModifiersOf(
                modifiers, c.trigger_start,
                c.noun || !std::string_view(text)
                               .substr(c.trigger_start,
                                       c.trigger_end - c.trigger_start)
                               .ends_with("ed")));
        e.actors = c.actors;
        e.recipients = c.recipients;
        e.location = c.location;
        e.fatalities = c.fatalities;
        e.size = c.size;
        e.language = lang;
        e.confidence = c.confidence;
        core::Source src;
        src.article = article.id;
        src.url = article.url;
        src.publisher = article.source;
        src.published = published;
        src.sentence = static_cast<int>(si);
        src.start = s.start;
        src.end = s.end;
        src.quote = text.substr(s.start, s.end - s.start);
        e.sources.push_back(std::move(src));
        e.n_sources = 1;
        e.n_publishers = 1;
        e.first_reported = published;
        e.id = code::EventId(article.id, static_cast<int>(si), c.trigger_start,
                             c.type);
        e.summary = Summary(e);
        {
          const code::TriggerEntry& te = mit->second.triggers->entry(c.entry);
          code::EventFeatures f;
          f.value[code::kFeatRuleScore] = c.confidence;
          f.value[code::kFeatInherited] = c.inherited_actors;
          f.value[code::kFeatOccurred] =
              c.status == core::EventStatus::kOccurred;
          f.value[code::kFeatPlanned] = c.status == core::EventStatus::kPlanned;
          f.value[code::kFeatReport] = te.role == code::TriggerRole::kReport;
          f.value[code::kFeatGovernor] =
              te.role == code::TriggerRole::kGovernor;
          f.value[code::kFeatVerb] = te.pos == code::TriggerPos::kVerb;
          f.value[code::kFeatTopic] = topic;
          f.value[code::kFeatLead] = si < 2;
          f.value[code::kFeatCompound] = c.compound;
          f.value[code::kFeatWeight] = te.weight;
          f.value[code::kFeatFallback] = c.actor_fallback;
          features[e.id] = f;
        }
        events.push_back(std::move(e));
        EventTrace tr;
        tr.trigger =
            mit->second.triggers->entry(c.entry).id + " \"" +
            text.substr(c.trigger_start, c.trigger_end - c.trigger_start) +
            "\"";
        tr.rule = c.rule + "; " + date_rule;
        ev_traces.push_back(std::move(tr));
        if (notes)  // only the gate's explain notes read it
          trigger_at.emplace(events.back().id,
                             std::make_pair(c.trigger_start, c.trigger_end));
        if (!c.actors.empty() && !c.inherited_actors &&
            (!lead || c.confidence > lead->confidence))
          lead = &c;
      }
      if (lead) {
        ctx.last_actors = lead->actors;
        ctx.last_recipients = lead->recipients;
      } else {
        for (const auto& c : r.events)
          if (!c.recipients.empty()) {
            ctx.last_recipients = c.recipients;
            break;
          }
      }
      for (const auto& c : r.events)
        if (c.location && !c.location->country.empty())
          ctx.last_place_country = c.location->country;
      if (!r.persons.empty()) ctx.last_persons = r.persons;
      if (r.opens_turn) {
        ctx.turn_speaker = r.turn_speaker;
        ctx.question_turn = !r.turn_speaker.has_value();
      }
      for (auto& o : r.new_owners) ctx.owners.push_back(std::move(o));
    }
    // Merge duplicates, carrying the traces along.
    std::map<std::string, EventTrace> by_id;
    for (size_t i = 0; i < events.size(); ++i)
      by_id.emplace(events[i].id, ev_traces[i]);
    code::MergeDuplicates(&events, home.dateline_sentence);
    // The gate: an event needs an actor or a place named in the text; its
    // confidence comes from the calibrated model where the language has one.
    const double density = prep.sentences.empty()
                               ? 0.0
                               : static_cast<double>(sentences_with_actor) /
                                     static_cast<double>(prep.sentences.size());
    std::vector<core::Event> kept;
    const auto gate = [&](const core::Event& e, const char* why) {
      if (!notes || e.sources.empty()) return;
      const auto [start, end] = trigger_at[e.id];
      notes->push_back(ArticleNote{
          static_cast<size_t>(e.sources.front().sentence), start, end,
          "no event: " + e.type + " / " + e.label + ", " + why});
    };
    for (core::Event& e : events) {
      if (e.actors.empty() &&
          !NamedPlace(e, prep.sentences.size() <= code::kBriefSentences)) {
        gate(e, "neither an actor nor a place named");
        continue;
      }
      // A verbal or cooperative act needs someone who does it: "an
      // agreement in Vienna" with no party named is no event; an attack
      // or a protest in a named place is, its doer unknown.
      if (e.actors.empty()) {
        const auto info = core::FindEventType(e.type);
        if (info && !info->force && !info->crowd) {
          gate(e, "no actor, and the type needs one");
          continue;
        }
      }
      // A statement is news only from a political actor: what an analyst,
      // a company or a bare name says is commentary (docs/annotation.md).
      if (e.type == "STATEMENT" &&
          std::none_of(e.actors.begin(), e.actors.end(), PoliticalActor)) {
        gate(e, "a statement by no political actor");
        continue;
      }
      // Agreements, meetings, aid or sanctions between private people (a
      // lawyers' firm's contract, an academic's talk) are no events: one
      // side must be a state, its organ, a party, an armed group or an IGO.
      if (const auto info = core::FindEventType(e.type);
          info && info->institutional && !e.actors.empty() &&
          std::none_of(e.actors.begin(), e.actors.end(), PoliticalActor) &&
          std::none_of(e.recipients.begin(), e.recipients.end(),
                       PoliticalActor)) {
        gate(e, "no state, organ, party, armed group or IGO among its parties");
        continue;
      }
      code::EventFeatures& f = features[e.id];
      f.value[code::kFeatActor] =
          !e.actors.empty() && !f.value[code::kFeatInherited];
      f.value[code::kFeatRecipient] = !e.recipients.empty();
      f.value[code::kFeatNamedPlace] = NamedPlace(e, false);
      bool political = false;
      for (const core::Actor& a : e.actors)
        political = political || PoliticalActor(a);
      for (const core::Actor& a : e.recipients)
        political = political || PoliticalActor(a);
      f.value[code::kFeatPoliticalActor] = political;
      f.value[code::kFeatDensity] = density;
      if (mit->second.confidence)
        e.confidence =
            std::round(mit->second.confidence->Predict(f, e.type) * 100.0) /
            100.0;
      e.summary = Summary(e);
      e.coder = version_;
      EventTrace& tr = by_id[e.id];
      for (int k = 0; k < code::kFeatCount; ++k)
        tr.features.emplace_back(std::string(code::FeatureName(k)), f.value[k]);
      kept.push_back(std::move(e));
    }
    events = std::move(kept);
    if (traces) {
      traces->clear();
      for (const core::Event& e : events) traces->push_back(by_id[e.id]);
    }
    return events;
  }

 private:
  std::shared_ptr<const Recognizer> rec_;
  std::shared_ptr<const geo::Gazetteer> gazetteer_;  // may be null
  code::Capitals capitals_;                          // may be empty
  std::shared_ptr<const time::TimeNormalizer> time_;
  std::map<std::string, LanguageModel> models_;
  std::shared_ptr<const code::Publishers> publishers_;  // may be null
};

}  // namespace

core::Result<std::shared_ptr<const Coder>> Coder::Load(
    const CoderOptions& options) {
  std::string dir = options.recognizer.lexicon_dir.empty()
                        ? DefaultLexiconDir()
                        : options.recognizer.lexicon_dir;
  ASSIGN_OR_RETURN(std::string version, CoderVersion(options));
  ASSIGN_OR_RETURN(std::shared_ptr<const Recognizer> rec,
                   Recognizer::Load(options.recognizer));
  auto time = time::TimeNormalizer::Load(dir);
  if (!time.ok()) return time.status();
  std::map<std::string, LanguageModel> models;
  for (const char* lang : {"de", "en"}) {
    LanguageModel m;
    ASSIGN_OR_RETURN(m.triggers, code::TriggerLexicon::Load(dir, lang));
    ASSIGN_OR_RETURN(m.cues, code::Cues::Load(dir, lang));
    // Optional models: a language without them keeps the rule scores.
    auto topic = code::TopicModel::Load(dir, lang);
    if (topic.ok())
      m.topic = *topic;
    else if (topic.status().code() != core::Code::kNotFound)
      return topic.status();
    auto conf = code::ConfidenceModel::Load(dir, lang);
    if (conf.ok())
      m.confidence = *conf;
    else if (conf.status().code() != core::Code::kNotFound)
      return conf.status();
    models.emplace(lang, std::move(m));
  }
  // The gazetteer is optional: without it places resolve through the
  // recogniser's cities only.
  std::shared_ptr<const geo::Gazetteer> gazetteer;
  auto gaz = geo::Gazetteer::Open(options.gazetteer_path.empty()
                                      ? geo::DefaultGazetteerPath()
                                      : options.gazetteer_path);
  if (gaz.ok()) gazetteer = *gaz;
  std::shared_ptr<const code::Publishers> publishers;
  auto pub = code::Publishers::Load(dir, UserLexiconFiles(options.recognizer));
  if (pub.ok())
    publishers = *pub;
  else if (pub.status().code() != core::Code::kNotFound)
    return pub.status();
  code::Capitals capitals;
  auto caps = code::LoadCapitals(dir);
  if (caps.ok())
    capitals = std::move(*caps);
  else if (caps.status().code() != core::Code::kNotFound)
    return caps.status();
  return std::shared_ptr<const Coder>(std::make_shared<PipelineCoder>(
      std::move(rec), std::move(*time), std::move(models),
      std::move(publishers), std::move(version), std::move(gazetteer),
      std::move(capitals)));
}

}  // namespace geotl::ingest
