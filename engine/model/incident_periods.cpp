#include "escalate/model/incident_periods.hpp"

#include <stdexcept>

namespace escalate {

void IncidentPeriods::set(std::span<const double> starts, std::span<const double> ends) {
  if (starts.size() != ends.size()) throw std::invalid_argument("incident periods: as many starts as ends are needed");
  for (std::size_t p = 0; p < starts.size(); ++p)
    if (!(starts[p] <= ends[p])) throw std::invalid_argument("incident periods: a period ends before it starts");
  starts_.assign(starts.begin(), starts.end());
  ends_.assign(ends.begin(), ends.end());
}

void IncidentPeriods::arrived(TrajectoryRecord& out, std::size_t type, double day) const {
  const std::size_t P = starts_.size();
  for (std::size_t p = 0; p < P; ++p)
    if (holds(p, day)) ++out.period_incidents[(type * P + p) * PERIOD_SLOTS + UNDECIDED_SLOT];
}

void IncidentPeriods::decided(TrajectoryRecord& out, std::size_t type, double day, int rung) const {
  const std::size_t P = starts_.size();
  for (std::size_t p = 0; p < P; ++p) {
    if (!holds(p, day)) continue;
    std::uint32_t* row = &out.period_incidents[(type * P + p) * PERIOD_SLOTS];
    --row[UNDECIDED_SLOT];
    ++row[static_cast<std::size_t>(rung)];
  }
}

}  // namespace escalate
