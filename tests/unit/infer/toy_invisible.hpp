#pragma once
// A toy with many parameters, most of which the likelihood cannot see (docs/inference.md
// §9, "Many parameters"): the regime of the real record (125 parameters), without the
// engine. `visible` parameters with Normal(0, 1) priors, each observed through a Gaussian
// likelihood that narrows its posterior to `posterior_sd` (0.3: a posterior variance of 9%
// of the prior's), and `invisible` parameters with priors of every kind that nothing
// depends on: their posterior is their prior. Optionally each log-likelihood estimate
// carries unbiased noise, log L-hat = log L - s^2/2 + s e with e ~ N(0, 1) from the row's
// stream (E[L-hat] = L): the pseudo-marginal situation of the engine's synthetic
// likelihood (about 2 nats at 400 trajectories per window, docs/calibration.md).
// Optionally `weak` parameters between the two (docs/calibration.md, "Mixing in 125
// dimensions", issue 19's war step): Normal(0, 1) priors and a log-likelihood linear in
// each, `weak_slope` nats per prior sd (the war step: 1.6 nats over its prior's 90% range,
// about 0.5), so their exact posterior is Normal(weak_slope, 1): shifted, not narrowed.
// The noise's sd may grow with the first weak parameter, s exp(noise_growth w_0), as the
// synthetic likelihood's grows where the model makes wars; the estimate stays unbiased.
// Every number here is a test setting, not data.
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/parameter_space.hpp"
#include "escalate/infer/smc_sampler.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace escalate::infer::toy {

struct InvisibleToy {
  std::size_t visible = 25;
  std::size_t invisible = 100;
  double posterior_sd = 0.3;  // of a visible parameter, in prior sds
  double noise = 0.0;         // sd of log L-hat (at w_0 = 0)
  std::size_t weak = 0;
  double weak_slope = 0.5;    // nats per prior sd of each weak parameter
  double noise_growth = 0.0;  // log of the noise's sd per prior sd of w_0

  // The visible parameters first, then the weak ones, then the invisible ones, whose
  // priors cycle through the kinds of prior.hpp.
  std::vector<Parameter> parameters() const {
    std::vector<Parameter> out;
    for (std::size_t j = 0; j < visible; ++j) out.push_back({"visible." + std::to_string(j), Prior::normal(0.0, 1.0)});
    for (std::size_t j = 0; j < weak; ++j) out.push_back({"weak." + std::to_string(j), Prior::normal(0.0, 1.0)});
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<Prior> kinds = {Prior::normal(0.0, 1.0),     Prior::gamma(2.0, 0.5),
                                      Prior::beta(2.0, 3.0),       Prior::lognormal(1.0, 0.5),
                                      Prior::uniform(0.0, 1.0),    Prior::truncated_normal(0.5, 1.0, 0.0, inf),
                                      Prior::triangular(0.0, 0.3, 1.0)};
    for (std::size_t j = 0; j < invisible; ++j)
      out.push_back({"invisible." + std::to_string(j), kinds[j % kinds.size()]});
    return out;
  }

  // The variance of each visible parameter's likelihood: 1 / (1 + 1/v) = posterior_sd^2.
  double likelihood_variance() const { return posterior_sd * posterior_sd / (1.0 - posterior_sd * posterior_sd); }
  // The observation of visible parameter j: spread over +-1.5 prior sds.
  static double observation(std::size_t j) { return 1.5 * std::sin(1.7 * static_cast<double>(j) + 0.3); }
  // Its exact posterior: Normal(y (1 - s^2), s^2).
  double posterior_mean(std::size_t j) const { return observation(j) * (1.0 - posterior_sd * posterior_sd); }

  BatchLogLikelihood likelihood() const {
    const InvisibleToy toy = *this;
    return [toy](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>& keys) {
      const double v = toy.likelihood_variance();
      std::vector<double> out;
      for (std::size_t b = 0; b < theta.size(); ++b) {
        double total = 0.0;
        for (std::size_t j = 0; j < toy.visible; ++j) {
          const double r = theta[b][j] - observation(j);
          total -= 0.5 * r * r / v;
        }
        for (std::size_t j = toy.visible; j < toy.visible + toy.weak; ++j) total += toy.weak_slope * theta[b][j];
        const double s = toy.weak > 0 ? toy.noise * std::exp(toy.noise_growth * theta[b][toy.visible]) : toy.noise;
        if (s > 0) {
          InferStream stream(keys[b], StreamPurpose::Likelihood);
          total += -0.5 * s * s + s * stream.normal();
        }
        out.push_back(total);
      }
      return out;
    };
  }
};

}  // namespace escalate::infer::toy
