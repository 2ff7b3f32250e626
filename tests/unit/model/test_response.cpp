#include "escalate/model/response.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

namespace {
ResponseParams zero_weights(double war, double cm) {
  ResponseParams p{};
  p.war_intercept = war;
  p.countermeasure_intercept = cm;
  return p;
}
}  // namespace

TEST_CASE("With all weights 0 the war probability is the logistic of the intercept (MODEL.md 14)", "[response]") {
  auto p = response_probabilities(zero_weights(-1.0, -1e9), {2.0, 5.0, 3.0, true, 0.0});
  CHECK(p.war == Approx(std::exp(-1.0) / (1 + std::exp(-1.0))).epsilon(1e-14));
  CHECK(p.countermeasure == 0.0);
  CHECK(p.war + p.countermeasure + p.restraint == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("Utilities follow MODEL.md 9 term by term", "[response]") {
  ResponseParams p{};
  p.war_intercept = -3;
  p.countermeasure_intercept = -1;
  p.weight_attribution = 0.5;
  p.weight_severity = 2;
  p.weight_fear = 0.25;
  p.weight_offensive = 1.5;
  ResponseInput in{1.2, 2.0, 0.8, true, 0.7};
  double u_war = -3 + 0.5 * 1.2 + 2 * std::log(2.0) + 0.25 * 0.8 + 1.5 - 0.7;
  double u_cm = -1 + 0.5 * 1.2 + 0.25 * 0.8;
  double z = std::exp(u_war) + std::exp(u_cm) + 1;
  auto r = response_probabilities(p, in);
  CHECK(r.war == Approx(std::exp(u_war) / z).epsilon(1e-13));
  CHECK(r.countermeasure == Approx(std::exp(u_cm) / z).epsilon(1e-13));
  // Huge utilities do not overflow.
  p.war_intercept = 1e6;
  r = response_probabilities(p, in);
  CHECK(r.war == 1.0);
}

TEST_CASE("Restraint adds the paper's factors with European autonomy only on the alliance", "[response]") {
  RestraintParams r{1.0, 1000.0, 0.5, 0.2, 2.0, 0.3, 1.0, 0.4, 1.5};
  SideParams russia{}, nato{};
  russia.conventional_power = 86.4;
  russia.nuclear_warheads = 5977;
  nato.conventional_power = 1232;
  nato.nuclear_warheads = 5943;
  double on_russia = std::log(1 + 5943 / 1000.0) + 0.5 * std::log(1232 / 86.4) + 0.4 + 0.3;
  double on_nato = std::log(1 + 5977 / 1000.0) + 0.0 + 0.4 + 0.3 + 0.6;
  CHECK(restraint_on(r, russia, nato, false) == Approx(on_russia).epsilon(1e-14));
  CHECK(restraint_on(r, nato, russia, true) == Approx(on_nato).epsilon(1e-14));
}

TEST_CASE("choose_response partitions the unit interval by the probabilities", "[response]") {
  ResponseProbabilities p{0.2, 0.3, 0.5};
  CHECK(choose_response(p, 0.1) == Response::War);
  CHECK(choose_response(p, 0.2) == Response::Countermeasure);
  CHECK(choose_response(p, 0.49) == Response::Countermeasure);
  CHECK(choose_response(p, 0.5) == Response::Restraint);
}
