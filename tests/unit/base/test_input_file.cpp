#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("Inputs are regular files of bounded size, never waited on", "[input_file]") {
  const std::string text = write_file("plain.toml", "a = 1\n");
  CHECK(read_input_file(text) == "a = 1\n");
  CHECK_THROWS_AS(read_input_file(text, InputKind::Config, 3), ConfigError);
  CHECK_THROWS_AS(read_input_file("/dev/zero"), ConfigError);
  CHECK_THROWS_AS(check_input_file("/dev/zero", InputKind::Result), FileError);
  CHECK_THROWS_AS(check_input_file((scratch_dir() / "missing.h5").string(), InputKind::Result), FileError);
  const std::string fifo = (scratch_dir() / "input.fifo").string();
  ::unlink(fifo.c_str());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_AS(read_input_file(fifo), ConfigError);  // returns at once: no writer is waited for
  CHECK_THROWS_AS(check_input_file(fifo, InputKind::Result), FileError);
  CHECK(check_input_file(text, InputKind::Result) == 6);
  // A record file (`calibrate --record`) is refused as bad input, naming what it is.
  CHECK_THROWS_WITH(read_input_file((scratch_dir() / "missing-record.toml").string(), InputKind::Record),
                    Catch::Matchers::EndsWith("missing-record.toml: record file not found"));
  CHECK_THROWS_WITH(check_input_file("/dev/zero", InputKind::Record), "/dev/zero: is a device, not a record file");
  CHECK_THROWS_AS(check_input_file("/dev/zero", InputKind::Record), ConfigError);
  CHECK(input_named_by(text) == text);
  forget_input_files();
  CHECK_FALSE(input_named_by(text).has_value());
}
