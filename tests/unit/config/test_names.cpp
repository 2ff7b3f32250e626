// The names in escalate/base/names.hpp are the names of the model's enum values, in order.
#include "escalate/base/names.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/scenario.hpp"
#include "escalate/model/side_state.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;

TEST_CASE("Each name is the name of the model's value at its position", "[names]") {
  REQUIRE(names::PHASES.size() == static_cast<std::size_t>(PHASE_COUNT));
  for (int p = 0; p < PHASE_COUNT; ++p) CHECK(names::PHASES[static_cast<std::size_t>(p)] == phase_name(p));
  CHECK(names::PHASES[WAR] == "war");
  CHECK(names::PHASES[NUCLEAR] == "nuclear");
  REQUIRE(names::RATE_PHASES.size() == static_cast<std::size_t>(RATE_PHASE_COUNT));
  for (std::size_t p = 0; p < names::RATE_PHASES.size(); ++p) CHECK(names::RATE_PHASES[p] == names::PHASES[p]);
  REQUIRE(names::RUNGS.size() == static_cast<std::size_t>(RUNG_COUNT));
  for (int r = 0; r < RUNG_COUNT; ++r) CHECK(names::RUNGS[static_cast<std::size_t>(r)] == rung_name(r));
  CHECK(names::RUNGS[LIMITED_STRIKE] == "limited_strike");
  REQUIRE(names::BUILTIN_CAUSES.size() == static_cast<std::size_t>(BUILTIN_CAUSE_COUNT));
  for (std::size_t c = 0; c < names::BUILTIN_CAUSES.size(); ++c) CHECK(names::BUILTIN_CAUSES[c] == BUILTIN_CAUSE_NAMES[c]);
  CHECK(names::BUILTIN_CAUSES[static_cast<std::size_t>(BuiltinCause::Reassurance)] == "reassurance");
}

TEST_CASE("The batch-outcome fields are named at their positions", "[names]") {
  CHECK(names::BATCH_OUTCOME_FIELDS[names::BATCH_TRAJECTORIES] == "trajectories");
  CHECK(names::BATCH_OUTCOME_FIELDS[names::BATCH_WAR] == "war");
  CHECK(names::BATCH_OUTCOME_FIELDS[names::BATCH_SPIRAL] == "spiral");
  CHECK(names::BATCH_OUTCOME_FIELDS[names::BATCH_NUCLEAR] == "nuclear");
  CHECK(names::BATCH_OUTCOME_FIELDS[names::BATCH_CLASH] == "clash");
}
