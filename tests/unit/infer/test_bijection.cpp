// Bijections to the real line: round trips and log-Jacobians against numerical derivatives.
#include "escalate/infer/bijection.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate::infer;

TEST_CASE("Each prior's support gets the bijection that fits it", "[infer][bijection]") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(Bijection::of(Prior::normal(0, 1)).kind == Bijection::Kind::Identity);
  CHECK(Bijection::of(Prior::gamma(2, 1)).kind == Bijection::Kind::LowerBound);
  CHECK(Bijection::of(Prior::lognormal(2, 1)).kind == Bijection::Kind::LowerBound);
  CHECK(Bijection::of(Prior::beta(2, 1)).kind == Bijection::Kind::Interval);
  CHECK(Bijection::of(Prior::uniform(-3, 5)).kind == Bijection::Kind::Interval);
  CHECK(Bijection::of(Prior::truncated_normal(0, 1, -inf, 2)).kind == Bijection::Kind::UpperBound);
}

TEST_CASE("to_constrained inverts to_unconstrained and log_jacobian is log |dx/dz|", "[infer][bijection]") {
  const std::vector<Bijection> maps = {{Bijection::Kind::Identity, 0, 0},
                                       {Bijection::Kind::LowerBound, 2, 0},
                                       {Bijection::Kind::UpperBound, 0, -1},
                                       {Bijection::Kind::Interval, -3, 5}};
  for (const auto& b : maps) {
    for (double z : {-20.0, -3.0, -0.5, 0.0, 0.7, 4.0, 15.0}) {
      INFO("kind " << static_cast<int>(b.kind) << " z " << z);
      const double x = b.to_constrained(z);
      if (b.kind == Bijection::Kind::Interval) {
        CHECK(x > b.low);
        CHECK(x < b.high);
      }
      if (std::abs(z) < 10) CHECK(b.to_unconstrained(x) == Approx(z).margin(1e-9));
      // Central difference, step 1e-5: error O(1e-10) relative where x is not swamped by
      // the bound's rounding (|z| <= 4 here; the tails are checked in closed form below).
      const double h = 1e-5;
      const double slope = (b.to_constrained(z + h) - b.to_constrained(z - h)) / (2 * h);
      if (std::abs(z) <= 4) CHECK(b.log_jacobian(z) == Approx(std::log(std::abs(slope))).margin(1e-6));
    }
  }
  // Far in the tails the log-Jacobian keeps its closed form (no log of 0): log e^z = z for
  // the bounds, log(s(z) s(-z)) ~ -|z| for the unit interval.
  CHECK(Bijection{Bijection::Kind::LowerBound, 2, 0}.log_jacobian(-20.0) == -20.0);
  const Bijection unit{Bijection::Kind::Interval, 0, 1};
  CHECK(unit.log_jacobian(800.0) == Approx(-800.0).margin(1e-9));
  CHECK(unit.log_jacobian(-800.0) == Approx(-800.0).margin(1e-9));
}
