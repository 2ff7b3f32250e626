#pragma once
// The sensitivity analysis as text (a table) or JSON, and `escalate summary` of a
// sensitivity file (docs/sensitivity.md).
#include "escalate/output/sensitivity.hpp"

#include <ostream>
#include <string>

namespace escalate {

// The table on stdout: P rows sorted by ST (Sobol') or mu* (Morris), fitting 100 columns.
void print_sensitivity(std::ostream& out, const Config& config, const SensitivityAnalysis& a, const Provenance& provenance);
void print_sensitivity_json(std::ostream& out, const std::string& path, const Config& config, const SensitivityAnalysis& a);
// `escalate summary` of a sensitivity file: its table (or JSON), recomputed from the stored
// design and counts (the estimators are deterministic, so this is what the run printed).
// A damaged or edited file is a FileError.
void summarize_sensitivity_file(std::ostream& out, const std::string& path, bool json);

}  // namespace escalate
