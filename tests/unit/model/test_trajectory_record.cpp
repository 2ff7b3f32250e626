#include "escalate/model/trajectory_record.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

TEST_CASE("clear sizes and resets every field, keeping allocations", "[trajectory_record]") {
  TrajectoryRecord r;
  r.clear(13, 2, 8);
  CHECK(r.phase_at_grid.size() == 13);
  CHECK(r.max_phase_at_grid.size() == 13);
  CHECK(r.incidents.size() == 8);
  CHECK(r.decisions.size() == 40);
  r.phase_at_grid[3] = 4;
  r.decisions[7] = 2;
  r.war_spells.push_back({1.0, 2.0, 3, true, false});
  r.nuclear = true;
  r.nuclear_side = 1;
  r.first_clash_cause = 2;
  r.runaway = r.stopped = true;
  r.evaluations = 99;
  const auto* data = r.phase_at_grid.data();
  r.clear(13, 2, 8);
  CHECK(r.phase_at_grid.data() == data);
  CHECK(r.phase_at_grid[3] == 0);
  CHECK(r.decisions[7] == 0);
  CHECK(r.war_spells.empty());
  CHECK_FALSE(r.nuclear);
  CHECK(r.nuclear_side == -1);
  CHECK(r.first_clash_cause == -1);
  CHECK(r.first_war_day == -1);
  CHECK_FALSE(r.runaway);
  CHECK_FALSE(r.stopped);
  CHECK(r.evaluations == 0);
}
