#include "escalate/config/config.hpp"
#include "escalate/base/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;

namespace {
// Loading `path` must fail with a ConfigError whose message contains every fragment.
void expect_error(const std::string& path, std::initializer_list<std::string> fragments) {
  try {
    load_config(path);
    FAIL("no error for " << path);
  } catch (const ConfigError& e) {
    std::string message = e.what();
    INFO(message);
    for (const auto& f : fragments) CHECK_THAT(message, Contains(f));
  }
}
}  // namespace

TEST_CASE("The baseline loads with its uncertain parameters", "[config]") {
  Config c = load_config(source_path("configs/baseline-2022.toml"));
  CHECK(c.scenario.side_names[0] == "nato");  // sides in name order
  CHECK(c.scenario.side_names[1] == "russia");
  CHECK(c.scenario.alliance == 0);
  CHECK(c.scenario.incidents.size() >= 8);
  CHECK(c.uncertain.size() > 5);
  CHECK(c.scenario.grid_points() == c.scenario.horizon_days / c.scenario.grid_days + 1);
  // The paper's Table 1 warheads.
  CHECK(c.fixed.sides[1].nuclear_warheads == 5977);
  CHECK(c.fixed.sides[0].nuclear_warheads == 5943);
}

TEST_CASE("Draws are reproducible and keyed by parameter path, not position", "[config]") {
  Config c = load_config(source_path("configs/baseline-2022.toml"));
  Parameters a = draw_parameters(c, 3), b = draw_parameters(c, 3), other = draw_parameters(c, 4);
  const auto& u = c.uncertain.front();
  CHECK(a.at(u.ref) == b.at(u.ref));
  CHECK(a.at(u.ref) != other.at(u.ref));
  // Drop all other uncertain parameters: this one still draws the same value.
  Config only = c;
  only.uncertain = {u};
  CHECK(draw_parameters(only, 3).at(u.ref) == a.at(u.ref));
}

TEST_CASE("base: the child wins, tables merge, arrays of tables replace", "[config]") {
  Config calm = load_config(source_path("tests/configs/calm.toml"));
  CHECK(calm.scenario.horizon_days == 1500);           // child
  CHECK(calm.run.seed == 14);                     // inherited
  CHECK(calm.fixed.sides[0].initial_belief == 0.9);
  CHECK(calm.fixed.sides[0].flip_threshold == 5.0);  // inherited inside a merged table
  REQUIRE(calm.scenario.incidents.size() == 1);            // [[incident]] replaced, not appended
  CHECK(calm.scenario.incidents[0].name == "ambiguous");
}

TEST_CASE("Overrides replace run values and appear in the resolved text", "[config]") {
  ConfigOverrides o;
  o.draws = 3;
  o.seed = 99;
  Config c = load_config(source_path("tests/configs/closed-form.toml"), o);
  CHECK(c.run.draws == 3);
  CHECK(c.run.seed == 99);
  CHECK_THAT(c.resolved_text, Contains("draws = 3"));
  // The resolved text is itself a valid config giving the same settings.
  Config again = load_config(write_file("resolved.toml", c.resolved_text));
  CHECK(again.run.draws == 3);
  CHECK(again.fixed.response.war_intercept == c.fixed.response.war_intercept);
}

TEST_CASE("Config errors name file, line, column and key", "[config][errors]") {
  SECTION("missing file") { expect_error("/nonexistent/x.toml", {"/nonexistent/x.toml", "not found"}); }
  SECTION("not TOML") { expect_error(write_file("bad.toml", "schema = 1\n[run\n"), {"bad.toml:2:", "not valid TOML"}); }
  SECTION("unknown key with a suggestion") {
    expect_error(closed_form_with("perception_noise = 1.0", "perception_nosie = 1.0"),
                 {"case.toml:35:1", "sides.russia.perception_nosie", "unknown key", "did you mean 'perception_noise'"});
  }
  SECTION("wrong type") {
    expect_error(closed_form_with("bias = 0.0", "bias = \"high\""), {"case.toml:", "bias", "expected a number"});
  }
  SECTION("out of range") {
    expect_error(closed_form_with("clarification = 0.5", "clarification = 1.5"),
                 {"case.toml:37:17", "sides.russia.clarification", "outside the allowed range [0, 1]"});
  }
  SECTION("a normal for a probability") {
    expect_error(closed_form_with("clarification = 0.5", "clarification = { dist = \"normal\", mean = 0.5, sd = 0.1 }"),
                 {"clarification", "leaves the allowed range", "beta"});
  }
  SECTION("bad distribution parameters") {
    expect_error(closed_form_with("bias = 0.0", "bias = { dist = \"normal\", mean = 0.0, sd = 0.0 }"), {"sd > 0"});
    expect_error(closed_form_with("bias = 0.0", "bias = { dist = \"uniform\", low = 2.0, high = 1.0 }"), {"low < high"});
    expect_error(closed_form_with("bias = 0.0", "bias = { dist = \"gaussian\", mean = 0.0, sd = 1.0 }"),
                 {"unknown distribution 'gaussian'"});
    expect_error(closed_form_with("bias = 0.0", "bias = { dist = \"normal\", mean = 0.0, sd = 1.0, skew = 1 }"),
                 {"bias.skew", "unknown key"});
  }
  SECTION("distributions are not allowed in [run]") {
    expect_error(closed_form_with("draws = 4", "draws = { dist = \"uniform\", low = 1, high = 5 }"),
                 {"run.draws", "not allowed in [run]"});
  }
  SECTION("base missing or cyclic") {
    expect_error(write_file("child.toml", "base = \"nowhere.toml\"\n"), {"child.toml:1:", "base", "not found"});
    write_file("a.toml", "base = \"b.toml\"\n");
    expect_error(write_file("b.toml", "base = \"a.toml\"\n"), {"cycle"});
  }
  SECTION("exactly two sides") {
    expect_error(closed_form_with("[sides.nato]", "[sides.china]\nconventional_power = 1.0\n[sides.nato]"),
                 {"sides", "exactly two sides", "got 3"});
  }
  SECTION("incident sides") {
    expect_error(closed_form_with("victim = \"nato\"", "victim = \"natoo\""), {"incident.accident.victim", "did you mean 'nato'"});
    expect_error(closed_form_with("victim = \"nato\"", "victim = \"russia\""), {"incident.accident.suspect", "must differ"});
  }
  SECTION("injection of an unknown incident") {
    expect_error(closed_form_with("seed = 14", "seed = 14\n[[inject]]\nday = 0\nincident = \"acident\"\nseverity = 1.0\ndeliberate = false\n"),
                 {"inject.0.incident", "did you mean 'accident'"});
  }
  SECTION("grid must divide the horizon") {
    expect_error(closed_form_with("grid_days = 30", "grid_days = 7"), {"run.grid_days", "must divide"});
  }
  SECTION("absurd sizes") {
    expect_error(closed_form_with("draws = 4", "draws = 0"), {"run.draws", "must be in [1"});
    expect_error(closed_form_with("draws = 4\ntrajectories = 5000", "draws = 1000\ntrajectories = 1000000000000"), {"exceeds the limit"});
  }
  SECTION("rate arrays have one value per phase") {
    expect_error(closed_form_with("accidental_rate = [6.0, 6.0, 6.0, 6.0]", "accidental_rate = [6.0, 6.0]"),
                 {"accidental_rate", "array of 4"});
  }
  SECTION("revert below flip") {
    expect_error(closed_form_with("revert_threshold = 1.0", "revert_threshold = 6.0"), {"revert_threshold", "below flip_threshold"});
  }
  SECTION("missing required key") {
    expect_error(closed_form_with("war_intercept = -1.0", ""), {"response", "missing required key 'war_intercept'"});
  }
  SECTION("unknown top-level table") {
    expect_error(closed_form_with("[restraint]", "[restrain]"), {"restrain", "did you mean 'restraint'"});
  }
  SECTION("event set paths are checked") {
    std::string event = "seed = 14\n[[event]]\nday = 10\nside = \"nato\"\nset = { \"sides.nato.clarificaton\" = 0.8 }\n";
    expect_error(closed_form_with("seed = 14", event), {"event.0.set", "did you mean 'clarification'"});
    event = "seed = 14\n[[event]]\nday = 10\nside = \"nato\"\nset = { \"sides.nato.clarification\" = 1.8 }\n";
    expect_error(closed_form_with("seed = 14", event), {"outside the allowed range"});
  }
}
