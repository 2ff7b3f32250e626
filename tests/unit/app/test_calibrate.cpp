// The calibrate service on the engine (tests/data/calibrate): an interrupted calibration
// resumed from its state file writes the posterior an uninterrupted one writes; a dry run
// writes nothing; a state of another calibration is refused.
#include "escalate/app/calibrate.hpp"
#include "escalate/base/error.hpp"
#include "escalate/infer/smc_sampler.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>

using namespace escalate;
using namespace escalate::test;

namespace {

Cluster& one_process() {
  static int argc = 1;
  static char name[] = "escalate_unit_tests_app";
  static char* args[] = {name, nullptr};
  static char** argv = args;
  static Cluster cluster(argc, argv);
  return cluster;
}

app::CalibrateRequest small_calibration(const std::string& output) {
  app::CalibrateRequest r;
  r.forecast = source_path("tests/data/calibrate/invisible.toml");
  r.record = source_path("tests/data/calibrate/invisible.record.toml");
  r.output = output;
  r.particles = 60;
  r.trajectories = 12;
  r.seed = 11;
  r.threads = 2;
  r.force = true;
  return r;
}

void check_same_posterior(const PosteriorFile& a, const PosteriorFile& b) {
  CHECK(a.parameters == b.parameters);
  CHECK(a.values == b.values);
  CHECK(a.log_likelihood == b.log_likelihood);
  CHECK(a.log_evidence == b.log_evidence);
  CHECK(a.final_ess == b.final_ess);
  REQUIRE(a.stages.size() == b.stages.size());
  for (std::size_t s = 0; s < a.stages.size(); ++s) {
    CHECK(a.stages[s].temperature == b.stages[s].temperature);
    CHECK(a.stages[s].evaluations == b.stages[s].evaluations);
  }
  CHECK(a.predictive == b.predictive);
  REQUIRE(a.check.size() == b.check.size());
  for (std::size_t i = 0; i < a.check.size(); ++i) CHECK((a.check[i].pit == b.check[i].pit || a.check[i].pit != a.check[i].pit));
}

}  // namespace

TEST_CASE("An interrupted calibration resumed from its state equals the uninterrupted one", "[app][calibrate]") {
  const std::string whole = (scratch_dir() / "calibrate-whole.h5").string();
  const std::string parted = (scratch_dir() / "calibrate-parted.h5").string();
  const app::CalibrateOutcome reference = app::calibrate(small_calibration(whole), one_process(), {});
  REQUIRE(reference.written);
  REQUIRE(reference.posterior.stages.size() >= 3);

  // Stop after stage 1: the log callback sees the stage line before the interrupt is polled.
  std::atomic<bool> stop{false};
  app::Callbacks callbacks;
  callbacks.interrupt = &stop;
  callbacks.log = [&](const std::string& line) {
    if (line.rfind("stage 1:", 0) == 0) stop = true;
  };
  CHECK_THROWS_AS(app::calibrate(small_calibration(parted), one_process(), callbacks), Interrupted);
  CHECK_FALSE(std::filesystem::exists(parted));
  const std::string state = parted + ".state";
  REQUIRE(std::filesystem::exists(state));

  // The same state as written by another revision of the sampler's moves.
  std::string text = read_text(state);
  const std::string revision = std::string(" sampler ") + infer::SAMPLER_REVISION;
  REQUIRE(text.find(revision) != std::string::npos);
  text.replace(text.find(revision), revision.size(), " sampler smc-2");
  const std::string older = write_file("calibrate-older-sampler.state", text);

  app::CalibrateRequest resume = small_calibration(parted);
  resume.resume = state;
  // The resumed run starts from stage 1's particles: it never evaluates the prior's again.
  std::vector<std::string> lines;
  app::Callbacks listen;
  listen.log = [&](const std::string& line) { lines.push_back(line); };
  app::calibrate(resume, one_process(), listen);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front().rfind("stage 0:", 0) == std::string::npos);
  check_same_posterior(read_posterior_file(whole), read_posterior_file(parted));

  // Another seed is another calibration: its fingerprint differs.
  app::CalibrateRequest other = resume;
  other.output = (scratch_dir() / "calibrate-other.h5").string();
  other.seed = 12;
  CHECK_THROWS_AS(app::calibrate(other, one_process(), {}), FileError);
  // A state written by an older sampler is refused with the reason, before any work.
  app::CalibrateRequest stale = small_calibration((scratch_dir() / "calibrate-stale.h5").string());
  stale.resume = older;
  CHECK_THROWS_WITH(app::calibrate(stale, one_process(), {}), Catch::Contains("another calibration"));
  CHECK_FALSE(std::filesystem::exists(stale.output));
}

TEST_CASE("A calibration's dry run writes nothing and counts the cost", "[app][calibrate]") {
  const std::string output = (scratch_dir() / "calibrate-dry.h5").string();
  app::CalibrateRequest r = small_calibration(output);
  r.dry_run = true;
  const app::CalibrateOutcome out = app::calibrate(r, one_process(), {});
  REQUIRE(out.estimate);
  CHECK_FALSE(out.written);
  CHECK_FALSE(std::filesystem::exists(output));
  CHECK(out.parameters == std::vector<std::string>{"war.ceasefire_rate_per_year", "war.nuclear_use_rate_per_year",
                                                   "incident.accident.accidental_rate.0"});  // the config's order
  CHECK(out.estimate->simulations == Approx(app::ESTIMATES_PER_PARTICLE * 60 * 1 * 12));
  CHECK(out.estimate->seconds > 0);
}
