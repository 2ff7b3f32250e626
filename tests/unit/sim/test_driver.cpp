#include "escalate/config/config.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/sim/driver.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("Results are identical for 1 and 2 threads", "[driver][reproducibility]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverOptions one, two;
  one.threads = 1;
  two.threads = 2;
  DriverResult a = run_simulation(c, one), b = run_simulation(c, two);
  CHECK(a.complete);
  CHECK(a.threads == 1);
  CHECK(b.threads == 2);
  CHECK(a.tally.counts == b.tally.counts);  // every count, run, draw and batch slices alike
  CHECK(a.draws.values == b.draws.values);
  // Not trivially equal: the run did something.
  CHECK(a.tally.value("counters", 0, EVALUATIONS) > a.tally.value("counters", 0, TRAJECTORIES));
}

TEST_CASE("Occupancy is conserved and reached is monotone", "[driver]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverResult r = run_simulation(c, {});
  const auto occupancy = r.tally.at("occupancy"), reached = r.tally.at("reached");
  const std::int64_t T = c.scenario.grid_points(), n = c.run.draws * c.run.trajectories;
  CHECK(r.tally.value("counters", 0, TRAJECTORIES) == n);
  for (std::int64_t t = 0; t < T; ++t) {
    std::int64_t sum = 0;
    for (int k = 0; k < PHASE_COUNT; ++k) sum += occupancy[static_cast<std::size_t>(t * PHASE_COUNT + k)];
    REQUIRE(sum == n);  // every trajectory is in exactly one phase
    CHECK(reached[static_cast<std::size_t>(t * PHASE_COUNT)] == n);
    for (int k = 1; k < PHASE_COUNT; ++k) {
      auto at = static_cast<std::size_t>(t * PHASE_COUNT + k);
      REQUIRE(reached[at] <= reached[at - 1]);                        // monotone in phase
      if (t > 0) REQUIRE(reached[at] >= reached[at - PHASE_COUNT]);    // monotone in time
      REQUIRE(reached[at] >= occupancy[at]);                          // in k now => reached k
    }
  }
  // Every war has a trigger, and ends in a ceasefire, in nuclear use or at the horizon.
  std::int64_t triggered = 0, nuclear = 0;
  for (auto w : r.tally.at("war_cause")) triggered += w;
  for (auto s : r.tally.at("nuclear_by_side")) nuclear += s;
  const std::int64_t wars = r.tally.value("counters", 0, WARS);
  CHECK(wars > 0);
  CHECK(triggered == wars);
  CHECK(wars == r.tally.value("counters", 0, CEASEFIRES) + r.tally.value("counters", 0, WARS_CENSORED) + nuclear);
  CHECK(reached[static_cast<std::size_t>((T - 1) * PHASE_COUNT + NUCLEAR)] == nuclear);
  CHECK(reached[static_cast<std::size_t>((T - 1) * PHASE_COUNT + WAR)] <= wars);
}

TEST_CASE("A stop request leaves a partial, consistent tally", "[driver]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  std::atomic<bool> stop{true};
  DriverOptions o;
  o.stop = &stop;
  DriverResult r = run_simulation(c, o);
  CHECK_FALSE(r.complete);
  CHECK(r.stopped);
  CHECK(r.tally.value("counters", 0, TRAJECTORIES) == 0);
  for (std::int64_t b = 0; b < r.tally.layout.batches(); ++b) CHECK_FALSE(r.tally.batch_done(b));
}

TEST_CASE("A given draw table replaces the random draws: each row's P(war) is its closed form", "[driver]") {
  ConfigOverrides o;
  o.draws = 3;
  o.trajectories = 4000;
  const Config c = load_config(source_path("tests/configs/sensitivity.toml"), o);
  REQUIRE(c.uncertain.size() == 3);  // perception noise, intercept 1, intercept 3 (tests/configs/sensitivity.toml)
  DrawTable table;
  table.draws = 3;
  table.parameters = 3;
  table.values = {1.0, -1.5, -0.5, 0.6, -0.5, 1.0, 1.9, -0.5, 2.5};
  DriverOptions options;
  options.draws = &table;
  const DriverResult r = run_simulation(c, options);
  CHECK(r.draws.values == table.values);
  auto s = [](double x) { return 1 / (1 + std::exp(-x)); };
  for (std::int64_t m = 0; m < 3; ++m) {
    const auto row = table.row(m);
    const double want = 1 - std::exp(-6.0 * 0.5 * 360 / 365 * s(row[1]) * s(row[2]));
    const double got = static_cast<double>(r.tally.value("draw_reached", m, WAR)) / 4000;
    INFO("row " << m << ": P(war) " << got << ", closed form " << want);
    CHECK(std::abs(got - want) < 4 * std::sqrt(want * (1 - want) / 4000));
  }
  DrawTable wrong = table;
  wrong.draws = 2;
  options.draws = &wrong;
  CHECK_THROWS_AS(run_simulation(c, options), std::invalid_argument);
}
