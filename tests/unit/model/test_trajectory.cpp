#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/trajectory.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;
using namespace escalate::test;

namespace {
TrajectoryRecord run_one(const Config& c, std::int64_t m, std::int64_t n) {
  Parameters p = draw_parameters(c, m);
  Trajectory t(c.scenario, c.run.seed);
  t.prepare(p);
  TrajectoryRecord r;
  t.run(m, n, r);
  return r;
}
}  // namespace

TEST_CASE("MODEL.md 14 closed form: P(war by t) = 1 - exp(-lam p t / 365)", "[trajectory][closed-form]") {
  Config c = load_config(source_path("tests/configs/closed-form.toml"));
  DriverResult result = run_simulation(c, {});
  const double n = static_cast<double>(result.tally.value("counters", 0, 3));
  const double p = std::exp(-1.0) / (1 + std::exp(-1.0));
  for (std::int64_t g = 0; g < c.scenario.grid_points(); ++g) {
    double t = static_cast<double>(g * c.scenario.grid_days);
    double expected = 1 - std::exp(-6.0 * p * t / 365.0);
    double observed = static_cast<double>(result.tally.at("reached")[static_cast<std::size_t>(g * NUM_PHASES + WAR)]) / n;
    double se = std::sqrt(expected * (1 - expected) / n);
    INFO("t = " << t << ", observed " << observed << ", expected " << expected);
    // Within 4 standard errors at every grid point (a 1-in-16000 chance per point when correct).
    CHECK(std::abs(observed - expected) <= 4 * se + 1e-12);
  }
}

TEST_CASE("MODEL.md 14 calm case: the phase path is the hand-computed one", "[trajectory][calm]") {
  Config c = load_config(source_path("tests/configs/calm.toml"));
  // Independent computation: nato's log-odds and fear in closed form, phase by MODEL.md 3.
  const double l0 = logit(0.9), slope = 0.4 * (3.0 - 1.0) / 365.0;
  auto expected_phase = [&](double t) {
    double b = sigmoid(l0 - slope * t);
    double fear = 2.0 * std::exp2(-t / 95.0);
    if (b >= 0.6 && fear >= 1.0) return DEEP;
    if (b >= 0.3) return ACTIVATED;  // Russia's belief stays 0.01: never activated by it
    return DORMANT;
  };
  // The hand-computed switches of the file's comment.
  CHECK(expected_phase(90) == DEEP);
  CHECK(expected_phase(100) == ACTIVATED);
  CHECK(expected_phase(1380) == ACTIVATED);
  CHECK(expected_phase(1390) == DORMANT);
  for (std::int64_t n = 0; n < 50; ++n) {
    TrajectoryRecord r = run_one(c, n % 2, n);
    for (std::int64_t g = 0; g < c.scenario.grid_points(); ++g) {
      double t = static_cast<double>(g * c.scenario.grid_days);
      INFO("trajectory " << n << " t = " << t);
      REQUIRE(r.phase_at_grid[static_cast<std::size_t>(g)] == expected_phase(t));
    }
    CHECK_FALSE(r.war);
    CHECK(r.max_phase_at_grid.back() == DEEP);
  }
}

TEST_CASE("A trajectory is a pure function of (seed, draw, index)", "[trajectory][reproducibility]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  TrajectoryRecord a = run_one(c, 2, 17), b = run_one(c, 2, 17), other = run_one(c, 2, 18);
  CHECK(a.phase_at_grid == b.phase_at_grid);
  CHECK(a.incidents == b.incidents);
  CHECK(a.evaluations == b.evaluations);
  CHECK(a.evaluations != other.evaluations);
}

TEST_CASE("Common random numbers: nuclear_probability changes only whether a war is nuclear", "[trajectory][crn]") {
  Config low = load_config(closed_form_with("nuclear_probability = 0.25", "nuclear_probability = 0.0", "low.toml"));
  Config high = load_config(closed_form_with("nuclear_probability = 0.25", "nuclear_probability = 1.0", "high.toml"));
  int wars = 0;
  for (std::int64_t n = 0; n < 200; ++n) {
    TrajectoryRecord a = run_one(low, 0, n), b = run_one(high, 0, n);
    REQUIRE(a.war == b.war);
    REQUIRE(a.war_day == b.war_day);
    CHECK_FALSE(a.nuclear);
    CHECK(b.nuclear == b.war);
    wars += a.war;
  }
  CHECK(wars > 50);
}

TEST_CASE("War is absorbing and recorded with its day and trigger", "[trajectory]") {
  Config c = load_config(source_path("tests/configs/closed-form.toml"));
  int wars = 0;
  for (std::int64_t n = 0; n < 300; ++n) {
    TrajectoryRecord r = run_one(c, 0, n);
    if (!r.war) continue;
    ++wars;
    CHECK(r.war_cause == 0);  // the only incident type
    for (std::int64_t g = 0; g < c.scenario.grid_points(); ++g) {
      double t = static_cast<double>(g * c.scenario.grid_days);
      CHECK((r.phase_at_grid[static_cast<std::size_t>(g)] == WAR) == (t >= r.war_day));
    }
  }
  CHECK(wars > 100);
}

TEST_CASE("An injected incident is answered at its day (the Przewodow question)", "[trajectory][inject]") {
  // Certain war on any incident; no random incidents; one injection at day 12.
  Config c = load_config(closed_form_with(
      {{"accidental_rate = [6.0, 6.0, 6.0, 6.0]", "accidental_rate = [0.0, 0.0, 0.0, 0.0]"},
       {"war_intercept = -1.0", "war_intercept = 50.0"}},
      "inject.toml", "\n[[inject]]\nday = 12\nincident = \"accident\"\nseverity = 1.0\ndeliberate = false\n"));
  TrajectoryRecord r = run_one(c, 0, 0);
  CHECK(r.war);
  CHECK(r.war_day == 12.0);
  CHECK(r.war_cause == 0);
  CHECK(r.incidents[0 * NUM_PHASES + DORMANT] + r.incidents[0 * NUM_PHASES + ACTIVATED] == 1);
}

TEST_CASE("An event's set takes effect for the rest of the trajectory", "[trajectory][event]") {
  // War impossible until day 100, when an event makes it certain on the next incident.
  Config c = load_config(closed_form_with({{"war_intercept = -1.0", "war_intercept = -1e9"}}, "event.toml",
                                          "\n[[event]]\nday = 100\nside = \"nato\"\n"
                                          "set = { \"response.war_intercept\" = 50.0 }\n"));
  int wars = 0;
  for (std::int64_t n = 0; n < 100; ++n) {
    TrajectoryRecord r = run_one(c, 0, n);
    if (r.war) {
      ++wars;
      CHECK(r.war_day > 100.0);
    }
  }
  CHECK(wars > 80);  // P(an incident in days 100..360 at 6/yr) = 1 - exp(-4.27) = 0.986
  // The next trajectory starts again from the draw's parameters: no war before day 100.
  TrajectoryRecord again = run_one(c, 0, 7);
  if (again.war) CHECK(again.war_day > 100.0);
}

TEST_CASE("Countermeasures arrive at the other side and can chain", "[trajectory][countermeasure]") {
  Config c = load_config(closed_form_with({{"war_intercept = -1.0", "war_intercept = -1e9"},
                                           {"countermeasure_intercept = -1e9", "countermeasure_intercept = 0.0"}},
                                          "chain.toml"));
  std::int64_t incidents = 0, countermeasures = 0;
  for (std::int64_t n = 0; n < 200; ++n) {
    TrajectoryRecord r = run_one(c, 0, n);
    for (auto k : r.incidents) incidents += k;
    countermeasures += r.countermeasures;
  }
  // With weights 0 each response is a countermeasure with probability 1/2 (U_cm = 0 = U_none),
  // so each incident starts a chain of mean length 1/2 / (1 - 1/2) = 1, less what is cut off
  // by the horizon (mean delay 10 days): between 0.8 and 1.2 countermeasures per incident.
  double ratio = static_cast<double>(countermeasures) / static_cast<double>(incidents);
  CHECK(ratio > 0.8);
  CHECK(ratio < 1.2);
}

TEST_CASE("Reassurance signals arrive as a Poisson process on their window", "[trajectory][reassurance]") {
  Config c = load_config(closed_form_with(
      {{"accidental_rate = [6.0, 6.0, 6.0, 6.0]", "accidental_rate = [0.0, 0.0, 0.0, 0.0]"}}, "reassure.toml",
      "\n[[reassurance]]\nsender = \"russia\"\nrate_per_year = 36.5\ncredibility = 2.0\nfear_relief = 0.1\n"
      "start_day = 100\nend_day = 200\n"));
  std::int64_t signals = 0;
  const int n = 400;
  for (std::int64_t i = 0; i < n; ++i) signals += run_one(c, 0, i).signals;
  // 36.5/yr over 100 days: Poisson mean 10 per trajectory; SE of the mean sqrt(10/400) = 0.16.
  CHECK(std::abs(static_cast<double>(signals) / n - 10.0) < 5 * 0.16);
}
