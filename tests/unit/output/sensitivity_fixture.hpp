#pragma once
// A sensitivity analysis of tests/configs/sensitivity.toml, run for the tests of its
// estimates (output/test_sensitivity.cpp) and of its table (report/test_sensitivity_report.cpp).
#include "escalate/output/sensitivity.hpp"

#include "test_support.hpp"

namespace escalate::test {

struct Analysed {
  Config config;
  DriverResult driver;
  SensitivityAnalysis analysis;
};

// tests/configs/sensitivity.toml over a small design of `layout`.
inline Analysed analysed(DesignLayout layout) {
  const Config first = load_config(source_path("tests/configs/sensitivity.toml"));
  SensitivityDesign design = layout == DesignLayout::Saltelli ? saltelli_design(3, 128, first.run.seed)
                                                              : morris_design(3, 8, 4, first.run.seed);
  ConfigOverrides o;
  o.draws = design.points();
  o.trajectories = 100;
  Analysed a{load_config(source_path("tests/configs/sensitivity.toml"), o), {}, {}};
  const DrawTable table = design_draw_table(a.config, design);
  DriverOptions options;
  options.draws = &table;
  options.threads = 2;
  a.driver = run_simulation(a.config, options);
  a.analysis = analyse_sensitivity(a.config, std::move(design), a.driver);
  return a;
}

}  // namespace escalate::test
