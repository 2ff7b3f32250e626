#pragma once
// A small posterior file's contents for the tests of posterior_file and posterior_summary:
// three parameters (one the record narrows, one it leaves at its prior, one reporting
// probability), two stages, three check rows (one plain, one outlier, one held out).
#include "escalate/output/posterior_file.hpp"

#include <cmath>

namespace escalate::test {

inline PosteriorFile sample_posterior(std::int64_t draws = 200) {
  PosteriorFile p;
  p.parameters = {"response.intercept.1", "sides.nato.bias", "reporting.pre_war.airspace-violation"};
  p.prior_text = {"normal(2, 1)", "normal(0, 0.5)", "beta(2, 8)"};
  p.prior_mean = {2.0, 0.0, 0.2};
  p.prior_variance = {1.0, 0.25, 2.0 * 8.0 / (100.0 * 11.0)};
  p.draws = draws;
  const double D = static_cast<double>(draws);
  for (std::int64_t m = 0; m < draws; ++m) {
    // u: evenly spread over (-sqrt 3, sqrt 3), mean 0 and variance close to 1.
    const double u = std::sqrt(3.0) * (2 * (static_cast<double>(m) + 0.5) / D - 1);
    p.values.insert(p.values.end(), {1.0 + 0.1 * u, 0.5 * u, 0.3 + 0.01 * u});
    p.log_likelihood.push_back(-10.0 - 0.01 * static_cast<double>(m));
  }
  p.stages = {{0.0, D, 0.0, 0, draws}, {1.0, 0.6 * D, 0.35, 3, 3 * draws}};
  p.log_evidence = -12.5;
  p.final_ess = 0.9 * D;
  p.check = {{"pre_war/counts/airspace-violation/2016", 3, "3", 2, 0, 6, 0.41, false},
             {"pre_war/outcomes/countermeasures", 10, "[10, 60]", 80, 70, 95, 0.999, true},
             {"pre_war/counts/airspace-violation/2024", std::nan(""), "-1", 4, 1, 9, std::nan(""), false}};
  for (std::int64_t m = 0; m < draws; ++m) {
    p.predictive.insert(p.predictive.end(), {static_cast<double>(m % 7), 70.0 + static_cast<double>(m % 26),
                                             1.0 + static_cast<double>(m % 9)});
  }
  p.misfits = {"pre_war/outcomes/countermeasures: observed [10, 60], every particle's 90% band above 70"};
  PosteriorProvenance& v = p.provenance;
  v.forecast_config = "configs/forecast.toml";
  v.forecast_sha256 = std::string(64, 'a');
  v.record = "data/record.toml";
  v.record_sha256 = std::string(64, 'b');
  v.window_configs = {"configs/pre_war.toml", "configs/war.toml"};
  v.window_sha256 = {std::string(64, 'c'), std::string(64, 'd')};
  v.seed = (std::uint64_t{1} << 63) + 5;  // stored as uint64: read back exactly
  v.particles = draws;
  v.trajectories = 400;
  v.command_line = "escalate calibrate configs/forecast.toml --record data/record.toml";
  v.engine_version = "1.1.0";
  v.likelihood = "semi-parametric synthetic likelihood of the counts, answers and outcomes";
  return p;
}

}  // namespace escalate::test
