// Per-period tallies of incidents by the rung of their answer (incident_periods.hpp): they
// only observe, they conserve the record's counts, and overlapping periods agree.
#include "escalate/model/incident_periods.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/parameters.hpp"
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <vector>

using namespace escalate;
using namespace escalate::test;

namespace {
std::uint64_t period_total(const TrajectoryRecord& r, std::size_t P, std::size_t k, std::size_t p, std::size_t first,
                           std::size_t last) {
  std::uint64_t n = 0;
  for (std::size_t slot = first; slot < last; ++slot) n += r.period_incidents[(k * P + p) * PERIOD_SLOTS + slot];
  return n;
}
}  // namespace

TEST_CASE("periods only observe: every other field of the record is unchanged", "[incident_periods]") {
  const Scenario s = rich_scenario(10);
  const Parameters p = rich_parameters(s);
  Trajectory plain(s), observed(s);
  plain.prepare(p);
  observed.prepare(p);
  const std::vector<double> starts{0, 90, 180, 270}, ends{90, 180, 270, 361};
  observed.set_periods(starts, ends);
  TrajectoryRecord a, b;
  std::uint64_t wars = 0;
  for (int n = 0; n < 300; ++n) {
    plain.run(1, n, SEED, a);
    observed.run(1, n, SEED, b);
    INFO("trajectory " << n);
    REQUIRE(same_record(a, b));
    CHECK(a.period_incidents.empty());
    CHECK(b.period_incidents.size() == s.incidents.size() * starts.size() * PERIOD_SLOTS);
    wars += a.wars;
  }
  CHECK(wars > 0);  // wars clear pending decisions: slot 5 is exercised
}

TEST_CASE("periods covering the horizon conserve incidents and decisions on them", "[incident_periods]") {
  const Scenario s = rich_scenario(10);
  const Parameters p = rich_parameters(s);
  Trajectory t(s);
  t.prepare(p);
  const std::vector<double> starts{0, 120, 240}, ends{120, 240, 361};
  t.set_periods(starts, ends);
  const std::size_t K = s.incidents.size(), P = starts.size();
  const auto inject = static_cast<std::size_t>(s.cause_index(BuiltinCause::Inject));
  REQUIRE(s.injections.size() == 1);
  REQUIRE(s.injections[0].incident == 0);  // injections are decided under their own cause
  TrajectoryRecord r;
  std::uint64_t undecided = 0, decided = 0;
  for (int n = 0; n < 300; ++n) {
    t.run(0, n, SEED, r);
    INFO("trajectory " << n);
    for (std::size_t k = 0; k < K; ++k) {
      std::uint64_t arrived = 0, by_period = 0;
      for (std::size_t ph = 0; ph < RATE_PHASE_COUNT; ++ph) arrived += r.incidents[k * RATE_PHASE_COUNT + ph];
      for (std::size_t q = 0; q < P; ++q) by_period += period_total(r, P, k, q, 0, PERIOD_SLOTS);
      CHECK(by_period == arrived);
      for (std::size_t q = 0; q < P; ++q) undecided += period_total(r, P, k, q, UNDECIDED_SLOT, PERIOD_SLOTS);
    }
    for (std::size_t rung = 0; rung < RUNG_COUNT; ++rung) {
      std::uint64_t answered = 0;
      for (std::size_t q = 0; q < P; ++q) answered += period_total(r, P, 1, q, rung, rung + 1);
      CHECK(answered == r.decisions[1 * RUNG_COUNT + rung]);  // type 1 is never injected
      answered = 0;
      for (std::size_t q = 0; q < P; ++q) answered += period_total(r, P, 0, q, rung, rung + 1);
      CHECK(answered == r.decisions[0 * RUNG_COUNT + rung] + r.decisions[inject * RUNG_COUNT + rung]);
      decided += answered;
    }
  }
  CHECK(undecided > 0);
  CHECK(decided > 0);
}

TEST_CASE("overlapping periods count an incident once in each period holding it", "[incident_periods]") {
  const Scenario s = rich_scenario(10);
  const Parameters p = rich_parameters(s);
  Trajectory t(s);
  t.prepare(p);
  // [0, 100), [100, 361), and the two together; [400, 500) lies after the horizon.
  const std::vector<double> starts{0, 100, 0, 400}, ends{100, 361, 361, 500};
  t.set_periods(starts, ends);
  const std::size_t K = s.incidents.size(), P = starts.size();
  TrajectoryRecord r;
  std::uint64_t seen = 0;
  for (int n = 0; n < 200; ++n) {
    t.run(0, n, SEED, r);
    for (std::size_t k = 0; k < K; ++k)
      for (std::size_t slot = 0; slot < PERIOD_SLOTS; ++slot) {
        INFO("trajectory " << n << ", type " << k << ", slot " << slot);
        const auto at = [&](std::size_t q) { return r.period_incidents[(k * P + q) * PERIOD_SLOTS + slot]; };
        CHECK(at(2) == at(0) + at(1));
        CHECK(at(3) == 0u);
        seen += at(2);
      }
  }
  CHECK(seen > 0);
}

TEST_CASE("periods refuse mismatched edges and reversed periods", "[incident_periods]") {
  IncidentPeriods periods;
  const std::vector<double> two{0, 10}, one{5}, reversed_end{-1, 20};
  CHECK_THROWS_AS(periods.set(two, one), std::invalid_argument);
  CHECK_THROWS_AS(periods.set(two, reversed_end), std::invalid_argument);
  CHECK_FALSE(periods.active());
  periods.set(two, std::vector<double>{10, 20});
  CHECK(periods.active());
  CHECK(periods.size() == 2);
}
