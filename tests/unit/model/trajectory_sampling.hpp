#pragma once
// Many trajectories of one hand-built world and the binomial check of a frequency against
// its closed form, shared by test_checks.cpp and test_trajectory_guarantees.cpp.
//
// Statistical checks use N = 20000 trajectories and a fixed seed. A closed form is met
// when the observed frequency is within 4 binomial standard errors of it at every grid
// point (for a correct engine each point fails with probability about 6e-5).
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

namespace escalate::test {

inline constexpr int N = 20000;

// Runs n trajectories of draw 0 and calls `visit` on each record.
inline void run_many(const Scenario& s, const Parameters& p, const std::function<void(const TrajectoryRecord&)>& visit,
                     int n = N) {
  Trajectory t(s);
  t.prepare(p);
  TrajectoryRecord r;
  for (int i = 0; i < n; ++i) {
    t.run(0, i, SEED, r);
    visit(r);
  }
}

inline void check_frequency(const char* what, double t, double count, double n, double expected) {
  const double observed = count / n;
  const double se = std::sqrt(expected * (1 - expected) / n);
  INFO(what << " at t = " << t << ": observed " << observed << ", expected " << expected);
  CHECK(std::abs(observed - expected) <= 4 * se + 1e-12);
}

}  // namespace escalate::test
