// Brief: a chronological briefing an analyst can paste into a report. A title
// naming the filter, then the days (or coarser periods, shown as precisely as
// they are known) in order; each event one line (who did what to whom, where)
// ending in its sources; events whose actor set recurs are nested under that
// ongoing thread; optionally a change summary against the previous period.
// Rendered as Markdown, standalone HTML (escaped, printable) or plain text,
// in English or German. Pure functions over events; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/event.h"
#include "core/status.h"
#include "timeline/query.h"

namespace geotl::timeline {

enum class BriefFormat { kMarkdown, kHtml, kText };
core::Result<BriefFormat> ParseBriefFormat(std::string_view s);  // md|html|txt

// Counts per type in this period and the one before (same length).
struct BriefChanges {
  std::string period_from, period_to;      // YYYY-MM-DD
  std::string previous_from, previous_to;  // YYYY-MM-DD
  int current_total = 0, previous_total = 0;
  // (type, current, previous), only types that changed, by |delta| desc, type.
  std::vector<std::tuple<std::string, int, int>> by_type;
};
BriefChanges CompareWithPrevious(const std::vector<core::Event>& current,
                                 const std::vector<core::Event>& previous,
                                 core::Date from, core::Date to,
                                 core::Date prev_from, core::Date prev_to);

struct BriefOptions {
  BriefFormat format = BriefFormat::kMarkdown;
  std::string lang = "en";  // en | de
  // The filter as given, for the title: {"actor","RUS"}, {"from","2013-11"}…
  // Codes of countries and regions are shown as names in `lang`.
  std::vector<std::pair<std::string, std::string>> filter;
  std::optional<BriefChanges> changes;
  size_t max_sources_per_line = 5;  // the rest as "+N more"
};

// The briefing of `events` (any order; sorted by date.start, date.end, id).
std::string RenderBrief(const std::vector<core::Event>& events,
                        const BriefOptions& options);

// "Briefing: actor Russia, from 2013-10-01" — plain text.
std::string BriefTitle(const BriefOptions& options);

// Briefings show the events of confidence >= kDefaultMinConfidence unless
// the query gives min_confidence (`geotl brief` and GET /v1/briefing alike):
// sets q->min_confidence and returns the threshold as the title shows it
// ("0.4"), or "" when it filters nothing (0).
std::string ApplyBriefConfidence(timeline::Query* q);

}  // namespace geotl::timeline
