#pragma once
// One trajectory of the v2 model (docs/model.md §2-§10): an event loop over evaluation points
// (incidents, pending attributions / decisions / countermeasures / strikes, reassurance
// signals, events, injections, war hazards, threshold crossings) and output grid points,
// which only observe. It knows nothing of threads, tallies or files: it fills a
// TrajectoryRecord.
//
// The implementation is split by concern: trajectory.cpp (set-up and the loop),
// trajectory_timing.cpp (the flow between evaluation points, arrival and hazard times,
// crossings), trajectory_acts.cpp (incidents, attributions, decisions, countermeasures,
// strikes, signals), trajectory_turns.cpp (events, injections, war, crossings, the phase).
#include "escalate/model/parameters.hpp"
#include "escalate/model/pending_queue.hpp"
#include "escalate/model/random_stream.hpp"
#include "escalate/model/scenario.hpp"
#include "escalate/model/side_state.hpp"
#include "escalate/model/trajectory_record.hpp"
#include "escalate/model/war.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

namespace escalate {

class Trajectory {
 public:
  // The scenario must outlive the Trajectory.
  explicit Trajectory(const Scenario& scenario);

  // Sets the parameters of the draw that the next run() calls belong to (copied).
  void prepare(const Parameters& draw);

  // Samples trajectory `index` of draw `draw` from its own random streams, keyed by
  // (seed, domain) with counter (draw, index, block, 0), into `out` (cleared first).
  // `stop` is polled every 1024 loop steps; once it reads true, run() returns with
  // out.stopped = true.
  void run(std::int64_t draw, std::int64_t index, std::uint64_t seed, TrajectoryRecord& out,
           const std::atomic<bool>* stop = nullptr);

  // Inspection (tests): the state as of the last evaluation point, its day and phase.
  const std::array<SideState, 2>& sides() const { return sides_; }
  double last_evaluation_day() const { return now_; }
  int phase() const { return phase_; }

 private:
  // Per-draw quantities, recomputed when an event `set`s a parameter.
  struct Derived {
    std::array<double, 2> sensitivity{};  // §7 sens_v
    std::array<double, 2> restraint{};    // §9.2 R_v
    std::array<double, 2> fear_gain{};    // §7 g_eff_v
    std::array<std::array<double, RATE_PHASE_COUNT>, 2> drift{};  // §6 calm drift per day, by victim and phase
    double flip_logodds = 0;              // logit(belief_flip)
    WarHazards hazards;                   // §9.4, per day
  };
  // An incident's first reading, kept while its attribution or its decision is pending.
  struct IncidentReading {
    double time, logodds_at, q0, qc, multiplier, gain, sensitivity, severity;
    int victim, cause, refs;
    bool attributed, decided;
  };
  // The next threshold crossing (§3).
  struct Crossing {
    double time;
    int side;
    bool fear;  // true: fear falls below `threshold`; false: log-odds fall below it
    double threshold;
  };
  struct Dated {  // an event or injection of this trajectory, in time then name order
    double time;
    int rank;
    int index;
  };

  // trajectory.cpp
  void derive();
  void start(std::int64_t draw, std::int64_t index, std::uint64_t seed);
  void finish(std::size_t next_grid);

  // trajectory_timing.cpp
  void advance(double time);
  double fill_rates(double time);
  void plan_arrival(double time);
  void plan_war_end(double time);
  void plan_crossing();
  double next_window_edge(double time) const;

  // trajectory_acts.cpp
  void on_arrival();
  void on_incident(int type, bool deliberate, double severity, int cause);
  void on_attribution(const PendingItem& item);
  void on_decision(const PendingItem& item);
  void on_countermeasure(const PendingItem& item);
  void on_strike(const PendingItem& item);
  void on_signal(int signal);
  void schedule_decision(int side, int cause, double q, double severity, int reading);
  int new_reading(const IncidentReading& reading);
  void release_reading(int slot);

  // trajectory_turns.cpp
  void on_pending();
  void on_event(int event, double time);
  void on_injection(int injection);
  void on_war_end();
  void on_crossing();
  void start_war(int cause);
  void note_clash(int cause);
  void update_intents();
  void settle(int cause);

  const Scenario& scenario_;
  Parameters draw_;     // the draw as prepared
  Parameters params_;   // the draw, changed in place by `set` events
  bool params_dirty_ = false;
  Derived derived_;
  std::vector<int> event_rank_;      // name order of each event
  std::vector<int> events_by_name_;  // event indices in name order
  std::vector<Dated> injections_;
  std::vector<Dated> events_;    // this trajectory's events (random ones drawn at t = 0)

  // Rates of the current arrival draw, per year: incident types (accidental, deliberate),
  // then reassurance signals.
  std::vector<double> accidental_, deliberate_, signal_rate_;
  double total_rate_ = 0;

  // State of the current trajectory.
  TrajectoryRecord* out_ = nullptr;
  std::array<SideState, 2> sides_{};
  double now_ = 0;  // time of the last evaluation point: the state is as of now_
  int phase_ = 0;
  int max_phase_ = 0;
  bool at_war_ = false;
  bool nuclear_ = false;
  bool halted_ = false;  // runaway or nuclear: the history ends
  PendingQueue pending_;
  std::vector<IncidentReading> readings_;
  std::vector<int> free_readings_;
  std::size_t next_event_ = 0, next_injection_ = 0;
  double arrival_time_ = 0, edge_time_ = 0, war_end_time_ = 0;
  Crossing crossing_{};

  RandomStream initial_, arrivals_, attributes_, perception_, attribution_, decisions_, delays_, strikes_, war_,
      schedule_;
};

}  // namespace escalate
