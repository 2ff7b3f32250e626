#pragma once
// The `sensitivity` service: a Saltelli or Morris design over the uncertain parameters (or
// a user's CSV design) run as the outer loop, then Sobol' indices or Morris measures of
// P(war), P(clash) and P(nuclear use) by the horizon (docs/sensitivity.md).
#include "escalate/app/callbacks.hpp"
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/output/sensitivity.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace escalate::app {

// Defaults sized for the baseline (24 uncertain parameters) in about 330,000 trajectories,
// a couple of minutes on 2 cores (docs/sensitivity.md): Sobol' estimators average over
// many points, so each point can be noisy (the noise is removed); a Morris effect is the
// difference of two points, so each point needs to be precise.
inline constexpr std::int64_t DEFAULT_SOBOL_TRAJECTORIES = 50;
inline constexpr std::int64_t DEFAULT_MORRIS_TRAJECTORIES = 400;
inline constexpr std::int64_t DEFAULT_SOBOL_BASE_SAMPLES = 256;
inline constexpr std::int64_t DEFAULT_MORRIS_PATHS = 32;
inline constexpr std::int64_t DEFAULT_MORRIS_LEVELS = 4;

struct SensitivityRequest {
  std::string config;
  std::string method;               // "sobol" (default) or "morris"
  bool method_given = false;
  std::optional<std::uint64_t> base_samples;  // Saltelli N or Morris paths r (none: the method's default)
  std::optional<std::uint64_t> levels;        // Morris grid levels (none: DEFAULT_MORRIS_LEVELS)
  std::string design;               // a user's design (CSV)
  std::string design_layout;        // "free", "saltelli" or "morris" (with design)
  ConfigOverrides overrides;        // trajectories (default: the method's), seed
  std::string output;               // "": results/sensitivity-<stem>.h5
  int threads = 0;
  bool force = false;
  std::string command_line;
};

struct SensitivityOutcome {
  Config config;
  SensitivityAnalysis analysis;
  Provenance provenance;
  std::string output;
};

// Throws Interrupted (nothing written) if stopped: the indices need every design point.
SensitivityOutcome sensitivity(const SensitivityRequest& request, const Callbacks& callbacks);

}  // namespace escalate::app
