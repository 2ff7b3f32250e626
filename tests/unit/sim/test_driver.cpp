#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("Batch layout depends only on the config", "[driver]") {
  RunSettings run;
  run.draws = 3;
  run.trajectories = 600;
  BatchLayout l = BatchLayout::of(run);
  CHECK(l.batch_size == 256);
  CHECK(l.batches_per_draw == 3);
  CHECK(l.batches == 9);
  CHECK(l.draw_of(5) == 1);
  run.trajectories = 10;
  CHECK(BatchLayout::of(run).batch_size == 10);
}

TEST_CASE("Results are identical for 1 and 2 threads", "[driver][reproducibility]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverOptions one, two;
  one.threads = 1;
  two.threads = 2;
  DriverResult a = run_simulation(c, one), b = run_simulation(c, two);
  CHECK(a.complete);
  CHECK(a.threads == 1);
  CHECK(b.threads == 2);
  CHECK(a.tally.pooled.occupancy == b.tally.pooled.occupancy);
  CHECK(a.tally.pooled.reached == b.tally.pooled.reached);
  CHECK(a.tally.pooled.incidents == b.tally.pooled.incidents);
  CHECK(a.tally.pooled.war_cause == b.tally.pooled.war_cause);
  CHECK(a.tally.pooled.evaluations == b.tally.pooled.evaluations);
  for (std::size_t m = 0; m < a.tally.draws.size(); ++m) {
    CHECK(a.tally.draws[m].war_by_time == b.tally.draws[m].war_by_time);
    CHECK(a.tally.draws[m].nuclear == b.tally.draws[m].nuclear);
  }
}

TEST_CASE("Occupancy is conserved and reached is monotone", "[driver]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverResult r = run_simulation(c, {});
  const auto& p = r.tally.pooled;
  const std::int64_t T = c.run.grid_points(), n = c.run.draws * c.run.trajectories;
  CHECK(p.trajectories == n);
  for (std::int64_t t = 0; t < T; ++t) {
    std::int64_t sum = 0;
    for (int k = 0; k < NUM_PHASES; ++k) sum += p.occupancy[static_cast<std::size_t>(t * NUM_PHASES + k)];
    REQUIRE(sum == n);  // every trajectory is in exactly one phase
    CHECK(p.reached[static_cast<std::size_t>(t * NUM_PHASES)] == n);
    for (int k = 1; k < NUM_PHASES; ++k) {
      auto at = static_cast<std::size_t>(t * NUM_PHASES + k);
      REQUIRE(p.reached[at] <= p.reached[at - 1]);                        // monotone in phase
      if (t > 0) REQUIRE(p.reached[at] >= p.reached[at - NUM_PHASES]);    // monotone in time
      REQUIRE(p.reached[at] >= p.occupancy[at]);                          // in k now => reached k
    }
  }
  std::int64_t wars = 0;
  for (auto w : p.war_cause) wars += w;
  CHECK(wars == p.reached[static_cast<std::size_t>((T - 1) * NUM_PHASES + WAR)]);
}

TEST_CASE("A stop request leaves a partial, consistent tally", "[driver]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  std::atomic<bool> stop{true};
  DriverOptions o;
  o.stop = &stop;
  DriverResult r = run_simulation(c, o);
  CHECK_FALSE(r.complete);
  CHECK(r.tally.pooled.trajectories == 0);
}
