#pragma once
// Incidents by period of arrival and the rung of the decision on them (the record's terms,
// issue 19): an optional list of half-open periods [start, end) in days. When it is empty
// nothing is counted and the trajectory is exactly what it is without it; when set, each
// incident of type k arriving at day t counts in TrajectoryRecord::period_incidents at
// [k][p][5] (not decided yet) for every period p holding t, and moves to [k][p][rung] when
// the decision on it is taken. An incident whose decision never comes (a war cleared the
// pending items, or it was still pending at the horizon, a runaway or a stop) stays in
// slot 5. Periods may overlap: an incident counts once in each period that holds it.
#include "escalate/model/trajectory_record.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace escalate {

inline constexpr std::size_t PERIOD_SLOTS = 6;  // rungs 0..4, then "never decided"
inline constexpr std::size_t UNDECIDED_SLOT = 5;

class IncidentPeriods {
 public:
  // Replaces the periods (starts[p] <= ends[p]; sizes must match: std::invalid_argument).
  void set(std::span<const double> starts, std::span<const double> ends);
  bool active() const { return !starts_.empty(); }
  std::size_t size() const { return starts_.size(); }

  // An incident of `type` arrived at `day`: counted as not decided in every period holding it.
  void arrived(TrajectoryRecord& out, std::size_t type, double day) const;
  // The decision on the incident of `type` that arrived at `day` chose `rung`.
  void decided(TrajectoryRecord& out, std::size_t type, double day, int rung) const;

 private:
  bool holds(std::size_t p, double day) const { return starts_[p] <= day && day < ends_[p]; }
  std::vector<double> starts_, ends_;
};

}  // namespace escalate
