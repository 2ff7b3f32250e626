// One spelling per parameter path: canonical_path, and the overrides that use it.
#include "escalate/base/error.hpp"
#include "escalate/config/config.hpp"
#include "escalate/config/parameter_path.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("A path has one canonical spelling", "[parameter_path]") {
  CHECK(canonical_path("response.intercept.1", "--set") == "response.intercept.1");
  CHECK(canonical_path("response.intercept.00", "--set") == "response.intercept.0");
  CHECK(canonical_path("response.intercept.007", "--set") == "response.intercept.7");
  CHECK(canonical_path("incident.stray-missile.accidental_rate.3", "--set") == "incident.stray-missile.accidental_rate.3");
  CHECK(canonical_path("sides.nato.bias", "--set") == "sides.nato.bias");
  // Only the last part is an index: names made of digits stay as written.
  CHECK(canonical_path("incident.007.accidental_rate.03", "--set") == "incident.007.accidental_rate.3");
}

TEST_CASE("A malformed path is refused, naming it", "[parameter_path]") {
  for (const char* bad : {"response.intercept.", ".response.intercept", "response..intercept", "", "response.inter cept",
                          "response.intercept.1\n", "sides.nato.bias=1"}) {
    CHECK_THROWS_AS(canonical_path(bad, "--set"), ConfigError);
  }
  CHECK_THROWS_WITH(canonical_path("response.intercept.", "--set"), Catch::Contains("--set response.intercept.: empty part"));
  CHECK_THROWS_WITH(canonical_path("response.intercept.12345678901", "--set"), Catch::Contains("no array has index"));
  const std::string long_path(100000, 'a');
  CHECK_THROWS_WITH(canonical_path(long_path + ".", "--set"), !Catch::Contains(long_path));  // the echo is cut
}

TEST_CASE("Two spellings of one overridden path are refused naming both", "[parameter_path]") {
  const std::string path = source_path("tests/configs/small.toml");
  ConfigOverrides o;
  o.values = {{"response.intercept.0", 0.1}, {"response.intercept.00", 0.2}};
  CHECK_THROWS_WITH(load_config(path, o), Catch::Contains("--set response.intercept.0 and --set response.intercept.00") &&
                                              Catch::Contains("the same path response.intercept.0"));
  o.values = {{"response.intercept.02", 0.25}};
  CHECK(load_config(path, o).fixed.response.intercept[2] == 0.25);  // the canonical element
  o.values = {{"response.intercept.1abc", 0.25}};
  CHECK_THROWS_AS(load_config(path, o), ConfigError);
  o.values = {{"run.draws", 3}};
  o.draws = 5;
  CHECK_THROWS_WITH(load_config(path, o), Catch::Contains("--set run.draws and --draws both set run.draws"));
}

TEST_CASE("The loader registers every number under its canonical path", "[parameter_path]") {
  const Config c = load_config(source_path("tests/configs/small.toml"));
  const auto& paths = c.parameter_paths;
  auto has = [&](const std::string& p) { return std::find(paths.begin(), paths.end(), p) != paths.end(); };
  CHECK(has("model.offensive_multiplier"));
  CHECK(has("response.intercept.0"));
  CHECK(has("response.intercept.3"));
  CHECK(has("sides.russia.bias"));
  for (const auto& u : c.uncertain) CHECK(has(u.path));
  for (const auto& p : paths) CHECK(canonical_path(p, "registry") == p);
  CHECK(std::set<std::string>(paths.begin(), paths.end()).size() == paths.size());  // one entry per number
}
