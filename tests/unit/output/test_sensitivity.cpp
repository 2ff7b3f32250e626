#include "escalate/model/phase.hpp"
#include "escalate/output/sensitivity.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace escalate;

namespace {
struct Analysed {
  Config config;
  DriverResult driver;
  SensitivityAnalysis analysis;
};

// tests/configs/sensitivity.toml over a small design of `layout`.
Analysed analysed(DesignLayout layout) {
  const Config first = load_config(test::source_path("tests/configs/sensitivity.toml"));
  SensitivityDesign design = layout == DesignLayout::Saltelli ? saltelli_design(3, 128, first.run.seed)
                                                              : morris_design(3, 8, 4, first.run.seed);
  ConfigOverrides o;
  o.draws = design.points();
  o.trajectories = 100;
  Analysed a{load_config(test::source_path("tests/configs/sensitivity.toml"), o), {}, {}};
  const DrawTable table = design_draw_table(a.config, design);
  DriverOptions options;
  options.draws = &table;
  options.threads = 2;
  a.driver = run_simulation(a.config, options);
  a.analysis = analyse_sensitivity(a.config, std::move(design), a.driver);
  return a;
}
}  // namespace

TEST_CASE("analyse_sensitivity: per-point estimates from the tallies, indices per outcome", "[sensitivity]") {
  const Analysed a = analysed(DesignLayout::Saltelli);
  const SensitivityAnalysis& s = a.analysis;
  REQUIRE(s.p.size() == static_cast<std::size_t>(128 * 5 * SENSITIVITY_OUTCOMES));
  for (std::int64_t m = 0; m < 128 * 5; ++m) {
    const auto i = static_cast<std::size_t>(m);
    REQUIRE(s.trajectories[i] == 100);
    const std::int64_t wars = a.driver.tally.value("draw_reached", m, WAR);
    REQUIRE(s.successes[i * SENSITIVITY_OUTCOMES] == wars);
    REQUIRE(s.p[i * SENSITIVITY_OUTCOMES] == static_cast<double>(wars) / 100);
    const double p = s.p[i * SENSITIVITY_OUTCOMES + 1];
    REQUIRE(s.noise[i * SENSITIVITY_OUTCOMES + 1] == Approx(p * (1 - p) / 99));
  }
  REQUIRE(s.sobol.size() == SENSITIVITY_OUTCOMES);
  CHECK(s.morris.empty());
  // The closed form: intercept 1 drives war and clash, intercept 3 war only, perception noise nothing.
  const SobolIndices& war = s.sobol[0];
  const SobolIndices& clash = s.sobol[1];
  CHECK(war.total[1].value > 0.3);
  CHECK(war.total[2].value > 0.2);
  CHECK(std::abs(war.total[0].value) < 0.05);
  CHECK(clash.first[1].value > 0.8);
  CHECK(std::abs(clash.total[2].value) < 0.05);
  CHECK(std::isnan(s.sobol[2].first[0].value));  // no nuclear weapons: nothing varies
}

TEST_CASE("The sensitivity table: sorted by ST, within 100 columns, and JSON", "[sensitivity]") {
  const Analysed a = analysed(DesignLayout::Saltelli);
  std::ostringstream table;
  print_sensitivity(table, a.config, a.analysis, Provenance::of(a.driver, "", 1.0));
  const std::string text = table.str();
  INFO(text);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 100);
  const auto i1 = text.find("\nresponse.intercept.1"), i3 = text.find("\nresponse.intercept.3"),
             noise = text.find("\nsides.nato.perception_noise");
  CHECK(i1 < i3);  // ST 0.6 before 0.4 before 0
  CHECK(i3 < noise);
  CHECK(noise != std::string::npos);
  std::ostringstream json;
  print_sensitivity_json(json, "x.h5", a.config, a.analysis);
  CHECK_THAT(json.str(), Catch::Contains("\"response.intercept.3\": {\"S1\": ") && Catch::Contains("\"nuclear\": {\"mean\": 0,"));
}

TEST_CASE("A Morris analysis ranks the driving intercept first", "[sensitivity]") {
  const Analysed a = analysed(DesignLayout::Morris);
  REQUIRE(a.analysis.morris.size() == SENSITIVITY_OUTCOMES);
  const MorrisMeasures& war = a.analysis.morris[0];
  CHECK(war.mu_star[1].value > war.mu_star[0].value);
  CHECK(war.mu_star[2].value > war.mu_star[0].value);
  // Perception noise has no effect: its mu* is noise, at most a few noise floors.
  CHECK(war.mu_star[0].value < 3 * war.noise_floor[0]);
  std::ostringstream table;
  print_sensitivity(table, a.config, a.analysis, Provenance::of(a.driver, "", 1.0));
  CHECK_THAT(table.str(), Catch::Contains("Morris elementary effects on P(war by day 360), 3 parameters: 8 paths x (P + 1) = 32 points"));
}
