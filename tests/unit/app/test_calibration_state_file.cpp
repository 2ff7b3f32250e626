// The state of an interrupted calibration reads back bit for bit, and only for the same calibration.
#include "escalate/app/calibration_state_file.hpp"
#include "escalate/base/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("A calibration state reads back bit for bit, and another fingerprint or a damaged file is refused", "[app][calibrate]") {
  infer::SmcState s;
  s.seed = 18446744073709551615ull;
  s.stage = 3;
  s.temperature = 0.1 + 0.2;  // not a short decimal
  s.scale = 2.38 * 2.38 / 3;
  s.log_evidence = -123.456789012345678;
  s.particles = {{1.0 / 3, -2e-310, 5e300}, {0.0, -0.0, std::nextafter(1.0, 2.0)}};
  s.log_likelihood = {-std::numeric_limits<double>::infinity(), -7.25};
  s.stages.push_back({0, 0.0, 2.0, 0.0, 0, 0.0, 1.887, 2});
  s.stages.push_back({1, 0.0125, 1.0 / 7, 0.31, 4, -0.5, 1.5, 8, 0.1 + 0.7});
  const std::string path = (scratch_dir() / "calibration.state").string();
  app::write_calibration_state(path, "forecast abc record def seed 1", s);
  const infer::SmcState back = app::read_calibration_state(path, "forecast abc record def seed 1");
  CHECK(back == s);
  CHECK(std::signbit(back.particles[1][1]));

  CHECK_THROWS_AS(app::read_calibration_state(path, "forecast abc record def seed 2"), FileError);
  CHECK_THROWS_WITH(app::read_calibration_state(path, "x"), Catch::Contains("another calibration"));
  const std::string text = read_text(path);
  const std::string cut = write_file("cut.state", text.substr(0, text.size() / 2));
  CHECK_THROWS_WITH(app::read_calibration_state(cut, "forecast abc record def seed 1"),
                    Catch::Contains("cut.state") && Catch::Contains("damaged"));
  CHECK_THROWS_AS(app::read_calibration_state(write_file("foreign.state", "hello\n"), "x"), FileError);
  // A state of the layout before the refresh moves (magic line "... 1", stages without
  // the refresh acceptance) is refused with the reason, never misread.
  std::string old = text;
  old.replace(old.find("state 2"), 7, "state 1");
  CHECK_THROWS_WITH(app::read_calibration_state(write_file("old.state", old), "forecast abc record def seed 1"),
                    Catch::Contains("old.state") && Catch::Contains("layout 1") && Catch::Contains("start the calibration again"));
  CHECK_THROWS_AS(app::read_calibration_state((scratch_dir() / "missing.state").string(), "x"), FileError);
}
