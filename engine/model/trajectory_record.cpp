#include "escalate/model/trajectory_record.hpp"

#include "escalate/model/ladder.hpp"
#include "escalate/model/parameters.hpp"

namespace escalate {

void TrajectoryRecord::clear(std::size_t grid_points, std::size_t incident_types, std::size_t causes, std::size_t periods) {
  phase_at_grid.assign(grid_points, 0);
  max_phase_at_grid.assign(grid_points, 0);
  incidents.assign(incident_types * RATE_PHASE_COUNT, 0);
  decisions.assign(causes * RUNG_COUNT, 0);
  period_incidents.assign(incident_types * periods * 6, 0);
  war_spells.clear();
  injections_ignored = 0;
  attributions_scheduled = attributions_arrived = attributions_arrived_before_decision = 0;
  countermeasures = strikes = signals = wars = ceasefires = 0;
  nuclear = false;
  nuclear_side = -1;
  nuclear_day = -1;
  first_war_day = -1;
  first_war_cause = -1;
  first_spiral_cause = -1;
  first_spiral_day = -1;
  first_clash_day = -1;
  first_clash_cause = -1;
  act_offspring_numerator = act_offspring_denominator = 0;
  runaway = false;
  evaluations = 0;
  stopped = false;
}

}  // namespace escalate
