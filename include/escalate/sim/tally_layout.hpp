#pragma once
// The one description of a run's tallies: a flat buffer of integer counts cut into named
// slices. Merging (threads, shards, resume), the MPI reduction, and the `state/` group of
// a result file (write and read) all walk this description; nothing else spells it out.
//
// The buffer holds one block of run-wide counts, then one block per draw, then one block
// per batch:  [ run | draw 0 | ... | draw M-1 | batch 0 | ... | batch B-1 ].
// Integers add exactly in any order, so every way of combining runs gives the same bits.
#include "escalate/model/scenario.hpp"
#include "escalate/sim/batch_layout.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

enum class TallyScope { Run, Draw, Batch };

// A slice's name and shape; what its axes are called in a file, and its long name, are
// the output layer's (output/tally_names.hpp).
struct TallySlice {
  std::string name;                 // dataset name under state/
  TallyScope scope;
  std::vector<std::int64_t> shape;  // of one instance
  std::int64_t offset = 0;          // within its scope's block
  std::int64_t size() const;        // elements of one instance
};

// Every slice of the layout, in the order TallyLayout adds them. Code names a slice by its
// id (an index: no string compared in a loop, and a misspelt id does not compile); the
// name is what a file calls it (state/<name>).
enum class TallyId : int {
  Occupancy, Reached, ClashByTime, Incidents, Decisions, WarCause, SpiralCause, ClashCause, NuclearBySide,
  WarDurations, WarDurationsCensored, Counters,
  DrawWarByTime, DrawReached, DrawClash, DrawIncidents, DrawIncidentDecisions, DrawActOffspring, DrawRunaways,
  DrawTrajectories,
  BatchDone, BatchOutcome,
  Count
};

// Labels of the small state-only dimensions (state/counter, state/batch_field) and the
// bins of the war-duration histogram.
enum Counter : int {
  TRAJECTORIES = 0, EVALUATIONS, COUNTERMEASURES, STRIKES, SIGNALS, WARS, CEASEFIRES, WARS_CENSORED,
  ATTRIBUTIONS_SCHEDULED, ATTRIBUTIONS_ARRIVED, ATTRIBUTIONS_BEFORE_DECISION, INJECTIONS_IGNORED, RUNAWAYS,
  COUNTER_COUNT
};
inline const std::vector<std::string> COUNTER_NAMES = {
    "trajectories", "evaluations", "countermeasures", "strikes", "signals", "wars", "ceasefires", "wars_censored",
    "attributions_scheduled", "attributions_arrived", "attributions_before_decision", "injections_ignored", "runaways"};
inline const std::vector<std::string> BATCH_FIELD_NAMES = {"trajectories", "war", "spiral", "nuclear", "clash"};
// Lower edges (days) of the bins of war durations; the last bin is open.
inline const std::vector<double> WAR_DURATION_EDGES = {0, 7, 14, 30, 60, 90, 180, 365, 730, 1825};
inline const std::vector<std::string> RATE_PHASE_NAMES = {"dormant", "activated", "deep", "spiral"};

class TallyLayout {
 public:
  TallyLayout() = default;
  TallyLayout(const Scenario& scenario, const BatchLayout& batches, std::int64_t draws);

  const std::vector<TallySlice>& slices() const { return slices_; }
  const TallySlice& slice(const std::string& name) const;  // throws std::out_of_range
  const TallySlice& slice(TallyId id) const { return slices_[static_cast<std::size_t>(id)]; }

  std::int64_t run_block() const { return block_[0]; }
  std::int64_t draw_block() const { return block_[1]; }
  std::int64_t batch_block() const { return block_[2]; }
  std::int64_t draws() const { return draws_; }
  std::int64_t grid_days() const { return grid_days_; }
  std::int64_t batches() const { return batches_; }
  std::int64_t total() const { return block_[0] + draws_ * block_[1] + batches_ * block_[2]; }

  // Where instance `i` (draw m, batch b; 0 for run slices) of a slice starts in the buffer.
  std::int64_t start(const TallySlice& s, std::int64_t i = 0) const;

 private:
  void add(TallyId id, TallySlice slice);  // in the order of TallyId
  std::vector<TallySlice> slices_;
  std::int64_t block_[3] = {0, 0, 0};
  std::int64_t draws_ = 0, batches_ = 0, grid_days_ = 1;
};

}  // namespace escalate
