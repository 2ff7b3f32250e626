#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_seal.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/output/run_state.hpp"
#include "escalate/output/tally_names.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;

namespace {
std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void put_bytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
std::string file_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const FileError& e) {
    return e.what();
  }
  return "(no FileError)";
}
}  // namespace

TEST_CASE("The state group round-trips every tally and the draw table", "[run_state]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  const BatchLayout layout = BatchLayout::of(c.run);
  auto mask = block_mask(layout, 1, 2);  // a shard: half the batches
  DriverOptions o;
  o.run_batches = &mask;
  DriverResult d = run_simulation(c, o);
  const std::string path = (scratch_dir() / "state.h5").string();
  write_result_file(path, c, compute_results(c, d, Provenance::of(d, "test", 1.5)), d, ShardInfo{1, 2}, true);

  StoredRun s = read_stored_run(path);
  CHECK(s.config.resolved_text == c.resolved_text);
  CHECK(s.driver.tally.counts == d.tally.counts);
  CHECK(s.driver.draws.values == d.draws.values);
  CHECK(s.driver.complete == false);
  CHECK(s.shard.index == 1);
  CHECK(s.shard.count == 2);
  CHECK(s.wall_seconds == 1.5);
  for (std::int64_t b = 0; b < layout.batches; ++b) CHECK(s.driver.tally.batch_done(b) == (mask[static_cast<std::size_t>(b)] == 1));
}

TEST_CASE("A truncated result file is refused with a FileError", "[run_state]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverResult d = run_simulation(c, {});
  const std::string path = (scratch_dir() / "whole.h5").string();
  write_result_file(path, c, compute_results(c, d, Provenance::of(d, "test", 0)), d, ShardInfo{}, true);
  const std::string cut = (scratch_dir() / "cut.h5").string();
  std::filesystem::copy_file(path, cut, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(cut, std::filesystem::file_size(path) / 2);
  CHECK_THROWS_AS(read_stored_run(cut), FileError);
}

TEST_CASE("Edited result files are refused with a FileError before anything is allocated from them", "[run_state]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverResult d = run_simulation(c, {});
  const std::string path = (scratch_dir() / "valid.h5").string();
  write_result_file(path, c, compute_results(c, d, Provenance::of(d, "test", 0)), d, ShardInfo{}, true);
  CHECK_NOTHROW(read_stored_run(path));
  // A string attribute whose text changed no longer matches its group's checksum.
  std::string bytes = bytes_of(path);
  bytes.resize(bytes.size() - SEAL_BYTES);
  const auto at = bytes.find("Escalate results for");
  REQUIRE(at != std::string::npos);
  bytes[at] = 'e';
  const std::string edited = (scratch_dir() / "edited.h5").string();
  put_bytes(edited, bytes);
  CHECK_THAT(file_error([&] { read_stored_run(edited); }), Contains("does not match their checksum"));
  CHECK_THAT(file_error([] { read_stored_run("/dev/null"); }), Contains("is a device, not a result file"));
}

TEST_CASE("Every tally slice has one name per axis, and a state-only axis has one label per element", "[run_state]") {
  Config c = load_config(source_path("tests/configs/small.toml"));
  const TallyLayout layout(c.scenario, BatchLayout::of(c.run), c.run.draws);
  for (std::size_t k = 0; k < static_cast<std::size_t>(TallyId::Count); ++k) {
    const auto id = static_cast<TallyId>(k);
    const TallySlice& s = layout.slice(id);
    const TallyNames& names = tally_names(id);
    INFO(s.name);
    CHECK(names.id == id);
    CHECK(!names.long_name.empty());
    REQUIRE(names.dims.size() == s.shape.size());
    for (std::size_t a = 0; a < names.dims.size(); ++a) {
      for (const StateDimension& d : STATE_DIMENSIONS) {
        if (d.name == names.dims[a]) CHECK(static_cast<std::int64_t>(d.labels.size()) == s.shape[a]);
      }
    }
  }
}
