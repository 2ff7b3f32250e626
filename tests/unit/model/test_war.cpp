#include "escalate/model/war.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

// Tolerance 1e-12: a pow and a division.
TEST_CASE("war hazards per day (docs/model.md 9.4)", "[war]") {
  WarParams w{365.0, 365.0, 1.0};
  std::array<SideParams, 2> sides{};
  sides[0].conventional_power = 1.0;  // the weaker side
  sides[0].nuclear_warheads = 5000.0;
  sides[1].conventional_power = 4.0;
  sides[1].nuclear_warheads = 5000.0;
  WarHazards h = war_hazards(w, sides);
  CHECK(h.ceasefire == Approx(1.0).margin(1e-12));
  CHECK(h.nuclear[0] == Approx(4.0).margin(1e-12));   // (4 / 1)^1
  CHECK(h.nuclear[1] == Approx(0.25).margin(1e-12));  // (1 / 4)^1
  CHECK(h.total() == Approx(5.25).margin(1e-12));
  sides[1].nuclear_warheads = 0.0;  // no warheads, no nuclear use
  h = war_hazards(w, sides);
  CHECK(h.nuclear[1] == 0.0);
}

TEST_CASE("what ends a war, in proportion to the hazards", "[war]") {
  WarHazards h;
  h.ceasefire = 1.0;
  h.nuclear = {4.0, 0.25};
  CHECK(war_end(h, 0.1) == WarEnd::Ceasefire);            // 0.525 < 1
  CHECK(war_end(h, 0.5) == WarEnd::NuclearBySide0);       // 2.625 in [1, 5)
  CHECK(war_end(h, 0.99) == WarEnd::NuclearBySide1);      // 5.1975 in [5, 5.25)
  h.nuclear = {0.0, 0.0};
  CHECK(war_end(h, 0.999999) == WarEnd::Ceasefire);
  h.ceasefire = 0.0;
  h.nuclear = {0.0, 2.0};
  CHECK(war_end(h, 0.01) == WarEnd::NuclearBySide1);
  h.nuclear = {2.0, 0.0};
  CHECK(war_end(h, 0.999999) == WarEnd::NuclearBySide0);
}
