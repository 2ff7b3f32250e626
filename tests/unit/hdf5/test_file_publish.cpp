// Publishing outputs (file_publish.cpp) and reading them back (file_seal.cpp,
// hdf5_reader.cpp): no clobbering, inputs never replaced, stale temporaries removed,
// damage refused with a FileError (edited result files: output/test_run_state.cpp).
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/hdf5/file_seal.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {
void write_small(const std::string& path, bool overwrite) {
  write_file_atomically(path, overwrite, [](H5Writer& h5) {
    h5.dimension("x", std::vector<std::int64_t>{0, 1, 2}, {"x", ""});
    h5.variable("v", std::vector<double>{0.25, 0.5, 0.75}, {"x"}, {"values", "1"});
    h5.attribute("", "note", std::string("hello"));
  });
}
std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void put_bytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
}  // namespace

TEST_CASE("An existing output is replaced only when asked, and only by a whole file", "[publish]") {
  const std::string path = (scratch_dir() / "publish.h5").string();
  fs::remove(path);
  write_small(path, false);
  const std::string first = bytes_of(path);
  CHECK_THROWS_AS(write_small(path, false), RequestError);
  CHECK(bytes_of(path) == first);
  write_small(path, true);
  CHECK(H5Reader(path).doubles("v") == std::vector<double>{0.25, 0.5, 0.75});
  for (const auto& entry : fs::directory_iterator(scratch_dir())) {
    CHECK(entry.path().filename().string().find(".publish.h5.tmp-") == std::string::npos);
  }
}

TEST_CASE("Missing output directories are checked before the work and created only at the write", "[publish]") {
  const fs::path root = scratch_dir() / "made";
  fs::remove_all(root);
  const std::string path = (root / "a" / "b" / "out.h5").string();
  check_output_path(path, false);
  CHECK_FALSE(fs::exists(root));  // a check writes nothing
  write_small(path, false);
  CHECK(H5Reader(path).doubles("v") == std::vector<double>{0.25, 0.5, 0.75});
  // Under a regular file: refused by the check, and nothing is created.
  const std::string file = write_file("plain-file.txt", "not a directory\n");
  CHECK_THROWS_WITH(check_output_path(file + "/sub/out.h5", false),
                    Contains("cannot create the output directory") && Contains("is not a directory"));
  CHECK_THROWS_AS(check_output_path(file + "/sub/out.h5", false), RequestError);
  CHECK_THROWS_AS(write_small(file + "/out.h5", false), RequestError);
  CHECK(bytes_of(file) == "not a directory\n");
}

TEST_CASE("file_size_of is the size of the file written to disk", "[publish]") {
  const std::string path = (scratch_dir() / "sized.h5").string();
  fs::remove(path);
  write_small(path, false);
  const std::uint64_t in_memory = file_size_of([](H5Writer& h5) {
    h5.dimension("x", std::vector<std::int64_t>{0, 1, 2}, {"x", ""});
    h5.variable("v", std::vector<double>{0.25, 0.5, 0.75}, {"x"}, {"values", "1"});
    h5.attribute("", "note", std::string("hello"));
  });
  CHECK(in_memory == fs::file_size(path));
}

TEST_CASE("An output that is an input of the command is refused, even with --force", "[publish]") {
  forget_input_files();
  const std::string config = write_file("input.toml", "x = 1\n");
  read_input_file(config);
  CHECK_THROWS_AS(check_output_path(config, true), RequestError);
  const std::string link = (scratch_dir() / "input-link.h5").string();
  fs::remove(link);
  fs::create_hard_link(config, link);
  CHECK_THROWS_AS(check_output_path(link, true), RequestError);
  CHECK_NOTHROW(check_output_path(link, true, config));  // --resume completing its partial file in place
  forget_input_files();
  CHECK_NOTHROW(check_output_path(link, true));
}

TEST_CASE("Temporaries of dead processes are removed, those of live ones kept", "[publish]") {
  const std::string path = (scratch_dir() / "stale.h5").string();
  const long no_such_process = 999999999;  // above any pid_max: kill() says ESRCH
  const std::string dead = (scratch_dir() / (".stale.h5.tmp-" + std::to_string(no_such_process))).string();
  const std::string live = (scratch_dir() / (".stale.h5.tmp-" + std::to_string(::getppid()))).string();
  put_bytes(dead, "x");
  put_bytes(live, "x");
  auto removed = remove_stale_temporaries(path);
  CHECK(removed == std::vector<std::string>{dead});
  CHECK_FALSE(fs::exists(dead));
  CHECK(fs::exists(live));
  fs::remove(live);
}

TEST_CASE("A sealed file refuses any flipped byte; an unsealed one is read under HDF5's checks", "[publish][seal]") {
  const std::string path = (scratch_dir() / "sealed.h5").string();
  fs::remove(path);
  write_small(path, false);
  const std::string good = bytes_of(path);
  REQUIRE(good.size() > SEAL_BYTES);
  CHECK(good.compare(good.size() - SEAL_BYTES, 16, "escalate-seal 1 ") == 0);
  CHECK_NOTHROW(verify_seal(path));
  for (std::size_t at : {std::size_t{0}, std::size_t{100}, good.size() / 2, good.size() - SEAL_BYTES - 1, good.size() - 5}) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    put_bytes(path, bad);
    CHECK_THROWS_AS(H5Reader(path), FileError);
  }
  put_bytes(path, good.substr(0, good.size() - SEAL_BYTES));  // as another tool leaves it
  CHECK(H5Reader(path).string_attribute("", "note") == "hello");
  put_bytes(path, good + "appended");  // bytes after the seal hide it; HDF5 ignores them, the data is intact
  CHECK(H5Reader(path).doubles("v") == std::vector<double>{0.25, 0.5, 0.75});
}
