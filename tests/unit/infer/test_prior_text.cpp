// A prior read back from its text (prior_text.cpp): every kind's Prior::text() reads back
// exactly, the names may be left out, and what is not a proper prior reads as nothing.
#include "escalate/infer/prior_text.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate::infer;

TEST_CASE("Every kind of prior reads back exactly from its text", "[infer][prior_text]") {
  const double inf = std::numeric_limits<double>::infinity();
  for (const Prior& p : {Prior::uniform(-1.5, 2.0), Prior::normal(2.4, 0.7), Prior::lognormal(0.067, 1.5),
                         Prior::beta(2.0, 8.0), Prior::triangular(0.1, 0.2, 0.7), Prior::gamma(3.0, 1.0 / 3.0),
                         Prior::truncated_normal(0.0, 1.0, -inf, 2.5), Prior::truncated_normal(1.0, 0.5, 0.0, inf)}) {
    INFO(p.text());
    const auto back = prior_from_text(p.text());
    REQUIRE(back.has_value());
    CHECK(back->kind == p.kind);
    CHECK(back->a == p.a);
    CHECK(back->b == p.b);
    CHECK(back->text() == p.text());
  }
}

TEST_CASE("A prior's text may leave out the names; a text that is not a prior reads as nothing", "[infer][prior_text]") {
  const auto normal = prior_from_text("normal(2, 1)");
  REQUIRE(normal.has_value());
  CHECK(normal->kind == Prior::Kind::Normal);
  CHECK(normal->a == 2.0);
  CHECK(normal->b == 1.0);
  for (const char* text : {"", "normal", "normal(2)", "normal(2, 1, 3)", "normal(2, x)", "normal(2, -1)",
                           "cauchy(0, 1)", "beta(2, 8", "lognormal(median=0, sigma=1)", "uniform(3, 1)"}) {
    INFO(text);
    CHECK_FALSE(prior_from_text(text).has_value());
  }
}
