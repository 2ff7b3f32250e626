#include "escalate/model/restraint.hpp"

#include <algorithm>
#include <cmath>

namespace escalate {

double restraint_on(const RestraintParams& r, const SideParams& self, const SideParams& other, bool self_is_alliance) {
  double value = r.nuclear_weight * std::log1p(other.nuclear_warheads / r.nuclear_reference) +
                 r.conventional_weight * std::max(0.0, std::log(other.conventional_power / self.conventional_power)) +
                 r.institutions_weight * r.institutions + r.interdependence_weight * r.interdependence;
  if (self_is_alliance) value += r.european_autonomy_weight * r.european_autonomy;
  return value;
}

}  // namespace escalate
