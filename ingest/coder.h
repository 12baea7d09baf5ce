// Coder: article -> typed, dated, sourced events (ARCHITECTURE.md record).
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

namespace geotl {

// Longest article text the CLI and the server code (bytes): coding runs at
// about 10 s per MB, so a longer text would stall a batch (or hold a POST)
// for minutes. Callers reject it with a message and go on.
constexpr size_t kMaxCodedTextBytes = size_t{4} << 20;

struct CoderOptions {
  RecognizerOptions recognizer;
};

// Why an event was coded, for `geotl explain`.
struct EventTrace {
  std::string trigger;  // lexicon entry that fired
  std::string rule;     // role / status / date decisions, human-readable
  // The confidence model's inputs (name, value), in model order.
  std::vector<std::pair<std::string, double>> features;
};

class Coder {
 public:
  virtual ~Coder() = default;
  static Result<std::shared_ptr<const Coder>> Load(const CoderOptions& options);
  // Events of one article, one source each (the article), ids deterministic
  // from (article id, sentence, trigger offset, type).
  virtual std::vector<Event> Code(
      const Article& article,
      std::vector<EventTrace>* traces = nullptr) const = 0;
};

}  // namespace geotl
