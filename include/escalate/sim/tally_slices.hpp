#pragma once
// The registration of every tally slice: one row (id, name, scope, axes) per count a run
// keeps. TallyLayout lays the rows out (offsets, blocks) with the axes' lengths from the
// scenario; BatchTally finds its slices by id; output names each axis in a file
// (output/tally_names.hpp) and publishes the run-scope counts it registers. A new count
// is one TallyId and one row here (in the same order), plus its increments in
// BatchTally::add (sim/tally.cpp).
#include <array>
#include <cstddef>

namespace escalate {

enum class TallyScope { Run, Draw, Batch };

// The axes of a slice. Their lengths come from the scenario (TallyLayout: Time = grid
// points, Incident = incident types, Cause = causes, ...), what a file calls them from
// output. None fills the unused places of a slice of fewer than two axes.
enum class TallyAxis : int {
  None, Time, Phase, RatePhase, Incident, Cause, Rung, Side, DurationBin, Counter, RatioPart, BatchField,
  Count
};

// Every slice, in the order of TALLY_SLICES. Code names a slice by its id (an index: no
// string compared in a loop, and a misspelt id does not compile); the name is what a file
// calls it (state/<name>).
enum class TallyId : int {
  Occupancy, Reached, ClashByTime, Incidents, Decisions, WarCause, SpiralCause, ClashCause, NuclearBySide,
  WarDurations, WarDurationsCensored, Counters,
  DrawWarByTime, DrawReached, DrawClash, DrawIncidents, DrawIncidentDecisions, DrawActOffspring, DrawRunaways,
  DrawTrajectories,
  BatchDone, BatchOutcome,
  Count
};

struct TallySliceSpec {
  TallyId id;
  const char* name;                // dataset name under state/
  TallyScope scope;
  std::array<TallyAxis, 2> axes;   // of one instance; {} for a single count
};

namespace tally_slice_rows {
using I = TallyId;
using S = TallyScope;
using A = TallyAxis;
inline constexpr TallySliceSpec ROWS[] = {
    {I::Occupancy, "occupancy", S::Run, {A::Time, A::Phase}},
    {I::Reached, "reached", S::Run, {A::Time, A::Phase}},
    {I::ClashByTime, "clash_by_time", S::Run, {A::Time}},
    {I::Incidents, "incidents", S::Run, {A::Incident, A::RatePhase}},
    {I::Decisions, "decisions", S::Run, {A::Cause, A::Rung}},
    {I::WarCause, "war_cause", S::Run, {A::Cause}},
    {I::SpiralCause, "spiral_cause", S::Run, {A::Cause}},
    {I::ClashCause, "clash_cause", S::Run, {A::Cause}},
    {I::NuclearBySide, "nuclear_by_side", S::Run, {A::Side}},
    {I::WarDurations, "war_durations", S::Run, {A::DurationBin}},
    {I::WarDurationsCensored, "war_durations_censored", S::Run, {A::DurationBin}},
    {I::Counters, "counters", S::Run, {A::Counter}},
    {I::DrawWarByTime, "draw_war_by_time", S::Draw, {A::Time}},
    {I::DrawReached, "draw_reached", S::Draw, {A::Phase}},
    {I::DrawClash, "draw_clash", S::Draw, {}},
    {I::DrawIncidents, "draw_incidents", S::Draw, {A::Incident}},
    {I::DrawIncidentDecisions, "draw_incident_decisions", S::Draw, {A::Incident, A::Rung}},  // decisions on random incidents
    {I::DrawActOffspring, "draw_act_offspring", S::Draw, {A::RatioPart}},
    {I::DrawRunaways, "draw_runaways", S::Draw, {}},
    {I::DrawTrajectories, "draw_trajectories", S::Draw, {}},
    {I::BatchDone, "batch_done", S::Batch, {}},
    {I::BatchOutcome, "batch_outcome", S::Batch, {A::BatchField}},
};
}  // namespace tally_slice_rows

inline constexpr const auto& TALLY_SLICES = tally_slice_rows::ROWS;

// Row k is the slice of TallyId k, and every TallyId has a row: checked when compiling.
constexpr bool tally_slices_in_order() {
  constexpr std::size_t n = std::size(tally_slice_rows::ROWS);
  if (n != static_cast<std::size_t>(TallyId::Count)) return false;
  for (std::size_t k = 0; k < n; ++k) {
    if (static_cast<std::size_t>(tally_slice_rows::ROWS[k].id) != k) return false;
  }
  return true;
}
static_assert(tally_slices_in_order(), "TALLY_SLICES: one row per TallyId, in its order");

constexpr const TallySliceSpec& tally_slice_spec(TallyId id) { return TALLY_SLICES[static_cast<std::size_t>(id)]; }

}  // namespace escalate
