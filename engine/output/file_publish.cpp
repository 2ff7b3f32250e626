#include "escalate/output/file_publish.hpp"

#include "escalate/base/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

namespace escalate {

namespace fs = std::filesystem;

void check_output_path(const std::string& path, bool overwrite) {
  fs::path p(path);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw UsageError(path + ": output directory " + dir.string() + " does not exist");
  // access() says yes to root everywhere; creating a file is the real test (read-only
  // file systems, /proc, /sys, full quotas).
  fs::path probe = dir / (".escalate-probe-" + std::to_string(::getpid()));
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (::access(dir.c_str(), W_OK) != 0 || fd < 0) {
    throw UsageError(path + ": output directory " + dir.string() + " is not writable");
  }
  ::close(fd);
  ::unlink(probe.c_str());
  if (fs::is_directory(p, ec)) throw UsageError(path + ": is a directory; give a file name for the results");
  if (fs::exists(p, ec) && !fs::is_regular_file(p, ec)) {
    // A device (/dev/full), a FIFO: results go through a temporary file that is renamed
    // over the target, which must never replace such a node.
    throw UsageError(path + ": exists and is not a regular file; give a file name for the results");
  }
  if (fs::exists(p, ec) && !overwrite) throw UsageError(path + ": already exists (use --force to replace it)");
}

void write_file_atomically(const std::string& path, bool overwrite, const std::function<void(H5Writer&)>& fill) {
  check_output_path(path, overwrite);
  fs::path final_path(path);
  fs::path temp = final_path;
  temp.replace_filename("." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  try {
    H5Writer h5(temp.string());
    fill(h5);
    h5.close();
    std::error_code ec;
    fs::rename(temp, final_path, ec);
    if (ec) throw IoError(path + ": cannot move the finished file into place: " + ec.message());
  } catch (...) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
}

}  // namespace escalate
