#pragma once
// Publishing an output file: checked before any work, written to a temporary file beside
// it (.NAME.tmp-PID), then moved into place in one atomic step that never replaces an
// existing file unless asked to (renameat2 RENAME_NOREPLACE, or link + unlink where the
// file system lacks it). Two runs racing to the same output without --force: exactly one
// wins, the other is refused and the winner's file is intact. An interrupted write leaves
// nothing behind; a killed one leaves its temporary file, which later runs remove.
#include "escalate/hdf5/hdf5_writer.hpp"

#include <functional>
#include <string>
#include <vector>

namespace escalate {

// Checks, before any work is done, that `path` can be written: its directory is writable,
// or is missing and can be created (its nearest existing ancestor is a writable
// directory; write_file_atomically creates it), it is not a directory or a device, it is not one of this command's inputs
// (a config, a `base` file or a result file read so far: base/input_file.hpp) other than
// `may_replace` (the partial file that --resume completes in place), and it does not
// exist (unless `overwrite`). Throws RequestError.
void check_output_path(const std::string& path, bool overwrite, const std::string& may_replace = "");

// Removes the temporary files `.NAME.tmp-PID` beside `path` whose process is no longer
// running (left by a run that was killed) and returns their paths.
std::vector<std::string> remove_stale_temporaries(const std::string& path);

// Creates the missing directories of `path` and a temporary file beside it, lets `fill` write it, and moves it into place
// (replacing an existing regular file only if `overwrite`); on any error the temporary
// file is removed and `path` is left as it was.
void write_file_atomically(const std::string& path, bool overwrite, const std::function<void(H5Writer&)>& fill,
                           const std::string& may_replace = "");

// The size in bytes of the file `fill` would write (seal included), written in memory
// only: for `--dry-run`, which writes nothing.
std::uint64_t file_size_of(const std::function<void(H5Writer&)>& fill);

}  // namespace escalate
