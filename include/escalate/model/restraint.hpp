#pragma once
// Restraint on a side (docs/model.md §9.2).
#include "escalate/model/parameters.hpp"

namespace escalate {

// R_v = nuclear_weight ln(1 + warheads_u / nuclear_reference)
//     + conventional_weight max(0, ln(power_u / power_v))
//     + institutions_weight institutions + interdependence_weight interdependence
//     + european_autonomy_weight european_autonomy [v is the alliance side].
double restraint_on(const RestraintParams& r, const SideParams& self, const SideParams& other, bool self_is_alliance);

}  // namespace escalate
