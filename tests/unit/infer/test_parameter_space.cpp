// The parameter space: the prior on the unconstrained scale is a density, prior draws
// follow it, names are checked.
#include "escalate/infer/parameter_space.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate::infer;

TEST_CASE("The prior density on the unconstrained scale integrates to one", "[infer][parameter_space]") {
  for (const Prior& prior : {Prior::beta(2, 5), Prior::gamma(0.7, 2), Prior::uniform(1, 4), Prior::triangular(0, 1, 4)}) {
    INFO(prior.text());
    const ParameterSpace space({{"p", prior}});
    const int n = 200000;
    const double lo = -40, hi = 40;
    double total = 0.0;
    for (int k = 0; k < n; ++k) total += std::exp(space.log_prior({lo + (hi - lo) * (k + 0.5) / n}));
    CHECK(total * (hi - lo) / n == Approx(1.0).epsilon(1e-4));
  }
}

TEST_CASE("Prior draws follow the prior and depend only on their key", "[infer][parameter_space]") {
  const ParameterSpace space({{"rate", Prior::gamma(3, 0.5)}, {"share", Prior::beta(2, 3)}});
  const int n = 20000;
  double mean_rate = 0, mean_share = 0;
  for (int i = 0; i < n; ++i) {
    const auto x = space.to_constrained(space.sample_unconstrained({42, 0, 0, static_cast<std::uint64_t>(i)}));
    mean_rate += x[0] / n;
    mean_share += x[1] / n;
  }
  // Standard errors: sqrt(12)/sqrt(n) = 0.024 and 0.2/sqrt(n) = 0.0014; 4 of them.
  CHECK(mean_rate == Approx(6.0).margin(0.1));
  CHECK(mean_share == Approx(0.4).margin(0.006));
  CHECK(space.sample_unconstrained({42, 0, 0, 7}) == space.sample_unconstrained({42, 0, 0, 7}));
  CHECK(space.sample_unconstrained({42, 0, 0, 7}) != space.sample_unconstrained({42, 0, 0, 8}));
  CHECK(space.names() == std::vector<std::string>{"rate", "share"});
}

TEST_CASE("A parameter space refuses duplicate, empty and improper parameters", "[infer][parameter_space]") {
  CHECK_THROWS_WITH(ParameterSpace({{"a", Prior::normal(0, 1)}, {"a", Prior::normal(0, 1)}}),
                    Catch::Contains("'a' is listed twice"));
  CHECK_THROWS_WITH(ParameterSpace({{"", Prior::normal(0, 1)}}), Catch::Contains("empty name"));
  CHECK_THROWS_WITH(ParameterSpace({{"w", Prior::gamma(-1, 1)}}), Catch::Contains("'w'"));
  CHECK_THROWS(ParameterSpace({}));
}
