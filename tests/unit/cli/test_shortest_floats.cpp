#include "commands.hpp"

#include "escalate/config/config.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("check prints floats shortest, and the text is still the same config", "[shortest_floats]") {
  using cli::with_shortest_floats;
  CHECK(with_shortest_floats("a = 0.34999999999999998\n") == "a = 0.35\n");
  CHECK(with_shortest_floats("a = [ 0.0, 0.10000000000000001, -2.5, 1e-07 ]\n") == "a = [ 0.0, 0.1, -2.5, 1e-07 ]\n");
  CHECK(with_shortest_floats("a = { dist = 'uniform', high = 0.29999999999999999, low = 2.0 }\n") ==
        "a = { dist = 'uniform', high = 0.3, low = 2.0 }\n");
  CHECK(with_shortest_floats("x = 1000000.0\n") == "x = 1000000.0\n");  // stays a float (not 1e+06 or an integer)
  // Integers, strings, dates, keys and table headers are left alone.
  const std::string untouched = "[incident.a-1]\n'0.10000000000000001' = 3\nseed = 20221115\n"
                                "s = 'x = 0.10000000000000001'\nd = 2022-11-15\nt = 1979-05-27T07:32:00.999999\n"
                                "n = nan\ni = -inf\n";
  CHECK(with_shortest_floats(untouched) == untouched);
  // A multi-line array whose lines start with '[' is a value, not a table header.
  CHECK(with_shortest_floats("a = [\n  [ 0.20000000000000001 ],\n]\n") == "a = [\n  [ 0.2 ],\n]\n");
  // The whole baseline: shorter, and loads to the same numbers.
  const Config baseline = load_config(source_path("configs/baseline-2022.toml"));
  const std::string shown = with_shortest_floats(baseline.resolved_text);
  CHECK(shown.find("0.29999999999999999") == std::string::npos);
  CHECK(shown.size() < baseline.resolved_text.size());
  const Config again = load_config(write_file("shortest-baseline.toml", shown));
  CHECK(again.resolved_text == baseline.resolved_text);
}
