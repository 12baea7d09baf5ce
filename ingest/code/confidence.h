// Calibrated event confidence: a logistic model over named features of a
// coded event and its article (lexicons/<lang>/confidence.json, trained by
// tools/train_confidence.py on the whole-article gold's dev split, so that
// among events of confidence >= c about a c fraction is right). Without a
// model file the coder's rule-based score stands. Besides one weight per
// feature the model may give each event type its own offset
// ("type_weights"): how much more or less often events of that type are
// right than the features alone say. Immutable after Load; thread-safe.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace geotl::ingest::code {

// The features, in the order of EventFeatures::value. Names are the keys
// of confidence.json and of `geotl explain`'s trace.
enum Feature : int {
  kFeatRuleScore,       // the sentence coder's rule-based confidence
  kFeatActor,           // an actor named in the sentence
  kFeatInherited,       // actors carried from earlier sentences
  kFeatRecipient,       // a recipient
  kFeatNamedPlace,      // a place named in the text
  kFeatPoliticalActor,  // an actor that is a state, its organ, an IGO, a
                        // party or an armed group (not a bare person)
  kFeatOccurred,        // status occurred
  kFeatPlanned,         // status planned
  kFeatReport,          // coded from a verb of saying
  kFeatGovernor,        // coded from a governing verb (demand, reject)
  kFeatVerb,            // the trigger is a verb
  kFeatTopic,           // article topic score (TopicModel), clipped to +-3
  kFeatDensity,         // share of the article's sentences naming an actor
  kFeatLead,            // in the article's first two sentences
  kFeatCompound,        // trigger matched as the head of a compound noun
  kFeatWeight,          // the trigger entry's weight (ambiguous words < 1)
  kFeatFallback,        // actors from a fallback rule, not the clause's
                        // own subject
  kFeatCount
};

std::string_view FeatureName(int f);

struct EventFeatures {
  std::array<double, kFeatCount> value{};
};

class ConfidenceModel {
 public:
  // Reads <dir>/<language>/confidence.json; NotFound when there is none.
  static core::Result<std::shared_ptr<const ConfidenceModel>> Load(
      const std::string& dir, const std::string& language);
  static core::Result<std::shared_ptr<const ConfidenceModel>> FromJson(
      std::string_view json_text);

  // Probability that an event of `type` (a PLOVER type name) with
  // features f is right, in [0, 1].
  double Predict(const EventFeatures& f, std::string_view type) const;

 private:
  double bias_ = 0.0;
  std::array<double, kFeatCount> weights_{};
  std::map<std::string, double, std::less<>>
      type_weights_;  // finds a string_view
};

}  // namespace geotl::ingest::code
