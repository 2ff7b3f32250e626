// The state group's names of the tally slices (tally_names.hpp).
#include "escalate/output/tally_names.hpp"

#include <stdexcept>

namespace escalate {

namespace {
const char* const TALLY_COUNT = "integer tally (mergeable state)";
const std::vector<TallyNames> TALLY_NAMES = {
    {TallyId::Occupancy, {"time", "phase"}, TALLY_COUNT},
    {TallyId::Reached, {"time", "phase"}, TALLY_COUNT},
    {TallyId::ClashByTime, {"time"}, TALLY_COUNT},
    {TallyId::Incidents, {"incident", "incident_phase"}, TALLY_COUNT},
    {TallyId::Decisions, {"cause", "rung"}, TALLY_COUNT},
    {TallyId::WarCause, {"cause"}, TALLY_COUNT},
    {TallyId::SpiralCause, {"cause"}, TALLY_COUNT},
    {TallyId::ClashCause, {"cause"}, TALLY_COUNT},
    {TallyId::NuclearBySide, {"side"}, TALLY_COUNT},
    {TallyId::WarDurations, {"duration_bin"}, TALLY_COUNT},
    {TallyId::WarDurationsCensored, {"duration_bin"}, TALLY_COUNT},
    {TallyId::Counters, {"state/counter"}, TALLY_COUNT},
    {TallyId::DrawWarByTime, {"time"}, TALLY_COUNT},
    {TallyId::DrawReached, {"phase"}, TALLY_COUNT},
    {TallyId::DrawClash, {}, TALLY_COUNT},
    {TallyId::DrawIncidents, {"incident"}, TALLY_COUNT},
    {TallyId::DrawIncidentDecisions, {"incident", "rung"}, TALLY_COUNT},
    {TallyId::DrawActOffspring, {"state/ratio_part"}, TALLY_COUNT},
    {TallyId::DrawRunaways, {}, TALLY_COUNT},
    {TallyId::DrawTrajectories, {}, TALLY_COUNT},
    {TallyId::BatchDone, {}, "1 where the batch is in the tallies"},
    {TallyId::BatchOutcome, {"state/batch_field"}, TALLY_COUNT},
};
}  // namespace

const TallyNames& tally_names(TallyId id) {
  const auto k = static_cast<std::size_t>(id);
  if (TALLY_NAMES.size() != static_cast<std::size_t>(TallyId::Count) || TALLY_NAMES[k].id != id) {
    throw std::logic_error("output/tally_names.cpp: the names are not in TallyId's order");
  }
  return TALLY_NAMES[k];
}

const std::vector<StateDimension> STATE_DIMENSIONS = {
    {"state/counter", COUNTER_NAMES, "run-wide counter"},
    {"state/batch_field", BATCH_FIELD_NAMES, "batch outcome"},
    {"state/ratio_part", {"numerator", "denominator"}, "part of the act offspring ratio (acts answering acts / decisions on acts)"},
};

}  // namespace escalate
