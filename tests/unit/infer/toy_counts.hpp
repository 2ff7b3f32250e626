#pragma once
// A toy simulator for the inference tests and bench/sbc_infer.cpp (docs/inference.md §9):
// incidents counted over periods, a phase from `phase_start` on that multiplies their
// rate (so the periods are correlated through the shared rate), and each incident
// answered with a probability. θ = (rate per period, phase multiplier, answer
// probability). Its exact likelihood is known, so the sampler can be checked with the
// exact likelihood and with a synthetic one built from simulations.
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/parameter_space.hpp"
#include "escalate/infer/smc_sampler.hpp"
#include "escalate/infer/synthetic_likelihood.hpp"

#include <boost/random/binomial_distribution.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

namespace escalate::infer::toy {

struct ToyRecord {
  std::vector<double> counts;    // incidents per period
  std::vector<double> answered;  // of them, answered
};

struct ToyModel {
  std::size_t periods = 6;
  std::size_t phase_start = 3;

  // The priors of the check (judgements for a test, not data): about 6 incidents a
  // period, a phase that roughly doubles them, a minority answered.
  static std::vector<Parameter> parameters() {
    return {{"rate", Prior::gamma(3.0, 0.5)},
            {"phase_multiplier", Prior::lognormal(2.0, 0.5)},
            {"answer_probability", Prior::beta(2.0, 3.0)}};
  }

  double mean(const std::vector<double>& theta, std::size_t period) const {
    return theta[0] * (period >= phase_start ? theta[1] : 1.0);
  }

  ToyRecord simulate(const std::vector<double>& theta, InferStream& stream) const {
    ToyRecord r;
    for (std::size_t p = 0; p < periods; ++p) {
      const auto y = static_cast<int>(stream.poisson(mean(theta, p)));
      const int a = y > 0 ? boost::random::binomial_distribution<int, double>(y, theta[2])(stream) : 0;
      r.counts.push_back(y);
      r.answered.push_back(a);
    }
    return r;
  }

  double exact_log_likelihood(const std::vector<double>& theta, const ToyRecord& record) const {
    double total = 0.0;
    for (std::size_t p = 0; p < periods; ++p) {
      const double mu = mean(theta, p), y = record.counts[p], a = record.answered[p];
      total += y * std::log(mu) - mu - std::lgamma(y + 1);
      total += std::lgamma(y + 1) - std::lgamma(a + 1) - std::lgamma(y - a + 1) + a * std::log(theta[2]) +
               (y - a) * std::log1p(-theta[2]);
    }
    return total;
  }

  // The summaries of the synthetic likelihood: counts of each period, answers in total.
  std::vector<double> summaries(const ToyRecord& record) const {
    std::vector<double> s = record.counts;
    double answered = 0.0;
    for (double a : record.answered) answered += a;
    s.push_back(answered);
    return s;
  }
};

inline BatchLogLikelihood exact_likelihood(const ToyModel& model, const ToyRecord& record) {
  return [model, record](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>&) {
    std::vector<double> out;
    for (const auto& t : theta) out.push_back(model.exact_log_likelihood(t, record));
    return out;
  };
}

enum class SyntheticKind { Gaussian, UnbiasedGaussian, SemiParametric };

// A synthetic likelihood from n simulations per estimate, each estimate from the
// stream of its key: the value of row b depends only on (theta[b], keys[b]).
inline BatchLogLikelihood synthetic_likelihood(const ToyModel& model, const ToyRecord& record, std::size_t n,
                                               SyntheticKind kind) {
  return [model, record, n, kind](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>& keys) {
    const std::vector<double> observed = model.summaries(record);
    SyntheticLikelihoodOptions options;
    options.variance_floor = 1.0 / 12;  // integer summaries (synthetic_likelihood.hpp)
    options.min_bandwidth = 0.5;
    std::vector<double> out;
    for (std::size_t b = 0; b < theta.size(); ++b) {
      InferStream stream(keys[b], StreamPurpose::Likelihood);
      Matrix simulated;
      for (std::size_t k = 0; k < n; ++k) simulated.push_back(model.summaries(model.simulate(theta[b], stream)));
      switch (kind) {
        case SyntheticKind::Gaussian: out.push_back(gaussian_synthetic_log_likelihood(simulated, observed, options)); break;
        case SyntheticKind::UnbiasedGaussian:
          out.push_back(unbiased_gaussian_synthetic_log_likelihood(simulated, observed, options));
          break;
        case SyntheticKind::SemiParametric:
          out.push_back(semiparametric_synthetic_log_likelihood(simulated, observed, options));
          break;
      }
    }
    return out;
  };
}

}  // namespace escalate::infer::toy
