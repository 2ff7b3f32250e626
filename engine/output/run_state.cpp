#include "escalate/output/run_state.hpp"
#include "escalate/output/tally_names.hpp"

#include "escalate/base/names.hpp"
#include "escalate/model/phase.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/base/input_file.hpp"

#include <cmath>

namespace escalate {

namespace {
// The dimensions a slice is stored under: draw and batch slices gain a leading axis.
std::vector<std::string> stored_dims(const TallySlice& s, const TallyNames& names) {
  std::vector<std::string> dims;
  if (s.scope == TallyScope::Draw) dims.push_back("draw");
  if (s.scope == TallyScope::Batch) dims.push_back("state/batch");
  dims.insert(dims.end(), names.dims.begin(), names.dims.end());
  return dims;
}

std::int64_t instances(const TallyLayout& layout, const TallySlice& s) {
  return s.scope == TallyScope::Draw ? layout.draws() : s.scope == TallyScope::Batch ? layout.batches() : 1;
}
}  // namespace

void write_state(H5Writer& h5, const DriverResult& d, const ShardInfo& shard) {
  const TallyLayout& layout = d.tally.layout;
  std::vector<std::int64_t> batch_index(static_cast<std::size_t>(layout.batches()));
  for (std::size_t b = 0; b < batch_index.size(); ++b) batch_index[b] = static_cast<std::int64_t>(b);
  h5.dimension("state/batch", batch_index,
               {"batch of trajectories (fixed layout: blocks of " + std::to_string(BATCH_SIZE) +
                " trajectories of one draw, larger beyond " + std::to_string(MAX_BATCHES) + " batches)", CF_DIMENSIONLESS});
  for (const StateDimension& d : STATE_DIMENSIONS) h5.dimension(d.name, d.labels, {d.long_name, ""});
  for (std::size_t k = 0; k < layout.slices().size(); ++k) {
    const auto id = static_cast<TallyId>(k);
    const TallySlice& s = layout.slice(id);
    const TallyNames& names = tally_names(id);
    std::vector<std::int64_t> data;
    for (std::int64_t i = 0; i < instances(layout, s); ++i) {
      auto part = d.tally.at(id, i);
      data.insert(data.end(), part.begin(), part.end());
    }
    h5.variable("state/" + s.name, data, stored_dims(s, names), {names.long_name, CF_DIMENSIONLESS});
  }
  h5.attribute("", "shard_index", shard.index);
  h5.attribute("", "shard_count", shard.count);
}

namespace {

// The shape a slice is stored with: instances first (draws or batches), then its own.
std::vector<hsize_t> stored_shape(const TallyLayout& layout, const TallySlice& s) {
  std::vector<hsize_t> shape;
  if (s.scope != TallyScope::Run) shape.push_back(static_cast<hsize_t>(instances(layout, s)));
  for (auto d : s.shape) shape.push_back(static_cast<hsize_t>(d));
  return shape;
}

// Every count of a stored state against the others: what a run writes always satisfies
// these, so a file that does not was damaged or edited.
void check_tallies(const std::string& path, const RunTally& t, const BatchLayout& batches) {
  auto bad = [&](const std::string& what) {
    throw FileError(path + ": state/" + what + " (damaged or edited file)");
  };
  for (std::int64_t c : t.counts) {
    if (c < 0) bad("holds a negative count");
  }
  const TallyLayout& layout = t.layout;
  const std::int64_t T = layout.slice(TallyId::Occupancy).shape[0];
  constexpr std::size_t F = names::BATCH_OUTCOME_FIELDS.size();
  std::vector<std::int64_t> draw_sum(static_cast<std::size_t>(layout.draws()) * F, 0);
  for (std::int64_t b = 0; b < layout.batches(); ++b) {
    const std::int64_t done = t.value(TallyId::BatchDone, b);
    const auto o = t.at(TallyId::BatchOutcome, b);
    if (done != 0 && done != 1) bad("batch_done[" + std::to_string(b) + "] is " + std::to_string(done) + ", not 0 or 1");
    const auto [first, last] = batches.trajectories_of(b);
    using namespace names;  // the fields: nuclear <= war <= spiral <= trajectories, war <= clash <= trajectories
    if (o[BATCH_TRAJECTORIES] != (done ? last - first : 0) || o[BATCH_SPIRAL] > o[BATCH_TRAJECTORIES] ||
        o[BATCH_WAR] > o[BATCH_SPIRAL] || o[BATCH_NUCLEAR] > o[BATCH_WAR] || o[BATCH_CLASH] > o[BATCH_TRAJECTORIES] ||
        o[BATCH_WAR] > o[BATCH_CLASH]) {
      bad("batch_outcome[" + std::to_string(b) + "] does not fit its batch");
    }
    const std::size_t m = static_cast<std::size_t>(batches.draw_of(b));
    for (std::size_t k = 0; k < F; ++k) draw_sum[m * F + k] += o[k];
  }
  std::int64_t n = 0, nuclear = 0;
  for (std::int64_t m = 0; m < layout.draws(); ++m) {
    const std::size_t i = static_cast<std::size_t>(m) * F;
    const std::int64_t nm = t.value(TallyId::DrawTrajectories, m);
    const auto reached = t.at(TallyId::DrawReached, m);
    const std::string draw = "[" + std::to_string(m) + "]";
    if (nm != draw_sum[i]) bad("draw_trajectories" + draw + " is not the sum of its batches");
    if (reached[0] != nm || reached[WAR] != draw_sum[i + 1] || reached[SPIRAL] != draw_sum[i + 2] ||
        reached[NUCLEAR] != draw_sum[i + 3] || t.value(TallyId::DrawClash, m) != draw_sum[i + 4]) {
      bad("draw_reached" + draw + " or draw_clash" + draw + " does not match its batches");
    }
    for (int k = 1; k < PHASE_COUNT; ++k) {
      if (reached[k] > reached[k - 1]) bad("draw_reached" + draw + " rises with the phase");
    }
    for (std::int64_t c : t.at(TallyId::DrawWarByTime, m)) {
      if (c > nm) bad("draw_war_by_time" + draw + " counts more trajectories than the draw has");
    }
    if (t.value(TallyId::DrawRunaways, m) > nm) bad("draw_runaways" + draw + " exceeds the draw's trajectories");
    n += nm;
    nuclear += reached[NUCLEAR];
  }
  const auto counters = t.at(TallyId::Counters);
  if (counters[TRAJECTORIES] != n) bad("counters[trajectories] is not the sum of the draws");
  const auto occupancy = t.at(TallyId::Occupancy), reached = t.at(TallyId::Reached);
  for (std::int64_t k = 0; k < T; ++k) {
    std::int64_t row = 0;
    for (int p = 0; p < PHASE_COUNT; ++p) {
      const std::size_t at = static_cast<std::size_t>(k * PHASE_COUNT + p);
      row += occupancy[at];
      if (reached[at] > (p == 0 ? n : reached[at - 1])) bad("reached exceeds the trajectories or rises with the phase");
    }
    if (row != n || reached[static_cast<std::size_t>(k * PHASE_COUNT)] != n) {
      bad("occupancy or reached at time index " + std::to_string(k) + " does not add up to the trajectories");
    }
  }
  auto sum = [&](TallyId id) {
    std::int64_t total = 0;
    for (std::int64_t c : t.at(id)) total += c;
    return total;
  };
  if (sum(TallyId::SpiralCause) > n || sum(TallyId::ClashCause) > n) bad("spiral_cause or clash_cause counts more events than trajectories");
  if (sum(TallyId::WarCause) != counters[WARS]) bad("war_cause does not add up to the wars");
  if (sum(TallyId::WarDurations) + sum(TallyId::WarDurationsCensored) != counters[WARS]) bad("war_durations do not add up to the wars");
  if (sum(TallyId::NuclearBySide) != nuclear) bad("nuclear_by_side does not match the draws' nuclear use");
  // The draws' decisions on incidents add up to the run's decisions on incident causes.
  const auto decisions = t.at(TallyId::Decisions);
  const std::int64_t KR = layout.slice(TallyId::DrawIncidentDecisions).size();
  for (std::int64_t i = 0; i < KR; ++i) {
    std::int64_t draws_total = 0;
    for (std::int64_t m = 0; m < layout.draws(); ++m) draws_total += t.value(TallyId::DrawIncidentDecisions, m, i);
    if (draws_total != decisions[static_cast<std::size_t>(i)]) bad("draw_incident_decisions do not add up to the decisions on incidents");
  }
}

// The parameter draws as the run drew them (never drawn again), each inside its support.
DrawTable read_draw_table(H5Reader& h5, const Config& config, const std::string& path) {
  DrawTable table;
  table.draws = config.run.draws;
  table.parameters = static_cast<std::int64_t>(config.uncertain.size());
  table.values = h5.values<double>("draws/parameters", {static_cast<hsize_t>(table.draws), static_cast<hsize_t>(table.parameters)});
  for (std::int64_t m = 0; m < table.draws; ++m) {
    for (std::int64_t p = 0; p < table.parameters; ++p) {
      const double x = table.values[static_cast<std::size_t>(m * table.parameters + p)];
      const Range support = config.uncertain[static_cast<std::size_t>(p)].dist.support();
      if (std::isnan(x) || (std::isfinite(x) && !Range{support.lo, support.hi}.contains(x))) {
        throw FileError(path + ": draws/parameters[" + std::to_string(m) + ", " + std::to_string(p) + "] = " +
                        std::to_string(x) + " lies outside the support of " +
                        config.uncertain[static_cast<std::size_t>(p)].path + " (damaged or edited file)");
      }
    }
  }
  return table;
}

}  // namespace

StoredRun read_stored_run(const std::string& path) {
  H5Reader h5(path);
  if (!h5.has_attribute("", "filetype") || h5.string_attribute("", "filetype", 64) != RESULT_FILETYPE) {
    throw FileError(path + ": not an Escalate result file (filetype is not '" + std::string(RESULT_FILETYPE) + "')");
  }
  require_format_version(path, h5.int_attribute("", "format_version"));
  if (!h5.has("state/batch_done")) throw FileError(path + ": has no mergeable state (written by an older engine?)");
  StoredRun s;
  s.path = path;
  const std::string text = h5.string_attribute("", "config", MAX_CONFIG_BYTES);
  const std::string config_path = h5.string_attribute("", "config_path", 4096);
  try {
    s.config = load_config_text(text, path + ":/config", config_path);
  } catch (const ConfigError& e) {
    throw FileError(path + ": the stored config is not valid (damaged or edited file): " + e.what());
  }
  s.engine_version = h5.string_attribute("", "engine_version", 256);
  if (h5.has_attribute("", "history")) s.history = h5.string_attribute("", "history", MAX_CONFIG_BYTES);
  s.schema_version = h5.int_attribute("", "schema_version");
  s.wall_seconds = h5.double_attribute("", "wall_time_seconds");
  s.threads = h5.int_attribute("", "threads");
  if (h5.has_attribute("", "posterior_sha256")) {
    s.posterior = h5.string_attribute("", "posterior", 4096);
    s.posterior_sha256 = h5.string_attribute("", "posterior_sha256", 64);
  }
  s.shard.index = h5.int_attribute("", "shard_index");
  s.shard.count = h5.int_attribute("", "shard_count");

  // Cross-field consistency, before anything is allocated from these sizes.
  const RunSettings& run = s.config.run;
  const BatchLayout batches = BatchLayout::of(run);
  auto edited = [&](const std::string& what) { throw FileError(path + ": " + what + " (damaged or edited file)"); };
  if (s.schema_version < 1 || s.schema_version > 1000) edited("schema_version " + std::to_string(s.schema_version) + " is implausible");
  if (s.wall_seconds < 0) edited("wall_time_seconds is negative");
  if (s.threads < 1 || s.threads > 1'000'000) edited("threads = " + std::to_string(s.threads) + " is implausible");
  if (s.shard.count < 1 || s.shard.count > batches.batches) {
    edited("shard_count = " + std::to_string(s.shard.count) + " is not in [1, " + std::to_string(batches.batches) +
           "] (the run's batches)");
  }
  if (s.shard.index < 0 || s.shard.index >= s.shard.count) {
    edited("shard_index = " + std::to_string(s.shard.index) + " is not in [0, shard_count)");
  }
  if (h5.int_attribute("", "draws") != run.draws || h5.int_attribute("", "trajectories") != run.trajectories ||
      h5.uint_attribute("", "seed") != run.seed ||
      h5.int_attribute("", "horizon_days") != s.config.scenario.horizon_days ||
      h5.int_attribute("", "grid_days") != s.config.scenario.grid_days) {
    edited("draws, trajectories, seed, horizon_days or grid_days differ from the stored config");
  }

  DriverResult& d = s.driver;
  const TallyLayout layout(s.config.scenario, batches, run.draws);
  if (h5.values<std::int64_t>("state/batch_done", stored_shape(layout, layout.slice(TallyId::BatchDone))).empty() &&
      layout.batches() > 0) {
    edited("state/batch_done is empty");
  }
  d = empty_result(s.config);
  for (const TallySlice& slice : layout.slices()) {
    auto values = h5.values<std::int64_t>("state/" + slice.name, stored_shape(layout, slice));
    const std::int64_t n = instances(layout, slice);
    for (std::int64_t i = 0; i < n; ++i) {
      auto into = d.tally.at(slice.name, i);
      std::copy(values.begin() + i * slice.size(), values.begin() + (i + 1) * slice.size(), into.begin());
    }
  }
  check_tallies(path, d.tally, batches);
  d.complete = d.tally.complete();
  if (h5.int_attribute("", "trajectories_done") != d.tally.value(TallyId::Counters, 0, TRAJECTORIES) ||
      h5.int_attribute("", "complete") != (d.complete ? 1 : 0)) {
    edited("trajectories_done or complete differ from the stored state");
  }
  d.draws = read_draw_table(h5, s.config, path);
  d.threads = static_cast<int>(s.threads);
  return s;
}

}  // namespace escalate
