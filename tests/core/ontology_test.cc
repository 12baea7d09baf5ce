// The classes of event types the coder's rules read (core/ontology.h):
// each type's flags, checked against the quad where one follows from it.
#include "core/ontology.h"

#include <catch2/catch.hpp>
#include <string>

using namespace geotl::core;

namespace {

// The types of each class, as the coder's rules expect them.
std::string Members(bool EventTypeInfo::*flag) {
  std::string out;
  for (const auto& t : EventTypes())
    if (t.*flag) out += std::string(t.type) + " ";
  return out;
}

}  // namespace

TEST_CASE("material types are those of the material quads", "[core]") {
  for (const auto& t : EventTypes()) {
    INFO(t.type);
    CHECK(t.material == t.quad.starts_with("material"));
  }
}

TEST_CASE("each class of event types has its members", "[core]") {
  CHECK(Members(&EventTypeInfo::symmetric) == "AGREE CONSULT COOPERATE ");
  CHECK(Members(&EventTypeInfo::cooperative) ==
        "AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT ");
  CHECK(Members(&EventTypeInfo::hostile) == "PROTEST SANCTION COERCE ASSAULT ");
  CHECK(Members(&EventTypeInfo::force) == "COERCE ASSAULT ");
  CHECK(Members(&EventTypeInfo::crowd) == "PROTEST ");
  CHECK(Members(&EventTypeInfo::regional) ==
        "PROTEST MOBILIZE SANCTION COERCE ASSAULT ");
  CHECK(Members(&EventTypeInfo::at_target) ==
        "AID RETREAT PROTEST MOBILIZE SANCTION COERCE ASSAULT ");
  CHECK(Members(&EventTypeInfo::stance) == "SUPPORT ACCUSE REJECT ");
  CHECK(Members(&EventTypeInfo::locative_target) ==
        "COOPERATE AID CONCEDE RETREAT ACCUSE PROTEST MOBILIZE SANCTION "
        "COERCE ASSAULT ");
  CHECK(Members(&EventTypeInfo::institutional) ==
        "AGREE CONSULT COOPERATE AID CONCEDE MOBILIZE SANCTION ");
}

TEST_CASE("a type is found by name in any case, with its flags", "[core]") {
  auto t = FindEventType("assault");
  REQUIRE(t);
  CHECK(t->type == "ASSAULT");
  CHECK(t->force);
  CHECK_FALSE(FindEventType("RIOT"));
}
