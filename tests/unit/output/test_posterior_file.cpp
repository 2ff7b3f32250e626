// The posterior file (posterior_file.cpp, posterior_file_read.cpp): what is written reads
// back equal, held-out rows keep their NaN; missing, foreign, damaged and inconsistent
// files are refused with a FileError naming the file; a failed write leaves nothing.
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/output/posterior_file.hpp"
#include "posterior_fixture.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {
std::string fresh(const std::string& name) {
  const std::string path = (scratch_dir() / name).string();
  fs::remove(path);
  return path;
}
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }
std::string file_error(const std::string& path) {
  try {
    read_posterior_file(path);
  } catch (const FileError& e) {
    return e.what();
  }
  return "(no FileError)";
}
std::vector<std::string> entries_of(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}
}  // namespace

TEST_CASE("A posterior file reads back as it was written", "[posterior_file]") {
  const PosteriorFile p = sample_posterior();
  const std::string path = fresh("round-trip.h5");
  write_posterior_file(path, p);
  const PosteriorFile q = read_posterior_file(path);
  CHECK(q.parameters == p.parameters);
  CHECK(q.prior_text == p.prior_text);
  CHECK(q.prior_mean == p.prior_mean);
  CHECK(q.prior_variance == p.prior_variance);
  CHECK(q.draws == p.draws);
  CHECK(q.values == p.values);
  CHECK(q.value(7, 1) == p.value(7, 1));
  CHECK(q.log_likelihood == p.log_likelihood);
  REQUIRE(q.stages.size() == p.stages.size());
  for (std::size_t s = 0; s < p.stages.size(); ++s) {
    CHECK(q.stages[s].temperature == p.stages[s].temperature);
    CHECK(q.stages[s].ess == p.stages[s].ess);
    CHECK(q.stages[s].acceptance == p.stages[s].acceptance);
    CHECK(q.stages[s].moves == p.stages[s].moves);
    CHECK(q.stages[s].evaluations == p.stages[s].evaluations);
  }
  CHECK(q.log_evidence == p.log_evidence);
  CHECK(q.final_ess == p.final_ess);
  REQUIRE(q.check.size() == p.check.size());
  for (std::size_t i = 0; i < p.check.size(); ++i) {
    const auto &a = q.check[i], &b = p.check[i];
    CHECK(a.observation == b.observation);
    CHECK(same(a.observed, b.observed));
    CHECK(a.observed_text == b.observed_text);
    CHECK(a.median == b.median);
    CHECK(a.low == b.low);
    CHECK(a.high == b.high);
    CHECK(same(a.pit, b.pit));
    CHECK(a.outlier == b.outlier);
  }
  CHECK(std::isnan(q.check[2].observed));  // the held-out row stays unobserved
  CHECK(q.predictive == p.predictive);
  CHECK(q.misfits == p.misfits);
  const auto &v = q.provenance, &w = p.provenance;
  CHECK(v.forecast_config == w.forecast_config);
  CHECK(v.forecast_sha256 == w.forecast_sha256);
  CHECK(v.record == w.record);
  CHECK(v.record_sha256 == w.record_sha256);
  CHECK(v.window_configs == w.window_configs);
  CHECK(v.window_sha256 == w.window_sha256);
  CHECK(v.seed == w.seed);
  CHECK(v.particles == w.particles);
  CHECK(v.trajectories == w.trajectories);
  CHECK(v.command_line == w.command_line);
  CHECK(v.engine_version == w.engine_version);
  CHECK(v.likelihood == w.likelihood);
}

TEST_CASE("A posterior file carries the CF attributes of the run files", "[posterior_file]") {
  const std::string path = fresh("cf.h5");
  write_posterior_file(path, sample_posterior(10));
  H5Reader h5(path);
  CHECK(h5.string_attribute("", "Conventions") == "CF-1.8");
  CHECK(h5.string_attribute("", "filetype") == POSTERIOR_FILETYPE);
  CHECK_THAT(h5.string_attribute("", "title"), Contains("configs/forecast.toml") && Contains("data/record.toml"));
  CHECK_THAT(h5.string_attribute("", "history"), Contains("escalate calibrate configs/forecast.toml"));
  CHECK(h5.string_attribute("stages/ess", "units") == "1");
  CHECK(h5.strings("posterior/parameter", 3) == sample_posterior(10).parameters);
}

TEST_CASE("Missing, foreign and damaged posterior files are refused naming the file", "[posterior_file]") {
  CHECK_THAT(file_error(fresh("missing.h5")), Contains("missing.h5"));
  const std::string foreign = fresh("foreign.h5");
  write_file_atomically(foreign, false, [](H5Writer& h5) {
    h5.attribute("", "filetype", std::string("escalate-results"));
  });
  CHECK_THAT(file_error(foreign), Contains("foreign.h5") && Contains("not an Escalate posterior file"));

  const std::string damaged = fresh("damaged.h5");
  write_posterior_file(damaged, sample_posterior(10));
  std::string bytes;
  {
    std::ifstream in(damaged, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
  std::ofstream(damaged, std::ios::binary | std::ios::trunc) << bytes;
  CHECK_THAT(file_error(damaged), Contains("damaged.h5"));

  // Well-formed HDF5 whose sizes disagree: 3 draws, 2 parameters, values of 3 x 3.
  const std::string sizes = fresh("sizes.h5");
  write_file_atomically(sizes, false, [](H5Writer& h5) {
    h5.attribute("", "filetype", std::string(POSTERIOR_FILETYPE));
    h5.attribute("", "format_version", POSTERIOR_FORMAT_VERSION);
    h5.dimension("posterior/draw", std::vector<std::int64_t>{0, 1, 2}, {"draw", ""});
    h5.dimension("posterior/parameter", std::vector<std::string>{"a", "b"}, {"parameter", ""});
    h5.dimension("posterior/wrong", std::vector<std::int64_t>{0, 1, 2}, {"not the parameters", ""});
    h5.variable("posterior/parameters", std::vector<double>(9, 1.0), {"posterior/draw", "posterior/wrong"}, {"values", ""});
    h5.variable("prior/mean", std::vector<double>{0, 0}, {"posterior/parameter"}, {"prior mean", ""});
  });
  CHECK_THAT(file_error(sizes), Contains("sizes.h5") && Contains("posterior/parameters") && Contains("damaged or edited"));
}

TEST_CASE("A failed posterior write leaves nothing behind and replaces nothing", "[posterior_file]") {
  const fs::path dir = scratch_dir() / "posterior-publish";
  fs::remove_all(dir);
  fs::create_directories(dir);
  PosteriorFile bad = sample_posterior(10);
  bad.log_likelihood.pop_back();  // a writer that disagrees with itself
  CHECK_THROWS_AS(write_posterior_file((dir / "bad.h5").string(), bad), IoError);
  CHECK(entries_of(dir).empty());

  const std::string kept = (dir / "kept.h5").string();
  write_posterior_file(kept, sample_posterior(10));
  CHECK_THROWS_AS(write_posterior_file(kept, sample_posterior(20)), RequestError);  // exists, no overwrite
  CHECK(read_posterior_file(kept).draws == 10);
  forget_input_files();  // read above, so an input of this process: not replaceable until forgotten
  write_posterior_file(kept, sample_posterior(20), true);
  CHECK(read_posterior_file(kept).draws == 20);
  CHECK(entries_of(dir) == std::vector<std::string>{"kept.h5"});  // no temporary left

  // A directory that cannot be made (under a regular file): refused, nothing written.
  std::ofstream(dir / "plain-file") << "not a directory";
  CHECK_THROWS(write_posterior_file((dir / "plain-file" / "sub" / "post.h5").string(), sample_posterior(10)));
  CHECK(entries_of(dir).size() == 2);
}
