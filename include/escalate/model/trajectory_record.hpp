#pragma once
// What one trajectory did (docs/model.md §13): everything the outputs are built from.
// Counts are integers; times are days since t = 0; a cause is an index into
// Scenario::cause_names() (incident types, then the built-in causes); -1 means none.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace escalate {

// One war of a trajectory.
struct WarSpell {
  double start_day = 0;
  double days = 0;         // duration; up to the horizon (or a runaway / stop) if censored
  int trigger = -1;        // cause of the act whose decision started it (§9.3)
  bool censored = false;   // still going at the horizon (also after a runaway or a stop)
  bool nuclear = false;    // ended in nuclear use (not censored: the history ended there)
};

struct TrajectoryRecord {
  // [T] phase at each grid point t = g * grid_days (the phase of the last evaluation point
  // at or before t, §3) and the running maximum over all evaluation points up to t
  // (`reached`: since phases are ordered, nuclear counts as war and war as spiral).
  std::vector<std::uint8_t> phase_at_grid;
  std::vector<std::uint8_t> max_phase_at_grid;

  std::vector<std::uint64_t> incidents;  // [K * 4] incidents by type k and phase 0..3 at arrival
                                         //   (index k * 4 + phase); injections counted under their type
  std::uint64_t injections_ignored = 0;  // injections that fell during a war (§10)
  std::vector<std::uint64_t> decisions;  // [C * 5] decisions by cause of the act decided on and rung
                                         //   (index cause * 5 + rung)
  // [K * P * 6] only when the trajectory has P periods (Trajectory::set_periods), else empty:
  // incidents of type k that arrived in period p by the rung of the decision on them, slot 5
  // never decided (index (k * P + p) * 6 + slot; incident_periods.hpp).
  std::vector<std::uint32_t> period_incidents;

  std::uint64_t attributions_scheduled = 0;  // incidents whose truth will be established (§5.3)
  std::uint64_t attributions_arrived = 0;    // of those, arrived (before the horizon, a war or the end)
  std::uint64_t attributions_arrived_before_decision = 0;  // arrived while their decision was pending

  std::uint64_t countermeasures = 0;  // countermeasures that arrived at their target
  std::uint64_t strikes = 0;          // limited strikes that arrived at their target (same instant as chosen,
                                      //   unless an item ahead of them in the queue started a war)
  std::uint64_t signals = 0;          // reassurance signals received
  std::uint64_t wars = 0;             // wars started
  std::uint64_t ceasefires = 0;       // wars ended by a ceasefire

  bool nuclear = false;    // nuclear use happened (absorbing)
  int nuclear_side = -1;   // the side that used first, -1 if none
  double nuclear_day = -1; // its day, -1 if none

  double first_war_day = -1;  // -1 if no war
  int first_war_cause = -1;
  std::vector<WarSpell> war_spells;  // every war, in order (durations of §13)

  int first_spiral_cause = -1;   // cause of the first evaluation point at phase >= spiral
  double first_spiral_day = -1;
  double first_clash_day = -1;   // first limited strike chosen or first war (§9.3), -1 if none
  int first_clash_cause = -1;    // the cause of the act whose decision chose it

  // §9.5: countermeasures and strikes chosen in decisions on countermeasures and strikes
  // (numerator), and the number of such decisions (denominator).
  std::uint64_t act_offspring_numerator = 0;
  std::uint64_t act_offspring_denominator = 0;

  bool runaway = false;          // reached max_events evaluation points (§9.5)
  std::uint64_t evaluations = 0; // evaluation points processed (grid points not counted)
  bool stopped = false;          // the stop flag was seen: the record is incomplete

  // Resets every field for T grid points, K incident types, C causes and P periods,
  // keeping the vectors' allocations.
  void clear(std::size_t grid_points, std::size_t incident_types, std::size_t causes, std::size_t periods = 0);
};

}  // namespace escalate
