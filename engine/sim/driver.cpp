#include "escalate/sim/driver.hpp"

#include "escalate/model/trajectory.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <mutex>
#include <stdexcept>

namespace escalate {

namespace {
struct Worker {
  Worker(const Config& config, const TallyLayout& layout)
      : trajectory(config.scenario), batch(layout) {}
  Trajectory trajectory;
  TrajectoryRecord record;
  BatchTally batch;
};
}  // namespace

DriverResult empty_result(const Config& config) {
  DriverResult result;
  result.tally = RunTally(TallyLayout(config.scenario, BatchLayout::of(config.run), config.run.draws));
  return result;
}

void merge_driver_results(DriverResult& into, const DriverResult& other) {
  into.tally.merge_from(other.tally);
  into.complete = into.tally.complete();
}

DriverResult run_simulation(const Config& config, const DriverOptions& options) {
  const BatchLayout layout = BatchLayout::of(config.run);
  DriverResult result = empty_result(config);
  if (options.draws && (options.draws->draws != config.run.draws ||
                        options.draws->parameters != static_cast<std::int64_t>(config.uncertain.size()))) {
    throw std::invalid_argument("run_simulation: the given draw table does not match the config's draws and parameters");
  }
  result.draws = options.draws ? *options.draws : DrawTable::of(config);
  result.threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  auto stop_requested = [&] { return options.stop && options.stop->load(std::memory_order_relaxed); };

  std::mutex fold_mutex;
  tbb::enumerable_thread_specific<Worker> workers([&] { return Worker(config, result.tally.layout); });
  tbb::task_arena arena(result.threads);
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::int64_t>(0, layout.batches, 1),
        [&](const tbb::blocked_range<std::int64_t>& range) {
          Worker& w = workers.local();
          for (std::int64_t b = range.begin(); b != range.end(); ++b) {
            if (stop_requested()) return;
            if (options.run_batches && !(*options.run_batches)[static_cast<std::size_t>(b)]) continue;
            const std::int64_t m = layout.draw_of(b);
            const auto [first, last] = layout.trajectories_of(b);
            Parameters params = config.parameters_with(result.draws.row(m));
            w.trajectory.prepare(params);
            w.batch.clear();
            bool abandoned = false;
            for (std::int64_t n = first; n < last && !abandoned; ++n) {
              w.trajectory.run(m, n, config.run.seed, w.record, options.stop);
              w.batch.add(w.record);
              // A stop request drops the unfinished batch: results hold whole batches only.
              abandoned = stop_requested();
            }
            if (abandoned) return;
            {
              std::lock_guard lock(fold_mutex);
              w.batch.fold_into(result.tally, m, b);
            }
            if (options.trajectories_done) options.trajectories_done->fetch_add(last - first, std::memory_order_relaxed);
          }
        },
        tbb::simple_partitioner());
  });
  result.complete = result.tally.complete();
  result.stopped = stop_requested();
  return result;
}

}  // namespace escalate
