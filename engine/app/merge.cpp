// The `merge` service: the shards of a run combined into one result, bit for bit. An
// incomplete result (a shard missing or interrupted) is refused with nothing written, so a
// Slurm `afterok` chain stops there, unless allow_partial.
#include "escalate/app/merge.hpp"

#include "escalate/app/execution.hpp"
#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/output/result_file.hpp"

#include <algorithm>

namespace escalate::app {

namespace {

// The parts whose own batches are not all done: "part-2.h5 (shard 2/3: 40 of 120 batches)".
std::vector<std::string> interrupted_parts(const std::vector<StoredRun>& runs) {
  std::vector<std::string> found;
  for (const auto& r : runs) {
    const BatchLayout layout = BatchLayout::of(r.config.run);
    const auto [first, last] = batch_block(layout, r.shard.index, r.shard.count);
    std::int64_t undone = 0;
    for (std::int64_t b = first; b < last; ++b) undone += !r.driver.tally.batch_done(b);
    if (undone == 0) continue;
    found.push_back(r.path + " (shard " + std::to_string(r.shard.index + 1) + "/" + std::to_string(r.shard.count) + ": " +
                    std::to_string(undone) + " of " + std::to_string(last - first) + " batches not run)");
  }
  return found;
}

// The shards not given ("2, 5" or "1, 2, ... and 7 more"); refuses parts that disagree.
std::string check_parts(const std::vector<StoredRun>& runs) {
  const StoredRun& first = runs.front();
  std::vector<int> seen(static_cast<std::size_t>(first.shard.count), 0);
  for (const auto& r : runs) {
    auto refuse = [&](const std::string& what) { throw RequestError(r.path + ": " + what + " differs from " + first.path + "; cannot merge"); };
    if (r.config.run.seed != first.config.run.seed) refuse("the seed");
    if (r.config.resolved_text != first.config.resolved_text) refuse("the config");
    if (r.posterior_sha256 != first.posterior_sha256) refuse("the posterior file its draws came from (--posterior)");
    if (r.schema_version != first.schema_version) refuse("the config schema version");
    if (r.engine_version != first.engine_version) refuse("the engine version (" + r.engine_version + ")");
    if (r.shard.count != first.shard.count) refuse("the number of shards (" + std::to_string(r.shard.count) + ")");
    if (seen[static_cast<std::size_t>(r.shard.index)]++) {
      throw RequestError(r.path + ": shard " + std::to_string(r.shard.index + 1) + "/" + std::to_string(r.shard.count) +
                       " is given twice");
    }
  }
  std::string missing;
  std::size_t missing_count = 0;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i]) continue;
    if (++missing_count <= 20) missing += (missing.empty() ? "" : ", ") + std::to_string(i + 1);
  }
  if (missing_count > 20) missing += " and " + std::to_string(missing_count - 20) + " more";
  return missing;
}

}  // namespace

MergeOutcome merge(const MergeRequest& request, const Callbacks& callbacks) {
  const std::string& output = request.output;
  const bool force = request.force;
  check_output_path(output, force);
  std::vector<StoredRun> runs;
  for (const auto& p : request.parts) runs.push_back(read_stored_run(p));  // each validated: shard in [0, count), count <= batches
  check_output_path(output, force);  // now also refuses an output that is one of the parts
  report_stale_temporaries(output, callbacks);
  const StoredRun& first = runs.front();
  MergeOutcome out;
  out.missing = check_parts(runs);
  out.interrupted = interrupted_parts(runs);
  if (!request.allow_partial) {
    if (!out.missing.empty()) {
      throw RequestError("missing shard(s) " + out.missing + " of " + std::to_string(first.shard.count) +
                       "; nothing written (--allow-partial writes the incomplete result)");
    }
    if (!out.interrupted.empty()) {
      std::string list;
      for (std::size_t i = 0; i < std::min<std::size_t>(out.interrupted.size(), 5); ++i) list += (i ? ", " : "") + out.interrupted[i];
      if (out.interrupted.size() > 5) list += " and " + std::to_string(out.interrupted.size() - 5) + " more";
      throw RequestError("incomplete part(s): " + list + "; finish each with `escalate run CONFIG --shard i/n --resume PART`, "
                       "or merge with --allow-partial; nothing written");
    }
  }
  DriverResult merged = first.driver;
  double wall = first.wall_seconds;
  int threads = merged.threads;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    for (std::int64_t b = 0; b < merged.tally.layout.batches(); ++b) {
      if (merged.tally.batch_done(b) && runs[i].driver.tally.batch_done(b)) {
        throw RequestError(runs[i].path + ": batch " + std::to_string(b) + " is also in another part; cannot merge");
      }
    }
    merge_driver_results(merged, runs[i].driver);
    wall += runs[i].wall_seconds;
    threads = std::max(threads, runs[i].driver.threads);
  }
  merged.threads = threads;
  Provenance provenance = Provenance::of(merged, request.command_line, wall);
  for (const auto& r : runs) provenance.history.push_back(r.history);  // CF history: the parts' lines, then this one
  provenance.posterior = first.posterior;
  provenance.posterior_sha256 = first.posterior_sha256;
  out.results = compute_results(first.config, merged, provenance);
  write_result_file(output, first.config, out.results, merged, ShardInfo{}, force);
  out.config = first.config;
  out.parts = runs.size();
  out.complete = merged.complete;
  return out;
}

}  // namespace escalate::app
