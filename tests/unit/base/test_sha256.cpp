// SHA-256 (sha256.cpp): the FIPS 180-4 test vectors, a file read in blocks equals its bytes
// hashed at once, and a missing file is a FileError naming it.
#include "escalate/base/error.hpp"
#include "escalate/base/sha256.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using Catch::Matchers::Contains;

TEST_CASE("SHA-256 gives the FIPS 180-4 test vectors", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("The SHA-256 of a file is that of its bytes, across read blocks", "[sha256]") {
  std::string bytes;
  for (int i = 0; i < 200'000; ++i) bytes.push_back(static_cast<char>((i * 131) % 251));
  const std::string path = escalate::test::write_file("sha256-input.bin", bytes);
  CHECK(file_sha256(path) == sha256_hex(bytes));
  bytes[123'456] ^= 1;
  CHECK(file_sha256(path) != sha256_hex(bytes));
  try {
    file_sha256(path + ".missing");
    FAIL("no FileError");
  } catch (const FileError& e) {
    CHECK_THAT(std::string(e.what()), Contains("sha256-input.bin.missing"));
  }
}
