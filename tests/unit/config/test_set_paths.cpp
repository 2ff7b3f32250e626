#include "escalate/config/config.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstddef>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("Event set paths resolve, quoted or as nested tables", "[config]") {
  std::string event =
      "seed = 14\n[[event]]\nday = 10\nside = \"nato\"\nlabel = \"hotline\"\n"
      "set = { \"sides.nato.clarification\" = 0.8, incident.accident.accidental_rate.2 = { dist = \"uniform\", low = 1.0, high = 2.0 } }\n";
  Config c = load_config(closed_form_with("seed = 14", event));
  REQUIRE(c.scenario.events.size() == 1);
  REQUIRE(c.scenario.events[0].sets.size() == 2);
  CHECK(c.scenario.events[0].label == "hotline");
  REQUIRE(c.uncertain.size() == 1);
  CHECK(c.uncertain[0].path == "event.0.set.incident.accident.accidental_rate.2");
}

TEST_CASE("A set path targets the very number it names", "[config][set_paths]") {
  std::string event =
      "seed = 14\n[[event]]\nday = 10\nside = \"nato\"\n"
      "set = { \"sides.russia.bias\" = 2.5, \"incident.accident.deliberate_rate\" = [0.1, 0.2, 0.3, 0.4], "
      "\"response.war_intercept\" = -3.0 }\n";
  Config c = load_config(closed_form_with("seed = 14", event));
  REQUIRE(c.scenario.events.size() == 1);
  const auto& sets = c.scenario.events[0].sets;
  REQUIRE(sets.size() == 6);  // an array without an index sets all four phases
  Parameters p = c.fixed;
  for (std::size_t j = 0; j < sets.size(); ++j) p.at(sets[j].target) = p.event_sets[0][j];
  CHECK(p.sides[static_cast<std::size_t>(c.scenario.side_index("russia"))].bias == 2.5);
  CHECK(p.incidents[0].deliberate_rate[0] == 0.1);
  CHECK(p.incidents[0].deliberate_rate[3] == 0.4);
  CHECK(p.response.war_intercept == -3.0);
  CHECK(sets[0].path == "incident.accident.deliberate_rate.0");  // toml++ keeps keys in name order
}
