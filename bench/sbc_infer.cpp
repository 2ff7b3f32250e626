// The full simulation-based calibration of the SMC sampler on the toy simulator
// (docs/inference.md §9; Talts et al. 2018). Writes one CSV row per replicate and
// parameter; scripts/sbc_plot.py turns it into the rank histograms and coverage figure.
//
//   escalate_sbc [--replicates R] [--particles N] [--rank-draws L] [--seed S]
//                [--likelihood exact|gaussian|unbiased|semiparametric] [--simulations n]
//                [--ess-fraction A] [--moved-fraction F] [--max-moves K] [-o FILE.csv]
#include "escalate/infer/calibration_check.hpp"
#include "infer/toy_sbc.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

using namespace escalate::infer;

namespace {

int usage(const std::string& why) {
  std::cerr << "escalate_sbc: " << why
            << "\nusage: escalate_sbc [--replicates R] [--particles N] [--rank-draws L] [--seed S]"
               " [--likelihood exact|gaussian|unbiased|semiparametric] [--simulations n]"
               " [--ess-fraction A] [--moved-fraction F] [--max-moves K] [-o FILE.csv]\n";
  return 2;
}

bool parse(int argc, char** argv, toy::SbcSettings& s, std::string& out, std::string& kind, std::string& error) {
  const std::map<std::string, std::optional<toy::SyntheticKind>> kinds = {
      {"exact", std::nullopt},
      {"gaussian", toy::SyntheticKind::Gaussian},
      {"unbiased", toy::SyntheticKind::UnbiasedGaussian},
      {"semiparametric", toy::SyntheticKind::SemiParametric}};
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return error = flag + " needs a value", false;
    const std::string value = argv[i + 1];
    char* end = nullptr;
    const unsigned long long number = std::strtoull(value.c_str(), &end, 10);
    const bool numeric = end && *end == '\0' && !value.empty();
    if (flag == "-o") out = value;
    else if (flag == "--ess-fraction") {
      s.sampler.ess_fraction = std::strtod(value.c_str(), &end);
      if (*end != '\0' || !(s.sampler.ess_fraction > 0 && s.sampler.ess_fraction < 1))
        return error = "--ess-fraction needs a number in (0, 1), got '" + value + "'", false;
    } else if (flag == "--moved-fraction") {
      s.sampler.moved_fraction = std::strtod(value.c_str(), &end);
      if (*end != '\0' || !(s.sampler.moved_fraction > 0 && s.sampler.moved_fraction < 1))
        return error = "--moved-fraction needs a number in (0, 1), got '" + value + "'", false;
    }
    else if (flag == "--likelihood") {
      if (!kinds.count(value)) return error = "unknown likelihood '" + value + "'", false;
      kind = value;
      s.synthetic = kinds.at(value);
    } else if (!numeric || number == 0) return error = flag + " needs a positive integer, got '" + value + "'", false;
    else if (flag == "--replicates") s.replicates = number;
    else if (flag == "--particles") s.particles = number;
    else if (flag == "--rank-draws") s.rank_draws = number;
    else if (flag == "--seed") s.seed = number;
    else if (flag == "--simulations") s.simulations = number;
    else if (flag == "--max-moves") s.sampler.max_moves = number;
    else return error = "unknown option " + flag, false;
  }
  if (s.rank_draws > s.particles) return error = "--rank-draws must not exceed --particles", false;
  if ((s.rank_draws + 1) % 10 != 0) return error = "--rank-draws + 1 must be a multiple of 10 (10 bins)", false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  toy::SbcSettings s;
  s.replicates = 1000;
  s.particles = 500;
  s.rank_draws = 99;
  std::string out = "sbc.csv", kind = "exact", error;
  if (!parse(argc, argv, s, out, kind, error)) return usage(error);
  std::ofstream csv(out);
  if (!csv) return usage("cannot write " + out);
  csv << "replicate,parameter,truth,rank,max_rank,covered50,covered90,final_ess,stages,evaluations,likelihood\n";
  const toy::ToyModel model;
  const auto params = toy::ToyModel::parameters();
  std::vector<std::vector<std::size_t>> ranks(params.size());
  std::vector<double> cover50(params.size()), cover90(params.size());
  std::size_t evaluations = 0, stages = 0;
  double acceptance = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t r = 0; r < s.replicates; ++r) {
    const auto rep = toy::sbc_replicate(model, s, r);
    for (std::size_t j = 0; j < params.size(); ++j) {
      csv << r << ',' << params[j].name << ',' << rep.truth[j] << ',' << rep.rank[j] << ',' << s.rank_draws << ','
          << rep.covered50[j] << ',' << rep.covered90[j] << ',' << rep.final_ess << ',' << rep.stages << ',' << rep.evaluations << ',' << kind
          << '\n';
      ranks[j].push_back(rep.rank[j]);
      if (j == 0) evaluations += rep.evaluations, stages += rep.stages, acceptance += rep.acceptance;
      cover50[j] += rep.covered50[j] ? 100.0 / s.replicates : 0.0;
      cover90[j] += rep.covered90[j] ? 100.0 / s.replicates : 0.0;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("SBC, %s likelihood: %zu replicates, %zu particles, ESS fraction %g, moved fraction %g, ranks among %zu draws; %.1f s, "
              "%.0f likelihood estimates, %.1f stages, acceptance %.2f per replicate\n",
              kind.c_str(), s.replicates, s.particles, s.sampler.ess_fraction, s.sampler.moved_fraction, s.rank_draws, seconds,
              static_cast<double>(evaluations) / s.replicates, static_cast<double>(stages) / s.replicates, acceptance / s.replicates);
  std::printf("%-20s %10s %10s %12s %12s\n", "parameter", "chi2", "p", "cover 50%", "cover 90%");
  for (std::size_t j = 0; j < params.size(); ++j) {
    const UniformityTest t = rank_uniformity(ranks[j], s.rank_draws, 10);
    std::printf("%-20s %10.2f %10.3f %11.1f%% %11.1f%%\n", params[j].name.c_str(), t.chi_square, t.p_value,
                cover50[j], cover90[j]);
  }
  std::printf("wrote %s\n", out.c_str());
  return 0;
}
