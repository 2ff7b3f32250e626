#include "escalate/sim/batch_layout.hpp"

#include <algorithm>

namespace escalate {

BatchLayout BatchLayout::of(const RunSettings& run) {
  BatchLayout layout;
  layout.trajectories = run.trajectories;
  layout.batch_size = std::min(run.trajectories, BATCH_SIZE);
  const std::int64_t per_draw_limit = std::max<std::int64_t>(1, MAX_BATCHES / std::max<std::int64_t>(1, run.draws));
  if ((run.trajectories + layout.batch_size - 1) / layout.batch_size > per_draw_limit) {
    layout.batch_size = (run.trajectories + per_draw_limit - 1) / per_draw_limit;  // larger batches, never more of them
  }
  layout.batches_per_draw = (run.trajectories + layout.batch_size - 1) / layout.batch_size;
  layout.batches = layout.batches_per_draw * run.draws;
  return layout;
}

std::pair<std::int64_t, std::int64_t> BatchLayout::trajectories_of(std::int64_t batch) const {
  const std::int64_t first = (batch % batches_per_draw) * batch_size;
  return {first, std::min(trajectories, first + batch_size)};
}

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
  // Batch j of draw d goes to part (j + d) mod count: the position within the draw rotates
  // with the draw, so a draw's short last batch does not always land on the same part.
  for (std::int64_t b = 0; b < layout.batches; ++b) {
    const std::int64_t d = b / layout.batches_per_draw, j = b % layout.batches_per_draw;
    if ((j + d) % count == index) mask[static_cast<std::size_t>(b)] = 1;
  }
  return mask;
}

std::int64_t trajectories_in(const BatchLayout& layout, const std::vector<std::uint8_t>* mask) {
  if (!mask) return layout.batches_per_draw == 0 ? 0 : layout.trajectories * (layout.batches / layout.batches_per_draw);
  std::int64_t total = 0;
  for (std::int64_t b = 0; b < layout.batches; ++b) {
    if (!(*mask)[static_cast<std::size_t>(b)]) continue;
    auto [first, last] = layout.trajectories_of(b);
    total += last - first;
  }
  return total;
}

}  // namespace escalate
