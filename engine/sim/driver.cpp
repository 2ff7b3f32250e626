#include "escalate/driver.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <mutex>

namespace escalate {

namespace {
// Large enough to amortise preparing a draw, small enough to balance load and to stop
// quickly when asked. Fixed: the layout must not depend on the machine.
constexpr std::int64_t BATCH_SIZE = 256;

struct Worker {
  explicit Worker(const Config& config)
      : trajectory(config), pooled(config.run.grid_points(), static_cast<std::int64_t>(config.incidents.size()),
                                   static_cast<std::int64_t>(cause_names(config).size())),
        draw(config.run.grid_points()) {}
  Trajectory trajectory;
  TrajectoryRecord record;
  PooledTally pooled;  // the current batch
  DrawTally draw;
};
}  // namespace

std::pair<std::int64_t, std::int64_t> batch_block(const BatchLayout& layout, std::int64_t index, std::int64_t count) {
  auto edge = [&](std::int64_t i) {
    __extension__ typedef __int128 wide;  // batches x index can exceed 64 bits
    return static_cast<std::int64_t>(static_cast<wide>(layout.batches) * i / count);
  };
  return {edge(index), edge(index + 1)};
}

std::vector<std::uint8_t> block_mask(const BatchLayout& layout, std::int64_t index, std::int64_t count) {
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(layout.batches), 0);
  auto [first, last] = batch_block(layout, index, count);
  for (std::int64_t b = first; b < last; ++b) mask[static_cast<std::size_t>(b)] = 1;
  return mask;
}

std::vector<std::uint8_t> interleaved_mask(const BatchLayout& layout, std::int64_t index, std::int64_t count) {
  std::vector<std::uint8_t> mask(static_cast<std::size_t>(layout.batches), 0);
  for (std::int64_t b = index; b < layout.batches; b += count) mask[static_cast<std::size_t>(b)] = 1;
  return mask;
}

void merge_driver_results(DriverResult& into, const DriverResult& other) {
  into.tally.merge_from(other.tally);
  for (std::size_t b = 0; b < into.batch_done.size(); ++b) {
    if (!other.batch_done[b]) continue;
    into.batch_done[b] = 1;
    into.batches[b] = other.batches[b];
  }
  into.complete = std::all_of(into.batch_done.begin(), into.batch_done.end(), [](auto d) { return d == 1; });
}

BatchLayout BatchLayout::of(const RunSettings& run) {
  BatchLayout layout;
  layout.batch_size = std::min(run.trajectories, BATCH_SIZE);
  layout.batches_per_draw = (run.trajectories + layout.batch_size - 1) / layout.batch_size;
  layout.batches = layout.batches_per_draw * run.draws;
  return layout;
}

DriverResult run_simulation(const Config& config, const DriverOptions& options) {
  const RunSettings& run = config.run;
  const BatchLayout layout = BatchLayout::of(run);
  const std::int64_t T = run.grid_points();
  const auto K = static_cast<std::int64_t>(config.incidents.size());
  const auto C = static_cast<std::int64_t>(cause_names(config).size());

  DriverResult result;
  result.tally = RunTally(run.draws, T, K, C);
  result.batch_done.assign(static_cast<std::size_t>(layout.batches), 0);
  result.batches.assign(static_cast<std::size_t>(layout.batches), BatchOutcome{});
  result.threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();

  std::mutex merge_mutex;
  tbb::enumerable_thread_specific<Worker> workers([&] { return Worker(config); });
  tbb::task_arena arena(result.threads);
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::int64_t>(0, layout.batches, 1),
        [&](const tbb::blocked_range<std::int64_t>& range) {
          Worker& w = workers.local();
          for (std::int64_t b = range.begin(); b != range.end(); ++b) {
            if (options.stop && options.stop->load(std::memory_order_relaxed)) return;
            if (options.run_batches && !(*options.run_batches)[static_cast<std::size_t>(b)]) continue;
            const std::int64_t m = layout.draw_of(b);
            const std::int64_t first = (b % layout.batches_per_draw) * layout.batch_size;
            const std::int64_t last = std::min(run.trajectories, first + layout.batch_size);
            Parameters params = config.draw(m);
            w.trajectory.prepare(params);
            w.pooled.clear();
            w.draw.clear();
            bool abandoned = false;
            for (std::int64_t n = first; n < last && !abandoned; ++n) {
              w.trajectory.run(m, n, w.record);
              w.pooled.add(w.record);
              w.draw.add(w.record);
              // A stop request drops the unfinished batch: results hold whole batches only.
              abandoned = options.stop && options.stop->load(std::memory_order_relaxed);
            }
            if (abandoned) return;
            {
              std::lock_guard lock(merge_mutex);
              result.tally.pooled.merge_from(w.pooled);
              result.tally.draws[static_cast<std::size_t>(m)].merge_from(w.draw);
              result.batch_done[static_cast<std::size_t>(b)] = 1;
              result.batches[static_cast<std::size_t>(b)] = {w.draw.trajectories, w.draw.reached[WAR],
                                                             w.draw.reached[SPIRAL], w.draw.nuclear};
            }
            if (options.trajectories_done) options.trajectories_done->fetch_add(last - first, std::memory_order_relaxed);
          }
        },
        tbb::simple_partitioner());
  });
  result.complete = std::all_of(result.batch_done.begin(), result.batch_done.end(), [](auto d) { return d == 1; });
  return result;
}

}  // namespace escalate
