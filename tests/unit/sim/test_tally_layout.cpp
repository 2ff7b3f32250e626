#include "escalate/model/phase.hpp"
#include "escalate/sim/tally_layout.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <utility>

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

TEST_CASE("Each TallyId names the slice a file calls by its name, and reads the same counts", "[tally_layout]") {
  Scenario s;
  s.horizon_days = 30;
  s.grid_days = 10;
  RunSettings run{2, 400, 1, ""};
  TallyLayout layout(s, BatchLayout::of(run), run.draws);
  using I = TallyId;
  // A few pairs as a file spells them (tally_slices.hpp's rows give the rest).
  const std::pair<I, const char*> expected[] = {
      {I::Occupancy, "occupancy"}, {I::Decisions, "decisions"}, {I::WarDurations, "war_durations"},
      {I::Counters, "counters"}, {I::DrawWarByTime, "draw_war_by_time"}, {I::BatchOutcome, "batch_outcome"}};
  for (const auto& [id, name] : expected) CHECK(layout.slice(id).name == name);
  REQUIRE(layout.slices().size() == static_cast<std::size_t>(TallyId::Count));
  std::set<std::string> names;
  for (std::size_t k = 0; k < layout.slices().size(); ++k) {
    const auto id = static_cast<TallyId>(k);
    const std::string& name = layout.slice(id).name;
    INFO(name);
    CHECK(!name.empty());
    CHECK(names.insert(name).second);  // no two slices share a name in state/
    CHECK(&layout.slice(id) == &layout.slice(name));
  }
}

TEST_CASE("A slice's shape is the lengths of its registered axes in the scenario", "[tally_layout]") {
  Scenario s;
  s.horizon_days = 100;
  s.grid_days = 5;  // T = 21
  s.incidents = {{"a", 0, 1}, {"b", 1, 0}, {"c", 1, 1}};
  RunSettings run{2, 400, 1, ""};
  TallyLayout layout(s, BatchLayout::of(run), run.draws);
  CHECK(layout.length(TallyAxis::Time) == 21);
  CHECK(layout.length(TallyAxis::Incident) == 3);
  CHECK(layout.length(TallyAxis::Cause) == 3 + BUILTIN_CAUSE_COUNT);
  CHECK(layout.length(TallyAxis::Phase) == PHASE_COUNT);
  CHECK(layout.length(TallyAxis::Counter) == COUNTER_COUNT);
  CHECK(layout.length(TallyAxis::BatchField) == 5);
  for (const TallySliceSpec& spec : TALLY_SLICES) {
    const TallySlice& slice = layout.slice(spec.id);
    INFO(slice.name);
    CHECK(slice.name == spec.name);
    CHECK(slice.scope == spec.scope);
    REQUIRE(slice.axes.size() == slice.shape.size());
    std::size_t a = 0;
    for (TallyAxis axis : spec.axes) {
      if (axis == TallyAxis::None) continue;
      REQUIRE(a < slice.axes.size());
      CHECK(slice.axes[a] == axis);
      CHECK(slice.shape[a] == layout.length(axis));
      ++a;
    }
    CHECK(a == slice.axes.size());
  }
  // A scope's block starts where the previous one ends.
  CHECK(layout.block_start(TallyScope::Run) == 0);
  CHECK(layout.block_start(TallyScope::Draw, 1) == layout.run_block() + layout.draw_block());
  CHECK(layout.block_start(TallyScope::Batch, 0) == layout.run_block() + 2 * layout.draw_block());
}
