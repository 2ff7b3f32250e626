#pragma once
// `escalate sensitivity` (docs/sensitivity.md): a design over the uncertain parameters run
// as the outer loop, each point estimated by the inner loop; per-point probabilities of
// war, a clash and nuclear use by the horizon, and from them Sobol' indices (Saltelli
// designs) or Morris measures (Morris designs), corrected for the inner loop's binomial
// noise. Computed from the driver's integer tallies, so they are the same for any
// thread count.
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/statistics/sensitivity_design.hpp"
#include "escalate/statistics/sensitivity_indices.hpp"
#include "escalate/sim/driver.hpp"

#include <array>
#include <string>
#include <vector>

namespace escalate {

inline constexpr int SENSITIVITY_OUTCOMES = 3;
inline constexpr std::array<const char*, SENSITIVITY_OUTCOMES> SENSITIVITY_OUTCOME_NAMES = {"war", "clash", "nuclear"};
inline constexpr const char* SENSITIVITY_FILETYPE = "escalate-sensitivity";

struct SensitivityAnalysis {
  SensitivityDesign design;
  DrawTable values;                        // the design in parameter units (the run's draw table)
  std::vector<std::string> parameter;      // [P] paths
  std::vector<std::int64_t> trajectories;  // [points] finished trajectories of each point
  std::vector<std::int64_t> successes;     // [points, outcome]
  std::vector<double> p;                   // [points, outcome] per-point probability
  std::vector<double> noise;               // [points, outcome] p (1 - p) / (T - 1): unbiased for its binomial variance
  std::vector<SobolIndices> sobol;         // [outcome], Saltelli designs only
  std::vector<MorrisMeasures> morris;      // [outcome], Morris designs only
  std::uint64_t seed = 0;                  // of the design and the bootstrap
  std::string design_file;                 // the user's CSV, if any
};

// Per-point estimates from the driver's tallies and, as the design's layout allows, the
// indices. The driver ran `design` (its draw table is design_draw_table of it).
SensitivityAnalysis analyse_sensitivity(const Config& config, SensitivityDesign design, const DriverResult& driver,
                                        const std::string& design_file = "");
// The same from the per-point counts ([points] trajectories, [points, outcome] successes).
SensitivityAnalysis analyse_counts(const Config& config, SensitivityDesign design, DrawTable values,
                                   std::vector<std::int64_t> trajectories, std::vector<std::int64_t> successes,
                                   const std::string& design_file);

class H5Writer;
// The file: design, per-point estimates, indices, and the run's own results in group run/.
void write_sensitivity(H5Writer& h5, const Config& config, const SensitivityAnalysis& a, const Results& run);

}  // namespace escalate
