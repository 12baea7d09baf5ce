// Coder::Load and the article pipeline: text preparation, time expressions,
// recogniser mentions per sentence, the sentence coder with discourse
// context, event dates, provenance, ids and the in-article merge.
#include "ingest/coder.h"

#include <map>

#include "core/ontology.h"
#include "ingest/code/cues.h"
#include "ingest/code/event_date.h"
#include "ingest/code/merge.h"
#include "ingest/code/sentence_coder.h"
#include "ingest/code/trigger_lexicon.h"
#include "ingest/text.h"
#include "ingest/time/timex.h"

namespace geotl {
namespace {

struct LanguageModel {
  std::shared_ptr<const code::TriggerLexicon> triggers;
  std::shared_ptr<const code::Cues> cues;
};

std::string JoinNames(const std::vector<Actor>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += i + 1 == v.size() ? " and " : ", ";
    s += v[i].name.empty() ? v[i].text : v[i].name;
  }
  return s;
}

std::string Summary(const Event& e) {
  std::string s = e.actors.empty() ? "" : JoinNames(e.actors) + ": ";
  s += e.label;
  if (!e.recipients.empty()) s += " (" + JoinNames(e.recipients) + ")";
  if (e.location) s += " in " + e.location->name;
  if (e.status != EventStatus::kOccurred)
    s += " [" + std::string(ToString(e.status)) + "]";
  return s;
}

class PipelineCoder : public Coder {
 public:
  PipelineCoder(std::shared_ptr<const Recognizer> rec,
                std::shared_ptr<const TimeNormalizer> time,
                std::map<std::string, LanguageModel> models,
                std::string version)
      : rec_(std::move(rec)),
        time_(std::move(time)),
        models_(std::move(models)) {
    version_ = std::move(version);
  }

  std::vector<Event> Code(const Article& article,
                          std::vector<EventTrace>* traces) const override {
    std::vector<Event> events;
    std::vector<EventTrace> ev_traces;
    const std::string& text = article.text;
    std::string lang = article.language;
    if (lang.empty() || lang == "auto") lang = DetectLanguage(text);
    PreparedText prep = PrepareText(text, lang);
    if (!prep.language.empty()) lang = prep.language;
    auto mit = models_.find(lang);
    if (mit == models_.end()) {
      if (traces) traces->clear();
      return events;
    }
    code::SentenceCoder coder(mit->second.triggers.get(),
                              mit->second.cues.get());

    std::vector<Timex> timexes;
    if (time_) timexes = time_->Find(text, article.published, lang);
    std::vector<const Timex*> dated = code::DatedTimexes(timexes);
    std::optional<DateRange> story;
    for (size_t si = 0; si < prep.sentences.size() && si < 3 && !story; ++si)
      for (const Timex* t : dated)
        // The story's reference date: a calendar date in the lede ("On 9
        // May 2020", "Am Montag", "Im Oktober"), not a fuzzy span.
        if (t->start >= prep.sentences[si].start &&
            t->end <= prep.sentences[si].end &&
            (t->type == "DATE" || t->type == "TIME") &&
            t->range->precision == Precision::kExact &&
            (t->range->granularity == Granularity::kDay ||
             t->range->granularity == Granularity::kWeek ||
             t->range->granularity == Granularity::kMonth)) {
          story = *t->range;
          story->text = t->text;
          break;
        }

    const std::string published = FormatDate(article.published);
    code::SentenceContext ctx;
    for (size_t si = 0; si < prep.sentences.size(); ++si) {
      const Sentence& s = prep.sentences[si];
      Date as_of = article.published;
      for (const Timex* t : dated)
        if (t->start >= s.start && t->end <= s.end &&
            t->range->granularity == Granularity::kDay) {
          as_of = t->range->start;
          break;
        }
      std::vector<Mention> mentions = rec_->Find(text, s, lang, as_of);
      code::SentenceResult r = coder.Code(text, s.start, s.end, mentions, ctx);
      const code::CandidateEvent* lead = nullptr;
      for (const auto& c : r.events) {
        Event e;
        e.type = c.type;
        e.mode = c.mode;
        e.cameo = c.cameo.size() >= 2 ? c.cameo.substr(0, 2) : c.cameo;
        auto info = FindEventType(c.type);
        e.quad = info ? std::string(info->quad) : "";
        e.label = c.label;
        e.status = c.status;
        std::string date_rule;
        e.date = code::EventDate(dated, c.trigger_start, c.clause_start,
                                 c.clause_end, s.start, s.end, story,
                                 article.published, &date_rule,
                                 // plans happen at a time of their own
                                 c.status == EventStatus::kPlanned ||
                                     c.status == EventStatus::kHypothetical);
        e.actors = c.actors;
        e.recipients = c.recipients;
        e.location = c.location;
        e.fatalities = c.fatalities;
        e.size = c.size;
        e.language = lang;
        e.confidence = c.confidence;
        Source src;
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
        events.push_back(std::move(e));
        EventTrace tr;
        tr.trigger =
            mit->second.triggers->entry(c.entry).id + " \"" +
            text.substr(c.trigger_start, c.trigger_end - c.trigger_start) +
            "\"";
        tr.rule = c.rule + "; " + date_rule;
        ev_traces.push_back(std::move(tr));
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
      if (!r.persons.empty()) ctx.last_persons = r.persons;
      for (auto& o : r.new_owners) ctx.owners.push_back(std::move(o));
    }
    // Merge duplicates, carrying the traces along.
    std::map<std::string, EventTrace> by_id;
    for (size_t i = 0; i < events.size(); ++i)
      by_id.emplace(events[i].id, ev_traces[i]);
    code::MergeDuplicates(&events);
    for (Event& e : events) {
      e.summary = Summary(e);
      e.coder = version_;
    }
    if (traces) {
      traces->clear();
      for (const Event& e : events) traces->push_back(by_id[e.id]);
    }
    return events;
  }

 private:
  std::shared_ptr<const Recognizer> rec_;
  std::shared_ptr<const TimeNormalizer> time_;
  std::map<std::string, LanguageModel> models_;
};

}  // namespace

Result<std::shared_ptr<const Coder>> Coder::Load(const CoderOptions& options) {
  std::string dir = options.recognizer.lexicon_dir.empty()
                        ? DefaultLexiconDir()
                        : options.recognizer.lexicon_dir;
  ASSIGN_OR_RETURN(std::string version, CoderVersion(options));
  ASSIGN_OR_RETURN(std::shared_ptr<const Recognizer> rec,
                   Recognizer::Load(options.recognizer));
  auto time = TimeNormalizer::Load(dir);
  if (!time.ok()) return time.status();
  std::map<std::string, LanguageModel> models;
  for (const char* lang : {"de", "en"}) {
    LanguageModel m;
    ASSIGN_OR_RETURN(m.triggers, code::TriggerLexicon::Load(dir, lang));
    ASSIGN_OR_RETURN(m.cues, code::Cues::Load(dir, lang));
    models.emplace(lang, std::move(m));
  }
  return std::shared_ptr<const Coder>(std::make_shared<PipelineCoder>(
      std::move(rec), std::move(*time), std::move(models), std::move(version)));
}

}  // namespace geotl
