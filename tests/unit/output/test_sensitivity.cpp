#include "escalate/model/phase.hpp"
#include "escalate/output/sensitivity.hpp"
#include "sensitivity_fixture.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using escalate::test::analysed;
using escalate::test::Analysed;

TEST_CASE("analyse_sensitivity: per-point estimates from the tallies, indices per outcome", "[sensitivity]") {
  const Analysed a = analysed(DesignLayout::Saltelli);
  const SensitivityAnalysis& s = a.analysis;
  REQUIRE(s.p.size() == static_cast<std::size_t>(128 * 5 * SENSITIVITY_OUTCOMES));
  for (std::int64_t m = 0; m < 128 * 5; ++m) {
    const auto i = static_cast<std::size_t>(m);
    REQUIRE(s.trajectories[i] == 100);
    const std::int64_t wars = a.driver.tally.value("draw_reached", m, WAR);
    REQUIRE(s.successes[i * SENSITIVITY_OUTCOMES] == wars);
    REQUIRE(s.p[i * SENSITIVITY_OUTCOMES] == static_cast<double>(wars) / 100);
    const double p = s.p[i * SENSITIVITY_OUTCOMES + 1];
    REQUIRE(s.noise[i * SENSITIVITY_OUTCOMES + 1] == Approx(p * (1 - p) / 99));
  }
  REQUIRE(s.sobol.size() == SENSITIVITY_OUTCOMES);
  CHECK(s.morris.empty());
  // The closed form: intercept 1 drives war and clash, intercept 3 war only, perception noise nothing.
  const SobolIndices& war = s.sobol[0];
  const SobolIndices& clash = s.sobol[1];
  CHECK(war.total[1].value > 0.3);
  CHECK(war.total[2].value > 0.2);
  CHECK(std::abs(war.total[0].value) < 0.05);
  CHECK(clash.first[1].value > 0.8);
  CHECK(std::abs(clash.total[2].value) < 0.05);
  CHECK(std::isnan(s.sobol[2].first[0].value));  // no nuclear weapons: nothing varies
}

TEST_CASE("A Morris analysis ranks the driving intercept first", "[sensitivity]") {
  const Analysed a = analysed(DesignLayout::Morris);
  REQUIRE(a.analysis.morris.size() == SENSITIVITY_OUTCOMES);
  const MorrisMeasures& war = a.analysis.morris[0];
  CHECK(war.mu_star[1].value > war.mu_star[0].value);
  CHECK(war.mu_star[2].value > war.mu_star[0].value);
  // Perception noise has no effect: its mu* is noise, at most a few noise floors.
  CHECK(war.mu_star[0].value < 3 * war.noise_floor[0]);
}
