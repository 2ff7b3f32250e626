#include "escalate/base/sha256.hpp"

#include "escalate/base/error.hpp"

#include <nettle/sha2.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace escalate {

namespace {

std::string hex_of(const std::array<std::uint8_t, SHA256_DIGEST_SIZE>& digest) {
  static constexpr char HEX[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * digest.size());
  for (std::uint8_t b : digest) {
    out.push_back(HEX[b >> 4]);
    out.push_back(HEX[b & 0xF]);
  }
  return out;
}

std::string finish(sha256_ctx& context) {
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  return hex_of(digest);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  return finish(context);
}

std::string file_sha256(const std::string& path) {
  // O_NONBLOCK: a FIFO is refused by fstat below, never waited on.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw FileError(path + ": cannot open it for its SHA-256: " + std::strerror(errno));
  struct stat st{};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw FileError(path + ": is not a regular file");
  }
  sha256_ctx context;
  sha256_init(&context);
  std::array<std::uint8_t, 1 << 16> block{};
  for (;;) {
    const ssize_t n = ::read(fd, block.data(), block.size());
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      throw FileError(path + ": cannot read it for its SHA-256: " + std::strerror(error));
    }
    sha256_update(&context, static_cast<std::size_t>(n), block.data());
  }
  ::close(fd);
  return finish(context);
}

}  // namespace escalate
