#include "escalate/base/closest_match.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

TEST_CASE("closest_match suggests only near misses", "[config]") {
  CHECK(closest_match("bais", {"bias", "clarity"}) == "bias");
  CHECK(closest_match("zzzzzz", {"bias", "clarity"}).empty());
}
