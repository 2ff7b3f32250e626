#pragma once
// Publishing an output file: checked before any work, written to a temporary file beside
// it, renamed into place only when complete, so an existing file is never left
// half-written and an interrupted write leaves nothing behind.
#include "escalate/output/hdf5_writer.hpp"

#include <functional>
#include <string>

namespace escalate {

// Checks, before any work is done, that `path` can be written: its directory exists and
// is writable, it is not a directory or a device, and it does not exist (unless
// `overwrite`). Throws UsageError.
void check_output_path(const std::string& path, bool overwrite);

// Creates a temporary file beside `path`, lets `fill` write it, and renames it into place;
// on any error the temporary file is removed and `path` is left as it was.
void write_file_atomically(const std::string& path, bool overwrite, const std::function<void(H5Writer&)>& fill);

}  // namespace escalate
