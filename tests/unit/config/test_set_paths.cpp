#include "escalate/base/error.hpp"
#include "escalate/config/config.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstddef>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("Event set paths resolve, quoted or as nested tables", "[config]") {
  std::string event =
      "seed = 14\n[event.hotline]\nday = 10\nside = \"nato\"\ndescription = \"a dialogue channel\"\n"
      "set = { \"incident.accident.clarification\" = 0.8, incident.accident.accidental_rate.2 = { dist = \"uniform\", low = 1.0, high = 2.0 } }\n";
  Config c = load_config(closed_form_with("seed = 14", event));
  REQUIRE(c.scenario.events.size() == 1);
  REQUIRE(c.scenario.events[0].sets.size() == 2);
  CHECK(c.scenario.events[0].name == "hotline");
  REQUIRE(c.uncertain.size() == 1);
  CHECK(c.uncertain[0].path == "event.hotline.set.incident.accident.accidental_rate.2");
}

TEST_CASE("A set path targets the very number it names", "[config][set_paths]") {
  std::string event =
      "seed = 14\n[event.e]\nday = 10\nside = \"nato\"\n"
      "set = { \"sides.russia.bias\" = 2.5, \"incident.accident.deliberate_rate\" = [0.1, 0.2, 0.3, 0.4], "
      "\"response.intercept.3\" = -3.0, \"war.ceasefire_rate_per_year\" = 2.0 }\n";
  Config c = load_config(closed_form_with("seed = 14", event));
  REQUIRE(c.scenario.events.size() == 1);
  const auto& sets = c.scenario.events[0].sets;
  REQUIRE(sets.size() == 7);  // an array without an index sets all four phases
  Parameters p = c.fixed;
  for (std::size_t j = 0; j < sets.size(); ++j) p.at(sets[j].target) = p.event_sets[0][j];
  CHECK(p.sides[static_cast<std::size_t>(c.scenario.side_index("russia"))].bias == 2.5);
  CHECK(p.incidents[0].deliberate_rate[0] == 0.1);
  CHECK(p.incidents[0].deliberate_rate[3] == 0.4);
  CHECK(p.response.intercept[3] == -3.0);
  CHECK(p.response.intercept[2] == 0.0);
  CHECK(p.war.ceasefire_rate_per_year == 2.0);
  CHECK(sets[0].path == "incident.accident.deliberate_rate.0");  // toml++ keeps keys in name order
}

TEST_CASE("Set paths that cannot be honoured are errors", "[config][set_paths]") {
  auto with = [](const std::string& set) {
    return closed_form_with("seed = 14", "seed = 14\n[event.e]\nday = 10\nside = \"nato\"\nset = " + set + "\n", "set.toml");
  };
  auto expect = [](const std::string& path, std::initializer_list<std::string> fragments) {
    try {
      load_config(path);
      FAIL("no error");
    } catch (const ConfigError& e) {
      for (const auto& f : fragments) CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains(f));
    }
  };
  expect(with("{ \"sides.nato.initial_fear\" = 1.0 }"), {"event.e.set.sides.nato.initial_fear", "only matters at t = 0"});
  expect(with("{ \"sides.nato.bais\" = 1.0 }"), {"did you mean 'bias'"});
  expect(with("{ \"response.intercept.4\" = 1.0 }"), {"ladder step", "0..3"});
  expect(with("{ \"incident.accident.clarification\" = 1.5 }"), {"outside the allowed range"});
  expect(with("{ \"response.intercept.1\" = 1.0, response = { intercept = { \"1\" = 2.0 } } }"), {"set twice"});
  // Parsed by the registry's parser: an empty part or a stray character is named, and an
  // index has one spelling.
  expect(with("{ \"sides..bias\" = 1.0 }"), {"event.e.set.sides..bias", "empty part"});
  expect(with("{ \"sides.nato.bias \" = 1.0 }"), {"letters, digits, '-' and '_'"});
  expect(with("{ \"response.intercept.01\" = 1.0 }"), {"ladder step", "0..3"});
}
