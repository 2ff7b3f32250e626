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
#include "escalate/sim/tally_slices.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

// A slice laid out: its registration (tally_slices.hpp) with the lengths of its axes in
// this scenario and its place in its scope's block. What its axes are called in a file,
// and its long name, are the output layer's (output/tally_names.hpp).
struct TallySlice {
  std::string name;                 // dataset name under state/
  TallyScope scope;
  std::vector<TallyAxis> axes;      // of one instance
  std::vector<std::int64_t> shape;  // of one instance: the lengths of the axes
  std::int64_t offset = 0;          // within its scope's block
  std::int64_t size() const;        // elements of one instance
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

  // The length of an axis in this layout's scenario.
  std::int64_t length(TallyAxis axis) const { return axis_length_[static_cast<std::size_t>(axis)]; }
  // Where instance `i` (draw m, batch b; 0 for the run) of a scope's block starts in the buffer.
  std::int64_t block_start(TallyScope scope, std::int64_t i = 0) const;
  // Where instance `i` (draw m, batch b; 0 for run slices) of a slice starts in the buffer.
  std::int64_t start(const TallySlice& s, std::int64_t i = 0) const { return block_start(s.scope, i) + s.offset; }

 private:
  void add(const TallySliceSpec& spec);  // in the order of TallyId
  std::vector<TallySlice> slices_;
  std::int64_t block_[3] = {0, 0, 0};
  std::int64_t draws_ = 0, batches_ = 0, grid_days_ = 1;
  std::vector<std::int64_t> axis_length_;  // [TallyAxis::Count]
};

}  // namespace escalate
