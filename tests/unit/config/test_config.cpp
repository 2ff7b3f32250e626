#include "escalate/config/config.hpp"
#include "escalate/base/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

namespace {
// The parameters of draw m (what the driver prepares from its draw table).
Parameters draw_parameters(const Config& config, std::int64_t m) { return config.parameters_with(config.draw_values(m)); }
}  // namespace
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

TEST_CASE("A config loads into its scenario, fixed parameters and uncertain parameters", "[config]") {
  Config c = load_config(source_path("tests/configs/coverage.toml"));
  CHECK(c.scenario.side_names[0] == "nato");  // sides in name order
  CHECK(c.scenario.side_names[1] == "russia");
  CHECK(c.scenario.alliance == 0);
  REQUIRE(c.scenario.incidents.size() == 1);
  CHECK(c.scenario.incidents[0].name == "accident");
  CHECK(c.scenario.grid_points() == 13);
  CHECK(c.scenario.max_events == 1'000'000);  // default
  CHECK(c.run.draws == 20);                    // child
  CHECK(c.run.seed == 14);                     // inherited
  CHECK(c.fixed.response.intercept[2] == 30.0);
  CHECK(c.fixed.response.weight_severity[0] == 1000.0);  // inherited
  REQUIRE(c.uncertain.size() == 1);
  CHECK(c.uncertain[0].path == "response.intercept.1");
  CHECK(c.fixed.model.clarification_epsilon == 0.01);  // default
  CHECK(c.fixed.sides[0].decision_delay_days == 0.0);  // default
}

TEST_CASE("Draws are reproducible and keyed by parameter path, not position", "[config]") {
  Config c = load_config(closed_form_with({{"bias = 0.0", "bias = { dist = \"normal\", mean = 0.0, sd = 1.0 }"},
                                           {"fear_gain = 1.0", "fear_gain = { dist = \"gamma\", shape = 2.0, rate = 4.0 }"}},
                                          "two-uncertain.toml"));
  REQUIRE(c.uncertain.size() == 2);
  Parameters a = draw_parameters(c, 3), b = draw_parameters(c, 3), other = draw_parameters(c, 4);
  const auto& u = c.uncertain.front();
  CHECK(a.at(u.ref) == b.at(u.ref));
  CHECK(a.at(u.ref) != other.at(u.ref));
  // Drop the other uncertain parameter: this one still draws the same value.
  Config only = c;
  only.uncertain = {u};
  CHECK(draw_parameters(only, 3).at(u.ref) == a.at(u.ref));
}

TEST_CASE("base: named tables merge by name, enabled = false removes one, distributions replace whole", "[config]") {
  const std::string dir = scratch_dir().string();
  write_file("merge-base.toml", read_text(source_path("tests/configs/closed-form.toml")) +
                                    "\n[incident.cable]\nvictim = \"nato\"\nsuspect = \"russia\"\n"
                                    "accidental_rate = [1.0, 1.0, 1.0, 1.0]\ndeliberate_rate = [0.0, 0.0, 0.0, 0.0]\n"
                                    "severity_median = 1.0\nseverity_sigma = { dist = \"uniform\", low = 0.1, high = 0.5 }\nclarity = 1.0\n");
  Config child = load_config(write_file("merge-child.toml",
                                        "schema = 2\nbase = \"merge-base.toml\"\n"
                                        "[incident.drone]\nvictim = \"nato\"\nsuspect = \"russia\"\n"
                                        "accidental_rate = [2.0, 2.0, 2.0, 2.0]\ndeliberate_rate = [0.0, 0.0, 0.0, 0.0]\n"
                                        "severity_median = 1.0\nseverity_sigma = 0.0\nclarity = 1.0\n"
                                        "[incident.cable]\nseverity_sigma = { dist = \"gamma\", shape = 2.0, rate = 8.0 }\n"
                                        "clarification = 0.5\n"));
  std::vector<std::string> names;
  for (const auto& t : child.scenario.incidents) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"accident", "cable", "drone"});  // the base's kept, one added
  CHECK(child.fixed.incidents[1].clarification == 0.5);                    // overridden key
  CHECK(child.fixed.incidents[1].accidental_rate[0] == 1.0);                 // inherited key of the same table
  REQUIRE(child.uncertain.size() == 1);
  CHECK(child.uncertain[0].dist.kind == Distribution::Kind::Gamma);          // a uniform replaced by a gamma
  Config removed = load_config(write_file("merge-removed.toml",
                                          "schema = 2\nbase = \"merge-base.toml\"\n[incident.accident]\nenabled = false\n"));
  REQUIRE(removed.scenario.incidents.size() == 1);
  CHECK(removed.scenario.incidents[0].name == "cable");
  expect_error(write_file("merge-bad.toml", "schema = 2\nbase = \"merge-base.toml\"\n[incident.acident]\nenabled = false\n"),
               {"merge-bad.toml:4:", "incident.acident.enabled", "base config does not define"});
  (void)dir;
}

TEST_CASE("A schema-1 config is refused with what changed", "[config]") {
  expect_error(closed_form_with("schema = 2", "schema = 1"), {"schema", "model v1", "ladder", "[war]", "docs/migrating.md"});
  expect_error(closed_form_with("schema = 2", ""), {"schema", "missing"});
}

TEST_CASE("Events are scheduled or random; what can never happen is a warning", "[config]") {
  Config c = load_config(closed_form_with(
      "seed = 14", "seed = 14\n[event.truce]\nrate_per_year = 0.5\nside = \"nato\"\nbelief_logodds = -1.0\n"
                   "[event.late]\nday = 400\nside = \"nato\"\nfear = 1.0\n"
                   "[inject.later]\nday = 999\nincident = \"accident\"\nseverity = 1.0\ndeliberate = false\n"));
  REQUIRE(c.scenario.events.size() == 1);  // `late` falls after the horizon of 360 days
  CHECK(c.scenario.events[0].name == "truce");
  CHECK(c.scenario.events[0].is_random);
  CHECK(c.fixed.events[0].end_day == 360.0);  // defaults to the horizon
  CHECK(c.scenario.injections.empty());
  REQUIRE(c.warnings.size() == 2);
  CHECK_THAT(c.warnings[0], Contains("event.late"));
  CHECK_THAT(c.warnings[1], Contains("inject.later"));
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
  CHECK(again.fixed.response.intercept[1] == c.fixed.response.intercept[1]);
}

TEST_CASE("Config errors name file, line, column and key", "[config][errors]") {
  SECTION("missing file") { expect_error("/nonexistent/x.toml", {"/nonexistent/x.toml", "not found"}); }
  SECTION("not TOML") { expect_error(write_file("bad.toml", "schema = 2\n[run\n"), {"bad.toml:2:", "not valid TOML"}); }
  SECTION("unknown key with a suggestion") {
    expect_error(closed_form_with("perception_noise = 1.0", "perception_nosie = 1.0"),
                 {"case.toml:", "sides.russia.perception_nosie", "unknown key", "did you mean 'perception_noise'"});
  }
  SECTION("wrong type") {
    expect_error(closed_form_with("bias = 0.0", "bias = \"high\""), {"case.toml:", "bias", "expected a number"});
  }
  SECTION("out of range") {
    expect_error(closed_form_with("open_mindedness = 1.0", "open_mindedness = 1.5"),
                 {"case.toml:", "sides.russia.open_mindedness", "outside the allowed range [0, 1]"});
    expect_error(closed_form_with("clarity = 1.0", "clarity = 1.0\nattribution_error = 0.6"),
                 {"incident.accident.attribution_error", "outside the allowed range [0, 0.5]"});
    expect_error(closed_form_with("offensive_multiplier = 2.0", "offensive_multiplier = 0.5"), {"offensive_multiplier", "[1, inf)"});
  }
  SECTION("a normal for a probability") {
    expect_error(closed_form_with("open_mindedness = 1.0", "open_mindedness = { dist = \"normal\", mean = 0.5, sd = 0.1 }"),
                 {"open_mindedness", "leaves the allowed range", "beta"});
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
    expect_error(write_file("child.toml", "base = \"nowhere.toml\"\nschema = 2\n"), {"child.toml:1:", "base", "not found"});
    write_file("a.toml", "schema = 2\nbase = \"b.toml\"\n");
    expect_error(write_file("b.toml", "schema = 2\nbase = \"a.toml\"\n"), {"cycle"});
  }
  SECTION("exactly two sides") {
    expect_error(closed_form_with("[sides.nato]", "[sides.china]\nconventional_power = 1.0\n[sides.nato]"),
                 {"sides", "exactly two sides", "got 3", "'china'"});
  }
  SECTION("incident sides") {
    expect_error(closed_form_with("victim = \"nato\"", "victim = \"natoo\""), {"incident.accident.victim", "did you mean 'nato'"});
    expect_error(closed_form_with("victim = \"nato\"", "victim = \"russia\""), {"incident.accident.suspect", "must differ"});
  }
  SECTION("injection of an unknown incident") {
    expect_error(closed_form_with("seed = 14", "seed = 14\n[inject.p]\nday = 0\nincident = \"acident\"\nseverity = 1.0\ndeliberate = false\n"),
                 {"inject.p.incident", "did you mean 'accident'"});
  }
  SECTION("named tables of schema 2") {
    expect_error(closed_form_with("[incident.accident]", "[[incident]]\nname = \"accident\""), {"incident", "named tables"});
    expect_error(closed_form_with("[incident.accident]", "[incident.strike]"), {"incident.strike", "built-in cause"});
    expect_error(closed_form_with("[incident.accident]", "[incident.\"a b\"]"), {"letters, digits"});
    expect_error(closed_form_with("seed = 14", "seed = 14\n[event.e]\nday = 3\nrate_per_year = 1.0\n"), {"event.e", "exactly one of `day`"});
    expect_error(closed_form_with("seed = 14", "seed = 14\n[event.e]\nday = 3\nfear = 1.0\n"), {"event.e", "`side` is required"});
    expect_error(closed_form_with("seed = 14", "seed = 14\n[event.e]\nday = 3\nend_day = 9\n"), {"event.e.end_day", "only a random-time event"});
    expect_error(closed_form_with("seed = 14", "seed = 14\n[reassurance.r]\nsender = \"nato\"\nrate_per_year = 1.0\ncredibility = 2.0\n"
                                               "fear_relief = 0.1\nstart_day = 50\nend_day = 40\n"), {"reassurance.r.end_day", "after start_day"});
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
    expect_error(closed_form_with("intercept = [0.0, -1.0, 0.0, 1.0]", ""), {"response", "missing required key 'intercept'"});
    expect_error(closed_form_with("intercept = [0.0, -1.0, 0.0, 1.0]", "intercept = [0.0, -1.0]"), {"response.intercept", "ladder step"});
  }
  SECTION("unknown top-level table") {
    expect_error(closed_form_with("[restraint]", "[restrain]"), {"restrain", "did you mean 'restraint'"});
  }
  SECTION("event set paths are checked") {
    std::string event = "seed = 14\n[event.e]\nday = 10\nside = \"nato\"\nset = { \"sides.nato.open_mindednes\" = 0.8 }\n";
    expect_error(closed_form_with("seed = 14", event), {"event.e.set", "did you mean 'open_mindedness'"});
    event = "seed = 14\n[event.e]\nday = 10\nside = \"nato\"\nset = { \"sides.nato.open_mindedness\" = 1.8 }\n";
    expect_error(closed_form_with("seed = 14", event), {"outside the allowed range"});
  }
}

TEST_CASE("Errors in a derived config name the file that wrote the key", "[config][errors]") {
  // The base is closed-form.toml; each child changes one thing.
  write_file("derived-base.toml", read_text(source_path("tests/configs/closed-form.toml")));
  auto child = [](const std::string& name, const std::string& body) {
    return write_file(name, "schema = 2\nbase = \"derived-base.toml\"\n" + body);
  };
  SECTION("a misspelt side: the child's line, with a suggestion") {
    expect_error(child("derived-side.toml", "[sides.natto]\nbias = 0.2\n"),
                 {"derived-side.toml:3:", "sides.natto", "did you mean 'nato'"});
  }
  SECTION("a bad value for a key the base also sets: the child's line") {
    expect_error(child("derived-value.toml", "[sides.nato]\nopen_mindedness = 1.5\n"),
                 {"derived-value.toml:4:", "sides.nato.open_mindedness", "[0, 1]"});
    expect_error(child("derived-type.toml", "[war]\nceasefire_rate_per_year = \"never\"\n"),
                 {"derived-type.toml:4:", "war.ceasefire_rate_per_year", "got a string"});
  }
  SECTION("a named table merged by name: each key names its own file") {
    expect_error(child("derived-named.toml", "[incident.accident]\nattribution_error = 0.7\n"),
                 {"derived-named.toml:4:", "incident.accident.attribution_error", "[0, 0.5]"});
    expect_error(child("derived-victim.toml", "[incident.accident]\nvictim = \"poland\"\n"),
                 {"derived-victim.toml:4:", "incident.accident.victim", "unknown side 'poland'"});
  }
  SECTION("a distribution replaced by another kind in the child, and its error") {
    const Config kind = load_config(
        child("derived-kind.toml", "[sides.nato]\nbias = { dist = \"triangular\", low = -1.0, mode = 0.0, high = 1.0 }\n"));
    REQUIRE(kind.uncertain.size() == 1);
    CHECK(kind.uncertain.front().path == "sides.nato.bias");
    CHECK(kind.uncertain.front().dist.kind == Distribution::Kind::Triangular);
    expect_error(child("derived-kind-bad.toml", "[sides.nato]\nopen_mindedness = { dist = \"normal\", mean = 0.5, sd = 0.1 }\n"),
                 {"derived-kind-bad.toml:4:", "open_mindedness", "leaves the allowed range"});
  }
  SECTION("a value from the command line says so") {
    ConfigOverrides o;
    o.values.push_back({"sides.nato.open_mindedness", 1.5});
    try {
      load_config(child("derived-flag.toml", ""), o);
      FAIL("no error for a --set value out of range");
    } catch (const ConfigError& e) {
      CHECK_THAT(std::string(e.what()), Contains("sides.nato.open_mindedness (set on the command line)") &&
                                            Contains("[0, 1]"));
    }
  }
}
