// --target-ci: trajectories added in rounds until the interval on pooled P(war) is narrow
// enough, or until only more draws could narrow it (docs/model.md, two-loop intervals).
#include "adaptive_precision.hpp"

#include "escalate/app/execution.hpp"
#include "escalate/base/error.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/statistics/statistics.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace escalate::app {

namespace {

// The half-width the spread of the true per-draw probabilities alone gives, and the draws
// that would reach `target` when the spread (not binomial noise) is what keeps it wide.
void judge_round(const PooledEstimate& war, PrecisionReport& report) {
  report.half_width = (war.hi - war.lo) / 2;
  // More trajectories per draw cannot push the interval below what the spread of the true
  // per-draw probabilities gives: t sd* / sqrt(M). Past that, only more draws help. The
  // estimate sd* is itself noisy: trust it only when the spread of the per-draw estimates
  // is significantly larger than binomial noise alone would give (chi-square test, 1%).
  const double M = static_cast<double>(war.draws);
  report.draw_floor = war.draws >= 2 && std::isfinite(war.between_draw_sd)
      ? t_quantile_95(M - 1) * war.between_draw_sd / std::sqrt(M) : 0.0;
  const double noise = war.within_draw_sd * war.within_draw_sd;
  const bool spread_is_real = war.draws >= 2 && noise > 0 &&
      (M - 1) * (war.between_draw_sd * war.between_draw_sd + noise) / noise > chi_square_quantile(M - 1, 0.99);
  if (report.half_width > report.target && report.draw_floor > report.target && spread_is_real) {
    const double ratio = report.draw_floor / report.target;
    report.draws_needed = static_cast<std::int64_t>(std::ceil(M * ratio * ratio));
  }
}

// The rounds' tallies (in the cap's layout) re-expressed in the layout of a plain run with
// the final count: run and draw blocks are the same in both, batch blocks move.
DriverResult relayout(const DriverResult& total, const BatchLayout& from, const Config& final_config) {
  const BatchLayout to_layout = BatchLayout::of(final_config.run);
  DriverResult out = empty_result(final_config);
  out.draws = total.draws;
  out.threads = total.threads;
  RunTally& into = out.tally;
  const TallyLayout& to = into.layout;
  std::copy_n(total.tally.counts.begin(), to.run_block() + to.draws() * to.draw_block(), into.counts.begin());
  for (std::int64_t m = 0; m < final_config.run.draws; ++m) {
    for (std::int64_t k = 0; k < to_layout.batches_per_draw; ++k) {
      for (const TallySlice& slice : to.slices()) {
        if (slice.scope != TallyScope::Batch) continue;
        auto from_values = total.tally.at(slice.name, m * from.batches_per_draw + k);
        std::copy(from_values.begin(), from_values.end(), into.at(slice.name, m * to_layout.batches_per_draw + k).begin());
      }
    }
  }
  out.complete = into.complete();
  return out;
}

}  // namespace

AdaptiveRun run_adaptive(const RunRequest& request, const Config& first, const Callbacks& callbacks, const DrawTable* draws) {
  constexpr std::int64_t BATCH = BATCH_SIZE;
  auto whole = [&](std::int64_t n) { return (n + BATCH - 1) / BATCH * BATCH; };
  const std::int64_t start = whole(std::max<std::int64_t>(first.run.trajectories, BATCH));
  const std::int64_t cap = whole(request.max_trajectories > 0 ? request.max_trajectories : 64 * start);
  if (cap < start) throw RequestError("--max-trajectories must be at least the first round (" + std::to_string(start) + ")");
  ConfigOverrides o = request.overrides;
  o.trajectories = cap;
  const Config capped = load_config(request.config, o);
  const BatchLayout layout = BatchLayout::of(capped.run);
  if (layout.batch_size != BATCH) {  // rounds add whole batches of BATCH_SIZE
    throw RequestError("--target-ci: a cap of " + std::to_string(cap) + " trajectories per draw with " +
                     std::to_string(capped.run.draws) + " draws exceeds " + std::to_string(MAX_BATCHES) +
                     " batches; lower --max-trajectories (at most " +
                     std::to_string(std::max<std::int64_t>(1, MAX_BATCHES / capped.run.draws) * BATCH) + ")");
  }
  DriverResult total;
  std::int64_t per_draw = 0;
  AdaptiveRun out;
  out.report.target = request.target_ci;
  const auto t0 = std::chrono::steady_clock::now();
  for (std::int64_t next = start;; next = std::min(cap, 2 * next)) {
    std::vector<std::uint8_t> mask(static_cast<std::size_t>(layout.batches), 0);
    for (std::int64_t b = 0; b < layout.batches; ++b) {
      std::int64_t k = b % layout.batches_per_draw;
      mask[static_cast<std::size_t>(b)] = k >= per_draw / BATCH && k < next / BATCH;
    }
    Execution e = execute(capped, request.threads, callbacks, "", &mask, draws);  // rows do not depend on trajectories
    if (out.report.rounds++ == 0) total = e.driver; else merge_driver_results(total, e.driver);
    if (e.driver.stopped) throw Interrupted("interrupted during --target-ci: nothing written");
    per_draw = next;
    // The interval the results will report (both loops, MODEL §11), read from integer tallies.
    std::vector<std::int64_t> wars, trials;
    for (std::int64_t m = 0; m < capped.run.draws; ++m) {
      wars.push_back(total.tally.value(TallyId::DrawReached, m, WAR));
      trials.push_back(total.tally.value(TallyId::DrawTrajectories, m));
    }
    judge_round(pooled_estimate(wars, trials), out.report);
    std::ostringstream line;  // as std::ostream prints doubles: 6 significant digits
    line << "round " << out.report.rounds << ": " << per_draw << " trajectories per draw, 95% half-width on P(war) "
         << out.report.half_width << (out.report.half_width <= request.target_ci ? " <= " : " > ") << request.target_ci;
    callbacks.say(line.str());
    if (out.report.draws_needed > 0 || out.report.half_width <= request.target_ci || per_draw == cap) break;
  }
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  o.trajectories = per_draw;
  out.config = load_config(request.config, o);
  out.driver = relayout(total, layout, out.config);
  return out;
}

}  // namespace escalate::app
