// Internal to brief: the briefing as a tree of plain strings (title, periods,
// thread groups, lines, source references) built once from the events, then
// rendered by one small function per format (brief_render.cc). Value types.
#pragma once

#include <string>
#include <vector>

#include "core/event.h"
#include "timeline/brief.h"

namespace geotl::timeline {

struct BriefSourceRef {
  std::string label;  // publisher, else article id
  std::string url;    // may be empty
  std::string date;   // "4 Nov 2013"
};

struct BriefItem {
  std::string id;
  std::string text;  // the event line, plain text
  std::vector<BriefSourceRef> sources;
  int hidden_sources = 0;
  std::string evidence;  // "3 reports, 2 independent" or empty
};

struct BriefGroup {
  std::string thread;  // "Japan · Russia"; empty: events outside a thread
  int thread_events = 0;
  std::vector<BriefItem> items;
};

struct BriefPeriod {
  std::string heading;  // "2 November 2013", "October 2013", ...
  std::vector<BriefGroup> groups;
};

struct BriefDoc {
  std::string lang;
  std::string title, subtitle, footer, empty_text;
  std::string changes_heading;
  std::vector<std::string> change_lines;
  std::vector<BriefPeriod> periods;
};

BriefDoc BuildBriefDoc(const std::vector<core::Event>& events,
                       const BriefOptions& o);
std::string RenderMarkdown(const BriefDoc& d);
std::string RenderHtml(const BriefDoc& d);
std::string RenderText(const BriefDoc& d);

}  // namespace geotl::timeline
