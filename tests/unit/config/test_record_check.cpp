// The record against a forecast (engine/config/record_check.cpp): a window's incident
// types among the forecast's, and the window parameters (shared or local), for test
// records and for the calibration windows against the pre-registered prior.
#include "record_fixture.hpp"

using namespace escalate;
using namespace escalate::test;
using namespace escalate::test::record;
using Catch::Matchers::Contains;

TEST_CASE("A record against a forecast: a window's incident types are among the forecast's", "[record]") {
  const Record record = load_record(write_record("against.toml", HEAD));
  CHECK_NOTHROW(check_record_against(record, load_config((scratch_dir() / "record-window.toml").string())));
  // A window may disable a type the forecast has.
  write_file("record-disabling.toml", "schema = 2\nbase = \"record-window.toml\"\n[incident.border-drone]\nenabled = false\n");
  const Record disabling = load_record(write_record("against-disabling.toml", "schema = 1\n[window.w]\nconfig = \"../record-disabling.toml\"\n"));
  REQUIRE(disabling.windows[0].config.scenario.incidents.size() == 1);
  CHECK_NOTHROW(check_record_against(disabling, load_config((scratch_dir() / "record-window.toml").string())));
  // A type the forecast lacks is refused, naming it (with the forecast's types, or did-you-mean).
  const std::string fewer = closed_form_with("seed = 14", "seed = 14", "forecast-fewer.toml");
  CHECK_THAT(error_of([&] { check_record_against(record, load_config(fewer)); }),
             Contains(record.path + ": window.w.config (") && Contains("incident type 'border-drone' is not one of the forecast") &&
                 Contains("forecast-fewer.toml") && Contains("(its types: accident)"));
  std::string drones = BORDER_DRONE;
  drones.replace(drones.find("border-drone"), 12, "border-drones");
  const std::string renamed = closed_form_with({{"seed = 14", "seed = 14"}}, "forecast-renamed.toml", drones);
  CHECK_THAT(error_of([&] { check_record_against(record, load_config(renamed)); }),
             Contains("incident type 'border-drone'") && Contains("(did you mean 'border-drones'?)"));
  CHECK_THAT(error_of([&] { window_parameters(record, load_config(renamed)); }), Contains("did you mean 'border-drones'?"));
}

namespace {

// record-window.toml with russia's bias given as `bias`, and each of `more` replaced (its
// first occurrence: russia's table).
std::string forecast_with(const std::string& bias, const std::string& name,
                          const std::vector<std::pair<std::string, std::string>>& more = {}) {
  std::vector<std::pair<std::string, std::string>> replacements = {{"[run]", "[run]\nstart_date = \"2021-07-01\""},
                                                                   {"bias = 0.0", "bias = " + bias}};
  replacements.insert(replacements.end(), more.begin(), more.end());
  std::string text = read_text(source_path("tests/configs/closed-form.toml"));
  for (const auto& [from, to] : replacements) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return write_file(name, text + BORDER_DRONE);
}

int index_of(const Config& config, const std::string& path) {
  for (std::size_t j = 0; j < config.uncertain.size(); ++j) {
    if (config.uncertain[j].path == path) return static_cast<int>(j);
  }
  return -1;
}

}  // namespace

TEST_CASE("Window parameters: shared with an identical distribution, local otherwise", "[record]") {
  const Record record = load_record(write_record("parameters.toml", HEAD));
  REQUIRE(record.windows[0].config.uncertain.size() == 1);  // sides.russia.bias ~ normal(0, 1)
  const auto local_bias = [](const WindowParameters& p) {
    return p.forecast_index == std::vector<int>{-1} && p.local == std::vector<std::size_t>{0} &&
           p.local_names == std::vector<std::string>{"window.w.sides.russia.bias"};
  };
  SECTION("the same path and distribution: the forecast's; a forecast parameter the window lacks is not used") {
    const Config forecast = load_config(forecast_with("{ dist = \"normal\", mean = 0.0, sd = 1.0 }", "forecast-shared.toml",
                                                      {{"fear_gain = 1.0", "fear_gain = { dist = \"lognormal\", median = 1.0, sigma = 0.5 }"}}));
    REQUIRE(forecast.uncertain.size() == 2);
    const auto parameters = window_parameters(record, forecast);
    REQUIRE(parameters.size() == 1);
    CHECK(parameters[0].forecast_index == std::vector<int>{index_of(forecast, "sides.russia.bias")});
    CHECK(parameters[0].forecast_index[0] != index_of(forecast, "sides.russia.fear_gain"));
    CHECK(parameters[0].local.empty());
    CHECK(parameters[0].local_names.empty());
  }
  SECTION("the same kind, other numbers: local") {
    CHECK(local_bias(window_parameters(record, load_config(forecast_with("{ dist = \"normal\", mean = 0.0, sd = 2.0 }",
                                                                         "forecast-wider.toml")))[0]));
  }
  SECTION("the same numbers, another kind: local") {
    CHECK(local_bias(window_parameters(record, load_config(forecast_with("{ dist = \"uniform\", low = 0.0, high = 1.0 }",
                                                                         "forecast-uniform.toml")))[0]));
  }
  SECTION("a number in the forecast: local") {
    CHECK(local_bias(window_parameters(record, load_config(forecast_with("0.0", "forecast-fixed.toml")))[0]));
  }
}

TEST_CASE("Window parameters: a window's own starting state is local, the rest shared, per window in record order", "[record]") {
  write_window_config();
  write_file("record-window-2014.toml",
             "schema = 2\nbase = \"record-window.toml\"\n[sides.russia]\ninitial_belief = { dist = \"beta\", a = 5.0, b = 5.0 }\n");
  const std::string text = HEAD + "[window.early]\nconfig = \"../record-window-2014.toml\"\n";
  const Record record = load_record(write_record("two-windows.toml", text));
  // The forecast: russia's bias as the windows', its own starting belief, an uncertain fear_gain.
  const Config forecast = load_config(forecast_with("{ dist = \"normal\", mean = 0.0, sd = 1.0 }", "forecast-state.toml",
                                                    {{"initial_belief = 0.5", "initial_belief = { dist = \"beta\", a = 8.0, b = 2.0 }"},
                                                     {"fear_gain = 1.0", "fear_gain = { dist = \"lognormal\", median = 1.0, sigma = 0.5 }"}}));
  REQUIRE(forecast.uncertain.size() == 3);
  const auto parameters = window_parameters(record, forecast);
  REQUIRE(parameters.size() == 2);
  CHECK(parameters[0].forecast_index == std::vector<int>{index_of(forecast, "sides.russia.bias")});
  CHECK(parameters[0].local.empty());
  const Config& early = record.windows[1].config;
  REQUIRE(early.uncertain.size() == 2);
  const std::size_t belief = static_cast<std::size_t>(index_of(early, "sides.russia.initial_belief"));
  const std::size_t bias = static_cast<std::size_t>(index_of(early, "sides.russia.bias"));
  CHECK(parameters[1].forecast_index[belief] == -1);
  CHECK(parameters[1].forecast_index[bias] == index_of(forecast, "sides.russia.bias"));
  CHECK(parameters[1].local == std::vector<std::size_t>{belief});
  CHECK(parameters[1].local_names == std::vector<std::string>{"window.early.sides.russia.initial_belief"});
  // The forecast's fear_gain is a number (1.0) in both windows, and its starting belief is
  // window early's only as a local parameter: no window parameter points at either.
  const int fear_gain = index_of(forecast, "sides.russia.fear_gain"), russia_belief = index_of(forecast, "sides.russia.initial_belief");
  REQUIRE((fear_gain >= 0 && russia_belief >= 0));
  for (const auto& p : parameters) CHECK(std::count(p.forecast_index.begin(), p.forecast_index.end(), fear_gain) == 0);
  for (const auto& p : parameters) CHECK(std::count(p.forecast_index.begin(), p.forecast_index.end(), russia_belief) == 0);
}
TEST_CASE("The calibration windows against the pre-registered prior: every structural prior shared, 2014's state local", "[record]") {
  const std::string text = "schema = 1\n[window.pre_war]\nconfig = \"" + source_path("configs/calibration/window-2014-2021.toml") +
                           "\"\n[window.war]\nconfig = \"" + source_path("configs/calibration/window-2022-war-base.toml") + "\"\n";
  const Record record = load_record(write_record("calibration-windows.toml", text));
  const Config prior = load_config(source_path("configs/calibration/baseline-2026-prior.toml"));
  REQUIRE(prior.uncertain.size() == 91);
  const auto parameters = window_parameters(record, prior);
  REQUIRE(parameters.size() == 2);
  // The forecast's parameters no window parameter points at: fixed in the window.
  const auto fixed_in = [&](const WindowParameters& p) {
    std::vector<std::string> out;
    for (std::size_t j = 0; j < prior.uncertain.size(); ++j) {
      if (std::count(p.forecast_index.begin(), p.forecast_index.end(), static_cast<int>(j)) == 0) out.push_back(prior.uncertain[j].path);
    }
    return out;
  };
  const WindowParameters& pre_war = parameters[0];
  CHECK(record.windows[0].config.uncertain.size() == 72);
  CHECK(pre_war.local_names == std::vector<std::string>{"window.pre_war.sides.nato.initial_belief",  // the config's order
                                                        "window.pre_war.sides.russia.initial_belief"});
  CHECK(std::count(pre_war.forecast_index.begin(), pre_war.forecast_index.end(), -1) == 2);
  const std::vector<std::string> pre_war_fixed = fixed_in(pre_war);
  CHECK(pre_war_fixed.size() == 21);  // 16 rates of the two disabled types, the ceasefire, 2 x offensive, 2 x belief
  for (const auto& path : pre_war_fixed) {
    INFO(path);
    CHECK((path.rfind("incident.stray-missile.", 0) == 0 || path.rfind("incident.strike-attributed-to-nato.", 0) == 0 ||
           path == "event.ukraine-ceasefire.rate_per_year" || path.find(".initial_offensive_probability") != std::string::npos ||
           path.find(".initial_belief") != std::string::npos));
  }
  // The war window's starting state has the prior's 2026 distributions (baseline-2022's
  // judgement for 2022 equals baseline-2026's), yet it is the state of 24 Feb 2022: a
  // starting state is always the window's own.
  const WindowParameters& war = parameters[1];
  CHECK(record.windows[1].config.uncertain.size() == 90);
  CHECK(war.local_names == std::vector<std::string>{"window.war.sides.nato.initial_offensive_probability",  // the config's order
                                                    "window.war.sides.nato.initial_belief",
                                                    "window.war.sides.russia.initial_offensive_probability",
                                                    "window.war.sides.russia.initial_belief"});
  CHECK(std::count(war.forecast_index.begin(), war.forecast_index.end(), -1) == 4);
  CHECK(fixed_in(war).size() == 5);  // the ceasefire, and the forecast's own starting state
}
