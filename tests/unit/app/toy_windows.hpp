#pragma once
// A toy engine for the calibrator's tests: windows whose trajectories are drawn from
// closed-form distributions instead of the model, so the likelihood and the sampler can
// be checked against exact posteriors. Built as a Record in memory (no record file).
//
// Window w has types "alpha" and "beta" and `periods` periods. Per trajectory:
// - alpha incidents in period p ~ Poisson(rate), rate = engine value 0; each decided at
//   rung 1 (protest), or never decided (slot 5) for every fourth one;
// - beta incidents: none;
// - wars ~ Poisson(war_mean), war_mean = engine value 1;
// - 1 incident of alpha outside every period (it shows in the window's answers only).
// Engine value 2 (`ignored`), if present, changes nothing: a parameter the record cannot see.
#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/config/record.hpp"
#include "escalate/infer/infer_stream.hpp"

#include <string>
#include <vector>

namespace escalate::test {

inline Config toy_config(const std::vector<std::pair<std::string, Distribution>>& uncertain) {
  Config c;
  c.scenario.incidents.push_back({"alpha", 0, 1});
  c.scenario.incidents.push_back({"beta", 1, 0});
  for (const auto& [path, dist] : uncertain) c.uncertain.push_back({path, {}, dist, 0});
  return c;
}

inline RecordWindow toy_window(const std::string& name, const Config& config, std::size_t periods) {
  RecordWindow w;
  w.name = name;
  w.config_path = name + ".toml";
  w.config = config;
  for (std::size_t p = 0; p < periods; ++p) {
    w.period_start_days.push_back(365.0 * static_cast<double>(p));
    w.period_end_days.push_back(365.0 * static_cast<double>(p + 1));
    w.period_labels.push_back(std::to_string(2014 + p));
  }
  w.counts.assign(2, std::vector<std::int64_t>(periods, -1));
  w.answers.assign(2, {-1, -1, -1, -1, -1});
  return w;
}

class ToyRunner : public app::WindowRunner {
 public:
  explicit ToyRunner(std::size_t periods) { obs_.types = 2, obs_.periods = periods; }
  void prepare(std::size_t, std::span<const double> values) override { values_.assign(values.begin(), values.end()); }
  const WindowObservation& run(std::size_t, std::int64_t index, std::uint64_t seed) override {
    infer::InferStream s({seed, static_cast<std::uint64_t>(index), 0, 0}, infer::StreamPurpose::Likelihood, 0xF0);
    obs_.incidents.assign(2 * obs_.periods * 6, 0);
    obs_.window_incidents.assign(2 * 6, 0);
    for (std::size_t p = 0; p < obs_.periods; ++p) {
      const std::uint64_t n = s.poisson(values_.at(0));
      const std::uint64_t undecided = n / 4;
      obs_.incidents[p * 6 + 1] = static_cast<std::uint32_t>(n - undecided);
      obs_.incidents[p * 6 + 5] = static_cast<std::uint32_t>(undecided);
      obs_.window_incidents[1] += static_cast<std::uint32_t>(n - undecided);
      obs_.window_incidents[5] += static_cast<std::uint32_t>(undecided);
    }
    obs_.window_incidents[1] += 1;  // outside every period
    obs_.wars = values_.size() > 1 ? s.poisson(values_[1]) : 0;
    return obs_;
  }

 private:
  WindowObservation obs_;
  std::vector<double> values_;
};

}  // namespace escalate::test
