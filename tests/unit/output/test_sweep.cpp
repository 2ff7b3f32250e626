#include "escalate/output/sweep.hpp"

#include "escalate/base/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;

TEST_CASE("each swept path names a netCDF dimension that is a Python identifier", "[sweep]") {
  CHECK(sweep_dimension_names({"restraint.institutions"}) == std::vector<std::string>{"restraint_institutions"});
  CHECK(sweep_dimension_names({"ladder.war.intercept.0"}) == std::vector<std::string>{"ladder_war_intercept_0"});
  CHECK(sweep_dimension_names({"incident.stray-missile.rate"}) == std::vector<std::string>{"incident_stray_missile_rate"});
  CHECK(sweep_dimension_names({"0.x"}) == std::vector<std::string>{"_0_x"});
  // Two paths that would share a name, and a name the group already has, get '_' appended.
  CHECK(sweep_dimension_names({"a.b-c", "a.b_c", "a-b.c"}) == std::vector<std::string>{"a_b_c", "a_b_c_", "a_b_c__"});
  CHECK(sweep_dimension_names({"grid.point"}) == std::vector<std::string>{"grid_point_"});
  for (const auto& name : sweep_dimension_names({"event.x y.set.\xC3\xA9\n.1"})) {
    for (char c : name) CHECK(((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'));
  }
}
