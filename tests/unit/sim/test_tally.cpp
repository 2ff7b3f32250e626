#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"
#include "escalate/sim/tally.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("A trajectory's record lands in the right slices of its batch and draw", "[tally]") {
  Scenario s;
  s.horizon_days = 20;
  s.grid_days = 10;  // T = 3
  s.incidents = {{"a", "", 0, 1}};
  RunSettings run{2, 5, 1};  // 2 draws of 5 trajectories: one batch each
  TallyLayout layout(s, BatchLayout::of(run), run.draws);
  TrajectoryRecord r;
  r.phase_at_grid = {DORMANT, SPIRAL, WAR};
  r.max_phase_at_grid = {ACTIVATED, SPIRAL, WAR};
  r.incidents.assign(NUM_PHASES, 0);
  r.incidents[DEEP] = 2;
  r.war = true;
  r.war_cause = 0;
  r.spiral_cause = 0;
  r.countermeasures = 3;
  r.longest_chain = 2;
  BatchTally batch(layout);
  batch.add(r);
  batch.add(r);
  RunTally tally(layout);
  batch.fold_into(tally, 1, 1);
  CHECK(tally.at("occupancy")[1 * NUM_PHASES + SPIRAL] == 2);
  CHECK(tally.at("occupancy")[2 * NUM_PHASES + WAR] == 2);
  CHECK(tally.at("reached")[0 * NUM_PHASES + ACTIVATED] == 2);  // running max, not the phase at t
  CHECK(tally.at("reached")[0 * NUM_PHASES + DEEP] == 0);
  CHECK(tally.at("incidents")[DEEP] == 4);
  CHECK(tally.at("war_cause")[0] == 2);
  CHECK(tally.at("chain_at_least")[1] == 2);
  CHECK(tally.at("chain_at_least")[2] == 0);
  CHECK(tally.value("counters", 0, 0) == 6);
  CHECK(tally.value("counters", 0, 3) == 2);
  CHECK(tally.value("draw_trajectories", 1) == 2);
  CHECK(tally.value("draw_trajectories", 0) == 0);  // the other draw is untouched
  CHECK(tally.at("draw_war_by_time", 1)[2] == 2);
  CHECK(tally.at("draw_war_by_time", 1)[1] == 0);
  CHECK(tally.value("draw_reached", 1, WAR) == 2);
  CHECK(tally.batch_done(1));
  CHECK_FALSE(tally.batch_done(0));
  CHECK_FALSE(tally.complete());
  const auto outcome = tally.at("batch_outcome", 1);  // trajectories, war, spiral, nuclear
  CHECK(std::vector<std::int64_t>(outcome.begin(), outcome.end()) == std::vector<std::int64_t>{2, 2, 2, 0});
}

TEST_CASE("Tallies of disjoint batches merge into the tally of the whole run", "[tally][reproducibility]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  const BatchLayout layout = BatchLayout::of(c.run);
  REQUIRE(layout.batches >= 3);
  DriverResult whole = run_simulation(c, {});
  // Three parts, interleaved, merged in a different order than they were run.
  DriverResult merged = empty_result(c);
  for (std::int64_t part : {2, 0, 1}) {
    auto mask = interleaved_mask(layout, part, 3);
    DriverOptions o;
    o.run_batches = &mask;
    DriverResult r = run_simulation(c, o);
    CHECK_FALSE(r.complete);
    merge_driver_results(merged, r);
  }
  CHECK(merged.complete);
  CHECK(merged.tally.counts == whole.tally.counts);
}
