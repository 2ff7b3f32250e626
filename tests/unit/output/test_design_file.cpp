#include "escalate/base/error.hpp"
#include "escalate/output/design_file.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;

namespace {
const Config& config() {
  static const Config c = load_config(test::source_path("tests/configs/sensitivity.toml"));
  return c;
}
std::string error_of(const std::string& name, const std::string& text) {
  const std::string path = test::write_file(name, text);
  try {
    read_design_csv(path, config());
  } catch (const FileError& e) {
    return std::string(e.what()).substr(path.size());  // from ":line:column: ..."
  }
  return "(accepted)";
}
}  // namespace

TEST_CASE("A design CSV: columns in any order, comments and blank lines skipped", "[sensitivity]") {
  const std::string path = test::write_file("design-ok.csv",
      "# from a Latin hypercube in R, lhs::randomLHS(2, 3)\n"
      "response.intercept.3, sides.nato.perception_noise,\"response.intercept.1\"\r\n"
      "\n"
      "0.5,1.0,-1.5\n"
      "2.5, 0.75 ,-0.25\n");
  const DesignValues d = read_design_csv(path, config());
  // config order: sides.nato.perception_noise, response.intercept.1, response.intercept.3
  CHECK(d.values == std::vector<double>{1.0, -1.5, 0.5, 0.75, -0.25, 2.5});
  CHECK(d.lines == std::vector<std::int64_t>{4, 5});
}

TEST_CASE("A bad design CSV is refused with file, line and column", "[sensitivity]") {
  const std::string header = "sides.nato.perception_noise,response.intercept.1,response.intercept.3\n";
  CHECK_THAT(error_of("typo.csv", "sides.nato.perception_nois,response.intercept.1,response.intercept.3\n1,-1,0\n"),
             Catch::StartsWith(":1:1: 'sides.nato.perception_nois' is not an uncertain parameter") &&
                 Catch::Contains("did you mean 'sides.nato.perception_noise'?"));
  CHECK_THAT(error_of("fixed.csv", header.substr(0, header.size() - 1) + ",war.ceasefire_rate_per_year\n1,-1,0,1\n"),
             Catch::StartsWith(":1:4: 'war.ceasefire_rate_per_year' is not an uncertain parameter"));
  CHECK_THAT(error_of("twice.csv", "response.intercept.1,response.intercept.1,response.intercept.3\n"),
             Catch::StartsWith(":1:2: column 'response.intercept.1' is given twice"));
  CHECK_THAT(error_of("missing.csv", "response.intercept.1,response.intercept.3\n-1,0\n"),
             Catch::StartsWith(":1: no column for the uncertain parameter(s) sides.nato.perception_noise"));
  CHECK_THAT(error_of("count.csv", header + "1,-1,0\n1,-1\n"), Catch::StartsWith(":3: 2 fields where the header has 3"));
  CHECK_THAT(error_of("text.csv", header + "1,-1,0\n1,abc,0\n"),
             Catch::StartsWith(":3:2: 'abc' is not a finite number (column 'response.intercept.1')"));
  CHECK_THAT(error_of("empty-field.csv", header + "1,,0\n"), Catch::StartsWith(":2:2: '' is not a finite number"));
  CHECK_THAT(error_of("inf.csv", header + "1,-1,inf\n"), Catch::StartsWith(":2:3: 'inf' is not a finite number"));
  CHECK_THAT(error_of("support.csv", header + "1,-1,0\n3,-1,0\n"),
             Catch::StartsWith(":3:1: 3 is outside the support [0.5, 2] of 'sides.nato.perception_noise' ~ uniform(low=0.5, high=2)"));
  CHECK_THAT(error_of("no-rows.csv", "# nothing yet\n" + header), Catch::StartsWith(": no design points after the header"));
  CHECK_THAT(error_of("blank.csv", "\n\n"), Catch::StartsWith(": no header"));
  CHECK_THROWS_WITH(read_design_csv(test::scratch_dir().string() + "/none.csv", config()), Catch::Contains("design file not found"));
}
