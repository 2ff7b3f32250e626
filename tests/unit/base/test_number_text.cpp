#include "escalate/base/number_text.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>

using namespace escalate;

TEST_CASE("shortest_number is the shortest text that reads back to the same double", "[number_text]") {
  CHECK(shortest_number(0.35) == "0.35");
  CHECK(shortest_number(0.1 + 0.2) == "0.30000000000000004");  // not 0.3: that is another double
  CHECK(shortest_number(2.0) == "2");
  CHECK(shortest_number(-1.5) == "-1.5");
  CHECK(shortest_number(1e-7) == "1e-07");
  CHECK(shortest_number(1e6) == "1000000");
  CHECK(shortest_number(0.0001) == "0.0001");
  CHECK(shortest_number(1e20) == "1e+20");
  CHECK(shortest_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(shortest_number(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(shortest_number(std::numeric_limits<double>::quiet_NaN()) == "nan");
  for (double x : {0.1, 1.0 / 3.0, 6.02214076e23, 5e-324, 0.29999999999999999, 123456.789}) {
    CHECK(std::strtod(shortest_number(x).c_str(), nullptr) == x);
  }
}
