// Coder: article -> typed, dated, sourced events (the record of
// docs/architecture.md, "Contracts").
// Runs text preparation, recognisers, the temporal normaliser and the trigger
// lexicons with shallow role syntax. A loaded Coder is immutable and safe to
// share across threads; Code() keeps per-call buffers on the stack.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/event.h"
#include "core/status.h"
#include "ingest/recognizer.h"

namespace geotl::ingest {

// Longest article text the CLI and the server code (bytes): coding runs at
// about 10 s per MB, so a longer text would stall a batch (or hold a POST)
// for minutes. Callers reject it with a message and go on.
constexpr size_t kMaxCodedTextBytes = size_t{4} << 20;

struct CoderOptions {
  RecognizerOptions recognizer;
  // The GeoNames gazetteer file; "" = geo::DefaultGazetteerPath(). A missing
  // file leaves place names to the recogniser's cities.
  std::string gazetteer_path;
};

// Why an event was coded, for `geotl explain`.
struct EventTrace {
  std::string trigger;  // lexicon entry that fired
  std::string rule;     // role / status / date decisions, human-readable
  // The confidence model's inputs (name, value), in model order.
  std::vector<std::pair<std::string, double>> features;
};

// A place name the coder read in a sentence (`geotl explain`): the
// gazetteer's reading of a name after a locative preposition, or of a
// recognised town in the sentence's context.
struct PlaceReading {
  size_t sentence = 0;        // index into the prepared sentences
  size_t start = 0, end = 0;  // bytes of the name in the article
  core::Place place;
  std::string rule;
};

// An article-level decision (`geotl explain`): the home country and why, a
// mention an article rule dropped (a stray town, an unanchored surname).
struct ArticleNote {
  static constexpr size_t kArticle = size_t(-1);
  size_t sentence = kArticle;  // kArticle: the article as a whole
  size_t start = 0, end = 0;   // bytes of the mention; 0, 0 for the article
  std::string rule;
};

class Coder {
 public:
  virtual ~Coder() = default;
  static core::Result<std::shared_ptr<const Coder>> Load(
      const CoderOptions& options);
  // Events of one article, one source each (the article), ids deterministic
  // from (article id, sentence, trigger offset, type).
  // With `places`, also every place reading of every sentence; with
  // `notes`, the article-level decisions.
  virtual std::vector<core::Event> Code(
      const core::Article& article, std::vector<EventTrace>* traces = nullptr,
      std::vector<PlaceReading>* places = nullptr,
      std::vector<ArticleNote>* notes = nullptr) const = 0;
  // The coder version, stamped on every event Code() returns (`coder`): 12
  // hex digits of SHA-256 over the content of every lexicon file loaded
  // (lexicons/<lang>/*.json by path relative to the lexicon root, then the
  // user lexicons) and the rules hash of this build (SHA-256 over the
  // sources of ingest/, computed by CMake). The same lexicons and the same
  // rules give the same version wherever the files are.
  std::string Version() const { return version_; }

 protected:
  std::string version_;
};

// The Version() a coder loaded with `options` has, without loading it
// (reads and hashes the lexicon files only).
core::Result<std::string> CoderVersion(const CoderOptions& options);

// What ingest stores for `article`: its events, without those below
// `min_confidence` (MeetsMinConfidence), and the article stamped with the
// coder's version. `geotl ingest`, POST /v1/articles and `geotl recode` all
// go through it, so they store the same events for the same article.
std::vector<core::Event> CodeForStore(const Coder& coder,
                                      core::Article* article,
                                      double min_confidence);
// Removes the events below `min_confidence` (MeetsMinConfidence).
void DropBelowConfidence(std::vector<core::Event>* events,
                         double min_confidence);

}  // namespace geotl::ingest
