#pragma once
// The one home of the names the engine's enums and positions stand for, as files, tables
// and `escalate names --json` spell them. The model keeps its enums (Phase, Rung,
// BuiltinCause); element i here is the name of value i there (tests/unit/config/test_names.cpp
// holds them together). Python reads them from `escalate names --json` instead of copying.
#include <array>
#include <string_view>

namespace escalate::names {

// MODEL §1, §3: the phases in order (a running maximum is the `reached` rule).
inline constexpr std::array<std::string_view, 6> PHASES = {"dormant", "activated", "deep", "spiral", "war", "nuclear"};
// §4: incident rates are given for the first four phases.
inline constexpr std::array<std::string_view, 4> RATE_PHASES = {"dormant", "activated", "deep", "spiral"};
// §9.1: the rungs of the escalation ladder.
inline constexpr std::array<std::string_view, 5> RUNGS = {"none", "protest", "countermeasure", "limited_strike", "war"};
// The built-in causes, after a scenario's incident types (Scenario::cause_names).
inline constexpr std::array<std::string_view, 6> BUILTIN_CAUSES = {"countermeasure", "strike", "inject",
                                                                   "event", "initial", "reassurance"};

// The fields of a batch's outcome (state/batch_outcome[batch, field]): trajectories, and
// how many of them reached war, spiral or nuclear use, or had a clash.
enum BatchOutcomeField : int { BATCH_TRAJECTORIES = 0, BATCH_WAR, BATCH_SPIRAL, BATCH_NUCLEAR, BATCH_CLASH };
inline constexpr std::array<std::string_view, 5> BATCH_OUTCOME_FIELDS = {"trajectories", "war", "spiral", "nuclear", "clash"};

// The outcomes a comparison pairs, in its `outcome` dimension.
inline constexpr std::array<std::string_view, 4> COMPARED_OUTCOMES = {"war", "clash", "spiral", "nuclear"};

}  // namespace escalate::names
