#include "escalate/model/scenario.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

TEST_CASE("causes are the incident types, then the built-in causes", "[scenario]") {
  Scenario s;
  s.horizon_days = 360;
  s.grid_days = 30;
  s.incidents = {{"airspace", 1, 0}, {"sabotage", 0, 1}};
  const std::vector<std::string> expected = {"airspace", "sabotage", "countermeasure", "strike",
                                             "inject",   "event",    "initial",        "reassurance"};
  CHECK(s.cause_names() == expected);
  CHECK(s.cause_count() == 8);
  CHECK(s.cause_index(BuiltinCause::Countermeasure) == 2);
  CHECK(s.cause_index(BuiltinCause::Reassurance) == 7);
  CHECK(s.grid_points() == 13);
}
