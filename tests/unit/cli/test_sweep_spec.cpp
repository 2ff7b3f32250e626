#include "sweep_spec.hpp"

#include "usage_error.hpp"
#include "escalate/base/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;
using namespace escalate::cli;

TEST_CASE("sweep values and ranges are read strictly", "[sweep]") {
  CHECK(parse_sweep_spec("war.intercept.0=0.2,0.5,0.8").second == std::vector<double>{0.2, 0.5, 0.8});
  CHECK(parse_sweep_spec("restraint.institutions=0:1:3").second == std::vector<double>{0, 0.5, 1});
  CHECK(parse_sweep_spec("a.b=-1e-3,2").second == std::vector<double>{-1e-3, 2});
  // Each of these was read as 0 (an empty item or bound) or leniently by std::stod.
  for (const char* spec : {"a.b=0.2,,0.8", "a.b=,0.8", "a.b=0.8,", "a.b=:0.8:3", "a.b=0.2::3", "a.b=0.2:0.8:",
                           "a.b= 0.5", "a.b=0.5 ", "a.b=+0.5", "a.b=0x1p3", "a.b=nan", "a.b=inf", "a.b=1e999",
                           "a.b=0.5abc", "a.b=1,2,1", "a.b=0.5:0.5:3", "a.b=0:1:2.5", "a.b=0:1:1", "a.b=0:1:1001",
                           "a.b=-1e308:1e308:3", "a.b=1:2:3:4", "=1,2", "a.b=", "a.b"}) {
    INFO(spec);
    CHECK_THROWS_AS(parse_sweep_spec(spec), UsageError);
  }
  CHECK_THROWS_WITH(parse_sweep_spec("a.b=0.2,,0.8"), Catch::Contains("value 2 is empty"));
  CHECK_THROWS_WITH(parse_sweep_spec("a.b=:0.8:3"), Catch::Contains("the lower bound is empty"));
}

TEST_CASE("a long --set path is refused at once, its echo cut", "[sweep]") {
  std::string path;
  for (int i = 0; i < 50000; ++i) path += "a.";
  std::string message;
  try {
    parse_sweep_spec(path + "x=1,2");
  } catch (const UsageError& e) {
    message = e.what();
  }
  CHECK(message.find("bytes long") != std::string::npos);
  CHECK(message.size() < 400);
  // The limit is checked before the path is split or walked (a 100 KB path took 64 s).
  CHECK_NOTHROW(parse_sweep_spec(std::string(MAX_SWEEP_PATH_BYTES, 'a') + "=1,2"));
  CHECK_THROWS_AS(parse_sweep_spec(std::string(MAX_SWEEP_PATH_BYTES + 1, 'a') + "=1,2"), UsageError);
}
