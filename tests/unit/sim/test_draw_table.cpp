#include "escalate/base/error.hpp"
#include "escalate/config/config.hpp"
#include "escalate/sim/draw_table.hpp"
#include "test_support.hpp"

#include <Random123/philox.h>
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace escalate;
using namespace escalate::test;

// Consistency: the table is what the config draws (both go through Config::draw_values).
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

// Independent of Config::draw_values and RandomStream: the value of a uniform and of a
// normal parameter in draw m, computed here from their definitions (docs/model.md §11-12):
// Philox4x64-10 keyed (seed, 0x1000 = the parameter-draw domain) at counter (m, FNV-1a
// 64 of the path, 0, 0); the first output's top 53 bits give u in (0, 1); a uniform on
// [low, high] is low + (high - low) u; a normal is Boost's inverse CDF at u.
namespace {

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64: offset basis, then xor and multiply by the prime
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  return h;
}

double first_uniform(std::uint64_t seed, std::int64_t m, const std::string& path) {
  r123::Philox4x64 philox;
  const r123::Philox4x64::ctr_type counter{{static_cast<std::uint64_t>(m), fnv1a(path), 0, 0}};
  const r123::Philox4x64::key_type key{{seed, 0x1000}};
  return (static_cast<double>(philox(counter, key).v[0] >> 11) + 0.5) / 9007199254740992.0;  // 2^53
}

std::size_t index_of(const Config& c, const std::string& path) {
  for (std::size_t i = 0; i < c.uncertain.size(); ++i) {
    if (c.uncertain[i].path == path) return i;
  }
  throw std::runtime_error("test setup: no uncertain parameter " + path);
}

}  // namespace

TEST_CASE("Draw-table values match Philox and Boost's inverse CDFs computed independently", "[draw_table]") {
  Config c = load_config(source_path("tests/configs/small.toml"), {{50}, {}, {}});  // seed 7
  REQUIRE(c.run.seed == 7);
  DrawTable table = DrawTable::of(c);
  const std::size_t uniform = index_of(c, "model.offensive_multiplier");  // uniform(2, 4)
  const std::size_t normal = index_of(c, "response.intercept.1");         // normal(-1.5, 0.5)
  for (std::int64_t m : {0, 1, 17, 49}) {
    const double u = first_uniform(7, m, "model.offensive_multiplier");
    CHECK(table.row(m)[uniform] == 2.0 + 2.0 * u);  // the same arithmetic: exact
    const double v = first_uniform(7, m, "response.intercept.1");
    const double expected = boost::math::quantile(boost::math::normal(-1.5, 0.5), v);
    // The engine inverts through erfc_inv, Boost's normal quantile through erfc_inv of its
    // own argument: equal to a few ulps, far below any difference a wrong stream would make.
    CHECK(table.row(m)[normal] == Approx(expected).epsilon(1e-12));
  }
}

// --posterior: the given columns are the given rows, the other columns what the config draws.
TEST_CASE("Given columns replace their parameters' draws and leave the others as drawn", "[draw_table]") {
  Config c = load_config(source_path("tests/configs/small.toml"), {{5}, {}, {}});
  GivenColumns given;
  given.source = "post.h5";
  given.paths = {"sides.russia.bias", "model.offensive_multiplier"};
  given.rows = 6;
  for (std::int64_t m = 0; m < given.rows; ++m) given.values.insert(given.values.end(), {0.1 * static_cast<double>(m), 2.5});
  const DrawTable table = DrawTable::of(c, given);
  const DrawTable drawn = DrawTable::of(c);
  REQUIRE(table.draws == 5);
  for (std::int64_t m = 0; m < table.draws; ++m) {
    for (std::size_t i = 0; i < c.uncertain.size(); ++i) {
      const double value = table.row(m)[i];
      if (c.uncertain[i].path == "sides.russia.bias") CHECK(value == 0.1 * static_cast<double>(m));
      else if (c.uncertain[i].path == "model.offensive_multiplier") CHECK(value == 2.5);
      else CHECK(value == drawn.row(m)[i]);
    }
  }
}

TEST_CASE("Given columns are refused for a path the config lacks, too few rows or a value outside the support",
          "[draw_table]") {
  using Catch::Matchers::Contains;
  Config c = load_config(source_path("tests/configs/small.toml"), {{5}, {}, {}});
  auto refusal = [&](const GivenColumns& given) -> std::string {
    try {
      DrawTable::of(c, given);
    } catch (const RequestError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  GivenColumns foreign{"post.h5", {"sides.russia.bias", "sides.nato.bais", "model.belief_flip"}, 5, std::vector<double>(15, 0.5)};
  CHECK_THAT(refusal(foreign), Contains("post.h5") && Contains("sides.nato.bais") && Contains("model.belief_flip") &&
                                   !Contains("sides.russia.bias,"));
  GivenColumns short_of_draws{"post.h5", {"sides.russia.bias"}, 4, std::vector<double>(4, 0.5)};
  CHECK_THAT(refusal(short_of_draws), Contains("holds 4 draws") && Contains("the 5 draws"));
  GivenColumns outside{"post.h5", {"model.offensive_multiplier"}, 5, {3, 3, 9, 3, 3}};  // uniform(2, 4)
  CHECK_THAT(refusal(outside), Contains("draw 2 of model.offensive_multiplier"));
}
