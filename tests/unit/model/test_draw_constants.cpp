// DrawConstants (docs/model.md §3.3, §4, §6): what is derived once per draw, checked
// against the definitions written out here.
#include "escalate/model/draw_constants.hpp"
#include "escalate/model/logistic.hpp"
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("the incident rate tables: each type with its suspect's multiplier, and their sum", "[draw_constants]") {
  Scenario s = two_sides(360, 30);
  s.incidents = {{"airspace", NATO, RUSSIA}, {"sabotage", RUSSIA, NATO}, {"cable", NATO, RUSSIA}};
  Parameters p = neutral(s);
  p.model.offensive_multiplier = 3.0;
  for (std::size_t k = 0; k < 3; ++k)
    for (int ph = 0; ph < RATE_PHASE_COUNT; ++ph) {
      p.incidents[k].accidental_rate[ph] = 1.0 + static_cast<double>(k) + 0.25 * ph;
      p.incidents[k].deliberate_rate[ph] = 0.5 * static_cast<double>(k + 1) * (ph + 1);
    }
  const DrawConstants c = DrawConstants::of(s, p);
  for (int ph = 0; ph < RATE_PHASE_COUNT; ++ph)
    for (int russia_off = 0; russia_off < 2; ++russia_off)
      for (int nato_off = 0; nato_off < 2; ++nato_off) {
        // suspect RUSSIA (side 0) for airspace and cable, NATO (side 1) for sabotage
        double expected = 0;
        const auto row = static_cast<std::size_t>(ph * 4 + russia_off + 2 * nato_off) * 3;
        for (std::size_t k = 0; k < 3; ++k) {
          const bool offensive = s.incidents[k].suspect == RUSSIA ? russia_off : nato_off;
          const double rate =
              p.incidents[k].accidental_rate[ph] + p.incidents[k].deliberate_rate[ph] * (offensive ? 3.0 : 1.0);
          CHECK(c.type_rate[row + k] == rate);  // each type's rate as the arrival's walk takes it
          expected += rate;
        }
        CHECK(c.incident_rate[static_cast<std::size_t>(ph)][static_cast<std::size_t>(russia_off + 2 * nato_off)] ==
              Approx(expected).epsilon(1e-15));
      }
}

TEST_CASE("per-draw logits, log2 thresholds and evidence scales", "[draw_constants]") {
  Scenario s = two_sides(360, 30);
  Parameters p = neutral(s);
  p.model.belief_deep = 0.8;
  p.model.belief_activated = 0.3;
  p.model.belief_flip = 0.9;
  p.model.fear_deep = 4.0;
  p.sides[RUSSIA].revert_threshold = 0.5;
  p.sides[NATO].revert_threshold = 0.0;  // no crossing: -inf
  p.sides[RUSSIA].perception_noise = 0.75;
  const DrawConstants c = DrawConstants::of(s, p);
  CHECK(c.deep_logodds == Approx(std::log(4.0)).epsilon(1e-14));
  CHECK(c.activated_logodds == Approx(std::log(3.0 / 7.0)).epsilon(1e-14));
  CHECK(c.flip_logodds == Approx(std::log(9.0)).epsilon(1e-14));
  CHECK(c.log2_fear_deep == 2.0);
  CHECK(c.log2_revert[RUSSIA] == -1.0);
  CHECK(std::isinf(c.log2_revert[NATO]));
  CHECK(c.log2_revert[NATO] < 0);
  CHECK(c.evidence_scale[RUSSIA] == Approx(1.25).epsilon(1e-15));
  CHECK(c.evidence_scale[NATO] == 1.0);
}

TEST_CASE("injections are ordered by day, then name; those after the horizon are left out", "[draw_constants]") {
  Scenario s = two_sides(100, 10);
  s.incidents = {{"border", NATO, RUSSIA}};
  s.injections = {{"zulu", 0, false}, {"alpha", 0, true}, {"late", 0, false}, {"mike", 0, false}};
  Parameters p = neutral(s);
  p.injects = {{5.0, 1.0}, {5.0, 1.0}, {101.0, 1.0}, {2.0, 1.0}};
  const DrawConstants c = DrawConstants::of(s, p);
  REQUIRE(c.injections.size() == 3);
  CHECK(c.injections[0].index == 3);  // mike, day 2
  CHECK(c.injections[1].index == 1);  // alpha, day 5
  CHECK(c.injections[2].index == 0);  // zulu, day 5
}
