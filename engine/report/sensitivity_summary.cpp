// Reading a sensitivity file back for `escalate summary` (declared in sensitivity_report.hpp).
#include "escalate/report/sensitivity_report.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/output/result_file.hpp"

#include <cmath>
#include <stdexcept>

namespace escalate {

void summarize_sensitivity_file(std::ostream& out, const std::string& path, bool json) {
  H5Reader h5(path);
  auto edited = [&](const std::string& what) -> void { throw FileError(path + ": " + what + " (damaged or edited file)"); };
  if (h5.string_attribute("", "filetype", 64) != SENSITIVITY_FILETYPE) throw FileError(path + ": not a sensitivity file");
  if (h5.int_attribute("", "format_version") != RESULT_FORMAT_VERSION) throw FileError(path + ": unknown format version");
  Config config;
  try {
    config = load_config_text(h5.string_attribute("", "config", MAX_CONFIG_BYTES), path + ":/config",
                              h5.string_attribute("", "config_path", 4096));
  } catch (const ConfigError& e) {
    throw FileError(path + ": the stored config is not valid (damaged or edited file): " + e.what());
  }
  const auto P = static_cast<hsize_t>(config.uncertain.size());
  const auto points = static_cast<hsize_t>(config.run.draws);
  if (P == 0) edited("the stored config has no uncertain parameters");
  if (h5.int_attribute("", "points") != config.run.draws || h5.uint_attribute("", "seed") != config.run.seed ||
      h5.int_attribute("", "trajectories") != config.run.trajectories) {
    edited("points, seed or trajectories differ from the stored config");
  }
  const std::string layout = h5.string_attribute("", "layout", 64);
  SensitivityDesign design;
  design.layout = layout == "saltelli" ? DesignLayout::Saltelli : layout == "morris" ? DesignLayout::Morris : DesignLayout::Free;
  if (layout_name(design.layout) != layout) edited("layout '" + layout + "' is unknown");
  design.parameters = static_cast<std::int64_t>(P);
  design.base = h5.int_attribute("", "base_samples");
  design.levels = h5.int_attribute("", "levels");
  design.unit = h5.values<double>("design/unit", {points, P});
  DrawTable values;
  values.draws = static_cast<std::int64_t>(points);
  values.parameters = static_cast<std::int64_t>(P);
  values.values = h5.values<double>("design/value", {points, P});
  std::vector<std::int64_t> trajectories = h5.values<std::int64_t>("estimates/trajectories", {points});
  std::vector<std::int64_t> successes = h5.values<std::int64_t>("estimates/successes", {points, SENSITIVITY_OUTCOMES});
  for (std::size_t i = 0; i < successes.size(); ++i) {
    const std::int64_t n = trajectories[i / SENSITIVITY_OUTCOMES];
    if (n < 0 || n > config.run.trajectories || successes[i] < 0 || successes[i] > n) edited("estimates/successes exceed the trajectories");
  }
  for (double u : design.unit) if (!(u >= 0 && u <= 1)) edited("design/unit has a value outside [0, 1]");
  Provenance provenance;
  provenance.threads = static_cast<int>(std::min<std::int64_t>(h5.int_attribute("", "threads"), 1'000'000));
  provenance.wall_seconds = h5.double_attribute("", "wall_time_seconds");
  SensitivityAnalysis a;
  try {
    a = analyse_counts(config, std::move(design), std::move(values), std::move(trajectories), std::move(successes),
                       h5.string_attribute("", "design_file", 4096));
  } catch (const std::invalid_argument& e) {
    edited(std::string("the design has not the structure its layout says: ") + e.what());
  }
  if (json) return print_sensitivity_json(out, path, config, a);
  out << printable_text(path) << ": sensitivity analysis of " << printable_text(config.source_path) << ", engine "
      << h5.string_attribute("", "engine_version", 256) << " (" << h5.string_attribute("", "git_sha1", 64) << "), created "
      << h5.string_attribute("", "created", 64) << "\n";
  print_sensitivity(out, config, a, provenance);
}

}  // namespace escalate
