#pragma once
// A validated run configuration (MODEL §15): the run's sizes, the Scenario (structure),
// the Parameters every draw starts from, and the uncertain parameters with their
// distributions (§11). toml++ stays inside the config layer's sources.
#include "escalate/config/distribution.hpp"
#include "escalate/model/parameters.hpp"
#include "escalate/model/scenario.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace escalate {

// How much to sample: the two loops of §11, and the seed of every stream.
struct RunSettings {
  std::int64_t draws = 0;
  std::int64_t trajectories = 0;  // per draw
  std::uint64_t seed = 0;
  std::string start_date;         // "YYYY-MM-DD" or "": labels the time axis only
};

// A parameter given as a distribution: sampled once per draw.
struct UncertainParameter {
  std::string path;  // "sides.nato.bias", "incident.stray-missile.accidental_rate.3"
  ParamRef ref;
  Distribution dist;
  std::uint64_t stream_id;  // stable_hash(path): the same path draws the same numbers
};

// Values given on the command line that override the file (and are recorded in the
// resolved config text written with the results).
struct ConfigOverrides {
  std::optional<std::int64_t> draws;
  std::optional<std::int64_t> trajectories;
  std::optional<std::uint64_t> seed;  // [0, 2^64): from 2^63 on, stored as a decimal string
  // Numbers set by path ("incident.stray-missile.clarification_delay_days",
  // "response.intercept.1"): each replaces a number (or a distribution) the config has.
  std::vector<std::pair<std::string, double>> values;
};

struct Config {
  std::string source_path;    // the file given on the command line
  std::string resolved_text;  // TOML after `base` merging and overrides
  RunSettings run;
  Scenario scenario;
  Parameters fixed;           // every number; distributions hold their median here
  std::vector<UncertainParameter> uncertain;
  // The registry of parameter paths: every number the config sets, in its canonical
  // spelling (parameter_path.hpp), in the order read; `uncertain` paths are among them.
  std::vector<std::string> parameter_paths;
  // What the config asks that can never happen (an event after the horizon, ...): shown on
  // stderr, in the summary and as a file attribute.
  std::vector<std::string> warnings;

  // The values of the uncertain parameters in draw m, each sampled from the stream keyed
  // by (seed, m, its path), in the order of `uncertain`.
  std::vector<double> draw_values(std::int64_t m) const;
  // `fixed` with the uncertain parameters set to `values` (as from draw_values).
  Parameters parameters_with(std::span<const double> values) const;
};

// Reads, merges (`base`), validates. Throws ConfigError naming file, line, column and key.
Config load_config(const std::string& path, const ConfigOverrides& overrides = {});

// Limits the engine meets and refuses configs beyond (docs/model.md, config schema).
inline constexpr std::int64_t MAX_DRAWS = 10'000'000;
inline constexpr std::int64_t MAX_TRAJECTORIES = 1'000'000'000'000;
inline constexpr double MAX_TOTAL_TRAJECTORIES = 1e13;
inline constexpr double MAX_DRAW_GRID_CELLS = 2e8;  // per-draw curves [draws, grid points] held in memory
inline constexpr std::int64_t MAX_HORIZON_DAYS = 365'250;
inline constexpr std::int64_t MIN_MAX_EVENTS = 1000;

// A config from resolved TOML text, as stored in result files (`origin` names it in
// errors, e.g. "part-1.h5:/config"; `source_path` is the file it was first read from).
Config load_config_text(const std::string& text, const std::string& origin, const std::string& source_path);

}  // namespace escalate
