#include "escalate/model/restraint.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

// Tolerance 1e-12: two logs and a few products.
TEST_CASE("restraint on a side (docs/model.md 9.2)", "[restraint]") {
  RestraintParams r{};
  r.nuclear_weight = 1.0;
  r.nuclear_reference = 1000.0;
  r.conventional_weight = 2.0;
  r.institutions = 0.4;
  r.institutions_weight = 0.5;
  r.interdependence = 2.0;
  r.interdependence_weight = 0.25;
  r.european_autonomy = 0.2;
  r.european_autonomy_weight = 3.0;
  SideParams weak{}, strong{};
  weak.conventional_power = 1.0;
  weak.nuclear_warheads = 1000.0;
  strong.conventional_power = 4.0;
  strong.nuclear_warheads = 3000.0;
  // Weak side facing the strong one, not the alliance: ln(1 + 3) + 2 ln 4 + 0.2 + 0.5.
  CHECK(restraint_on(r, weak, strong, false) == Approx(std::log(4.0) + 2 * std::log(4.0) + 0.7).margin(1e-12));
  // Strong side, the alliance: ln 2 + 0 (the other is weaker) + 0.7 + 0.6.
  CHECK(restraint_on(r, strong, weak, true) == Approx(std::log(2.0) + 1.3).margin(1e-12));
}
