// What a file calls the tallies (tally_names.hpp).
#include "escalate/output/tally_names.hpp"

#include "escalate/sim/tally_layout.hpp"

#include <stdexcept>

namespace escalate {

namespace {
// One dimension name per TallyAxis, in its order (None has none).
const std::vector<std::string> AXIS_DIMENSIONS = {
    "", "time", "phase", "incident_phase", "incident", "cause", "rung", "side", "duration_bin",
    "state/counter", "state/ratio_part", "state/batch_field"};

std::vector<TallyNames> all_tally_names() {
  if (AXIS_DIMENSIONS.size() != static_cast<std::size_t>(TallyAxis::Count)) {
    throw std::logic_error("output/tally_names.cpp: one dimension name per TallyAxis");
  }
  std::vector<TallyNames> out;
  for (const TallySliceSpec& spec : TALLY_SLICES) {
    TallyNames names{spec.id, {}, "integer tally (mergeable state)"};
    for (TallyAxis axis : spec.axes) if (axis != TallyAxis::None) names.dims.push_back(axis_dimension(axis));
    if (spec.id == TallyId::BatchDone) names.long_name = "1 where the batch is in the tallies";
    out.push_back(std::move(names));
  }
  return out;
}
}  // namespace

const std::string& axis_dimension(TallyAxis axis) { return AXIS_DIMENSIONS.at(static_cast<std::size_t>(axis)); }

const TallyNames& tally_names(TallyId id) {
  static const std::vector<TallyNames> names = all_tally_names();
  return names.at(static_cast<std::size_t>(id));
}

// The run-wide counts a result file publishes as they are, in the order they are written.
const std::vector<CountDataset> COUNT_DATASETS = {
    {TallyId::Incidents, "incident_count", "incidents by type and by the phase in which they happened (all trajectories)"},
    {TallyId::Decisions, "decisions", "decisions by the cause of the act decided on and the rung chosen"},
    {TallyId::WarCause, "war_trigger", "wars by the cause of the act whose decision started them"},
    {TallyId::SpiralCause, "spiral_trigger", "first entries into spiral (or beyond) by cause"},
    {TallyId::ClashCause, "clash_trigger", "first clashes by the cause of the act decided on"},
    {TallyId::NuclearBySide, "nuclear_by_side", "trajectories in which this side used nuclear weapons first"},
    {TallyId::WarDurations, "war_durations", "wars that ended (ceasefire or nuclear use), by duration"},
    {TallyId::WarDurationsCensored, "war_durations_censored", "wars still going at the horizon, by duration so far"},
};

const std::vector<StateDimension> STATE_DIMENSIONS = {
    {"state/counter", COUNTER_NAMES, "run-wide counter"},
    {"state/batch_field", BATCH_FIELD_NAMES, "batch outcome"},
    {"state/ratio_part", {"numerator", "denominator"}, "part of the act offspring ratio (acts answering acts / decisions on acts)"},
};

}  // namespace escalate
