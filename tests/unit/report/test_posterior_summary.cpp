// The summary of a posterior file (posterior_summary.cpp): the shift of each parameter in
// closed form, its shrinkage on the unconstrained scale (exact prior draws of a
// heavy-tailed prior show none; a narrower lognormal shows its closed form), the rule for
// "left at its prior", and the text: held-out rows, outliers, misfits, stages, every line
// under 100 columns.
#include "escalate/report/posterior_summary.hpp"
#include "escalate/infer/prior_refresh.hpp"
#include "output/posterior_fixture.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <sstream>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;

TEST_CASE("A parameter's shift: mean, interval and shrinkage of its draws", "[posterior_summary]") {
  const PosteriorFile p = sample_posterior(200);
  // Column 0 is 1 + 0.1 u with u evenly spread over (-sqrt 3, sqrt 3): mean 1, variance
  // 0.01 (1 - 1/D^2) D/(D - 1) against the prior variance of normal(2, 1) on its own
  // (unconstrained) scale by the quadrature the sampler uses, within 1% of 1.
  const ParameterShift s = parameter_shift(p, 0);
  const double D = 200;
  const double prior_variance =
      infer::unconstrained_prior_variances(infer::ParameterSpace({{"a", infer::Prior::normal(2, 1)}}))[0];
  CHECK(s.mean == Approx(1.0).margin(1e-12));
  CHECK(s.shrinkage == Approx(1 - 0.01 * (1 - 1 / (D * D)) * D / (D - 1) / prior_variance).epsilon(1e-9));
  CHECK(s.mean_shift == Approx(1.0 / std::sqrt(prior_variance)).epsilon(1e-9));
  CHECK(s.q05 == Approx(1 + 0.1 * std::sqrt(3.0) * (-0.9)).margin(2e-3));
  CHECK(s.q95 == Approx(1 + 0.1 * std::sqrt(3.0) * 0.9).margin(2e-3));
  CHECK(s.prior_sd == 1.0);
  CHECK_FALSE(left_at_prior(s));
  CHECK(left_at_prior(parameter_shift(p, 1)));  // same mean and spread as its prior
}

TEST_CASE("Left at the prior: shrinkage below 0.1 and a mean within 0.2 prior sd", "[posterior_summary]") {
  ParameterShift s;  // mean_shift: in prior sd on the unconstrained scale
  s.mean_shift = 0.195;
  s.shrinkage = 0.09;
  CHECK(left_at_prior(s));
  s.mean_shift = 0.205;
  CHECK_FALSE(left_at_prior(s));
  s.mean_shift = 0.0;
  CHECK(left_at_prior(s));
  s.shrinkage = 0.11;
  CHECK_FALSE(left_at_prior(s));
  s.shrinkage = std::nan("");  // a prior text that does not read back: never "at its prior"
  CHECK_FALSE(left_at_prior(s));
}

namespace {

// `draws` independent draws of lognormal(median, sigma) from a fixed seed, in a posterior
// file whose one parameter has the prior lognormal(median 0.067, sigma 1.5), the
// nuclear-use hazard's. Uniforms from the top 53 bits of mt19937_64 (the same on every
// platform), by inversion.
PosteriorFile lognormal_draws(std::int64_t draws, double sigma, std::uint64_t seed) {
  const infer::Prior prior = infer::Prior::lognormal(0.067, 1.5), drawn = infer::Prior::lognormal(0.067, sigma);
  PosteriorFile p;
  p.parameters = {"war.nuclear_use_rate_per_year"};
  p.prior_text = {prior.text()};
  p.prior_mean = {prior.mean()};
  p.prior_variance = {prior.variance()};
  p.draws = draws;
  std::mt19937_64 rng(seed);
  for (std::int64_t m = 0; m < draws; ++m) {
    const double u = (static_cast<double>(rng() >> 11) + 0.5) / 9007199254740992.0;
    p.values.push_back(drawn.quantile(u));
  }
  return p;
}

}  // namespace

TEST_CASE("Shrinkage on the unconstrained scale: none for exact draws of a heavy-tailed prior", "[posterior_summary]") {
  // On the log scale 400 draws of the prior are 400 normal draws: the sample variance's
  // relative sd is sqrt(2/399) = 0.071, so |shrinkage| < 3.5 of that = 0.25 (plus the
  // quadrature's 1%) in all but 1 in 2,000 seeds; the mean is within 0.2 sd (4 of its
  // sd, 1/sqrt(400)). On the parameter's own scale the same draws give a shrinkage
  // around 0.6 (the prior's variance lives in a tail 400 draws rarely reach).
  const double D = 400, tolerance = 3.5 * std::sqrt(2 / (D - 1)) + 0.01;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    const ParameterShift s = parameter_shift(lognormal_draws(400, 1.5, seed), 0);
    CHECK(std::abs(s.shrinkage) < tolerance);
    CHECK(s.mean_shift < AT_PRIOR_MEAN_SHIFT);
    CHECK(left_at_prior(s) == (s.shrinkage < AT_PRIOR_SHRINKAGE));
  }
}

TEST_CASE("Shrinkage on the unconstrained scale: 0.75 for draws of half the prior's log sd", "[posterior_summary]") {
  // lognormal(0.067, 0.75) against lognormal(0.067, 1.5): log variances 0.5625 and 2.25,
  // shrinkage 0.75; its sampling sd is 0.25 sqrt(2/399) = 0.018, the quadrature's bias
  // under 0.01: within 0.07 (3.5 sd + the bias) for every seed.
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    const ParameterShift s = parameter_shift(lognormal_draws(400, 0.75, seed), 0);
    CHECK(s.shrinkage == Approx(0.75).margin(0.07));
    CHECK_FALSE(left_at_prior(s));
    CHECK(s.mean == Approx(0.067 * std::exp(0.75 * 0.75 / 2)).epsilon(0.15));  // the natural scale's mean
  }
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

TEST_CASE("Distinct draws: counted, the most repeated found, and a warning below 80% distinct",
          "[posterior_summary]") {
  // 100 independent lognormal draws are all distinct; copying draw 0 over draws 1..k leaves
  // 100 - k distinct values and a most repeated one with k + 1 copies.
  PosteriorFile p = lognormal_draws(100, 1.5, 7);
  DrawDiversity d = draw_diversity(p);
  CHECK(d.distinct == 100);
  CHECK(d.most_copies == 1);
  std::ostringstream clean;
  print_posterior_summary(clean, "p.h5", p);
  CHECK_THAT(clean.str(), Contains("100 distinct draws, the most repeated 1 times"));
  CHECK(clean.str().find("WARNING") == std::string::npos);

  for (std::size_t m = 1; m <= 20; ++m) p.values[m] = p.values[0];
  d = draw_diversity(p);
  CHECK(d.distinct == 80);
  CHECK(d.most_copies == 21);
  std::ostringstream at_line;
  print_posterior_summary(at_line, "p.h5", p);
  CHECK(at_line.str().find("WARNING") == std::string::npos);  // 80 of 100: not below 80%

  p.values[21] = p.values[0];
  std::ostringstream below;
  print_posterior_summary(below, "p.h5", p);
  CHECK_THAT(below.str(), Contains("WARNING: only 79 of 100 draws are distinct"));
  std::istringstream lines(below.str());
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 100);
}
