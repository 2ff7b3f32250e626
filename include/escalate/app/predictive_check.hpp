#pragma once
// The posterior predictive check of a calibration (issue 19 items 4 and 6;
// docs/calibration.md, "The posterior predictive check"): every window simulated once per
// posterior draw and thinned as in the likelihood; for every entry of the record (each
// count per type and period, each answer per type and rung, each outcome) the observed
// value, the predictive median and 90% band, a randomised PIT, and whether it is an
// outlier: PIT < 0.005 or > 0.995 whatever the randomisation, i.e. F(high) < 0.005 or
// F(low - 1) > 0.995 (no more than 0.5% of the draws reach the observation). Entries the record leaves unobserved get rows too
// (observed and PIT NaN, never outliers), so held-out years can be scored.
#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/config/record.hpp"
#include "escalate/output/posterior_file.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalate::app {

// One entry of the record that the check compares.
struct CheckSpec {
  enum class Kind { Count, Answer, Outcome };
  std::string observation;  // "pre_war/counts/close-encounter/2016", ".../answers/<type>/<rung>", ".../outcomes/wars"
  std::size_t window = 0;
  Kind kind = Kind::Count;
  std::size_t type = 0;
  std::size_t index = 0;     // the period (counts) or the rung (answers)
  WindowOutcome outcome = WindowOutcome::Wars;
  std::optional<ObservedRange> observed;  // nullopt: not observed
};

// Every entry of every window, in the order: counts (type, period), answers (type, rung), outcomes.
std::vector<CheckSpec> check_specs_of(const Record& record);

// The value of the entry in a recorded trajectory of its window.
double check_value(const CheckSpec& spec, const RecordedTrajectory& trajectory);

// The row of one entry from its predictive draws; `u` in (0, 1) randomises the PIT of
// discrete values: F(low - 1) + u (F(high) - F(low - 1)), F the draws' empirical CDF
// (low = high for a count; an interval outcome spreads u over its values).
PosteriorCheckRow check_row(const CheckSpec& spec, std::vector<double> draws, double u);

// "pre_war/counts/x/2016: observed 4, predictive median 0, 90% band [0, 1], PIT 0.998 (4 above the band)".
std::string misfit_line(const PosteriorCheckRow& row);

// The stage number of the predictive check's stream keys: never a sampler stage.
inline constexpr std::uint64_t PREDICTIVE_STAGE = 0xFFFF'FFFF;

struct PredictiveCheck {
  std::vector<PosteriorCheckRow> rows;
  std::vector<double> predictive;  // [draw, row] row-major
  std::vector<std::string> misfits;
};

// Draw d simulates trajectory 0 of each window keyed by (seed, PREDICTIVE_STAGE, 0, d);
// the PITs take one uniform per row from the stream (seed, PREDICTIVE_STAGE, 1, 0). Draws
// on threads (and split across the ranks of `cluster`, if given) like the likelihood: the
// result does not depend on `threads` or ranks.
PredictiveCheck predictive_check(const CalibrationModel& model, const WindowRunnerFactory& make_runner,
                                 const Record& record, const std::vector<std::vector<double>>& draws,
                                 std::uint64_t seed, int threads, const Cluster* cluster = nullptr);

}  // namespace escalate::app
