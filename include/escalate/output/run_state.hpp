#pragma once
// The mergeable state of a run, stored beside its results (group `state/`): every integer
// tally of the run's TallyLayout, one dataset per slice. With the stored config text and
// the stored parameter draws it is enough to recompute the results bit for bit: `merge`
// adds the states of shards, `--resume` continues a partial run, `summary` reprints a file.
#include "escalate/config/config.hpp"
#include "escalate/sim/driver.hpp"

#include <string>

namespace escalate {

class H5Writer;

struct ShardInfo {
  std::int64_t index = 0;
  std::int64_t count = 1;  // 1: not a shard
};

void write_state(H5Writer& h5, const DriverResult& driver, const ShardInfo& shard);

struct StoredRun {
  std::string path;
  Config config;            // rebuilt from the stored resolved text
  DriverResult driver;      // tallies as stored; the draw table from draws/parameters
  ShardInfo shard;
  std::string engine_version;
  std::string history;      // its CF history (one line per command that made it)
  std::int64_t schema_version = 0;
  double wall_seconds = 0;
  std::int64_t threads = 0;
  std::string posterior, posterior_sha256;  // the posterior its draws came from (--posterior), or ""
};

// Reads a result file written by `run` (or a shard). Foreign, truncated or older files
// are refused with a FileError naming the file.
StoredRun read_stored_run(const std::string& path);

}  // namespace escalate
