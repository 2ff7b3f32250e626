#pragma once
// How draws x trajectories are cut into batches: a batch is a block of BATCH_SIZE
// trajectories of one draw (fewer when a draw has fewer), and of more when the run would
// otherwise have more than MAX_BATCHES batches: the bookkeeping kept per batch (tally
// slices, masks, the state/ datasets: about 50 bytes each) never grows with the number of
// trajectories. The layout depends only on the run's sizes, never on the machine, so
// threads, ranks, shards and resumed runs all see the same batches.
#include "escalate/config/config.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace escalate {

// Large enough to amortise preparing a draw, small enough to balance load and to stop
// quickly when asked.
inline constexpr std::int64_t BATCH_SIZE = 256;
// At most this many batches, or one per draw when there are more draws (the config caps draws).
inline constexpr std::int64_t MAX_BATCHES = std::int64_t{1} << 20;

struct BatchLayout {
  std::int64_t batch_size = 0;  // trajectories per batch (the last one of a draw may be short)
  std::int64_t batches_per_draw = 0;
  std::int64_t batches = 0;
  std::int64_t trajectories = 0;  // per draw

  static BatchLayout of(const RunSettings& run);
  std::int64_t draw_of(std::int64_t batch) const { return batch / batches_per_draw; }
  // Trajectories [first, last) of their draw that batch b computes.
  std::pair<std::int64_t, std::int64_t> trajectories_of(std::int64_t batch) const;
};

// The contiguous block of batches that part `index` of `count` computes (a shard):
// [first, last). Blocks partition the layout and depend only on the config.
std::pair<std::int64_t, std::int64_t> batch_block(const BatchLayout& layout, std::int64_t index, std::int64_t count);
std::vector<std::uint8_t> block_mask(const BatchLayout& layout, std::int64_t index, std::int64_t count);

// Batches dealt out in turn (MPI ranks), starting one part further on at each draw: draws
// differ in cost and a draw's last batch may be short, so this balances ranks better than
// contiguous blocks or a plain every-count-th deal; results are the same either way.
std::vector<std::uint8_t> interleaved_mask(const BatchLayout& layout, std::int64_t index, std::int64_t count);

// Trajectories in the batches where `mask` is 1 (all batches without a mask).
std::int64_t trajectories_in(const BatchLayout& layout, const std::vector<std::uint8_t>* mask);

}  // namespace escalate
