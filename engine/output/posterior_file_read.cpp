// Reading a posterior file back (posterior_file.hpp): every size against the others and
// every value inside its range, so a damaged or edited file is refused naming the file.
#include "escalate/output/posterior_file.hpp"

#include "escalate/base/error.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"

#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

namespace escalate {

namespace posterior_reading {  // named, not anonymous: safe in a unity build beside summary.cpp

constexpr std::size_t MAX_TEXT = std::size_t{1} << 20;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct Reading {
  const H5Reader& h5;
  const std::string& path;
  [[noreturn]] void edited(const std::string& what) const { throw FileError(path + ": " + what + " (damaged or edited file)"); }
  hsize_t length(const std::string& dimension) const {
    std::vector<hsize_t> shape;
    h5.values<std::int64_t>(dimension, &shape);
    if (shape.size() != 1) edited("/" + dimension + " is not a 1-D axis");
    return shape[0];
  }
};

void read_draws(const Reading& r, PosteriorFile& p) {
  const auto draw = r.h5.values<std::int64_t>("posterior/draw");
  const hsize_t D = draw.size();
  for (std::size_t m = 0; m < draw.size(); ++m) {
    if (draw[m] != static_cast<std::int64_t>(m)) r.edited("posterior/draw is not 0, 1, ...");
  }
  std::vector<hsize_t> shape;
  r.h5.values<double>("prior/mean", &shape);
  if (shape.size() != 1) r.edited("prior/mean is not 1-D");
  const hsize_t P = shape[0];
  p.draws = static_cast<std::int64_t>(D);
  p.parameters = r.h5.strings("posterior/parameter", P, 4096);
  std::set<std::string> seen;
  for (const auto& name : p.parameters) {
    if (name.empty() || !seen.insert(name).second) r.edited("posterior/parameter holds an empty or repeated path");
  }
  p.values = r.h5.values<double>("posterior/parameters", {D, P});
  for (double x : p.values) {
    if (!std::isfinite(x)) r.edited("posterior/parameters holds a value that is not a finite number");
  }
  p.log_likelihood = r.h5.values<double>("posterior/log_likelihood", {D});
  p.prior_text = r.h5.strings("prior/text", P, 4096);
  p.prior_mean = r.h5.values<double>("prior/mean", {P});
  p.prior_variance = r.h5.values<double>("prior/variance", {P});
  for (double v : p.prior_variance) {
    if (!(v >= 0)) r.edited("prior/variance holds a negative or NaN variance");
  }
}

void read_stages(const Reading& r, PosteriorFile& p) {
  const hsize_t S = r.length("stages/stage");
  const auto temperature = r.h5.values<double>("stages/temperature", {S});
  const auto ess = r.h5.values<double>("stages/ess", {S});
  const auto acceptance = r.h5.values<double>("stages/acceptance", {S});
  const auto moves = r.h5.values<std::int64_t>("stages/moves", {S});
  const auto evaluations = r.h5.values<std::int64_t>("stages/evaluations", {S});
  for (std::size_t s = 0; s < S; ++s) {
    if (moves[s] < 0 || evaluations[s] < 0) r.edited("stages/moves or stages/evaluations is negative");
    p.stages.push_back({temperature[s], ess[s], acceptance[s], moves[s], evaluations[s]});
  }
}

void read_check(const Reading& r, PosteriorFile& p) {
  std::vector<hsize_t> shape;
  r.h5.values<double>("check/observed", &shape);
  if (shape.size() != 1) r.edited("check/observed is not 1-D");
  const hsize_t R = shape[0], D = static_cast<hsize_t>(p.draws);
  const auto observation = r.h5.strings("check/observation", R, 4096);
  const auto observed_text = r.h5.strings("check/observed_text", R, 4096);
  const auto observed = r.h5.values<double>("check/observed", {R});
  const auto median = r.h5.values<double>("check/median", {R});
  const auto low = r.h5.values<double>("check/low", {R});
  const auto high = r.h5.values<double>("check/high", {R});
  const auto pit = r.h5.values<double>("check/pit", {R});
  const auto outlier = r.h5.values<std::int64_t>("check/outlier", {R});
  for (std::size_t i = 0; i < R; ++i) {
    const std::string row = "check row " + std::to_string(i) + " (" + observation[i] + ")";
    if (outlier[i] != 0 && outlier[i] != 1) r.edited(row + ": outlier is not 0 or 1");
    if (!std::isnan(pit[i]) && !(pit[i] >= 0 && pit[i] <= 1)) r.edited(row + ": pit is outside [0, 1]");
    if (std::isnan(observed[i]) != std::isnan(pit[i]) || (std::isnan(pit[i]) && outlier[i])) {
      r.edited(row + ": a held-out row (observed NaN) must have pit NaN and no outlier flag");
    }
    if (low[i] > median[i] || median[i] > high[i]) r.edited(row + ": its band does not hold its median");
    p.check.push_back({observation[i], observed[i], observed_text[i], median[i], low[i], high[i], pit[i], outlier[i] == 1});
  }
  p.predictive = r.h5.values<double>("check/predictive", {D, R});
}

void read_attributes(const Reading& r, PosteriorFile& p) {
  const H5Reader& h5 = r.h5;
  PosteriorProvenance& v = p.provenance;
  auto text = [&](const char* name) { return h5.string_attribute("", name, MAX_TEXT); };
  v.forecast_config = text("forecast_config");
  v.forecast_sha256 = text("forecast_sha256");
  v.record = text("record");
  v.record_sha256 = text("record_sha256");
  v.window_configs = split_lines(text("window_configs"));
  v.window_sha256 = split_lines(text("window_sha256"));
  v.command_line = text("command_line");
  v.engine_version = text("engine_version");
  v.likelihood = text("likelihood");
  v.seed = h5.uint_attribute("", "seed");
  v.particles = h5.int_attribute("", "particles");
  v.trajectories = h5.int_attribute("", "trajectories");
  p.log_evidence = h5.has_attribute("", "log_evidence") ? h5.double_attribute("", "log_evidence") : std::nan("");
  p.final_ess = h5.double_attribute("", "final_ess");
  p.misfits = split_lines(text("misfits"));
  if (v.window_configs.size() != v.window_sha256.size()) r.edited("window_configs and window_sha256 differ in number");
  if (h5.int_attribute("", "draws") != p.draws) r.edited("the draws attribute differs from posterior/draw");
  if (v.particles < 0 || v.trajectories < 0 || p.final_ess < 0) r.edited("particles, trajectories or final_ess is negative");
}

}  // namespace posterior_reading

PosteriorFile read_posterior_file(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw FileError(path + ": posterior file not found");
  H5Reader h5(path);  // missing, not a regular file, not HDF5, a broken seal: FileError
  const std::string type = h5.has_attribute("", "filetype") ? h5.string_attribute("", "filetype", 64) : "";
  if (type != POSTERIOR_FILETYPE) {
    throw FileError(path + ": not an Escalate posterior file (filetype is " + (type.empty() ? "missing" : "'" + type + "'") +
                    ", not '" + POSTERIOR_FILETYPE + "'; `escalate calibrate` writes posterior files)");
  }
  const std::int64_t format = h5.int_attribute("", "format_version");
  if (format != POSTERIOR_FORMAT_VERSION) {
    throw FileError(path + ": posterior format " + std::to_string(format) + ", this engine reads format " +
                    std::to_string(POSTERIOR_FORMAT_VERSION));
  }
  PosteriorFile p;
  const posterior_reading::Reading reading{h5, path};
  posterior_reading::read_draws(reading, p);
  posterior_reading::read_stages(reading, p);
  posterior_reading::read_check(reading, p);
  posterior_reading::read_attributes(reading, p);
  return p;
}

}  // namespace escalate
