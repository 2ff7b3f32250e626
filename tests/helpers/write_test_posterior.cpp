// A posterior file for the command-line tests of --posterior and `summary`, without a
// calibration: write_test_posterior OUT DRAWS CONFIG [PATH ...]
// Each PATH that is an uncertain parameter of CONFIG gets the draws quantile((m + 0.5) / D)
// of its distribution in reverse order (so they differ from what the config would draw);
// any other PATH (a foreign one, to be refused) gets 0.5. A column
// reporting.test.incident is always added (ignored by --posterior). Three check rows: a
// plain one, an outlier and a held-out one.
#include "escalate/config/config.hpp"
#include "escalate/output/posterior_file.hpp"

#include <cmath>
#include <cstdlib>
#include <exception>
#include <iostream>

using namespace escalate;

namespace {

void add_column(PosteriorFile& p, const std::string& path, const Distribution* dist, std::vector<std::vector<double>>& columns) {
  std::vector<double> column;
  for (std::int64_t m = 0; m < p.draws; ++m) {
    const double u = (static_cast<double>(p.draws - 1 - m) + 0.5) / static_cast<double>(p.draws);
    column.push_back(dist ? dist->quantile(u) : 0.5);
  }
  double mean = 0, var = 0;
  for (double x : column) mean += x / static_cast<double>(column.size());
  for (double x : column) var += (x - mean) * (x - mean) / static_cast<double>(column.size());
  p.parameters.push_back(path);
  p.prior_text.push_back(dist ? dist->text() : "0.5 (not in the config)");
  p.prior_mean.push_back(mean);
  p.prior_variance.push_back(4 * var + 1e-6);  // a posterior narrower than its prior
  columns.push_back(column);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: write_test_posterior OUT DRAWS CONFIG [PATH ...]\n";
    return 2;
  }
  try {
    const Config config = load_config(argv[3]);
    PosteriorFile p;
    p.draws = std::atoll(argv[2]);
    std::vector<std::vector<double>> columns;
    for (int a = 4; a < argc; ++a) {
      const Distribution* dist = nullptr;
      for (const auto& u : config.uncertain) dist = u.path == argv[a] ? &u.dist : dist;
      add_column(p, argv[a], dist, columns);
    }
    const Distribution reporting{Distribution::Kind::Beta, 2, 8};
    add_column(p, "reporting.test.incident", &reporting, columns);
    for (std::int64_t m = 0; m < p.draws; ++m) {
      for (const auto& column : columns) p.values.push_back(column[static_cast<std::size_t>(m)]);
      p.log_likelihood.push_back(-1.0);
      p.predictive.insert(p.predictive.end(), {static_cast<double>(m % 5), 50.0, static_cast<double>(m % 3)});
    }
    p.stages = {{0, static_cast<double>(p.draws), 0, 0, p.draws}, {1, 0.8 * static_cast<double>(p.draws), 0.4, 2, 2 * p.draws}};
    p.final_ess = 0.8 * static_cast<double>(p.draws);
    p.check = {{"test/counts/incident/2020", 2, "2", 2, 0, 4, 0.45, false},
               {"test/outcomes/wars", 0, "0", 50, 50, 50, 0.001, true},
               {"test/counts/incident/2021", std::nan(""), "-1", 1, 0, 2, std::nan(""), false}};
    p.misfits = {"test/outcomes/wars: observed 0, every draw predicts 50"};
    p.provenance = {argv[3], file_sha256(argv[3]), "record.toml", std::string(64, '0'), {}, {}, 1, p.draws, 10,
                    "write_test_posterior", "test", "none: a test file"};
    write_posterior_file(argv[1], p, true);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
