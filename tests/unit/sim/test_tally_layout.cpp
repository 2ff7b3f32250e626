#include "escalate/model/phase.hpp"
#include "escalate/sim/tally_layout.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace escalate;

TEST_CASE("Tally slices tile their blocks and take their shapes from the scenario", "[tally_layout]") {
  Scenario s;
  s.horizon_days = 100;
  s.grid_days = 5;  // T = 21
  s.incidents = {{"a", 0, 1}, {"b", 1, 0}};
  RunSettings run{4, 600, 7, ""};  // 3 batches per draw, 12 in all
  TallyLayout layout(s, BatchLayout::of(run), run.draws);
  CHECK(layout.draws() == 4);
  CHECK(layout.batches() == 12);
  CHECK(layout.slice("occupancy").shape == std::vector<std::int64_t>{21, PHASE_COUNT});
  CHECK(layout.slice("incidents").shape == std::vector<std::int64_t>{2, RATE_PHASE_COUNT});
  CHECK(layout.slice("war_cause").shape == std::vector<std::int64_t>{2 + BUILTIN_CAUSE_COUNT});
  CHECK(layout.slice("draw_war_by_time").shape == std::vector<std::int64_t>{21});
  CHECK_THROWS(layout.slice("no-such-slice"));
  // Within each scope the slices are contiguous, in order, and fill the block exactly.
  for (TallyScope scope : {TallyScope::Run, TallyScope::Draw, TallyScope::Batch}) {
    std::int64_t next = 0;
    for (const auto& slice : layout.slices()) {
      if (slice.scope != scope) continue;
      CHECK(slice.offset == next);
      next += slice.size();
    }
    std::int64_t block = scope == TallyScope::Run ? layout.run_block() : scope == TallyScope::Draw ? layout.draw_block() : layout.batch_block();
    CHECK(next == block);
  }
  CHECK(layout.total() == layout.run_block() + 4 * layout.draw_block() + 12 * layout.batch_block());
  // Instances of draw and batch slices sit one block apart, after the run block.
  const auto& d = layout.slice("draw_clash");
  CHECK(layout.start(d, 3) - layout.start(d, 2) == layout.draw_block());
  const auto& b = layout.slice("batch_done");
  CHECK(layout.start(b, 0) == layout.run_block() + 4 * layout.draw_block());
  CHECK(layout.start(b, 11) + layout.batch_block() - b.offset == layout.total());
}
