// One likelihood estimate of a calibration, and the batch on threads (calibration_likelihood.hpp).
#include "escalate/app/calibration_likelihood.hpp"

#include "escalate/sim/parallel_rows.hpp"

#include <stdexcept>
#include <utility>

namespace escalate::app {

CalibrationModel calibration_model(CalibrationSpace space, const Record& record, std::int64_t trajectories) {
  CalibrationModel model;
  model.space = std::move(space);
  for (const RecordWindow& w : record.windows) model.layouts.push_back(SummaryLayout::of(w));
  model.trajectories = trajectories;
  return model;
}

std::uint64_t engine_seed_of(const infer::StreamKey& key, std::size_t window) {
  infer::InferStream stream(key, infer::StreamPurpose::Likelihood, SEED_OFFSET + window);
  return stream();
}

std::vector<RecordedTrajectory> recorded_window(const CalibrationModel& model, WindowRunner& runner, std::size_t window,
                                                std::span<const double> theta, const infer::StreamKey& key,
                                                std::int64_t n) {
  if (window >= MAX_WINDOWS) throw std::invalid_argument("recorded_window: at most 127 windows");
  const std::vector<double> engine = model.space.engine_values(window, theta);
  runner.prepare(window, engine);
  const std::uint64_t seed = engine_seed_of(key, window);
  infer::InferStream thinning(key, infer::StreamPurpose::Likelihood, THINNING_OFFSET + window);
  std::vector<RecordedTrajectory> out;
  out.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    out.push_back(thin(runner.run(window, i, seed), model.space.reporting[window], theta, thinning));
  }
  return out;
}

double row_log_likelihood(const CalibrationModel& model, WindowRunner& runner, std::span<const double> theta,
                          const infer::StreamKey& key) {
  double total = 0;
  for (std::size_t w = 0; w < model.layouts.size(); ++w) {
    total += window_log_likelihood(model.layouts[w], recorded_window(model, runner, w, theta, key, model.trajectories));
  }
  return total;
}

infer::BatchLogLikelihood batch_log_likelihood(const CalibrationModel& model, WindowRunnerFactory make_runner,
                                               int threads, const std::atomic<bool>* interrupt,
                                               std::atomic<std::int64_t>* rows_done, const Cluster* cluster) {
  // The runners outlive a batch (a runner holds its windows' simulators); slot s is used
  // by one thread at a time.
  auto runners = std::make_shared<std::vector<std::unique_ptr<WindowRunner>>>(
      static_cast<std::size_t>(parallel_slots(threads)));
  return [&model, make_runner = std::move(make_runner), threads, interrupt, rows_done, cluster, runners](
             const std::vector<std::vector<double>>& theta, const std::vector<infer::StreamKey>& keys) {
    const std::int64_t ranks = cluster ? cluster->size() : 1, rank = cluster ? cluster->rank() : 0;
    std::vector<double> out(theta.size(), 0.0);
    std::atomic<bool> stopped{false};
    parallel_rows(static_cast<std::int64_t>(theta.size()), threads, [&](std::int64_t row, int slot) {
      if (row % ranks != rank || stopped.load(std::memory_order_relaxed)) return;
      if (interrupt && interrupt->load(std::memory_order_relaxed)) {
        stopped = true;
        return;
      }
      auto& runner = runners->at(static_cast<std::size_t>(slot));
      if (!runner) runner = make_runner();
      const auto b = static_cast<std::size_t>(row);
      out[b] = row_log_likelihood(model, *runner, theta[b], keys[b]);
      if (rows_done) rows_done->fetch_add(1, std::memory_order_relaxed);
    });
    const bool any_stopped = cluster ? cluster->max(stopped ? 1.0 : 0.0) > 0 : stopped.load();
    if (any_stopped) throw LikelihoodStopped{};
    if (cluster) cluster->sum_all(out);
    return out;
  };
}

}  // namespace escalate::app
