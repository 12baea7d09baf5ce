// Brief phrases: the words of a briefing in English and German — dates shown
// with their real precision ("October 2013", "around 2 November 2013"),
// actor and place names, event labels, and one readable line per event.
// Unknown languages fall back to English. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"

namespace geotl::timeline {

// "en" or "de"; anything else -> "en".
std::string_view BriefLanguage(std::string_view lang);

// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

// A calendar day: "2 November 2013" / "2. November 2013"; short: "2 Nov 2013"
// / "2. Nov. 2013".
std::string DayText(core::Date d, std::string_view lang,
                    bool short_month = false);

// A date as precise as it really is: "2 November 2013", "around 2 November
// 2013", "October 2013", "week of 28 October 2013", "Q4 2013", "2013",
// "28 October – 2 November 2013", "date unclear (reported 4 November 2013)".
// `reported` is used for unresolved dates (YYYY-MM-DD or empty).
std::string DateText(const core::DateRange& d, std::string_view reported,
                     std::string_view lang);

// Display name of an actor: countries in `lang` (ICU), persons "Name
// (Country)", organisations and groups by name.
std::string ActorText(const core::Actor& a, std::string_view lang);
// Joins actor names: "Russia and Japan", "A, B and C" / "A, B und C". A
// country actor is left out when a person of that country is in the list.
std::string ActorList(const std::vector<core::Actor>& actors,
                      std::string_view lang);

// The event's label in `lang`, first letter capitalised ("Meeting", "Treffen").
std::string LabelText(const core::Event& e, std::string_view lang);
std::string PlaceText(const core::Place& p, std::string_view event_lang,
                      std::string_view lang);
// Name of a PLOVER type in `lang` (its default label): "meeting" / "Treffen".
std::string TypeText(std::string_view type, std::string_view lang);

// Who did what to whom, where: "Meeting: Russia and Japan in Tokyo",
// "Criticism: Russia (Sergei Shoigu) → Japan and United States". Plain text;
// renderers escape it.
std::string EventLine(const core::Event& e, std::string_view lang);

// Fixed words of the briefing ("Sources", "events", ...) by key.
std::string Word(std::string_view key, std::string_view lang);

}  // namespace geotl::timeline
