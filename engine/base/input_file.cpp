#include "escalate/base/input_file.hpp"

#include "escalate/base/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <vector>

namespace escalate {

namespace {

struct Identity {
  dev_t device;
  ino_t inode;
  std::string path;
};

std::mutex inputs_mutex;
std::vector<Identity>& inputs() {
  static std::vector<Identity> list;
  return list;
}

[[noreturn]] void refuse(InputKind kind, const std::string& message) {
  if (kind == InputKind::Config || kind == InputKind::Record) throw ConfigError(message);
  throw FileError(message);
}

std::string what_of(InputKind kind) {
  switch (kind) {
    case InputKind::Config: return "config file";
    case InputKind::Record: return "record file";
    case InputKind::Design: return "design file";
    case InputKind::Result: return "result file";
  }
  return "file";
}

// Opens `path` for reading without ever blocking (a FIFO without a writer would block a
// plain open), and checks with fstat that it is a regular file. Returns the descriptor.
int open_regular(const std::string& path, InputKind kind, struct stat& st) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) refuse(kind, path + ": " + what_of(kind) + " not found");
    if (error == ENXIO) refuse(kind, path + ": is not a regular file (a FIFO or socket); give a " + what_of(kind));
    refuse(kind, path + ": cannot open the " + what_of(kind) + ": " + std::strerror(error));
  }
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    refuse(kind, path + ": cannot read the " + what_of(kind) + ": " + std::strerror(error));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    const char* type = S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO"
                     : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : S_ISSOCK(st.st_mode) ? "a socket"
                     : "not a regular file";
    refuse(kind, path + ": is " + std::string(type) + ", not a " + what_of(kind));
  }
  // Reading a regular file never blocks; clear O_NONBLOCK anyway for plain semantics.
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

void record(const struct stat& st, const std::string& path) {
  std::lock_guard lock(inputs_mutex);
  for (const auto& i : inputs()) {
    if (i.device == st.st_dev && i.inode == st.st_ino) return;
  }
  inputs().push_back({st.st_dev, st.st_ino, path});
}

}  // namespace

std::string read_input_file(const std::string& path, InputKind kind, std::size_t limit) {
  struct stat st{};
  int fd = open_regular(path, kind, st);
  record(st, path);
  const auto too_large = [&] {
    ::close(fd);
    refuse(kind, path + ": is larger than " + std::to_string(limit >> 20) + " MiB; not a " + what_of(kind));
  };
  if (static_cast<std::uint64_t>(st.st_size) > limit) too_large();
  std::string text;
  text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      refuse(kind, path + ": cannot read the " + what_of(kind) + ": " + std::strerror(error));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > limit) too_large();  // the file grew while being read
  }
  ::close(fd);
  return text;
}

std::uint64_t check_input_file(const std::string& path, InputKind kind) {
  struct stat st{};
  int fd = open_regular(path, kind, st);
  ::close(fd);
  record(st, path);
  return static_cast<std::uint64_t>(st.st_size);
}

std::optional<std::string> input_named_by(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  std::lock_guard lock(inputs_mutex);
  for (const auto& i : inputs()) {
    if (i.device == st.st_dev && i.inode == st.st_ino) return i.path;
  }
  return std::nullopt;
}

void forget_input_files() {
  std::lock_guard lock(inputs_mutex);
  inputs().clear();
}

}  // namespace escalate
