#pragma once
// Simulation-based calibration of `escalate calibrate` with the engine in the loop (Talts,
// Betancourt, Simpson, Vehtari & Gelman 2018; docs/calibration.md, "Simulation-based
// calibration with the engine"). One replicate r: draw θ_r from the prior (the
// calibration's parameter space: the forecast's uncertain parameters, the windows' own,
// the record's reporting probabilities), simulate ONE trajectory of every window of a
// record template with the engine at θ_r (one world), thin it by the reporting
// probabilities as the likelihood does, write what it shows into the template's observed
// entries, calibrate that synthetic record with the same sampler and likelihood as the
// `calibrate` service (infer::SmcSampler on batch_log_likelihood over the engine's
// windows), and take the rank of θ_r among L thinned posterior draws and whether the 50%
// and 90% central intervals cover it. If the calibration is right the ranks are uniform
// on 0..L.
//
// The test of the test: the same posterior draws contracted toward their mean by a factor
// (`sharpen`, an overconfident posterior) give ranks that must fail the same check; so
// must truths drawn from a shifted prior (`truth_shift`).
#include "escalate/app/calibration_space.hpp"
#include "escalate/app/recorded_trajectory.hpp"
#include "escalate/config/config.hpp"
#include "escalate/config/record.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace escalate::app {

struct EngineSbcSettings {
  std::int64_t particles = 200;
  std::int64_t trajectories = 50;  // per window and likelihood estimate
  std::size_t rank_draws = 99;     // L: ranks in 0..L
  std::uint64_t seed = 2018;
  int threads = 1;                 // the results do not depend on it
  double sharpen = 0.5;            // the mis-specified variant: draws d -> mean + sharpen (d - mean)
  // Another mis-specified variant: θ_r drawn from the prior shifted by this much on the
  // unconstrained scale (log for a positive parameter, logit for a probability), every
  // parameter; the calibration still uses the unshifted prior. 0: the SBC proper.
  double truth_shift = 0.0;
};

struct EngineSbcReplicate {
  std::vector<double> truth;                 // θ_r, in the order of parameters()
  std::vector<double> observed;              // the synthetic record's summaries, all windows
  std::vector<std::size_t> rank;             // per parameter, in 0..L
  std::vector<std::size_t> sharpened_rank;   // the same among the contracted draws
  std::vector<bool> covered50, covered90;    // central intervals of all the posterior draws
  double final_ess = 0;
  std::size_t stages = 0;
  std::size_t evaluations = 0;               // likelihood estimates the calibration asked for
  double acceptance = 0;                     // mean MH acceptance over the stages after the start
};

class EngineSbc {
 public:
  // Loads the forecast config and the record template. Every entry the template observes
  // (a count >= 0, an answer >= 0, an outcome) is replaced in each replicate by the
  // simulated record's value (an interval outcome by its exact value); entries it leaves
  // unobserved stay unobserved. Throws what load_config, load_record and
  // calibration_space_of throw (ConfigError naming file, line and key).
  EngineSbc(const std::string& forecast, const std::string& record_template);

  const std::vector<infer::Parameter>& parameters() const { return space_.parameters; }
  std::size_t windows() const { return template_.windows.size(); }

  // Replicate r: a function of (settings, r) alone, whatever settings.threads.
  EngineSbcReplicate replicate(const EngineSbcSettings& settings, std::uint64_t r) const;

  // The template with the observed entries of window w replaced by the recorded trajectory.
  static void observe(RecordWindow& window, const RecordedTrajectory& trajectory);

 private:
  Config forecast_;
  Record template_;
  CalibrationSpace space_;
};

}  // namespace escalate::app
