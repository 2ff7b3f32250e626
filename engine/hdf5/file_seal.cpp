#include "escalate/hdf5/file_seal.hpp"

#include "escalate/base/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace escalate {

namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { if (fd_ >= 0) ::close(fd_); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

bool read_at(int fd, char* data, std::size_t n, off_t offset) {
  while (n > 0) {
    ssize_t got = ::pread(fd, data, n, offset);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    data += got, n -= static_cast<std::size_t>(got), offset += got;
  }
  return true;
}

// FNV-1a 64 of bytes [0, size); false when they cannot all be read.
bool hash_of(int fd, std::uint64_t size, std::uint64_t& hash) {
  hash = 14695981039346656037ULL;
  std::vector<unsigned char> buffer(std::size_t{1} << 20);
  for (std::uint64_t at = 0; at < size;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), size - at));
    if (!read_at(fd, reinterpret_cast<char*>(buffer.data()), n, static_cast<off_t>(at))) return false;
    for (std::size_t i = 0; i < n; ++i) hash = (hash ^ buffer[i]) * 1099511628211ULL;
    at += n;
  }
  return true;
}

constexpr char MAGIC[] = "escalate-seal 1 ";

std::uint64_t little_endian(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

// HDF5 global heap collections ("GCOL", where variable-length strings live) carry no
// checksum, and HDF5 1.10 trusts their object sizes: a damaged size makes it copy beyond
// the collection (SIGSEGV). In a file without a seal, every collection is walked first:
// each object must end inside its collection. (A "GCOL" in data that is not followed by
// version 1, three zero bytes and a size that fits the file is not a collection.)
void check_global_heaps(int fd, std::uint64_t size, const std::string& path) {
  constexpr std::uint64_t HEADER = 16, OBJECT_HEADER = 16, MIN_COLLECTION = 4096;
  std::vector<unsigned char> block(std::size_t{1} << 20);
  for (std::uint64_t at = 0; at + HEADER <= size;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(block.size(), size - at));
    if (!read_at(fd, reinterpret_cast<char*>(block.data()), n, static_cast<off_t>(at))) {
      throw FileError(path + ": cannot be read to the end (truncated or damaged file)");
    }
    for (std::size_t i = 0; i + 4 <= n; ++i) {
      if (std::memcmp(block.data() + i, "GCOL", 4) != 0) continue;
      const std::uint64_t start = at + i;
      unsigned char head[HEADER];
      if (start + HEADER > size || !read_at(fd, reinterpret_cast<char*>(head), HEADER, static_cast<off_t>(start))) continue;
      if (head[4] != 1 || head[5] != 0 || head[6] != 0 || head[7] != 0) continue;
      const std::uint64_t length = little_endian(head + 8, 8);
      if (length < MIN_COLLECTION || length > size - start) continue;
      const std::uint64_t end = start + length;
      for (std::uint64_t p = start + HEADER; p < end;) {
        if (p + OBJECT_HEADER > end) break;  // too small for an object: free space
        unsigned char object[OBJECT_HEADER];
        if (!read_at(fd, reinterpret_cast<char*>(object), OBJECT_HEADER, static_cast<off_t>(p))) {
          throw FileError(path + ": cannot be read to the end (truncated or damaged file)");
        }
        const std::uint64_t index = little_endian(object, 2), bytes = little_endian(object + 8, 8);
        const std::uint64_t need = index == 0 ? bytes : OBJECT_HEADER + ((bytes + 7) / 8) * 8;
        if (bytes > length || need == 0 || need > end - p) {
          throw FileError(path + ": an HDF5 global heap (its strings) is damaged at byte " + std::to_string(p));
        }
        p += need;
      }
    }
    if (at + n >= size) break;
    at += n - 3;  // a signature may straddle two blocks
  }
}

std::string seal_text(std::uint64_t size, std::uint64_t hash) {
  char text[SEAL_BYTES + 1];
  std::snprintf(text, sizeof text, "%ssize=%llu fnv1a64=%016llx", MAGIC, static_cast<unsigned long long>(size),
                static_cast<unsigned long long>(hash));
  std::string block(text);
  block.resize(SEAL_BYTES - 1, ' ');
  return block + "\n";
}

}  // namespace

void seal_file(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
  struct stat st{};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) throw IoError(path + ": cannot seal the file: " + std::strerror(errno));
  const auto size = static_cast<std::uint64_t>(st.st_size);
  std::uint64_t hash = 0;
  if (!hash_of(fd.get(), size, hash)) throw IoError(path + ": cannot seal the file: it cannot be read back");
  const std::string block = seal_text(size, hash);
  if (::pwrite(fd.get(), block.data(), block.size(), static_cast<off_t>(size)) != static_cast<ssize_t>(block.size()) ||
      ::fsync(fd.get()) != 0) {
    throw IoError(path + ": cannot seal the file: " + std::strerror(errno ? errno : ENOSPC));
  }
}

void verify_seal(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  struct stat st{};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return;  // the HDF5 open says why
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size < SEAL_BYTES) {
    check_global_heaps(fd.get(), size, path);
    return;
  }
  std::string block(SEAL_BYTES, '\0');
  if (!read_at(fd.get(), block.data(), block.size(), static_cast<off_t>(size - SEAL_BYTES))) {
    throw FileError(path + ": cannot be read to the end (truncated or damaged file)");
  }
  if (block.compare(0, sizeof MAGIC - 1, MAGIC) != 0) {
    check_global_heaps(fd.get(), size, path);  // no seal: HDF5's checksums and the reader's checks apply
    return;
  }
  const std::uint64_t data = size - SEAL_BYTES;
  std::uint64_t hash = 0;
  if (!hash_of(fd.get(), data, hash)) throw FileError(path + ": cannot be read to the end (truncated or damaged file)");
  if (block != seal_text(data, hash)) {
    throw FileError(path + ": the file's checksum does not match its contents (damaged, truncated or edited file)");
  }
}

}  // namespace escalate
