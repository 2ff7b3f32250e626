#pragma once
// The likelihood of a calibration (docs/calibration.md, "The likelihood"): for a row
// (θ, key) of the sampler's batch, every window of the record simulated n times at θ,
// thinned by the reporting probabilities, summarised and turned into a synthetic
// log-likelihood; the windows are simulated independently, so their logs add.
//
// Random numbers. Trajectory i of window w runs with the engine seed
// engine_seed_of(key, w) (the engine keys its own streams by (seed, draw 0, i)); the
// thinning of window w draws from InferStream(key, Likelihood, THINNING_OFFSET + w),
// trajectory after trajectory. A row's estimate is thus a function of (θ, key) alone,
// whatever thread computes it.
#include "escalate/app/calibration_space.hpp"
#include "escalate/app/calibration_summary.hpp"
#include "escalate/app/recorded_trajectory.hpp"
#include "escalate/infer/smc_sampler.hpp"
#include "escalate/sim/cluster.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace escalate::app {

// The engine side: trajectories of a window at a parameter point. One per thread.
class WindowRunner {
 public:
  virtual ~WindowRunner() = default;
  // engine_values: the window config's uncertain parameters, in its `uncertain` order.
  virtual void prepare(std::size_t window, std::span<const double> engine_values) = 0;
  // Trajectory `index` of the prepared window keyed by `seed`; valid until the next call.
  virtual const WindowObservation& run(std::size_t window, std::int64_t index, std::uint64_t seed) = 0;
};
using WindowRunnerFactory = std::function<std::unique_ptr<WindowRunner>()>;

// What one likelihood estimate needs besides the engine.
struct CalibrationModel {
  CalibrationSpace space;
  std::vector<SummaryLayout> layouts;  // per window
  std::int64_t trajectories = 0;       // n per window and estimate
};

// The model of a record's windows over `space`: one summary layout per window, n
// trajectories per estimate (calibrate, the engine SBC and the noise bench build it alike).
CalibrationModel calibration_model(CalibrationSpace space, const Record& record, std::int64_t trajectories);

// Offsets below 0x100 of the likelihood's stream purpose (infer_stream.hpp).
inline constexpr std::uint64_t THINNING_OFFSET = 0x01;  // + window
inline constexpr std::uint64_t SEED_OFFSET = 0x80;      // + window
inline constexpr std::size_t MAX_WINDOWS = 0x7F;

// The engine seed of window w for the estimate keyed by `key`: the first output of the
// Philox stream InferStream(key, Likelihood, SEED_OFFSET + w).
std::uint64_t engine_seed_of(const infer::StreamKey& key, std::size_t window);

// The n recorded trajectories of window w at θ (parameter values in the order of the space).
std::vector<RecordedTrajectory> recorded_window(const CalibrationModel& model, WindowRunner& runner, std::size_t window,
                                                std::span<const double> theta, const infer::StreamKey& key,
                                                std::int64_t n);

// One likelihood estimate: the sum over windows of window_log_likelihood.
double row_log_likelihood(const CalibrationModel& model, WindowRunner& runner, std::span<const double> theta,
                          const infer::StreamKey& key);

// Thrown out of a batch when `interrupt` was set (on any rank): the stage it belongs to is dropped.
struct LikelihoodStopped {};

// The sampler's batch likelihood: rows on `threads` threads (0: all cores), one runner per
// thread from `make_runner`; `rows_done` (if given) counts finished rows. With a cluster
// of R ranks, rank r computes rows r, r + R, ... and every rank gets every row (summed
// over ranks, each row filled by one: exact). Polls `interrupt` before each row; once it
// is set on any rank, the batch throws LikelihoodStopped on every rank.
infer::BatchLogLikelihood batch_log_likelihood(const CalibrationModel& model, WindowRunnerFactory make_runner,
                                               int threads, const std::atomic<bool>* interrupt = nullptr,
                                               std::atomic<std::int64_t>* rows_done = nullptr,
                                               const Cluster* cluster = nullptr);

}  // namespace escalate::app
