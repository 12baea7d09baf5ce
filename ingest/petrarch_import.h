// Importer for PETRARCH/TABARI (Phoenix) dictionaries: actor files (entry
// lines with '_' for blanks, "+ALIAS" lines, "[CODE]" / "[CODE d1-d2]" /
// "[CODE >date]" / "[CODE <date]" role lines, undated codes as defaults)
// and agent files ("FARMER [~AGR]", "!SET! = A, B" substitution sets). The
// result is a geotl user lexicon (docs/lexicons.md) that Recognizer loads.
// Pure functions; thread-safe.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "core/event_json.h"
#include "core/status.h"

namespace geotl::ingest {

struct PetrarchImportStats {
  size_t actors = 0, aliases = 0, roles = 0, agents = 0;
  size_t skipped = 0;  // lines that could not be read (reported, not fatal)
};

// Reads one dictionary; `source` names it in the output. Returns a lexicon
// object {"kind": "actors"|"roles", "languages": ["en"], "entries": [...]}.
core::Result<core::Json> ImportPetrarch(std::istream& in,
                                        std::string_view source,
                                        PetrarchImportStats* stats);

// Phoenix date: YYMMDD (00-49 -> 20xx, 50-99 -> 19xx) or YYYYMMDD ->
// "YYYY-MM-DD"; error for anything else.
core::Result<std::string> PetrarchDate(std::string_view d);

}  // namespace geotl::ingest
