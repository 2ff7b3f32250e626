#pragma once
// The posterior file of `escalate calibrate` (docs/calibration.md, "The posterior file"):
// HDF5 with CF attributes like the run files.
//   posterior/parameters       [draw, parameter]  equally weighted posterior draws
//   posterior/parameter        [parameter]        the parameter paths (as draws/parameters
//                                                 of a run file names them; reporting.* too)
//   posterior/log_likelihood   [draw]
//   prior/text, prior/mean, prior/variance [parameter]
//   stages/{temperature, ess, acceptance, moves, evaluations} [stage]
//   check/{observation, observed, median, low, high, pit, outlier} [observation]
//   check/predictive           [draw, observation] the posterior predictive draws
//   attributes: record path and SHA-256, every config's path and SHA-256, seed, particles,
//   trajectories, command line, engine version, log_evidence, final_ess, misfits.
//
// INTERFACE FIXED BY THE COORDINATOR (issue 19): the posterior engineer implements it in
// engine/output/posterior_file.cpp; the calibrator writes it, run/compare/sweep
// --posterior and `escalate summary` read it. Change only by agreement.
#include "escalate/base/sha256.hpp"  // file_sha256: the SHA-256 of a file's bytes (base layer)

#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

struct PosteriorStage {
  double temperature = 0;
  double ess = 0;          // after reweighting to this temperature, before resampling
  double acceptance = 0;   // of this stage's moves (0 for stage 0)
  std::int64_t moves = 0;
  std::int64_t evaluations = 0;  // likelihood estimates this stage
};

// One observation of the record in the posterior predictive check.
// An entry the record leaves unobserved (-1) may still have a row: observed and pit are
// NaN, and it is never an outlier (walk-forward validation predicts held-out years so).
struct PosteriorCheckRow {
  std::string observation;  // "pre_war/counts/close-encounter/2016", "pre_war/answers/cyber-attack/protest",
                            // "pre_war/outcomes/wars"
  double observed = 0;      // for an interval outcome: its low end (the text says the interval)
  std::string observed_text;  // "3", "[10, 60]"
  double median = 0;        // of the posterior predictive distribution
  double low = 0, high = 0; // its 90% band (5% and 95% quantiles)
  double pit = 0;           // randomised PIT for counts: F(y-1) + U (F(y) - F(y-1))
  bool outlier = false;     // pit < 0.005 or pit > 0.995 (issue 19 item 6)
};

struct PosteriorProvenance {
  std::string forecast_config, forecast_sha256;
  std::string record, record_sha256;
  std::vector<std::string> window_configs, window_sha256;
  std::uint64_t seed = 0;
  std::int64_t particles = 0;
  std::int64_t trajectories = 0;  // per window and likelihood estimate
  std::string command_line;
  std::string engine_version;
  std::string likelihood;  // "semi-parametric synthetic likelihood of ..." (one line)
};

struct PosteriorFile {
  std::vector<std::string> parameters;   // paths, P
  std::vector<std::string> prior_text;   // "normal(2.4, 0.7)"
  std::vector<double> prior_mean, prior_variance;
  std::int64_t draws = 0;                // D
  std::vector<double> values;            // [D, P] row-major
  std::vector<double> log_likelihood;    // [D]
  std::vector<PosteriorStage> stages;
  double log_evidence = 0;
  double final_ess = 0;
  std::vector<PosteriorCheckRow> check;
  std::vector<double> predictive;        // [D, check.size()] row-major: one predictive draw per
                                         // posterior draw and check row (counts as doubles)
  std::vector<std::string> misfits;      // one line per observation no particle reproduces
  PosteriorProvenance provenance;

  double value(std::int64_t draw, std::size_t parameter) const {
    return values[static_cast<std::size_t>(draw) * parameters.size() + parameter];
  }
};

inline constexpr const char* POSTERIOR_FILETYPE = "escalate-posterior";  // root attribute `filetype`
inline constexpr std::int64_t POSTERIOR_FORMAT_VERSION = 1;

// Writes atomically (a temporary beside it, then rename; file_publish.hpp): replaces an
// existing file only if `overwrite` (the caller checked the path before its work with
// check_output_path). Throws IoError (sizes that disagree are an internal error).
void write_posterior_file(const std::string& path, const PosteriorFile& posterior, bool overwrite = false);
// Throws FileError naming the file when it is missing, not HDF5, not a posterior file,
// or damaged (sizes that do not agree).
PosteriorFile read_posterior_file(const std::string& path);
// file_sha256(path), the SHA-256 of a file's bytes as 64 hex digits, is declared in
// base/sha256.hpp (included above): configs and records are hashed below the output layer.

}  // namespace escalate
