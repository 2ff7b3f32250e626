#include "escalate/model/war.hpp"

#include <cmath>

namespace escalate {

WarHazards war_hazards(const WarParams& war, const std::array<SideParams, 2>& sides) {
  WarHazards h;
  h.ceasefire = war.ceasefire_rate_per_year / 365.0;
  for (int i = 0; i < 2; ++i) {
    const SideParams& self = sides[static_cast<std::size_t>(i)];
    const SideParams& other = sides[static_cast<std::size_t>(1 - i)];
    if (!(self.nuclear_warheads > 0.0)) continue;
    // The side losing the conventional war (weaker) is the one pushed toward nuclear use.
    h.nuclear[static_cast<std::size_t>(i)] =
        war.nuclear_use_rate_per_year / 365.0 *
        std::pow(other.conventional_power / self.conventional_power, war.nuclear_imbalance_exponent);
  }
  return h;
}

WarEnd war_end(const WarHazards& h, double uniform) {
  // Ceasefire first, then side 0's and side 1's nuclear use; a zero hazard is never picked.
  double pick = uniform * h.total();
  if (h.ceasefire > 0.0 && (pick < h.ceasefire || (h.nuclear[0] <= 0.0 && h.nuclear[1] <= 0.0))) return WarEnd::Ceasefire;
  pick -= h.ceasefire;
  if (h.nuclear[0] > 0.0 && (pick < h.nuclear[0] || h.nuclear[1] <= 0.0)) return WarEnd::NuclearBySide0;
  return WarEnd::NuclearBySide1;
}

}  // namespace escalate
