// One window simulated at a parameter point (window_simulation.hpp): its tallies conserve
// the trajectory's record, meet the Poisson closed form of a constant rate, and are a
// function of (theta, index, seed) alone.
#include "escalate/sim/window_simulation.hpp"

#include "escalate/base/error.hpp"
#include "escalate/config/record.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/parameters.hpp"
#include "escalate/model/trajectory.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace escalate;
using escalate::test::source_path;

namespace {
constexpr std::uint64_t SEED = 20260419;

bool same_observation(const WindowObservation& a, const WindowObservation& b) {
  return a.types == b.types && a.periods == b.periods && a.incidents == b.incidents &&
         a.window_incidents == b.window_incidents && a.wars == b.wars && a.limited_strikes == b.limited_strikes &&
         a.countermeasures == b.countermeasures && a.runaway == b.runaway;
}

std::uint64_t slot_sum(const WindowObservation& o, std::size_t k, std::size_t first, std::size_t last) {
  std::uint64_t n = 0;
  for (std::size_t p = 0; p < o.periods; ++p)
    for (std::size_t slot = first; slot < last; ++slot) n += o.incidents_at(k, p, slot);
  return n;
}
}  // namespace

TEST_CASE("window tallies conserve the trajectory's incidents, answers and acts", "[window_simulation]") {
  // small.toml: two types, attribution races, countermeasures, strikes, wars, an injection.
  const Config config = load_config(source_path("tests/configs/small.toml"));
  const Scenario& s = config.scenario;
  const std::vector<double> theta = config.draw_values(3);
  const auto horizon = static_cast<double>(s.horizon_days);
  // Four periods covering [0, horizon] (an incident at the horizon itself counts).
  WindowSimulator window(config, {0, 100, 200, 300}, {100, 200, 300, horizon + 1});
  window.prepare(theta);
  Trajectory trajectory(s);
  trajectory.prepare(config.parameters_with(theta));
  TrajectoryRecord record;
  const std::size_t K = s.incidents.size();
  const auto inject = static_cast<std::size_t>(s.cause_index(BuiltinCause::Inject));
  std::vector<int> injected(K, 0);
  for (const InjectionSpec& spec : s.injections) injected[static_cast<std::size_t>(spec.incident)] = 1;
  std::uint64_t wars = 0, undecided = 0, strikes = 0, countermeasures = 0;
  for (std::int64_t n = 0; n < 400; ++n) {
    const WindowObservation& o = window.run(n, SEED);
    trajectory.run(0, n, SEED, record);  // the keying: draw 0, index n
    INFO("trajectory " << n);
    REQUIRE(o.types == K);
    REQUIRE(o.periods == 4);
    for (std::size_t k = 0; k < K; ++k) {
      std::uint64_t arrived = 0;
      for (std::size_t ph = 0; ph < RATE_PHASE_COUNT; ++ph) arrived += record.incidents[k * RATE_PHASE_COUNT + ph];
      CHECK(slot_sum(o, k, 0, 6) == arrived);
      for (std::size_t slot = 0; slot < 6; ++slot) {
        std::uint64_t over_periods = 0;
        for (std::size_t p = 0; p < o.periods; ++p) over_periods += o.incidents_at(k, p, slot);
        CHECK(o.window_incidents[k * 6 + slot] == over_periods);
      }
      for (std::size_t r = 0; r < RUNG_COUNT; ++r) {
        // an injected incident is decided under the cause "inject" (only one injected type here)
        const std::uint64_t decided =
            record.decisions[k * RUNG_COUNT + r] + (injected[k] ? record.decisions[inject * RUNG_COUNT + r] : 0);
        CHECK(slot_sum(o, k, r, r + 1) == decided);
      }
      undecided += slot_sum(o, k, 5, 6);
    }
    CHECK(o.wars == record.wars);
    CHECK(o.limited_strikes == record.strikes);
    CHECK(o.countermeasures == record.countermeasures);
    CHECK(o.runaway == record.runaway);
    wars += o.wars;
    strikes += o.limited_strikes;
    countermeasures += o.countermeasures;
  }
  // The window exercises every slot the record has.
  CHECK(wars > 0);
  CHECK(undecided > 0);
  CHECK(strikes > 0);
  CHECK(countermeasures > 0);
}

TEST_CASE("a constant rate gives Poisson counts of rate x period length in every period", "[window_simulation]") {
  const Config config = load_config(source_path("tests/configs/window-constant-rate.toml"));
  REQUIRE(config.uncertain.size() == 1);
  REQUIRE(config.uncertain[0].path == "incident.accident.accidental_rate.0");
  // Five periods of unequal lengths inside the five-year window.
  const std::vector<double> starts{0, 365, 500, 730, 1500}, ends{365, 500, 730, 1460, 1825};
  WindowSimulator window(config, starts, ends);
  constexpr int N = 4000;
  for (const double rate : {6.0, 12.0}) {
    const std::vector<double> theta{rate};
    window.prepare(theta);
    std::vector<double> sum(starts.size(), 0), sum_sq(starts.size(), 0);
    std::uint64_t not_protest = 0;
    for (std::int64_t n = 0; n < N; ++n) {
      const WindowObservation& o = window.run(n, SEED);
      for (std::size_t p = 0; p < o.periods; ++p) {
        const double y = o.incidents_at(0, p, 1);
        sum[p] += y;
        sum_sq[p] += y * y;
      }
      not_protest += o.window_incidents[0] + o.window_incidents[2] + o.window_incidents[3] + o.window_incidents[4] +
                     o.window_incidents[5];
      CHECK(o.wars == 0);
    }
    CHECK(not_protest == 0);  // every incident answered by a protest, none left undecided
    for (std::size_t p = 0; p < starts.size(); ++p) {
      const double lambda = rate * (ends[p] - starts[p]) / 365.0;
      const double mean = sum[p] / N, var = (sum_sq[p] - N * mean * mean) / (N - 1);
      const double z_mean = (mean - lambda) / std::sqrt(lambda / N);
      // Var of the sample variance of a Poisson(lambda): (lambda + 2 lambda^2) / N (large N).
      const double z_var = (var - lambda) / std::sqrt((lambda + 2 * lambda * lambda) / N);
      INFO("rate " << rate << ", period " << p << ": mean " << mean << ", variance " << var << ", expected "
                   << lambda);
      CHECK(std::abs(z_mean) < 4);
      CHECK(std::abs(z_var) < 4);
    }
  }
}

TEST_CASE("the same (theta, index, seed) gives the same observation on any simulator", "[window_simulation]") {
  const Config config = load_config(source_path("tests/configs/small.toml"));
  const std::vector<double> a = config.draw_values(0), b = config.draw_values(1);
  WindowSimulator first(config, {0, 180}, {180, 366}), second(config, {0, 180}, {180, 366});
  first.prepare(a);
  second.prepare(b);
  second.run(5, SEED);  // other work on the second simulator first
  second.prepare(a);
  std::size_t differ_by_seed = 0, differ_by_theta = 0;
  for (std::int64_t n = 0; n < 100; ++n) {
    const WindowObservation x = first.run(n, SEED);
    const WindowObservation& y = second.run(n, SEED);
    INFO("trajectory " << n);
    CHECK(same_observation(x, y));
    if (!same_observation(x, second.run(n, SEED + 1))) ++differ_by_seed;
  }
  WindowSimulator moved(std::move(first));  // a moved simulator keeps its parameter point
  const WindowObservation again = moved.run(7, SEED);
  CHECK(same_observation(again, second.run(7, SEED)));
  second.prepare(b);
  for (std::int64_t n = 0; n < 100; ++n)
    if (!same_observation(moved.run(n, SEED), WindowObservation(second.run(n, SEED)))) ++differ_by_theta;
  CHECK(differ_by_seed > 50);
  CHECK(differ_by_theta > 10);
}

TEST_CASE("a window simulator refuses periods and parameter points that do not fit", "[window_simulation]") {
  const Config config = load_config(source_path("tests/configs/small.toml"));
  CHECK_THROWS_AS(WindowSimulator(config, {0, 10}, {10}), RequestError);
  CHECK_THROWS_AS(WindowSimulator(config, {10}, {5}), RequestError);
  WindowSimulator window(config, {0}, {366});
  const std::vector<double> too_few(config.uncertain.size() - 1, 0.0);
  CHECK_THROWS_AS(window.prepare(too_few), RequestError);
}

namespace {
// theta in the order of config.uncertain, from (path, value) pairs.
std::vector<double> theta_of(const Config& config, const std::vector<std::pair<std::string, double>>& values) {
  std::vector<double> theta;
  for (const UncertainParameter& u : config.uncertain)
    for (const auto& [path, value] : values)
      if (u.path == path) theta.push_back(value);
  REQUIRE(theta.size() == config.uncertain.size());
  return theta;
}

const std::string RATE = "incident.accident.accidental_rate.0";
}  // namespace

TEST_CASE("the calibrator's closed-form worlds are what their comments say", "[window_simulation]") {
  // tests/data/calibrate: the premises of the exact posteriors written in those files.
  SECTION("gamma_poisson: calendar-year counts are Poisson(rate x days / 365), all protests") {
    const Record record = load_record(source_path("tests/data/calibrate/gamma_poisson.record.toml"));
    REQUIRE(record.windows.size() == 1);
    const RecordWindow& w = record.windows[0];
    check_record_against(record, w.config);  // the window config is the forecast
    CHECK(window_parameters(record, w.config).at(0).local.empty());  // every parameter the forecast's
    const Config& config = w.config;
    REQUIRE(config.uncertain.size() == 1);
    // 2021..2025 (2024 has 366 days), as the comments' exposures say; counts sum to 53.
    CHECK(w.period_start_days == std::vector<double>{0, 365, 730, 1095, 1461});
    CHECK(w.period_end_days == std::vector<double>{365, 730, 1095, 1461, 1826});
    CHECK(w.counts[0] == std::vector<std::int64_t>{8, 12, 9, 11, 13});
    WindowSimulator window(config, w.period_start_days, w.period_end_days);
    window.prepare(theta_of(config, {{RATE, 10.0}}));
    constexpr int N = 3000;
    const std::size_t P = w.period_start_days.size();
    std::vector<double> sum(P, 0);
    for (std::int64_t n = 0; n < N; ++n) {
      const WindowObservation& o = window.run(n, SEED);
      for (std::size_t p = 0; p < o.periods; ++p) sum[p] += o.incidents_at(0, p, 1);
      CHECK(slot_sum(o, 0, 0, 6) == slot_sum(o, 0, 1, 2));
    }
    for (std::size_t p = 0; p < P; ++p) {
      const double lambda = 10.0 * (w.period_end_days[p] - w.period_start_days[p]) / 365.0;
      INFO(w.period_labels[p] << ": mean " << sum[p] / N << ", expected " << lambda);
      CHECK(std::abs(sum[p] / N - lambda) < 4 * std::sqrt(lambda / N));
    }
  }
  SECTION("interval_outcome: the window's countermeasures are its incidents, all answered by one") {
    const Record record = load_record(source_path("tests/data/calibrate/interval_outcome.record.toml"));
    const RecordWindow& w = record.windows.at(0);
    check_record_against(record, w.config);
    CHECK(window_parameters(record, w.config).at(0).local.empty());  // every parameter the forecast's
    const Config& config = w.config;
    REQUIRE(config.uncertain.size() == 1);
    REQUIRE(w.countermeasures.has_value());
    CHECK((w.countermeasures->low == 8 && w.countermeasures->high == 14));
    REQUIRE(w.wars.has_value());
    CHECK((w.wars->low == 0 && w.wars->high == 0));
    CHECK(w.counts[0] == std::vector<std::int64_t>{-1});  // no counts: the rate is seen through the outcome only
    WindowSimulator window(config, w.period_start_days, w.period_end_days);
    window.prepare(theta_of(config, {{RATE, 10.0}}));
    std::uint64_t total = 0;
    for (std::int64_t n = 0; n < 500; ++n) {
      const WindowObservation& o = window.run(n, SEED);
      INFO("trajectory " << n);
      CHECK(o.countermeasures == slot_sum(o, 0, 0, 6));
      CHECK(o.window_incidents[2] == slot_sum(o, 0, 0, 6));
      CHECK(o.wars == 0);
      CHECK(o.limited_strikes == 0);
      total += o.countermeasures;
    }
    CHECK(std::abs(total / 500.0 - 10.0) < 4 * std::sqrt(10.0 / 500));
  }
  SECTION("ladder_intercept: incidents Poisson(20) whatever i0, answered none or protest with 1 - s, s") {
    const Record record = load_record(source_path("tests/data/calibrate/ladder_intercept.record.toml"));
    const RecordWindow& w = record.windows.at(0);
    check_record_against(record, w.config);
    CHECK(window_parameters(record, w.config).at(0).local.empty());  // every parameter the forecast's
    const Config& config = w.config;
    REQUIRE(config.uncertain.size() == 1);
    CHECK(w.answers[0] == std::array<std::int64_t, 5>{13, 7, 0, 0, 0});
    CHECK(w.counts[0] == std::vector<std::int64_t>{-1});  // no counts: the answers alone
    const std::string I0 = "response.intercept.0";
    WindowSimulator low(config, w.period_start_days, w.period_end_days);
    WindowSimulator high(config, w.period_start_days, w.period_end_days);
    low.prepare(theta_of(config, {{I0, -2.0}}));
    high.prepare(theta_of(config, {{I0, 0.5}}));
    constexpr int N = 2000;
    std::uint64_t incidents = 0, protests = 0;
    for (std::int64_t n = 0; n < N; ++n) {
      const WindowObservation a = low.run(n, SEED);
      const WindowObservation& b = high.run(n, SEED);
      INFO("trajectory " << n);
      CHECK(slot_sum(a, 0, 0, 6) == slot_sum(b, 0, 0, 6));  // the incidents do not depend on i0
      CHECK(slot_sum(b, 0, 0, 2) == slot_sum(b, 0, 0, 6));  // every one answered none or protest
      CHECK((b.countermeasures == 0 && b.limited_strikes == 0 && b.wars == 0));
      incidents += slot_sum(b, 0, 0, 6);
      protests += slot_sum(b, 0, 1, 2);
    }
    const double s = 1 / (1 + std::exp(-0.5));
    CHECK(std::abs(incidents / double(N) - 20.0) < 4 * std::sqrt(20.0 / N));
    CHECK(std::abs(protests / double(incidents) - s) < 4 * std::sqrt(s * (1 - s) / incidents));
  }
  SECTION("invisible: the war's hazards change no observation") {
    const Record record = load_record(source_path("tests/data/calibrate/invisible.record.toml"));
    const RecordWindow& w = record.windows.at(0);
    check_record_against(record, w.config);
    CHECK(window_parameters(record, w.config).at(0).local.empty());  // every parameter the forecast's
    const Config& config = w.config;
    REQUIRE(config.uncertain.size() == 3);
    WindowSimulator low(config, w.period_start_days, w.period_end_days);
    WindowSimulator high(config, w.period_start_days, w.period_end_days);
    low.prepare(theta_of(config, {{RATE, 10.0}, {"war.ceasefire_rate_per_year", 0.1}, {"war.nuclear_use_rate_per_year", 0.0}}));
    high.prepare(theta_of(config, {{RATE, 10.0}, {"war.ceasefire_rate_per_year", 8.0}, {"war.nuclear_use_rate_per_year", 0.5}}));
    for (std::int64_t n = 0; n < 300; ++n) {
      INFO("trajectory " << n);
      CHECK(same_observation(WindowObservation(low.run(n, SEED)), high.run(n, SEED)));
    }
  }
}
