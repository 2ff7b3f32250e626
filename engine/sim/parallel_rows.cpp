#include "escalate/sim/parallel_rows.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/partitioner.h>
#include <oneapi/tbb/task_arena.h>

namespace escalate {

int parallel_slots(int threads) { return threads > 0 ? threads : tbb::info::default_concurrency(); }

void parallel_rows(std::int64_t rows, int threads, const std::function<void(std::int64_t row, int slot)>& work) {
  if (rows <= 0) return;
  tbb::task_arena arena(parallel_slots(threads));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::int64_t>(0, rows, 1),
        [&](const tbb::blocked_range<std::int64_t>& range) {
          // The arena's thread index is in [0, max_concurrency) and names one thread at a time.
          const int slot = tbb::this_task_arena::current_thread_index();
          for (std::int64_t row = range.begin(); row != range.end(); ++row) work(row, slot);
        },
        tbb::simple_partitioner());
  });
}

}  // namespace escalate
