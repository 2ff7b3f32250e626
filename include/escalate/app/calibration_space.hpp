#pragma once
// The parameters `escalate calibrate` infers (docs/calibration.md, "How escalate
// calibrate works"): every uncertain parameter of the forecast config, then each window's
// own (local) uncertain parameters (window.<name>.<path>: window_parameters in
// config/record.hpp), then the record's uncertain reporting probabilities, each named by
// its path, with its prior copied from the config's or the record's distribution. Also
// where each window's engine parameters and reporting probabilities sit in θ.
#include "escalate/config/distribution.hpp"
#include "escalate/config/record.hpp"
#include "escalate/infer/parameter_space.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace escalate::app {

// A config's distribution as the sampler's prior: the parametrisations are the same.
infer::Prior prior_of(const Distribution& distribution);

// One reporting probability of a window: a fixed number, or θ[parameter].
struct ReportingSource {
  double value = 1.0;
  int parameter = -1;  // >= 0: the index in θ
  double at(std::span<const double> theta) const {
    return parameter >= 0 ? theta[static_cast<std::size_t>(parameter)] : value;
  }
};

// P(an engine incident enters the record) by type and answer rung, for one window. A type
// the record gives no reporting for is reported with probability 1; a per-rung entry
// overrides the type's all-rungs entry.
struct WindowReporting {
  std::vector<std::array<ReportingSource, 5>> by_type;  // [type][rung]
  double probability(std::size_t type, std::size_t rung, std::span<const double> theta) const {
    return by_type[type][rung].at(theta);
  }
};

struct CalibrationSpace {
  std::vector<infer::Parameter> parameters;  // the forecast's uncertain paths, window.*, then reporting.*
  std::size_t engine_parameters = 0;         // how many of them are the forecast's
  // window_theta[w][j]: the index in θ of uncertain parameter j of window w's config.
  std::vector<std::vector<std::size_t>> window_theta;
  std::vector<WindowReporting> reporting;    // per window

  // The engine parameters of window w at θ, in the order of its config's `uncertain`.
  std::vector<double> engine_values(std::size_t window, std::span<const double> theta) const;
};

// Throws ConfigError (naming the record and the window) when a window's incident type is
// not the forecast's (check_record_against) or a reporting distribution is not a prior.
CalibrationSpace calibration_space_of(const Config& forecast, const Record& record);

}  // namespace escalate::app
