// The noise of `escalate calibrate`'s likelihood estimate at one parameter point
// (docs/calibration.md, "What a calibration costs"): K estimates of log L̂(θ), each with its
// own key (so its own simulated trajectories), for each number of trajectories n given, at
// θ = draw D of a posterior file (its parameters matched by path) or at the prior means
// ("-"). Prints n, K, the mean and sd of log L̂ and the CPU time per estimate (one thread).
//
//   escalate_loglik_noise FORECAST.toml RECORD.toml POSTERIOR.h5|- DRAW K n1 [n2 ...]
#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/app/engine_window_runner.hpp"
#include "escalate/config/config.hpp"
#include "escalate/config/record.hpp"
#include "escalate/output/posterior_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <string>
#include <vector>

using namespace escalate;

namespace {

// θ in the order of the calibration space: draw `draw` of the posterior file, or the prior means.
std::vector<double> theta_of(const app::CalibrationSpace& space, const std::string& posterior, long draw) {
  std::vector<double> theta;
  if (posterior == "-") {
    for (const auto& p : space.parameters) theta.push_back(p.prior.mean());
    return theta;
  }
  const PosteriorFile file = read_posterior_file(posterior);
  if (draw < 0 || draw >= file.draws) throw std::runtime_error(posterior + ": no draw " + std::to_string(draw));
  const std::size_t width = file.parameters.size();
  for (const auto& p : space.parameters) {
    const auto at = std::find(file.parameters.begin(), file.parameters.end(), p.name);
    if (at == file.parameters.end()) throw std::runtime_error(posterior + " has no parameter " + p.name);
    theta.push_back(file.values[static_cast<std::size_t>(draw) * width +
                                static_cast<std::size_t>(at - file.parameters.begin())]);
  }
  return theta;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7) {
    std::fprintf(stderr, "usage: escalate_loglik_noise FORECAST.toml RECORD.toml POSTERIOR.h5|- DRAW K n1 [n2 ...]\n");
    return 2;
  }
  try {
    const Config forecast = load_config(argv[1]);
    const Record record = load_record(argv[2]);
    app::CalibrationModel model = app::calibration_model(app::calibration_space_of(forecast, record), record, 0);
    const std::vector<double> theta = theta_of(model.space, argv[3], std::atol(argv[4]));
    const long k = std::atol(argv[5]);
    auto runner = app::engine_window_runners(record)();
    std::printf("trajectories estimates mean_log_lik sd_log_lik cpu_ms_per_estimate\n");
    for (int a = 6; a < argc; ++a) {
      model.trajectories = std::atol(argv[a]);
      std::vector<double> values;
      const std::clock_t start = std::clock();
      for (long i = 0; i < k; ++i) {
        const infer::StreamKey key{1, 1, static_cast<std::uint64_t>(model.trajectories), static_cast<std::uint64_t>(i)};
        values.push_back(app::row_log_likelihood(model, *runner, theta, key));
      }
      const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC / static_cast<double>(k);
      double mean = 0, ss = 0;
      for (double v : values) mean += v;
      mean /= static_cast<double>(k);
      for (double v : values) ss += (v - mean) * (v - mean);
      std::printf("%ld %ld %.3f %.3f %.2f\n", model.trajectories, k, mean, std::sqrt(ss / static_cast<double>(k - 1)),
                  cpu_ms);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "escalate_loglik_noise: %s\n", e.what());
    return 2;
  }
  return 0;
}
