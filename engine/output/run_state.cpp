#include "escalate/run_state.hpp"

#include "escalate/error.hpp"
#include "escalate/hdf5_file.hpp"
#include "escalate/result_file.hpp"

namespace escalate {

namespace {
std::vector<std::int64_t> widen(const std::vector<std::uint8_t>& v) { return {v.begin(), v.end()}; }

void expect_size(const std::string& path, const std::string& name, std::size_t got, std::size_t want) {
  if (got != want) {
    throw UsageError(path + ": state/" + name + " has " + std::to_string(got) + " values, the stored config implies " +
                     std::to_string(want) + " (damaged file?)");
  }
}
}  // namespace

void write_state(H5Writer& h5, const DriverResult& d, const ShardInfo& shard) {
  const PooledTally& p = d.tally.pooled;
  std::vector<std::int64_t> war_by_time, reached, nuclear, trajectories, outcomes;
  for (const auto& dt : d.tally.draws) {
    war_by_time.insert(war_by_time.end(), dt.war_by_time.begin(), dt.war_by_time.end());
    reached.insert(reached.end(), dt.reached, dt.reached + NUM_PHASES);
    nuclear.push_back(dt.nuclear);
    trajectories.push_back(dt.trajectories);
  }
  for (const auto& b : d.batches) outcomes.insert(outcomes.end(), {b.trajectories, b.war, b.spiral, b.nuclear});
  std::vector<std::int64_t> counters = {p.countermeasures, p.signals, p.evaluations, p.trajectories};
  std::vector<std::int64_t> batch_index(d.batch_done.size());
  for (std::size_t b = 0; b < batch_index.size(); ++b) batch_index[b] = static_cast<std::int64_t>(b);
  h5.dimension("state/batch", batch_index, {"batch of trajectories (fixed layout: <= 256 trajectories of one draw)", ""});
  h5.dimension("state/counter", std::vector<std::string>{"countermeasures", "signals", "evaluations", "trajectories"},
               {"run-wide counter", ""});
  h5.dimension("state/batch_field", std::vector<std::string>{"trajectories", "war", "spiral", "nuclear"}, {"batch outcome", ""});
  const VariableAttributes count{"integer tally (mergeable state)", "count"};
  h5.variable("state/occupancy", p.occupancy, {"time_days", "phase"}, count);
  h5.variable("state/reached", p.reached, {"time_days", "phase"}, count);
  h5.variable("state/incidents", p.incidents, {"incident", "phase"}, count);
  h5.variable("state/war_cause", p.war_cause, {"cause"}, count);
  h5.variable("state/spiral_cause", p.spiral_cause, {"cause"}, count);
  h5.variable("state/chain_at_least", std::vector<std::int64_t>(p.chain_at_least, p.chain_at_least + MAX_CHAIN_TALLY),
              {"chain_length"}, count);
  h5.variable("state/counters", counters, {"state/counter"}, count);
  h5.variable("state/draw_war_by_time", war_by_time, {"draw", "time_days"}, count);
  h5.variable("state/draw_reached", reached, {"draw", "phase"}, count);
  h5.variable("state/draw_nuclear", nuclear, {"draw"}, count);
  h5.variable("state/draw_trajectories", trajectories, {"draw"}, count);
  h5.variable("state/batch_done", widen(d.batch_done), {"state/batch"}, {"1 where the batch is in the tallies", ""});
  h5.variable("state/batch_outcome", outcomes, {"state/batch", "state/batch_field"}, count);
  h5.attribute("", "shard_index", shard.index);
  h5.attribute("", "shard_count", shard.count);
}

StoredRun read_stored_run(const std::string& path) {
  H5Reader h5(path);
  if (!h5.has_attribute("", "filetype") || h5.string_attribute("", "filetype") != RESULT_FILETYPE) {
    throw UsageError(path + ": not an Escalate result file (filetype is not '" + std::string(RESULT_FILETYPE) + "')");
  }
  std::int64_t format = h5.int_attribute("", "format_version");
  if (format != RESULT_FORMAT_VERSION) {
    throw UsageError(path + ": result format " + std::to_string(format) + ", this engine reads format " +
                     std::to_string(RESULT_FORMAT_VERSION));
  }
  if (!h5.has("state/batch_done")) throw UsageError(path + ": has no mergeable state (written by an older engine?)");
  StoredRun s;
  s.path = path;
  s.config = load_config_text(h5.string_attribute("", "config"), path + ":/config", h5.string_attribute("", "config_path"));
  s.engine_version = h5.string_attribute("", "engine_version");
  s.schema_version = h5.int_attribute("", "schema_version");
  s.wall_seconds = h5.double_attribute("", "wall_time_seconds");
  s.threads = h5.int_attribute("", "threads");
  s.shard.index = h5.int_attribute("", "shard_index");
  s.shard.count = h5.int_attribute("", "shard_count");

  const Config& c = s.config;
  const std::int64_t M = c.run.draws, T = c.run.grid_points(), K = static_cast<std::int64_t>(c.incidents.size());
  const std::int64_t C = K + NUM_NON_INCIDENT_CAUSES;
  const BatchLayout layout = BatchLayout::of(c.run);
  DriverResult& d = s.driver;
  d.tally = RunTally(M, T, K, C);
  PooledTally& p = d.tally.pooled;
  auto load = [&](const char* name, std::vector<std::int64_t>& into) {
    auto v = h5.int64s(std::string("state/") + name);
    expect_size(path, name, v.size(), into.size());
    into = std::move(v);
  };
  load("occupancy", p.occupancy);
  load("reached", p.reached);
  load("incidents", p.incidents);
  load("war_cause", p.war_cause);
  load("spiral_cause", p.spiral_cause);
  auto chain = h5.int64s("state/chain_at_least");
  expect_size(path, "chain_at_least", chain.size(), MAX_CHAIN_TALLY);
  std::copy(chain.begin(), chain.end(), p.chain_at_least);
  auto counters = h5.int64s("state/counters");
  expect_size(path, "counters", counters.size(), 4);
  p.countermeasures = counters[0], p.signals = counters[1], p.evaluations = counters[2], p.trajectories = counters[3];
  auto war = h5.int64s("state/draw_war_by_time");
  auto reached = h5.int64s("state/draw_reached");
  auto nuclear = h5.int64s("state/draw_nuclear");
  auto trajectories = h5.int64s("state/draw_trajectories");
  expect_size(path, "draw_war_by_time", war.size(), static_cast<std::size_t>(M * T));
  expect_size(path, "draw_reached", reached.size(), static_cast<std::size_t>(M * NUM_PHASES));
  expect_size(path, "draw_nuclear", nuclear.size(), static_cast<std::size_t>(M));
  expect_size(path, "draw_trajectories", trajectories.size(), static_cast<std::size_t>(M));
  for (std::int64_t m = 0; m < M; ++m) {
    DrawTally& dt = d.tally.draws[static_cast<std::size_t>(m)];
    std::copy(war.begin() + m * T, war.begin() + (m + 1) * T, dt.war_by_time.begin());
    std::copy(reached.begin() + m * NUM_PHASES, reached.begin() + (m + 1) * NUM_PHASES, dt.reached);
    dt.nuclear = nuclear[static_cast<std::size_t>(m)];
    dt.trajectories = trajectories[static_cast<std::size_t>(m)];
  }
  auto done = h5.int64s("state/batch_done");
  auto outcomes = h5.int64s("state/batch_outcome");
  expect_size(path, "batch_done", done.size(), static_cast<std::size_t>(layout.batches));
  expect_size(path, "batch_outcome", outcomes.size(), static_cast<std::size_t>(layout.batches * 4));
  d.batch_done.assign(done.begin(), done.end());
  d.batches.resize(done.size());
  for (std::size_t b = 0; b < done.size(); ++b) {
    d.batches[b] = {outcomes[4 * b], outcomes[4 * b + 1], outcomes[4 * b + 2], outcomes[4 * b + 3]};
  }
  d.complete = std::all_of(d.batch_done.begin(), d.batch_done.end(), [](auto x) { return x == 1; });
  d.threads = static_cast<int>(s.threads);
  return s;
}

}  // namespace escalate
