#pragma once
// One trajectory of the v2 model (docs/model.md §2-§10): an event loop over evaluation points
// (incidents, pending attributions / decisions / countermeasures / strikes, reassurance
// signals, events, injections, war hazards, threshold crossings) and output grid points,
// which only observe. It knows nothing of threads, tallies or files: it fills a
// TrajectoryRecord.
//
// Three parts: DrawConstants (the draw's numbers and what is derived from them, computed
// once per draw), TrajectoryState (one trajectory's state, including what its events have
// `set`), and this class, the step functions between evaluation points. The steps are
// split by concern: trajectory.cpp (set-up and the loop), trajectory_timing.cpp (the flow
// between evaluation points, arrivals by their budget, hazards, crossings),
// trajectory_acts.cpp (incidents, attributions, decisions, countermeasures, strikes,
// signals), trajectory_turns.cpp (events, injections, war, crossings, the phase).
#include "escalate/model/draw_constants.hpp"
#include "escalate/model/incident_periods.hpp"
#include "escalate/model/scenario.hpp"
#include "escalate/model/trajectory_record.hpp"
#include "escalate/model/trajectory_state.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

namespace escalate {

class Trajectory {
 public:
  // The scenario must outlive the Trajectory.
  explicit Trajectory(const Scenario& scenario);

  // Sets the parameters of the draw that the next run() calls belong to (copied, and
  // everything derived from them computed once).
  void prepare(const Parameters& draw);

  // Samples trajectory `index` of draw `draw` from its own random streams, keyed by
  // (seed, domain) with counter (draw, index, block, 0), into `out` (cleared first).
  // `stop` is polled every 1024 loop steps; once it reads true, run() returns with
  // out.stopped = true.
  void run(std::int64_t draw, std::int64_t index, std::uint64_t seed, TrajectoryRecord& out,
           const std::atomic<bool>* stop = nullptr);

  // Half-open periods [start, end) in days for TrajectoryRecord::period_incidents (the
  // record's per-period tallies, incident_periods.hpp); none by default. They only observe:
  // every other field of the record is the same with or without them.
  void set_periods(std::span<const double> starts, std::span<const double> ends) { periods_.set(starts, ends); }

  // Inspection (tests): the state as of the last evaluation point, its day and phase.
  const std::array<SideState, 2>& sides() const { return s_.sides; }
  double last_evaluation_day() const { return s_.now; }
  int phase() const { return s_.phase; }
  const DrawConstants& draw_constants() const { return draw_; }

 private:
  // trajectory.cpp
  void start(std::int64_t draw, std::int64_t index, std::uint64_t seed);
  void finish(std::size_t next_grid);

  // trajectory_timing.cpp
  void advance(double time);
  double total_rate(double time) const;
  void replan_arrival(double time);
  void on_window_edge();
  void plan_war_end(double time);
  void plan_crossing(unsigned moved);
  void resolve_crossing();
  template <bool Exact>
  bool crossing_from(const std::array<SideState, 2>& sides, double now);
  template <bool Exact>
  bool side_crossing(const SideState& s, int i, double& best, Crossing& at) const;
  double next_window_edge(double time) const;

  // trajectory_acts.cpp
  void on_arrival();
  void on_incident(int type, bool deliberate, double severity, double log_severity, int cause);
  void on_attribution(const PendingItem& item);
  void on_decision(const PendingItem& item);
  void on_countermeasure(const PendingItem& item);
  void on_strike(const PendingItem& item);
  void on_signal(int signal);
  void schedule_decision(int side, int cause, double logit_q, double log_severity, int reading);
  int reading_slot();  // a free slot in s_.readings, for an incident's reading
  void release_reading(int slot) {  // inline: every decision and attribution on an incident
    if (--s_.readings[static_cast<std::size_t>(slot)].refs == 0) s_.free_readings.push_back(slot);
  }

  // trajectory_turns.cpp
  void on_pending();
  void on_event(int event, double time);
  void on_injection(int injection);
  void on_war_end();
  void on_crossing();
  void start_war(int cause);
  void note_clash(int cause);
  void update_intents();
  // Moved: the caller has moved a side's fear or log-odds (crossing_stale is not 0), so
  // the crossing is re-planned without the test, which the branch predictor could not
  // learn where decisions (which move nothing) and acts interleave.
  template <bool Moved = false>
  void settle(int cause);

  const Scenario& scenario_;
  std::vector<int> event_rank_;      // name order of each event
  std::vector<int> events_by_name_;  // event indices in name order
  DrawConstants draw_;               // the draw as prepared
  const DrawConstants* k_ = &draw_;  // the draw in force: draw_, or s_.after_sets once an event `set`s
  TrajectoryState s_;
  TrajectoryRecord* out_ = nullptr;
  IncidentPeriods periods_;          // none unless set_periods

};

}  // namespace escalate
