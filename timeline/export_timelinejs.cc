// TimelineJS 3 JSON ({title, events}): dates only as precise as known (a
// month-level event has no day), display_date in words, headline and text
// HTML-escaped. Capped at ExportOptions::timeline_cap: when more events
// arrive, the most widely reported are kept (independent publishers, then
// sources, confidence, recency, id), then shown in date order.
#include <algorithm>

#include "timeline/brief_phrases.h"
#include "timeline/export_sinks.h"

namespace geotl::timeline {
namespace {

core::Json DateObj(core::Date d, core::Granularity g) {
  core::Json j;
  j["year"] = static_cast<int>(d.year());
  bool month = g == core::Granularity::kDay || g == core::Granularity::kWeek ||
               g == core::Granularity::kMonth ||
               g == core::Granularity::kInterval ||
               g == core::Granularity::kQuarter ||
               g == core::Granularity::kSeason || g == core::Granularity::kHalf;
  if (month) j["month"] = static_cast<int>(d.month());
  if (g == core::Granularity::kDay || g == core::Granularity::kWeek ||
      g == core::Granularity::kInterval)
    j["day"] = static_cast<int>(d.day());
  return j;
}

class TimelineJsSink : public ExportSink {
 public:
  TimelineJsSink(const ExportOptions& o, std::ostream* out)
      : o_(o), out_(out) {}
  void Add(const core::Event& e) override {
    if (e.merged_into.empty()) events_.push_back(e);
  }
  void Finish() override {
    size_t total = events_.size();
    if (events_.size() > o_.timeline_cap) {
      std::sort(
          events_.begin(), events_.end(),
          [](const core::Event& a, const core::Event& b) {
            return std::make_tuple(-a.n_publishers, -a.n_sources, -a.confidence,
                                   b.date.start, std::cref(a.id)) <
                   std::make_tuple(-b.n_publishers, -b.n_sources, -b.confidence,
                                   a.date.start, std::cref(b.id));
          });
      events_.resize(o_.timeline_cap);
    }
    std::sort(events_.begin(), events_.end(),
              [](const core::Event& a, const core::Event& b) {
                return std::tie(a.date.start, a.date.end, a.id) <
                       std::tie(b.date.start, b.date.end, b.id);
              });
    core::Json root;
    std::string note = std::to_string(events_.size()) + " / " +
                       std::to_string(total) + " " + Word("events", o_.lang);
    root["title"] = {
        {"text",
         {{"headline", HtmlEscape(o_.title)}, {"text", HtmlEscape(note)}}}};
    core::Json list = core::Json::array();
    for (const auto& e : events_) {
      core::Json j;
      j["unique_id"] = e.id;
      core::Granularity g = e.date.granularity;
      if (e.date.precision == core::Precision::kUnresolved)
        g = core::Granularity::kDay;
      j["start_date"] = DateObj(e.date.start, g);
      bool span = g == core::Granularity::kInterval ||
                  (g == core::Granularity::kDay && e.date.end != e.date.start);
      if (span) j["end_date"] = DateObj(e.date.end, g);
      j["display_date"] = DateText(e.date, e.first_reported, o_.lang);
      std::string text;
      if (!e.summary.empty()) text += "<p>" + HtmlEscape(e.summary) + "</p>";
      text += "<p>";
      for (size_t i = 0; i < e.sources.size(); ++i) {
        const core::Source& s = e.sources[i];
        if (i) text += "; ";
        std::string label =
            HtmlEscape(s.publisher.empty() ? s.article : s.publisher);
        bool link =
            s.url.rfind("http://", 0) == 0 || s.url.rfind("https://", 0) == 0;
        text += link ? "<a href=\"" + HtmlEscape(s.url) + "\">" + label + "</a>"
                     : label;
        if (!s.published.empty()) text += ", " + HtmlEscape(s.published);
      }
      text += "</p>";
      j["text"] = {{"headline", HtmlEscape(EventLine(e, o_.lang))},
                   {"text", text}};
      j["group"] = e.label.empty() ? e.type : e.label;
      list.push_back(std::move(j));
    }
    root["events"] = std::move(list);
    *out_ << Dump(root) << '\n';
    out_->flush();
  }

 private:
  ExportOptions o_;
  std::ostream* out_;
  std::vector<core::Event> events_;
};

}  // namespace

std::unique_ptr<ExportSink> MakeTimelineJsSink(const ExportOptions& o,
                                               std::ostream* out) {
  return std::make_unique<TimelineJsSink>(o, out);
}

}  // namespace geotl::timeline
