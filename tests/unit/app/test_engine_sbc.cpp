// The reduced simulation-based calibration of `escalate calibrate` with the engine in the
// loop (app::EngineSbc; docs/calibration.md, "Simulation-based calibration with the
// engine"; the full one is bench/sbc_calibrate.cpp): 30 synthetic records drawn from the
// prior of tests/data/calibrate/sbc_engine.toml (four parameters, a random-time phase
// switch that correlates the periods), each calibrated by the sampler and likelihood of
// the `calibrate` service. The check can fail: the same posterior draws contracted toward
// their mean (an overconfident posterior) must fail it.
#include "escalate/app/engine_sbc.hpp"
#include "escalate/base/error.hpp"
#include "escalate/infer/calibration_check.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

namespace {

const std::string FORECAST = test::source_path("tests/data/calibrate/sbc_engine.toml");
const std::string RECORD = test::source_path("tests/data/calibrate/sbc_engine.record.toml");

// Sizes of the reduced run (about 1.3 s of CPU per replicate on one core).
app::EngineSbcSettings reduced_settings() {
  app::EngineSbcSettings s;
  s.particles = 64;
  s.trajectories = 25;
  s.rank_draws = 19;  // ranks 0..19 in 4 bins of 5
  s.seed = 19;
  s.threads = 1;
  s.sharpen = 0.25;
  return s;
}
// Under AddressSanitizer or ThreadSanitizer (make sanitize runs every unit test 3-15 times
// slower) two replicates exercise the code; the statistics need the release suite's 30.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool SANITIZED = true;
#else
constexpr bool SANITIZED = false;
#endif
constexpr std::size_t REPLICATES = SANITIZED ? 2 : 30, BINS = 4;
constexpr double ALPHA = 0.01;

// The smallest and largest k with P(X < k) <= tail and P(X > k) <= tail, X ~ Binomial(n, p):
// the range a count of n Bernoulli(p) stays inside with probability >= 1 - 2 tail.
std::pair<std::size_t, std::size_t> binomial_range(std::size_t n, double p, double tail) {
  std::vector<double> pmf(n + 1);
  for (std::size_t k = 0; k <= n; ++k) {
    const double dn = static_cast<double>(n), dk = static_cast<double>(k);
    pmf[k] = std::exp(std::lgamma(dn + 1) - std::lgamma(dk + 1) - std::lgamma(dn - dk + 1) + dk * std::log(p) +
                      (dn - dk) * std::log1p(-p));
  }
  std::size_t low = 0, high = n;
  for (double below = pmf[0]; below <= tail; below += pmf[++low]) {}
  for (double above = pmf[n]; above <= tail; above += pmf[--high]) {}
  return {low, high};
}

struct Column {
  std::vector<std::size_t> ranks, sharpened;
  std::size_t covered50 = 0, covered90 = 0;
};

}  // namespace

TEST_CASE("Engine SBC: uniform ranks and nominal coverage for four parameters, and an overconfident posterior fails",
          "[app][calibrate][sbc][engine-sbc]") {
  const app::EngineSbc sbc(FORECAST, RECORD);
  REQUIRE(sbc.parameters().size() == 4);
  const app::EngineSbcSettings s = reduced_settings();
  std::vector<Column> columns(sbc.parameters().size());
  for (std::uint64_t r = 0; r < REPLICATES; ++r) {
    const app::EngineSbcReplicate rep = sbc.replicate(s, r);
    CHECK(rep.final_ess >= 0.5 * static_cast<double>(s.particles));
    for (std::size_t rank : rep.rank) CHECK(rank <= s.rank_draws);
    for (std::size_t j = 0; j < columns.size(); ++j) {
      columns[j].ranks.push_back(rep.rank[j]);
      columns[j].sharpened.push_back(rep.sharpened_rank[j]);
      columns[j].covered50 += rep.covered50[j], columns[j].covered90 += rep.covered90[j];
    }
  }
  if (SANITIZED) return;
  // Bonferroni over the four parameters: each test at ALPHA / 4.
  const double alpha = ALPHA / static_cast<double>(columns.size());
  const auto [low50, high50] = binomial_range(REPLICATES, 0.5, alpha / 2);
  const auto [low90, high90] = binomial_range(REPLICATES, 0.9, alpha / 2);
  double smallest_sharpened_p = 1;
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const infer::UniformityTest test = infer::rank_uniformity(columns[j].ranks, s.rank_draws, BINS);
    const infer::UniformityTest sharp = infer::rank_uniformity(columns[j].sharpened, s.rank_draws, BINS);
    smallest_sharpened_p = std::min(smallest_sharpened_p, sharp.p_value);
    INFO(sbc.parameters()[j].name << ": chi-square p " << test.p_value << " (sharpened " << sharp.p_value
                                  << "), covered 50%: " << columns[j].covered50 << ", 90%: " << columns[j].covered90
                                  << " of " << REPLICATES);
    CHECK(test.p_value > alpha);
    CHECK(columns[j].covered50 >= low50);
    CHECK(columns[j].covered50 <= high50);
    CHECK(columns[j].covered90 >= low90);
    CHECK(columns[j].covered90 <= high90);
  }
  // The test of the test: the draws contracted to a quarter of their spread about the
  // same centre fail the same chi-square check for at least one parameter.
  INFO("smallest chi-square p of the sharpened posteriors: " << smallest_sharpened_p);
  CHECK(smallest_sharpened_p <= alpha);
}

TEST_CASE("Engine SBC: a replicate is the same on one and two threads", "[app][calibrate][sbc][engine-sbc]") {
  const app::EngineSbc sbc(FORECAST, RECORD);
  app::EngineSbcSettings s = reduced_settings();
  s.particles = 24, s.rank_draws = 19, s.trajectories = 10;
  const app::EngineSbcReplicate one = sbc.replicate(s, 3);
  s.threads = 2;
  const app::EngineSbcReplicate two = sbc.replicate(s, 3);
  CHECK(one.truth == two.truth);
  CHECK(one.observed == two.observed);
  CHECK(one.rank == two.rank);
  CHECK(one.evaluations == two.evaluations);
  // Another replicate draws another truth and another record.
  const app::EngineSbcReplicate other = sbc.replicate(s, 4);
  CHECK(other.truth != one.truth);
}

TEST_CASE("Engine SBC: the synthetic record replaces exactly the template's observed entries",
          "[app][calibrate][sbc][engine-sbc]") {
  RecordWindow w;
  w.counts = {{0, -1, 0}, {-1, -1, -1}};
  w.answers = {{{-1, 0, 0, -1, -1}}, {{-1, -1, -1, -1, -1}}};
  w.countermeasures = ObservedRange{2, 5};  // an interval becomes the exact simulated value
  app::RecordedTrajectory t;
  t.types = 2, t.periods = 3;
  t.counts = {4, 5, 6, 7, 8, 9};
  t.answers = {0, 3, 1, 0, 0, 0, 0, 0, 0, 0};
  t.countermeasures = 11, t.wars = 1;
  app::EngineSbc::observe(w, t);
  CHECK(w.counts == std::vector<std::vector<std::int64_t>>{{4, -1, 6}, {-1, -1, -1}});
  CHECK(w.answers[0] == std::array<std::int64_t, 5>{-1, 3, 1, -1, -1});
  CHECK(w.answers[1] == std::array<std::int64_t, 5>{-1, -1, -1, -1, -1});
  REQUIRE(w.countermeasures);
  CHECK(w.countermeasures->low == 11);
  CHECK(w.countermeasures->high == 11);
  CHECK(!w.wars);  // not observed in the template: stays unobserved
}

TEST_CASE("Engine SBC: a missing record template is refused naming it", "[app][calibrate][sbc][engine-sbc]") {
  CHECK_THROWS_WITH(app::EngineSbc(FORECAST, "no/such/record.toml"), Catch::Contains("no/such/record.toml"));
}
