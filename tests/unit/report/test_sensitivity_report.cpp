#include "escalate/report/sensitivity_report.hpp"
#include "output/sensitivity_fixture.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace escalate;
using escalate::test::analysed;
using escalate::test::Analysed;

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

TEST_CASE("The Morris table names its design", "[sensitivity]") {
  const Analysed a = analysed(DesignLayout::Morris);
  std::ostringstream table;
  print_sensitivity(table, a.config, a.analysis, Provenance::of(a.driver, "", 1.0));
  CHECK_THAT(table.str(), Catch::Contains("Morris elementary effects on P(war by day 360), 3 parameters: 8 paths x (P + 1) = 32 points"));
}
