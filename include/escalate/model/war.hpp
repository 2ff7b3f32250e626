#pragma once
// Hazards of a war (docs/model.md §9.4).
#include "escalate/model/parameters.hpp"

#include <array>

namespace escalate {

// Per-day hazards while at war.
struct WarHazards {
  double ceasefire = 0;              // ceasefire_rate_per_year / 365
  std::array<double, 2> nuclear{};   // by side i with warheads: nuclear_use_rate_per_year / 365
                                     //   * (power_j / power_i) ^ nuclear_imbalance_exponent
  double total() const { return ceasefire + nuclear[0] + nuclear[1]; }
};

WarHazards war_hazards(const WarParams& war, const std::array<SideParams, 2>& sides);

// What ends a war when its hazard fires, chosen in proportion to the hazards.
enum class WarEnd : int { Ceasefire = -1, NuclearBySide0 = 0, NuclearBySide1 = 1 };
// `uniform` in (0, 1); requires total() > 0.
WarEnd war_end(const WarHazards& h, double uniform);

}  // namespace escalate
