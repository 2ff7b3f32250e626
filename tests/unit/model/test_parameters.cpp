#include "escalate/model/parameters.hpp"

#include <catch2/catch.hpp>

#include <cstddef>

using namespace escalate;

TEST_CASE("ParamRef addresses one double of every section", "[parameters]") {
  Parameters p;
  p.incidents.resize(2);
  p.reassurance.resize(1);
  p.events.resize(2);
  p.event_sets = {{1.0}, {2.0, 3.0}};
  p.injects.resize(1);

  p.at({Section::Model, 0, offsetof(ModelParams, belief_flip), 0}) = 0.7;
  CHECK(p.model.belief_flip == 0.7);
  p.at({Section::Side, 1, offsetof(SideParams, decision_delay_days), 0}) = 2.5;
  CHECK(p.sides[1].decision_delay_days == 2.5);
  CHECK(p.sides[0].decision_delay_days == 0.0);
  p.at({Section::Response, 0, offsetof(ResponseParams, weight_fear), 3}) = 4.0;
  CHECK(p.response.weight_fear[3] == 4.0);
  CHECK(p.response.weight_fear[2] == 0.0);
  p.at({Section::Response, 0, offsetof(ResponseParams, strike_severity_sigma), 0}) = 0.25;
  CHECK(p.response.strike_severity_sigma == 0.25);
  p.at({Section::War, 0, offsetof(WarParams, nuclear_imbalance_exponent), 0}) = 1.5;
  CHECK(p.war.nuclear_imbalance_exponent == 1.5);
  p.at({Section::Restraint, 0, offsetof(RestraintParams, european_autonomy), 0}) = 0.4;
  CHECK(p.restraint.european_autonomy == 0.4);
  p.at({Section::Incident, 1, offsetof(IncidentParams, deliberate_rate), 2}) = 9.0;
  CHECK(p.incidents[1].deliberate_rate[2] == 9.0);
  CHECK(p.incidents[0].deliberate_rate[2] == 0.0);
  p.at({Section::Incident, 0, offsetof(IncidentParams, attribution_error), 0}) = 0.1;
  CHECK(p.incidents[0].attribution_error == 0.1);
  p.at({Section::Reassurance, 0, offsetof(ReassuranceParams, end_day), 0}) = 99.0;
  CHECK(p.reassurance[0].end_day == 99.0);
  p.at({Section::Event, 1, offsetof(EventParams, belief_logodds), 0}) = -2.0;
  CHECK(p.events[1].belief_logodds == -2.0);
  CHECK(p.at({Section::EventSet, 1, 0, 1}) == 3.0);
  p.at({Section::Inject, 0, offsetof(InjectParams, severity), 0}) = 5.0;
  CHECK(p.injects[0].severity == 5.0);

  const Parameters& c = p;
  CHECK(c.at({Section::Side, 1, offsetof(SideParams, decision_delay_days), 0}) == 2.5);
}
