// `escalate merge`: the shards of a run combined into one result, bit for bit.
#include "commands.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/file_publish.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/output/summary.hpp"

#include <algorithm>
#include <iostream>

namespace escalate::cli {

int command_merge(const std::vector<std::string>& parts, const std::string& output, bool force, bool quiet,
                  const std::string& command_line) {
  check_output_path(output, force);
  std::vector<StoredRun> runs;
  for (const auto& p : parts) runs.push_back(read_stored_run(p));  // each validated: shard in [0, count), count <= batches
  check_output_path(output, force);  // now also refuses an output that is one of the parts
  report_stale_temporaries(output);
  const StoredRun& first = runs.front();
  std::vector<int> seen(static_cast<std::size_t>(first.shard.count), 0);
  for (const auto& r : runs) {
    auto refuse = [&](const std::string& what) { throw UsageError(r.path + ": " + what + " differs from " + first.path + "; cannot merge"); };
    if (r.config.run.seed != first.config.run.seed) refuse("the seed");
    if (r.config.resolved_text != first.config.resolved_text) refuse("the config");
    if (r.schema_version != first.schema_version) refuse("the config schema version");
    if (r.engine_version != first.engine_version) refuse("the engine version (" + r.engine_version + ")");
    if (r.shard.count != first.shard.count) refuse("the number of shards (" + std::to_string(r.shard.count) + ")");
    if (seen[static_cast<std::size_t>(r.shard.index)]++) {
      throw UsageError(r.path + ": shard " + std::to_string(r.shard.index + 1) + "/" + std::to_string(r.shard.count) +
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
  if (!missing.empty()) {
    throw UsageError("missing shard(s) " + missing + " of " + std::to_string(first.shard.count) + "; nothing written");
  }
  DriverResult merged = first.driver;
  double wall = first.wall_seconds;
  int threads = merged.threads;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    for (std::int64_t b = 0; b < merged.tally.layout.batches(); ++b) {
      if (merged.tally.batch_done(b) && runs[i].driver.tally.batch_done(b)) {
        throw UsageError(runs[i].path + ": batch " + std::to_string(b) + " is also in another part; cannot merge");
      }
    }
    merge_driver_results(merged, runs[i].driver);
    wall += runs[i].wall_seconds;
    threads = std::max(threads, runs[i].driver.threads);
  }
  merged.threads = threads;
  Provenance provenance = Provenance::of(merged, command_line, wall);
  for (const auto& r : runs) provenance.history.push_back(r.history);  // CF history: the parts' lines, then this one
  Results results = compute_results(first.config, merged, provenance);
  write_result_file(output, first.config, results, merged, ShardInfo{}, force);
  if (!quiet) {
    std::cout << "Merged " << runs.size() << " parts of " << first.config.source_path << "\n";
    print_summary(std::cout, results, first.config.run);
    std::cout << "\nWrote " << output << (merged.complete ? "" : " (still partial: some batches were not run)") << "\n";
  }
  return 0;
}

}  // namespace escalate::cli
