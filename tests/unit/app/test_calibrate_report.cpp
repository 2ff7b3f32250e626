// The calibrate service's progress line: what it says of a stage, and a remaining time
// that follows the last stage rather than the mean of all of them.
#include "escalate/app/calibrate_report.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;

namespace {

// A state after stages of the given temperatures and likelihood estimates (stage 0: the
// prior particles).
infer::SmcState state_after(const std::vector<double>& temperatures, const std::vector<std::size_t>& evaluations) {
  infer::SmcState s;
  for (std::size_t k = 0; k < temperatures.size(); ++k) {
    infer::StageDiagnostics g;
    g.stage = k;
    g.temperature = temperatures[k];
    g.ess = 50;
    g.acceptance = 0.25;
    g.refresh_acceptance = 0.25;
    g.moves = k == 0 ? 0 : 10;
    g.evaluations = evaluations[k];
    s.stages.push_back(g);
  }
  s.temperature = temperatures.back();
  return s;
}

}  // namespace

TEST_CASE("The stage line names the stage, its ESS, acceptance and moves, and the estimates so far", "[app]") {
  const auto s = state_after({0.0, 0.01, 0.04}, {100, 500, 1000});
  const std::string line = app::stage_line(s, 100, 400, 30);
  CHECK(line.find("stage 2: temperature 0.04, ESS 50/100, acceptance 0.25 (10 moves)") == 0);
  CHECK(line.find("1,600 likelihood estimates (640,000 trajectories); 30 s elapsed") != std::string::npos);
  // One kernel: no second rate.
  CHECK(line.find("prior-preserving") == std::string::npos);
}

TEST_CASE("The remaining time carries the last stage on, not the mean of the stages", "[app]") {
  // log t grew by log 2 in the last stage, -log 0.2 = 1.61 is left: 2.32 stages of the last
  // one's length, 60% of the estimates of 200 s elapsed, i.e. 120 s: 279 s, "5 min". The
  // mean of the stages (log t from 0.01 on, 200 s over 3 stages) would say 1.07 stages of
  // 67 s, "71 s".
  const auto s = state_after({0.0, 0.01, 0.1, 0.2}, {100, 100, 200, 600});
  const std::string line = app::stage_line(s, 100, 400, 200);
  CHECK(line.find("about 5 min to go") != std::string::npos);
  // Finished, or before two positive temperatures: no remaining time.
  CHECK(app::stage_line(state_after({0.0, 0.01}, {100, 100}), 100, 400, 10).find("to go") == std::string::npos);
  CHECK(app::stage_line(state_after({0.0, 0.5, 1.0}, {100, 100, 100}), 100, 400, 10).find("to go") == std::string::npos);
}
