#include "escalate/model/ladder.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate;

namespace {
ResponseParams flat(double i0, double i1, double i2, double i3) {
  ResponseParams p{};
  p.intercept[0] = i0;
  p.intercept[1] = i1;
  p.intercept[2] = i2;
  p.intercept[3] = i3;
  return p;
}
const LadderInput ANY_INPUT{0.3, 1.0, 0.5, true, 2.0};
}  // namespace

// Tolerance 1e-12: products of a few sigmoids.
TEST_CASE("step utilities (docs/model.md 9.1)", "[ladder]") {
  ResponseParams p = flat(0.5, 0, 0, 0);
  p.weight_attribution[0] = 2.0;
  p.weight_severity[0] = 3.0;
  p.weight_fear[0] = 4.0;
  p.weight_offensive[0] = 5.0;
  p.weight_restraint[0] = 6.0;
  // 0.5 + 2 * 0.3 + 3 * 1 + 4 * 0.5 + 5 * 1 - 6 * 2 = -0.9
  CHECK(step_utility(p, 0, ANY_INPUT) == Approx(-0.9).margin(1e-12));
  CHECK(step_utility(p, 1, ANY_INPUT) == 0.0);
  // A zero weight switches its term off even for an infinite input.
  const LadderInput inf_input{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), 0, false, 0};
  CHECK(step_utility(flat(1, 0, 0, 0), 0, inf_input) == 1.0);
}

TEST_CASE("P(rung >= r) and the inverse-CDF draw from one uniform", "[ladder]") {
  // sigmoid(0) = 1/2, sigmoid(ln 3) = 3/4, sigmoid(-ln 3) = 1/4, sigmoid(1e9) = 1.
  const auto at_least = rung_at_least(flat(0.0, std::log(3.0), -std::log(3.0), 1e9), ANY_INPUT);
  CHECK(at_least[0] == 1.0);
  CHECK(at_least[1] == Approx(0.5).margin(1e-12));
  CHECK(at_least[2] == Approx(0.375).margin(1e-12));
  CHECK(at_least[3] == Approx(0.09375).margin(1e-12));
  CHECK(at_least[4] == Approx(0.09375).margin(1e-12));
  CHECK(draw_rung(at_least, 0.6) == NONE);
  CHECK(draw_rung(at_least, 0.5) == NONE);  // U < P(rung >= 1) is strict
  CHECK(draw_rung(at_least, 0.45) == PROTEST);
  CHECK(draw_rung(at_least, 0.2) == COUNTERMEASURE);
  CHECK(draw_rung(at_least, 0.09) == WAR_RUNG);  // P(rung = 3) = 0
  const auto strike_only = rung_at_least(flat(1e9, 1e9, 1e9, -1e9), ANY_INPUT);
  CHECK(draw_rung(strike_only, 0.999) == LIMITED_STRIKE);
  CHECK(draw_rung(rung_at_least(flat(-1e9, 0, 0, 0), ANY_INPUT), 1e-300) == NONE);
}

TEST_CASE("configs that differ only in the ladder stay coupled", "[ladder]") {
  // Raising one intercept never lowers the rung drawn from the same uniform.
  const auto low = rung_at_least(flat(0.0, 0.0, 0.0, 0.0), ANY_INPUT);
  const auto high = rung_at_least(flat(0.0, 2.0, 0.0, 0.0), ANY_INPUT);
  for (int i = 1; i < 1000; ++i) {
    const double u = i / 1000.0;
    CHECK(draw_rung(high, u) >= draw_rung(low, u));
  }
}

TEST_CASE("climb takes the same rung as draw_rung over the whole distribution", "[ladder]") {
  ResponseParams p{};
  const double intercepts[STEP_COUNT] = {0.8, -0.2, -1.1, 0.4};
  for (int r = 0; r < STEP_COUNT; ++r) {
    p.intercept[r] = intercepts[r];
    p.weight_attribution[r] = 0.3 * (r + 1);
    p.weight_fear[r] = 0.2;
    p.weight_restraint[r] = 0.1;
  }
  int differ = 0, rungs_seen[RUNG_COUNT] = {};
  for (int i = 0; i < 4000; ++i) {
    const double u = (i + 0.5) / 4000.0;
    const LadderInput in{-3.0 + 6.0 * ((i * 7) % 101) / 100.0, 0.0, ((i * 13) % 17) / 8.0, i % 3 == 0, 1.5};
    const int rung = climb(p, in, u);
    differ += rung != draw_rung(rung_at_least(p, in), u);
    ++rungs_seen[rung];
  }
  CHECK(differ == 0);
  for (int r = 0; r < RUNG_COUNT; ++r) CHECK(rungs_seen[r] > 0);
}
