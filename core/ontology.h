// The event ontology: PLOVER's 16 types plus STATEMENT, each with its CAMEO
// root, quad class, default reader label and the classes of types the
// coder's rules ask about (symmetric, cooperative, hostile, ...). Immutable
// tables; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace geotl::core {

struct EventTypeInfo {
  std::string_view type;   // "CONSULT"
  std::string_view cameo;  // "04"
  std::string_view quad;   // "verbal_cooperation"
  std::string_view label;  // "meeting"
  // Classes of types (docs/ontology.md, "Classes of types").
  bool material = false;     // a physical act: quad material_*
  bool symmetric = false;    // both parties act alike: meet, cooperate, agree
  bool cooperative = false;  // stated intent to do it is an AGREE
  bool hostile = false;      // stated intent to do it is a THREATEN
  bool force = false;        // physical force (attack, coercion): may kill;
                             // states doing it together cooperate
  bool crowd = false;        // done by a crowd (protest): has a size, its
                             // people are those of the place
  bool regional = false;     // may take place over a region
  bool at_target = false;    // done on the target's ground: a foreign place
                             // names the recipient
  bool stance = false;       // a position on something: "gegen die Pläne"
                             // may refer to the previous recipients
  bool locative_target = false;  // a country after "in" may be the recipient
  bool institutional = false;    // an act of states, their organs, parties,
                                 // armed groups or IGOs: between private
                                 // people it is no event
};

// All 17 types; CAMEO roots per CAMEO2PLOVER (STATEMENT = 01).
const std::vector<EventTypeInfo>& EventTypes();
// By PLOVER type name (case-insensitive), e.g. "consult".
std::optional<EventTypeInfo> FindEventType(std::string_view type);

}  // namespace geotl::core
