#include "escalate/hdf5/file_publish.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace escalate {

namespace fs = std::filesystem;

namespace {

fs::path directory_of(const fs::path& p) { return p.has_parent_path() ? p.parent_path() : fs::path("."); }

std::string temporary_prefix(const fs::path& p) { return "." + p.filename().string() + ".tmp-"; }

// Refuses `path` when it names one of the command's inputs (same device and inode).
void refuse_inputs(const std::string& path, const std::string& may_replace) {
  auto input = input_named_by(path);
  if (!input) return;
  if (!may_replace.empty()) {
    struct stat a{}, b{};
    if (::stat(path.c_str(), &a) == 0 && ::stat(may_replace.c_str(), &b) == 0 && a.st_dev == b.st_dev &&
        a.st_ino == b.st_ino) {
      return;
    }
  }
  throw RequestError(path + ": is an input of this command (" + *input +
                   "); the results would replace it. Give another output file (-o)");
}

void sync_path(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Moves `temp` to `final_path` in one step. Without `overwrite`, never replaces anything:
// renameat2(RENAME_NOREPLACE), or link + unlink on file systems without it. Returns false
// when `final_path` exists (and was left alone).
bool move_into_place(const fs::path& temp, const fs::path& final_path, bool overwrite) {
  if (overwrite) {
    // Never rename over a device, FIFO or directory that appeared since the check.
    struct stat st{};
    if (::lstat(final_path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
      throw RequestError(final_path.string() + ": exists and is not a regular file; give a file name for the results");
    }
    if (::rename(temp.c_str(), final_path.c_str()) != 0) {
      throw IoError(final_path.string() + ": cannot move the finished file into place: " + std::strerror(errno));
    }
    return true;
  }
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, final_path.c_str(), RENAME_NOREPLACE) == 0) return true;
  const int error = errno;
  if (error == EEXIST) return false;
  if (error != EINVAL && error != ENOSYS && error != ENOTSUP) {
    throw IoError(final_path.string() + ": cannot move the finished file into place: " + std::strerror(error));
  }
  // No RENAME_NOREPLACE here (some network file systems): a hard link fails if the name exists.
  if (::link(temp.c_str(), final_path.c_str()) != 0) {
    if (errno == EEXIST) return false;
    throw IoError(final_path.string() + ": cannot move the finished file into place: " + std::strerror(errno));
  }
  ::unlink(temp.c_str());
  return true;
}

}  // namespace

namespace {

// Whether a file can be created in the existing directory `dir`. access() says yes to root
// everywhere; creating a file is the real test (read-only file systems, /proc, /sys, full
// quotas).
bool can_create_in(const fs::path& dir) {
  fs::path probe = dir / (".escalate-probe-" + std::to_string(::getpid()));
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd), ::unlink(probe.c_str());
  return ::access(dir.c_str(), W_OK) == 0 && fd >= 0;
}

// A missing output directory is created when the file is written (write_file_atomically):
// here only its nearest existing ancestor is checked, so a refusal creates nothing.
void check_missing_directory(const std::string& path, const fs::path& dir) {
  fs::path ancestor = dir;
  std::error_code ec;
  while (!fs::exists(fs::symlink_status(ancestor, ec)) && ancestor.has_parent_path() && ancestor.parent_path() != ancestor) {
    ancestor = ancestor.parent_path();
  }
  if (!fs::exists(ancestor, ec)) ancestor = ".";  // a relative path: its first part is created in the working directory
  if (!fs::is_directory(ancestor, ec)) {
    throw RequestError(path + ": cannot create the output directory " + dir.string() + ": " + ancestor.string() +
                     " is not a directory");
  }
  if (!can_create_in(ancestor)) {
    throw RequestError(path + ": cannot create the output directory " + dir.string() + ": " + ancestor.string() +
                     " is not writable");
  }
}

}  // namespace

void check_output_path(const std::string& path, bool overwrite, const std::string& may_replace) {
  fs::path p(path);
  fs::path dir = directory_of(p);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (fs::exists(fs::symlink_status(dir, ec))) {
      throw RequestError(path + ": output directory " + dir.string() + " is not a directory");
    }
    check_missing_directory(path, dir);
    if (p.filename().empty() || p.filename() == "." || p.filename() == "..") {
      throw RequestError(path + ": is a directory; give a file name for the results");
    }
    return;  // nothing exists there yet: no file to replace, no input to protect
  }
  if (!can_create_in(dir)) throw RequestError(path + ": output directory " + dir.string() + " is not writable");
  if (p.filename().empty() || p.filename() == "." || p.filename() == "..") {
    throw RequestError(path + ": is a directory; give a file name for the results");
  }
  struct stat st{};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw RequestError(path + ": is a directory; give a file name for the results");
  if (exists && !S_ISREG(st.st_mode)) {
    // A device (/dev/full), a FIFO: results go through a temporary file that is renamed
    // over the target, which must never replace such a node.
    throw RequestError(path + ": exists and is not a regular file; give a file name for the results");
  }
  refuse_inputs(path, may_replace);
  if (exists && !overwrite) throw RequestError(path + ": already exists (use --force to replace it)");
}

std::vector<std::string> remove_stale_temporaries(const std::string& path) {
  std::vector<std::string> removed;
  const fs::path p(path);
  const fs::path dir = directory_of(p);
  const std::string prefix = temporary_prefix(p);
  DIR* d = ::opendir(dir.c_str());
  if (!d) return removed;
  while (const dirent* entry = ::readdir(d)) {
    const std::string name = entry->d_name;
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::stol(digits);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to judge)
    const fs::path stale = dir / name;
    struct stat st{};
    if (::lstat(stale.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (::unlink(stale.c_str()) == 0) removed.push_back(stale.string());
  }
  ::closedir(d);
  return removed;
}

void write_file_atomically(const std::string& path, bool overwrite, const std::function<void(H5Writer&)>& fill,
                           const std::string& may_replace) {
  check_output_path(path, overwrite, may_replace);
  fs::path final_path(path);
  std::error_code ec;
  if (!fs::is_directory(directory_of(final_path), ec) && !fs::create_directories(directory_of(final_path), ec) && ec) {
    throw RequestError(path + ": cannot create the output directory " + directory_of(final_path).string() + ": " + ec.message());
  }
  fs::path temp = final_path;
  temp.replace_filename(temporary_prefix(final_path) + std::to_string(::getpid()));
  ::unlink(temp.c_str());  // left by a dead process that had our process id
  try {
    {
      H5Writer h5(temp.string());
      fill(h5);
      h5.close();
    }
    sync_path(temp, O_RDONLY);  // the data is on disk before the name points to it
    if (!move_into_place(temp, final_path, overwrite)) {
      throw RequestError(path + ": already exists (written by another run while this one ran); use --force to "
                       "replace it. Nothing was written");
    }
    sync_path(directory_of(final_path), O_RDONLY | O_DIRECTORY);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
}

std::uint64_t file_size_of(const std::function<void(H5Writer&)>& fill) {
  H5Writer h5("dry-run-" + std::to_string(::getpid()) + ".h5", H5Writer::InMemory{});
  fill(h5);
  h5.close();
  return h5.bytes();
}

}  // namespace escalate
