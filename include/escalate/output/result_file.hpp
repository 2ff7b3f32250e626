#pragma once
// Writing a run's results as one HDF5 file (MODEL §13).
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/output/run_state.hpp"

#include <string>

namespace escalate {

// Readers refuse a mismatch (2: model v2; 3: CF-1.8, `time` instead of `time_days`).
inline constexpr std::int64_t RESULT_FORMAT_VERSION = 3;
inline constexpr const char* RESULT_FILETYPE = "escalate-results";

class H5Writer;

// Throws a FileError naming `path` unless `format` is RESULT_FORMAT_VERSION, saying
// whether an older or a newer engine wrote it.
void require_format_version(const std::string& path, std::int64_t format);

// The `seed` attribute: int64 below 2^63, uint64 from there (readers use uint_attribute).
void write_seed(H5Writer& h5, const std::string& group, std::uint64_t seed);

// Writes one run's datasets and attributes into `group` of an open file ("" for the root):
// each group carries its own dimensions, so several runs fit in one file (compare).
void write_results(H5Writer& h5, const std::string& group, const Config& config, const Results& results);

// The results and the mergeable state of a run, published atomically (file_publish.hpp).
// Refuses to replace `path` unless `overwrite`, and refuses an input of the command as
// `path` except `may_replace` (the partial file --resume completes in place).
void write_result_file(const std::string& path, const Config& config, const Results& results,
                       const DriverResult& driver, const ShardInfo& shard, bool overwrite,
                       const std::string& may_replace = "");

// The size in bytes write_result_file would write (for --dry-run; nothing is written).
std::uint64_t result_file_size(const Config& config, const Results& results, const DriverResult& driver,
                               const ShardInfo& shard);

}  // namespace escalate
