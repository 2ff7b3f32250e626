// The summary of a posterior file (posterior_summary.cpp): the shift of each parameter in
// closed form, the rule for "left at its prior", and the text: held-out rows, outliers,
// misfits, stages, every line under 100 columns.
#include "escalate/report/posterior_summary.hpp"
#include "output/posterior_fixture.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;

TEST_CASE("A parameter's shift: mean, interval and shrinkage of its draws", "[posterior_summary]") {
  const PosteriorFile p = sample_posterior(200);
  // Column 0 is 1 + 0.1 u with u evenly spread over (-sqrt 3, sqrt 3): mean 1, variance
  // 0.01 (1 - 1/D^2) D/(D - 1) against a prior variance of 1.
  const ParameterShift s = parameter_shift(p, 0);
  const double D = 200;
  CHECK(s.mean == Approx(1.0).margin(1e-12));
  CHECK(s.shrinkage == Approx(1 - 0.01 * (1 - 1 / (D * D)) * D / (D - 1)).epsilon(1e-9));
  CHECK(s.q05 == Approx(1 + 0.1 * std::sqrt(3.0) * (-0.9)).margin(2e-3));
  CHECK(s.q95 == Approx(1 + 0.1 * std::sqrt(3.0) * 0.9).margin(2e-3));
  CHECK(s.prior_sd == 1.0);
  CHECK_FALSE(left_at_prior(s));
  CHECK(left_at_prior(parameter_shift(p, 1)));  // same mean and spread as its prior
}

TEST_CASE("Left at the prior: shrinkage below 0.1 and a mean within 0.2 prior sd", "[posterior_summary]") {
  ParameterShift s;
  s.prior_mean = 1.0;
  s.prior_sd = 2.0;
  s.mean = 1.39;
  s.shrinkage = 0.09;
  CHECK(left_at_prior(s));
  s.mean = 1.41;  // 0.205 prior sd away
  CHECK_FALSE(left_at_prior(s));
  s.mean = 0.61;
  CHECK(left_at_prior(s));
  s.shrinkage = 0.11;
  CHECK_FALSE(left_at_prior(s));
}

TEST_CASE("The text shows priors, the check with held-out rows and outliers, stages and misfits", "[posterior_summary]") {
  std::ostringstream out;
  print_posterior_summary(out, "post.h5", sample_posterior(200));
  const std::string text = out.str();
  for (const char* part : {"post.h5: Escalate posterior", "forecast config: configs/forecast.toml", "record: data/record.toml", "normal(2, 1)",
                           "response.intercept.1", "held out", "OUTLIER", "[10, 60]", "1 outlier", "1 held out",
                           "Stages of the sampler (2)", "Misfits", "every particle's 90% band above 70",
                           "Left at their prior by the record", "1 of 3", "sides.nato.bias"}) {
    CHECK_THAT(text, Contains(part));
  }
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(line.size() <= 100);
  }
}
