#pragma once
// Writing a run's results as one HDF5 file (MODEL.md §13).
#include "escalate/config.hpp"
#include "escalate/results.hpp"
#include "escalate/run_state.hpp"

#include <functional>
#include <string>

namespace escalate {

inline constexpr std::int64_t RESULT_FORMAT_VERSION = 1;  // readers refuse a mismatch
inline constexpr const char* RESULT_FILETYPE = "escalate-results";

class H5Writer;

// Writes one run's datasets and attributes into `group` of an open file ("" for the root):
// each group carries its own dimensions, so several runs fit in one file (compare).
void write_results(H5Writer& h5, const std::string& group, const Config& config, const Results& results);

// Writes to a temporary file beside `path` and renames it into place, so an existing
// file is never left half-written. Refuses to replace `path` unless `overwrite`.
void write_result_file(const std::string& path, const Config& config, const Results& results,
                       const DriverResult& driver, const ShardInfo& shard, bool overwrite);

// Creates a temporary file beside `path`, lets `fill` write it, and renames it into place;
// on any error the temporary file is removed and `path` is left as it was.
void write_file_atomically(const std::string& path, bool overwrite, const std::function<void(H5Writer&)>& fill);

// Checks, before any work is done, that `path` can be written: its directory exists and
// is writable, and it does not exist (unless `overwrite`). Throws UsageError.
void check_output_path(const std::string& path, bool overwrite);

}  // namespace escalate
