#include "escalate/sim/batch_layout.hpp"

#include <catch2/catch.hpp>

#include <numeric>

using namespace escalate;

TEST_CASE("Batch layout depends only on the config", "[driver]") {
  RunSettings run;
  run.draws = 3;
  run.trajectories = 600;
  BatchLayout l = BatchLayout::of(run);
  CHECK(l.batch_size == 256);
  CHECK(l.batches_per_draw == 3);
  CHECK(l.batches == 9);
  CHECK(l.draw_of(5) == 1);
  run.trajectories = 10;
  CHECK(BatchLayout::of(run).batch_size == 10);
}

TEST_CASE("Shard blocks and rank interleaving each partition the batches", "[batch_layout]") {
  RunSettings run;
  run.draws = 7;
  run.trajectories = 1000;  // 4 batches per draw, 28 in all
  const BatchLayout l = BatchLayout::of(run);
  REQUIRE(l.batches == 28);
  CHECK(l.trajectories_of(3) == std::pair<std::int64_t, std::int64_t>{768, 1000});  // the short last batch
  for (std::int64_t parts : {1, 3, 5, 28}) {
    std::vector<int> covered(28, 0);
    std::int64_t trajectories = 0;
    for (std::int64_t i = 0; i < parts; ++i) {
      auto blocks = block_mask(l, i, parts), interleaved = interleaved_mask(l, i, parts);
      for (std::size_t b = 0; b < 28; ++b) covered[b] += blocks[b] + 10 * interleaved[b];
      trajectories += trajectories_in(l, &blocks);
    }
    for (int c : covered) CHECK(c == 11);  // each batch exactly once in each scheme
    CHECK(trajectories == 7000);
  }
  CHECK(trajectories_in(l, nullptr) == 7000);
}

TEST_CASE("Rank interleaving balances trajectories when a draw ends in a short batch", "[batch_layout]") {
  RunSettings run;
  run.draws = 200;
  run.trajectories = 400;  // batches of 256 and 144: a plain every-other deal gives rank 0 all the 256s
  const BatchLayout l = BatchLayout::of(run);
  REQUIRE(l.batches_per_draw == 2);
  auto r0 = interleaved_mask(l, 0, 2), r1 = interleaved_mask(l, 1, 2);
  CHECK(trajectories_in(l, &r0) == 40000);
  CHECK(trajectories_in(l, &r1) == 40000);
  run.draws = 9;
  run.trajectories = 1000;  // 4 batches per draw (256, 256, 256, 232) over 3 ranks
  const BatchLayout m = BatchLayout::of(run);
  for (std::int64_t i = 0; i < 3; ++i) {
    auto mask = interleaved_mask(m, i, 3);
    CHECK(trajectories_in(m, &mask) == 3000);
  }
}
