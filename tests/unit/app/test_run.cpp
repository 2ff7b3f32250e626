// The run service as a library call: shards, merge, an interrupted run and its resume all
// give the tallies of one uninterrupted run; a dry run writes nothing; the callbacks see
// the work.
#include "escalate/app/merge.hpp"
#include "escalate/app/run.hpp"
#include "escalate/output/run_state.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>

using namespace escalate;
using namespace escalate::test;

namespace {

Cluster& single_process() {
  static int argc = 1;
  static char name[] = "escalate_unit_tests_app";
  static char* args[] = {name, nullptr};
  static char** argv = args;
  static Cluster cluster(argc, argv);
  return cluster;
}

app::RunRequest small_run(const std::string& output) {
  app::RunRequest r;
  r.config = source_path("tests/configs/small.toml");  // 12 draws x 100 trajectories: 12 batches
  r.output = output;
  r.force = true;
  r.threads = 2;
  return r;
}

std::vector<std::int64_t> stored_counts(const std::string& path) { return read_stored_run(path).driver.tally.counts; }

}  // namespace

TEST_CASE("A run, its shards merged, and an interrupted run resumed store the same tallies", "[app][run]") {
  // The process remembers the files it read (no output may replace an input): each pass
  // through a SECTION writes its reference under a new name.
  static int pass = 0;
  const std::string whole = (scratch_dir() / ("service-whole-" + std::to_string(pass++) + ".h5")).string();
  std::int64_t progress_total = 0;
  app::Callbacks callbacks;
  callbacks.progress = [&](const std::atomic<std::int64_t>&, std::int64_t total) -> std::shared_ptr<void> {
    progress_total += total;
    return nullptr;
  };
  const app::RunOutcome out = app::run(small_run(whole), single_process(), callbacks);
  CHECK(out.written);
  CHECK_FALSE(out.stopped);
  CHECK(progress_total == 12 * 100);
  const std::vector<std::int64_t> expected = stored_counts(whole);

  SECTION("two shards, merged") {
    app::MergeRequest merge;
    for (int i = 0; i < 2; ++i) {
      app::RunRequest part = small_run((scratch_dir() / ("service-part-" + std::to_string(i) + ".h5")).string());
      part.shard = ShardInfo{i, 2};
      part.shard_label = std::to_string(i + 1) + "/2";
      const app::RunOutcome shard = app::run(part, single_process(), {});
      CHECK(shard.written);
      CHECK(shard.shard.count == 2);
      CHECK(stored_counts(part.output) != expected);  // half the batches
      merge.parts.push_back(part.output);
    }
    merge.output = (scratch_dir() / "service-merged.h5").string();
    merge.force = true;
    const app::MergeOutcome merged = app::merge(merge, {});
    CHECK(merged.complete);
    CHECK(merged.parts == 2);
    CHECK(stored_counts(merge.output) == expected);
  }

  SECTION("interrupted before the first trajectory, then resumed") {
    const std::string partial = (scratch_dir() / "service-partial.h5").string();
    std::atomic<bool> stop{true};
    app::Callbacks interrupted;
    interrupted.interrupt = &stop;
    app::RunRequest request = small_run(partial);
    request.threads = 1;
    const app::RunOutcome first = app::run(request, single_process(), interrupted);
    CHECK(first.written);
    CHECK(first.stopped);
    CHECK(stored_counts(partial) != expected);
    request.resume = partial;
    const app::RunOutcome resumed = app::run(request, single_process(), {});
    CHECK_FALSE(resumed.stopped);
    CHECK(stored_counts(partial) == expected);
  }
}

TEST_CASE("A dry run estimates the run and writes nothing", "[app][run]") {
  const std::string output = (scratch_dir() / "service-dry.h5").string();
  std::filesystem::remove(output);
  app::RunRequest request = small_run(output);
  request.dry_run = true;
  const app::RunOutcome out = app::run(request, single_process(), {});
  CHECK_FALSE(out.written);
  REQUIRE(out.estimate);
  CHECK(out.estimate->bytes > 0);
  CHECK(out.estimate->pilot.trajectories > 0);
  CHECK_FALSE(std::filesystem::exists(output));
}

TEST_CASE("Refusals come before any work", "[app][run]") {
  app::RunRequest request = small_run((scratch_dir() / "service-refused.h5").string());
  request.target_ci = 0.01;
  request.shard = ShardInfo{0, 2};
  CHECK_THROWS_WITH(app::run(request, single_process(), {}), Catch::Contains("--target-ci runs in one process"));
  request = small_run((scratch_dir() / "service-refused.h5").string());
  request.shard = ShardInfo{0, 13};
  request.shard_label = "1/13";
  CHECK_THROWS_WITH(app::run(request, single_process(), {}), Catch::Contains("this run has 12 batches"));
  CHECK_FALSE(std::filesystem::exists(request.output));
}
