#pragma once
// A run's integer tallies in the one layout of tally_layout.hpp, and the small tally one
// batch fills from its trajectories' records.
#include "escalate/model/trajectory_record.hpp"
#include "escalate/sim/tally_layout.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace escalate {

struct RunTally {
  TallyLayout layout;
  std::vector<std::int64_t> counts;  // [layout.total()]

  RunTally() = default;
  explicit RunTally(TallyLayout l) : layout(std::move(l)), counts(static_cast<std::size_t>(layout.total()), 0) {}

  // Instance i of a slice (i: the draw or the batch; 0 for run slices). The engine names a
  // slice by its TallyId (an index); by name (a search of the layout) is for tests and tools.
  std::span<std::int64_t> at(TallyId id, std::int64_t i = 0) { return span_of(layout.slice(id), i); }
  std::span<const std::int64_t> at(TallyId id, std::int64_t i = 0) const { return span_of(layout.slice(id), i); }
  std::int64_t value(TallyId id, std::int64_t i = 0, std::int64_t k = 0) const { return at(id, i)[static_cast<std::size_t>(k)]; }
  std::span<std::int64_t> at(const std::string& name, std::int64_t i = 0) { return span_of(layout.slice(name), i); }
  std::span<const std::int64_t> at(const std::string& name, std::int64_t i = 0) const { return span_of(layout.slice(name), i); }
  std::int64_t value(const std::string& name, std::int64_t i = 0, std::int64_t k = 0) const { return at(name, i)[static_cast<std::size_t>(k)]; }

  void merge_from(const RunTally& other);  // element-wise sum: exact in any order
  bool batch_done(std::int64_t b) const { return value(TallyId::BatchDone, b) != 0; }
  bool complete() const;                   // every batch done

 private:
  std::span<std::int64_t> span_of(const TallySlice& s, std::int64_t i) {
    return {counts.data() + layout.start(s, i), static_cast<std::size_t>(s.size())};
  }
  std::span<const std::int64_t> span_of(const TallySlice& s, std::int64_t i) const {
    return {counts.data() + layout.start(s, i), static_cast<std::size_t>(s.size())};
  }
};

// What one batch's trajectories did: a run block and the block of its draw. The slices'
// offsets are read from the layout once, by TallyId, so adding a trajectory is a handful
// of increments.
class BatchTally {
 public:
  explicit BatchTally(const TallyLayout& layout);
  void clear();
  void add(const TrajectoryRecord& r);
  // Adds this batch's counts to `run` as batch b of draw m, and marks the batch done.
  void fold_into(RunTally& run, std::int64_t m, std::int64_t b) const;

 private:
  const TallyLayout* layout_;
  std::vector<std::int64_t> run_, draw_;
  // Where each slice starts in its scope's block (run_ or draw_), by TallyId.
  std::array<std::int64_t, static_cast<std::size_t>(TallyId::Count)> offset_{};
  std::int64_t incident_causes_;  // K: decisions with a cause below K answered an incident
};

}  // namespace escalate
