#include "escalate/config/config.hpp"
#include "escalate/sim/draw_table.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("The draw table holds each draw's values as the config draws them, once", "[draw_table]") {
  Config c = load_config(source_path("tests/configs/small.toml"), {{50}, {}, {}});
  DrawTable table = DrawTable::of(c);
  REQUIRE(table.parameters == static_cast<std::int64_t>(c.uncertain.size()));
  REQUIRE(table.parameters > 0);
  for (std::int64_t m : {0, 17, 49}) {
    auto row = table.row(m);
    auto expected = c.draw_values(m);
    CHECK(std::vector<double>(row.begin(), row.end()) == expected);
    Parameters p = c.parameters_with(row);
    for (std::size_t i = 0; i < c.uncertain.size(); ++i) CHECK(p.at(c.uncertain[i].ref) == expected[i]);
  }
  CHECK(table.row(0)[0] != table.row(1)[0]);  // draws differ
}
