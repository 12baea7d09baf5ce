#include "core/event.h"

namespace geotl::core {
namespace {

template <size_t N>
int Find(const std::string_view (&names)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<int>(i);
  return -1;
}

constexpr std::string_view kStatus[] = {"occurred", "planned", "hypothetical",
                                        "negated"};
constexpr std::string_view kKind[] = {"country", "person", "organization",
                                      "group"};
constexpr std::string_view kPlacePrec[] = {"city", "admin2", "admin1",
                                           "country", "region"};

}  // namespace

std::string_view ToString(EventStatus s) { return kStatus[int(s)]; }
std::string_view ToString(ActorKind k) { return kKind[int(k)]; }
std::string_view ToString(PlacePrecision p) { return kPlacePrec[int(p)]; }

Result<EventStatus> ParseEventStatus(std::string_view s) {
  int i = Find(kStatus, s);
  if (i < 0) return Status::Invalid("unknown status '" + std::string(s) + "'");
  return static_cast<EventStatus>(i);
}
Result<ActorKind> ParseActorKind(std::string_view s) {
  int i = Find(kKind, s);
  if (i < 0)
    return Status::Invalid("unknown actor kind '" + std::string(s) + "'");
  return static_cast<ActorKind>(i);
}
Result<PlacePrecision> ParsePlacePrecision(std::string_view s) {
  int i = Find(kPlacePrec, s);
  if (i < 0)
    return Status::Invalid("unknown place precision '" + std::string(s) + "'");
  return static_cast<PlacePrecision>(i);
}

}  // namespace geotl::core
