#pragma once
// The state of one trajectory between two steps (docs/model.md §2): the sides, the phase,
// war, the pending items and the incident readings they refer to, this trajectory's events,
// the times of what comes next (with the budget of the next arrival, §4), its random
// streams, and the draw as changed by the events that have `set` parameters. Trajectory's
// step functions move it from one evaluation point to the next.
#include "escalate/model/draw_constants.hpp"
#include "escalate/model/pending_queue.hpp"
#include "escalate/model/random_stream.hpp"
#include "escalate/model/side_state.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace escalate {

// An incident's first reading, kept while its attribution or its decision is pending (§5.3).
struct IncidentReading {
  double time, logodds_at, q0, qc, multiplier, gain, sensitivity, severity;
  double ladder_logit_q0;  // logit(clamp(q0, eps, 1 - eps)) for the decision (§9.1)
  double exp_minus_abs_at;  // e^-|logodds_at|, taken at the incident, for the attribution's increments
  double increment_at;      // J(logodds_at, q0) as the incident added it; NaN if it added none (q0 = 0, m = 1)
  int victim, cause, refs;
  bool attributed, decided;
  std::int16_t type;  // the incident type (cause differs for injections); 16 bits keep the size at 104 bytes
};

// The next threshold crossing (§3.3).
struct Crossing {
  double time;
  int side;
  bool fear;  // true: fear falls below `threshold`; false: log-odds fall below it
  double threshold;
};

// The random sub-streams of one trajectory (§12).
struct TrajectoryStreams {
  RandomStream initial, arrivals, attributes, perception, attribution, decisions, delays, strikes, war, schedule;
};

inline constexpr unsigned NO_RATE_KEY = ~0u;
inline constexpr unsigned BOTH_SIDES = 3u;  // TrajectoryState::crossing_stale: both sides moved

struct TrajectoryState {
  std::array<SideState, 2> sides{};
  double now = 0;  // time of the last evaluation point: the state is as of now
  int phase = 0;
  int max_phase = 0;
  bool at_war = false;
  bool nuclear = false;
  bool halted = false;  // runaway or nuclear: the history ends

  PendingQueue pending;
  std::vector<IncidentReading> readings;
  std::vector<int> free_readings;
  std::vector<DatedItem> events;  // this trajectory's events (random ones drawn at t = 0)
  std::size_t next_event = 0, next_injection = 0;

  // §4: the unit-exponential budget of the next arrival, as left at `budget_time`, spent
  // since then at `total_rate` (per year, incidents and open reassurance windows).
  double budget = 0, budget_time = 0, total_rate = 0;
  // What the total rate was last computed for (phase * 4 + the offensive flags), or
  // NO_RATE_KEY when it must be computed again (a new trajectory, a `set` event).
  unsigned rate_key = NO_RATE_KEY;
  double arrival_time = 0;   // where the budget runs out at the rates in force
  double edge_time = 0;      // the next reassurance window edge
  double war_end_time = 0;   // §9.4
  Crossing crossing{};
  // The crossing is re-planned only when what it depends on changed: a fear or log-odds
  // moved by an act, an event, a war or a crossing (stale), the phase (drift), the
  // intent flags (revert thresholds) or the draw in force.
  // A plan that involves a fear threshold first holds a lower bound of the instant (no
  // log2, `crossing_exact` false) and the sides and day it was planned from; the exact
  // instant is computed from those only when the bound is not after everything else due.
  // An act moves one side: only that side's candidates are bounded again, and the other
  // side's bound from its last plan stands, less a margin for the rounding of the flow
  // since (trajectory_timing.cpp); the exact instant is still computed from both sides as
  // of the last plan. `crossing_stale` holds the sides moved (bit i: side i).
  bool crossing_exact = true;
  double crossing_planned_at = 0;
  std::array<SideState, 2> crossing_sides{};
  std::array<double, 2> side_bound{};             // each side's bound of its next crossing (a day)
  std::array<std::uint64_t, 2> side_planned_at{};  // the evaluation count when it was computed
  unsigned crossing_stale = BOTH_SIDES;
  int crossing_phase = -1;
  std::uint64_t crossing_flags = 0;  // the intent flags and war, as settle packs them
  const DrawConstants* crossing_draw = nullptr;

  // The draw as changed by this trajectory's `set` events (§10); unused until one fires.
  bool sets_applied = false;
  DrawConstants after_sets;

  TrajectoryStreams streams;
  bool streams_keyed = false;  // the streams hold the keys of streams.initial.seed()
};

}  // namespace escalate
