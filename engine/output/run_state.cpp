#include "escalate/output/run_state.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/hdf5_reader.hpp"
#include "escalate/output/hdf5_writer.hpp"
#include "escalate/output/result_file.hpp"

namespace escalate {

namespace {
// The dimensions a slice is stored under: draw and batch slices gain a leading axis.
std::vector<std::string> stored_dims(const TallySlice& s) {
  std::vector<std::string> dims;
  if (s.scope == TallyScope::Draw) dims.push_back("draw");
  if (s.scope == TallyScope::Batch) dims.push_back("state/batch");
  dims.insert(dims.end(), s.dims.begin(), s.dims.end());
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
               {"batch of trajectories (fixed layout: <= " + std::to_string(BATCH_SIZE) + " trajectories of one draw)", ""});
  for (const StateDimension& d : STATE_DIMENSIONS) h5.dimension(d.name, d.labels, {d.long_name, ""});
  for (const TallySlice& s : layout.slices()) {
    std::vector<std::int64_t> data;
    for (std::int64_t i = 0; i < instances(layout, s); ++i) {
      auto part = d.tally.at(s.name, i);
      data.insert(data.end(), part.begin(), part.end());
    }
    h5.variable("state/" + s.name, data, stored_dims(s), {s.long_name, s.name == "batch_done" ? "" : "count"});
  }
  h5.attribute("", "shard_index", shard.index);
  h5.attribute("", "shard_count", shard.count);
}

StoredRun read_stored_run(const std::string& path) {
  H5Reader h5(path);
  if (!h5.has_attribute("", "filetype") || h5.string_attribute("", "filetype") != RESULT_FILETYPE) {
    throw FileError(path + ": not an Escalate result file (filetype is not '" + std::string(RESULT_FILETYPE) + "')");
  }
  std::int64_t format = h5.int_attribute("", "format_version");
  if (format != RESULT_FORMAT_VERSION) {
    throw FileError(path + ": result format " + std::to_string(format) + ", this engine reads format " +
                    std::to_string(RESULT_FORMAT_VERSION));
  }
  if (!h5.has("state/batch_done")) throw FileError(path + ": has no mergeable state (written by an older engine?)");
  StoredRun s;
  s.path = path;
  s.config = load_config_text(h5.string_attribute("", "config"), path + ":/config", h5.string_attribute("", "config_path"));
  s.engine_version = h5.string_attribute("", "engine_version");
  s.schema_version = h5.int_attribute("", "schema_version");
  s.wall_seconds = h5.double_attribute("", "wall_time_seconds");
  s.threads = h5.int_attribute("", "threads");
  s.shard.index = h5.int_attribute("", "shard_index");
  s.shard.count = h5.int_attribute("", "shard_count");

  DriverResult& d = s.driver;
  d = empty_result(s.config);
  const TallyLayout& layout = d.tally.layout;
  for (const TallySlice& slice : layout.slices()) {
    auto values = h5.int64s("state/" + slice.name);
    const std::int64_t n = instances(layout, slice);
    if (static_cast<std::int64_t>(values.size()) != n * slice.size()) {
      throw FileError(path + ": state/" + slice.name + " has " + std::to_string(values.size()) +
                      " values, the stored config implies " + std::to_string(n * slice.size()) + " (damaged file?)");
    }
    for (std::int64_t i = 0; i < n; ++i) {
      auto into = d.tally.at(slice.name, i);
      std::copy(values.begin() + i * slice.size(), values.begin() + (i + 1) * slice.size(), into.begin());
    }
  }
  // The parameter draws as the run drew them (never drawn again).
  DrawTable& table = d.draws;
  table.draws = s.config.run.draws;
  table.parameters = static_cast<std::int64_t>(s.config.uncertain.size());
  table.values = h5.doubles("draws/parameters");
  if (static_cast<std::int64_t>(table.values.size()) != table.draws * table.parameters) {
    throw FileError(path + ": draws/parameters has " + std::to_string(table.values.size()) +
                    " values, the stored config implies " + std::to_string(table.draws * table.parameters) +
                    " (damaged file?)");
  }
  d.complete = d.tally.complete();
  d.threads = static_cast<int>(s.threads);
  return s;
}

}  // namespace escalate
