#pragma once
// One trajectory of the phase model (MODEL.md §2-§10): an event-driven loop over
// Poisson arrivals, scheduled events, injections, countermeasure arrivals and grid points.
// It knows nothing of threads, accumulators or files: it fills a TrajectoryRecord.
#include "escalate/model/parameters.hpp"
#include "escalate/model/random_stream.hpp"
#include "escalate/model/scenario.hpp"
#include "escalate/model/side_state.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace escalate {

inline constexpr int MAX_CHAIN_TALLY = 4;  // chains are tallied as >= 1, 2, 3, 4 links

struct TrajectoryRecord {
  std::vector<std::uint8_t> phase_at_grid;      // [T] phase evaluated at each grid point
  std::vector<std::uint8_t> max_phase_at_grid;  // [T] running maximum over all evaluation points
  std::vector<std::uint32_t> incidents;         // [K * 5] incidents by type and phase
  std::uint32_t countermeasures = 0;            // countermeasure arrivals
  std::uint32_t longest_chain = 0;              // longest chain of countermeasures that arrived
  std::uint32_t signals = 0;                    // reassurance signals received
  std::uint64_t evaluations = 0;                // evaluation points processed (for benchmarks)
  bool war = false;
  bool nuclear = false;
  double war_day = 0;
  int war_cause = -1;     // cause index
  int spiral_cause = -1;  // cause index of the first evaluation at phase >= spiral
};

class Trajectory {
 public:
  Trajectory(const Scenario& scenario, std::uint64_t seed);

  // Sets the parameters of the draw that the next run() calls belong to.
  void prepare(const Parameters& draw);
  // Samples trajectory (draw, index) from its own random streams.
  void run(std::int64_t draw, std::int64_t index, TrajectoryRecord& out);

 private:
  struct Pending {  // a countermeasure on its way
    double time;
    std::uint64_t order;  // ties: first sent, first arrived
    int victim;           // who receives it
    std::uint32_t depth;  // 1: answers an incident; k + 1: answers a countermeasure of depth k
  };
  struct Derived {      // per-draw quantities, recomputed when an event `set`s something
    std::array<double, 2> sensitivity{};
    std::array<double, 2> restraint{};
    std::array<std::array<double, NUM_RATE_PHASES>, 2> deliberate_into{};  // per year, by victim
  };

  void derive();
  void advance(double time);
  double fill_rates(double time);  // rate per year of every process into rates_; returns the total
  void handle_arrival(double total_rate);  // uses rates_ as filled for the arrival's draw
  void handle_incident(int type, bool deliberate, double severity);
  void handle_countermeasure(int victim, std::uint32_t depth);
  void handle_event(int event);
  void handle_signal(int sender);
  void respond(int victim, double q, double severity, int cause, std::uint32_t depth = 0);
  void evaluate(int cause);      // an evaluation point: intents (MODEL.md 8), then the phase
  void update_intents();
  void settle_phase(int cause);  // MODEL.md 3, and the running maximum
  double next_window_edge(double after) const;

  const Scenario& scenario_;
  std::uint64_t seed_ = 0;
  const Parameters* draw_ = nullptr;
  Parameters params_;  // the draw, changed in place by `set` events
  bool params_dirty_ = false;
  Derived derived_;
  std::vector<int> event_order_, inject_order_;  // by day, then config order
  std::vector<double> rates_;                    // scratch: incident types, then reassurance senders
  std::vector<Pending> pending_;                 // min-heap on (time, order)
  std::uint64_t pending_sent_ = 0;

  // State of the current trajectory.
  std::array<SideState, 2> sides_{};
  double time_ = 0;
  int phase_ = DORMANT;
  int max_phase_ = DORMANT;
  TrajectoryRecord* out_ = nullptr;
  RandomStream arrivals_{0, RandomDomain::Arrivals, 0, 0};
  RandomStream attributes_{0, RandomDomain::IncidentAttributes, 0, 0};
  RandomStream perception_{0, RandomDomain::Perception, 0, 0};
  RandomStream decisions_{0, RandomDomain::Decisions, 0, 0};
  RandomStream delays_{0, RandomDomain::Delays, 0, 0};
};

}  // namespace escalate
