#pragma once
// SHA-256 (FIPS 180-4) of bytes and of files, as 64 lower-case hex digits: the identity of
// an input (a posterior file, a record, a config) stored in the files made from it, so a
// resume or a merge can tell whether it was given the same one. Debian's nettle computes it.
#include <string>
#include <string_view>

namespace escalate {

std::string sha256_hex(std::string_view bytes);

// The SHA-256 of a file's bytes, read in blocks. Throws FileError naming the file when it
// is missing, not a regular file or cannot be read.
std::string file_sha256(const std::string& path);

}  // namespace escalate
