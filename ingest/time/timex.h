// Temporal expressions (TIMEX3 conventions of TimeML/TempEval-3): found in a
// document and normalised against the document creation time (DCT), with the
// calendar interval each DATE covers. Lexicon tables per language are data
// (lexicons/<lang>/time.json). A loaded Normalizer is immutable and
// thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date_range.h"
#include "core/status.h"

namespace geotl::ingest::time {

struct Timex {
  size_t start = 0, end = 0;  // byte offsets into the document, end exclusive
  std::string text;
  std::string type;   // DATE | TIME | DURATION | SET
  std::string value;  // "2013-11-02", "2013-10", "2013-W45", "P2W", "PAST_REF"
  std::string mod;    // START | MID | END | APPROX | ... or ""
  // The inclusive calendar days covered, with granularity and precision; none
  // for most durations and sets. Precision: exact for explicit or relative
  // days, months, years ("2. November", "gestern", "Im Oktober" = the whole
  // month); approximate for fuzzy expressions and parts ("in den vergangenen
  // Monaten" = about three months up to the DCT, "Anfang November" = its
  // first third, "kürzlich" = 30 days up to the DCT); range for counted
  // intervals ("the past two months"). TIME values keep their day here.
  std::optional<core::DateRange> range;
};

class TimeNormalizer {
 public:
  virtual ~TimeNormalizer() = default;
  // lexicon_dir empty = DefaultLexiconDir() (ingest/recognizer.h).
  static core::Result<std::shared_ptr<const TimeNormalizer>> Load(
      const std::string& lexicon_dir);
  // All expressions in text order. `language` "de"/"en". Anaphoric
  // expressions ("am nächsten Tag") resolve against the last date mentioned.
  virtual std::vector<Timex> Find(std::string_view document, core::Date dct,
                                  std::string_view language) const = 0;
};

}  // namespace geotl::ingest::time
