#include "escalate/model/parameters.hpp"
#include "escalate/model/scenario.hpp"

#include <catch2/catch.hpp>

#include <cstddef>

using namespace escalate;

TEST_CASE("A ParamRef addresses one number of a draw's parameters", "[parameters]") {
  Parameters p;
  p.incidents.resize(2);
  p.events.resize(1);
  p.event_sets = {{0.0, 0.0}};
  p.injects.resize(1);
  p.at({Section::Side, 1, offsetof(SideParams, bias), 0}) = 1.25;
  p.at({Section::Incident, 1, offsetof(IncidentParams, deliberate_rate), 3}) = 7.0;
  p.at({Section::Model, 0, offsetof(ModelParams, belief_flip), 0}) = 0.7;
  p.at({Section::EventSet, 0, 0, 1}) = 9.0;
  p.at({Section::Inject, 0, offsetof(InjectParams, severity), 0}) = 2.0;
  CHECK(p.sides[1].bias == 1.25);
  CHECK(p.sides[0].bias == 0.0);
  CHECK(p.incidents[1].deliberate_rate[3] == 7.0);
  CHECK(p.incidents[1].deliberate_rate[2] == 0.0);
  CHECK(p.incidents[0].deliberate_rate[3] == 0.0);
  CHECK(p.model.belief_flip == 0.7);
  CHECK(p.event_sets[0][1] == 9.0);
  CHECK(p.injects[0].severity == 2.0);
}

TEST_CASE("Causes are the incident names, then the built-in mechanisms", "[scenario]") {
  Scenario s;
  s.side_names = {"nato", "russia"};
  s.incidents = {{"drone", "", 0, 1}, {"cable", "", 0, 1}};
  auto names = cause_names(s);
  REQUIRE(names.size() == 2 + NUM_NON_INCIDENT_CAUSES);
  CHECK(names[0] == "drone");
  CHECK(names[static_cast<std::size_t>(cause_index(2, Cause::Countermeasure))] == "countermeasure");
  CHECK(s.side_index("russia") == 1);
  CHECK(s.side_index("Russia") == -1);
}
