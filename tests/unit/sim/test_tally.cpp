#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/sim/tally.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("A trajectory's record lands in the right slices of its batch and draw", "[tally]") {
  Scenario s;
  s.horizon_days = 20;
  s.grid_days = 10;  // T = 3
  s.side_names = {"nato", "russia"};
  s.incidents = {{"a", 0, 1}};  // C = 1 + 6
  RunSettings run{2, 5, 1, ""};  // 2 draws of 5 trajectories: one batch each
  TallyLayout layout(s, BatchLayout::of(run), run.draws);
  TrajectoryRecord r;
  r.clear(3, 1, static_cast<std::size_t>(s.cause_count()));
  r.phase_at_grid = {DORMANT, WAR, SPIRAL};  // a war that ended in a ceasefire
  r.max_phase_at_grid = {ACTIVATED, WAR, WAR};
  r.incidents[DEEP] = 2;
  r.decisions[0 * RUNG_COUNT + PROTEST] = 3;
  r.decisions[1 * RUNG_COUNT + COUNTERMEASURE] = 2;  // cause 1 (a built-in cause): an answer to an act, not to an incident
  r.wars = 1;
  r.ceasefires = 1;
  r.war_spells = {{5.0, 40.0, 0, false, false}};
  r.first_spiral_cause = 0;
  r.first_clash_day = 5.0;
  r.first_clash_cause = 0;
  r.countermeasures = 3;
  r.act_offspring_numerator = 1;
  r.act_offspring_denominator = 4;
  BatchTally batch(layout);
  batch.add(r);
  batch.add(r);
  RunTally tally(layout);
  batch.fold_into(tally, 1, 1);
  CHECK(tally.at("occupancy")[1 * PHASE_COUNT + WAR] == 2);
  CHECK(tally.at("occupancy")[2 * PHASE_COUNT + SPIRAL] == 2);
  CHECK(tally.at("reached")[0 * PHASE_COUNT + ACTIVATED] == 2);  // running max, not the phase at t
  CHECK(tally.at("reached")[0 * PHASE_COUNT + DEEP] == 0);
  CHECK(tally.at("reached")[2 * PHASE_COUNT + WAR] == 2);
  CHECK(tally.at("clash_by_time")[0] == 0);  // clash on day 5: by t = 10, not by t = 0
  CHECK(tally.at("clash_by_time")[1] == 2);
  CHECK(tally.at("incidents")[DEEP] == 4);
  CHECK(tally.at("decisions")[PROTEST] == 6);
  CHECK(tally.at("decisions")[1 * RUNG_COUNT + COUNTERMEASURE] == 4);
  CHECK(tally.value("draw_incident_decisions", 1, 0 * RUNG_COUNT + PROTEST) == 6);  // per draw: decisions on incident a ...
  CHECK(tally.at("draw_incident_decisions", 1).size() == RUNG_COUNT);              // ... and no other cause (not acts)
  CHECK(tally.value("draw_incident_decisions", 0, PROTEST) == 0);
  CHECK(tally.at("war_cause")[0] == 2);
  CHECK(tally.at("war_durations")[3] == 2);  // 40 days: the bin [30, 60)
  CHECK(tally.value("counters", 0, COUNTERMEASURES) == 6);
  CHECK(tally.value("counters", 0, TRAJECTORIES) == 2);
  CHECK(tally.value("counters", 0, CEASEFIRES) == 2);
  CHECK(tally.value("draw_trajectories", 1) == 2);
  CHECK(tally.value("draw_trajectories", 0) == 0);  // the other draw is untouched
  CHECK(tally.at("draw_war_by_time", 1)[2] == 2);    // P(war by t): reached, though at peace again
  CHECK(tally.at("draw_war_by_time", 1)[0] == 0);
  CHECK(tally.value("draw_reached", 1, WAR) == 2);
  CHECK(tally.value("draw_clash", 1) == 2);
  CHECK(tally.value("draw_act_offspring", 1, 1) == 8);
  CHECK(tally.batch_done(1));
  CHECK_FALSE(tally.batch_done(0));
  CHECK_FALSE(tally.complete());
  const auto outcome = tally.at("batch_outcome", 1);  // trajectories, war, spiral, nuclear, clash
  CHECK(std::vector<std::int64_t>(outcome.begin(), outcome.end()) == std::vector<std::int64_t>{2, 2, 2, 0, 2});
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

TEST_CASE("A slice read by its TallyId is the slice read by its name", "[tally]") {
  Config c = load_config(test::source_path("tests/configs/small.toml"));
  DriverResult d = run_simulation(c, {});
  const RunTally& t = d.tally;
  for (std::int64_t m = 0; m < t.layout.draws(); ++m) {
    CHECK(t.at(TallyId::DrawReached, m).data() == t.at("draw_reached", m).data());
    CHECK(t.value(TallyId::DrawTrajectories, m) == t.value("draw_trajectories", m));
    CHECK(t.value(TallyId::DrawTrajectories, m) == c.run.trajectories);
  }
  CHECK(t.at(TallyId::BatchOutcome, t.layout.batches() - 1).data() == t.at("batch_outcome", t.layout.batches() - 1).data());
  CHECK(t.at(TallyId::Counters).size() == COUNTER_COUNT);
}
