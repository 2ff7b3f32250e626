// The full simulation-based calibration of `escalate calibrate` with the engine in the
// loop (docs/calibration.md, "Simulation-based calibration with the engine"; the replicate
// is app::EngineSbc). Writes one CSV row per replicate and parameter, flushed after each
// replicate; scripts/sbc_calibrate_plot.py turns it into the rank histograms and the
// coverage figure. Prints the chi-square test of each parameter's ranks (10 bins) and the
// coverages of the 50% and 90% central intervals, for the calibration and for its
// deliberately overconfident variant (draws contracted toward their mean by --sharpen).
//
//   escalate_sbc_calibrate [--forecast F.toml] [--record R.toml] [--replicates R] [--first r0]
//                          [--particles N] [--trajectories n] [--rank-draws L] [--seed S]
//                          [--threads T] [--sharpen c] [--truth-shift d] [-o FILE.csv]
// --truth-shift d draws the true values from the prior shifted by d on the unconstrained
// scale (a mis-specified variant that must fail; 0, the default, is the SBC proper).
#include "escalate/app/engine_sbc.hpp"
#include "escalate/base/error.hpp"
#include "escalate/infer/calibration_check.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

using namespace escalate;

namespace {

struct Options {
  std::string forecast = std::string(ESCALATE_SOURCE_DIR) + "/tests/data/calibrate/sbc_engine.toml";
  std::string record = std::string(ESCALATE_SOURCE_DIR) + "/tests/data/calibrate/sbc_engine.record.toml";
  std::string output = "sbc-calibrate.csv";
  std::uint64_t replicates = 100, first = 0;
  app::EngineSbcSettings sbc;
};

constexpr const char* USAGE =
    "usage: escalate_sbc_calibrate [--forecast F.toml] [--record R.toml] [--replicates R] [--first r0]"
    " [--particles N] [--trajectories n] [--rank-draws L] [--seed S] [--threads T] [--sharpen c] [--truth-shift d] [-o FILE.csv]";

bool number(const std::string& text, unsigned long long& out) {
  char* end = nullptr;
  out = std::strtoull(text.c_str(), &end, 10);
  return !text.empty() && text[0] != '-' && *end == '\0';
}

// Returns "" or what is wrong.
std::string parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return flag + " needs a value";
    const std::string value = argv[i + 1];
    unsigned long long n = 0;
    const bool integer = number(value, n);
    if (flag == "-o") o.output = value;
    else if (flag == "--forecast") o.forecast = value;
    else if (flag == "--record") o.record = value;
    else if (flag == "--sharpen") {
      char* end = nullptr;
      o.sbc.sharpen = std::strtod(value.c_str(), &end);
      if (*end != '\0' || !(o.sbc.sharpen > 0 && o.sbc.sharpen < 1)) return "--sharpen needs a number in (0, 1), got '" + value + "'";
    } else if (flag == "--truth-shift") {
      char* end = nullptr;
      o.sbc.truth_shift = std::strtod(value.c_str(), &end);
      if (*end != '\0' || value.empty() || !(std::abs(o.sbc.truth_shift) <= 10)) return "--truth-shift needs a number in [-10, 10], got '" + value + "'";
    } else if (flag == "--first") {
      if (!integer) return "--first needs an integer >= 0, got '" + value + "'";
      o.first = n;
    } else if (!integer || n == 0) return flag + " needs a positive integer, got '" + value + "'";
    else if (flag == "--replicates") o.replicates = n;
    else if (flag == "--particles") o.sbc.particles = static_cast<std::int64_t>(n);
    else if (flag == "--trajectories") o.sbc.trajectories = static_cast<std::int64_t>(n);
    else if (flag == "--rank-draws") o.sbc.rank_draws = n;
    else if (flag == "--seed") o.sbc.seed = n;
    else if (flag == "--threads") o.sbc.threads = static_cast<int>(n);
    else return "unknown option " + flag;
  }
  if (o.sbc.particles < 2 || o.sbc.trajectories < 2) return "--particles and --trajectories must be at least 2";
  if (o.sbc.rank_draws > static_cast<std::size_t>(o.sbc.particles)) return "--rank-draws must not exceed --particles";
  if ((o.sbc.rank_draws + 1) % 10 != 0) return "--rank-draws + 1 must be a multiple of 10 (10 bins)";
  return "";
}

void report(const app::EngineSbc& sbc, const Options& o, const std::vector<app::EngineSbcReplicate>& reps, double seconds) {
  const auto& params = sbc.parameters();
  std::printf("engine SBC: %zu replicates (from %llu), %lld particles, %lld trajectories per estimate, ranks among %zu draws; "
              "%.1f s\n", reps.size(), static_cast<unsigned long long>(o.first), static_cast<long long>(o.sbc.particles),
              static_cast<long long>(o.sbc.trajectories), o.sbc.rank_draws, seconds);
  std::printf("%-44s %8s %10s %10s %10s %14s\n", "parameter", "chi2", "p", "cover 50%", "cover 90%", "sharpened p");
  for (std::size_t j = 0; j < params.size(); ++j) {
    std::vector<std::size_t> ranks, sharp;
    double c50 = 0, c90 = 0;
    for (const auto& r : reps) {
      ranks.push_back(r.rank[j]), sharp.push_back(r.sharpened_rank[j]);
      c50 += r.covered50[j] ? 100.0 / static_cast<double>(reps.size()) : 0.0;
      c90 += r.covered90[j] ? 100.0 / static_cast<double>(reps.size()) : 0.0;
    }
    const infer::UniformityTest t = infer::rank_uniformity(ranks, o.sbc.rank_draws, 10);
    const infer::UniformityTest ts = infer::rank_uniformity(sharp, o.sbc.rank_draws, 10);
    std::printf("%-44s %8.2f %10.3g %9.1f%% %9.1f%% %14.3g\n", params[j].name.c_str(), t.chi_square, t.p_value, c50, c90,
                ts.p_value);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (const std::string why = parse(argc, argv, o); !why.empty()) {
    std::cerr << "escalate_sbc_calibrate: " << why << "\n" << USAGE << "\n";
    return 2;
  }
  try {
    const app::EngineSbc sbc(o.forecast, o.record);
    std::ofstream csv(o.output);
    if (!csv) throw RequestError("-o " + o.output + ": cannot write it");
    csv << "replicate,parameter,truth,rank,sharpened_rank,max_rank,covered50,covered90,final_ess,stages,evaluations,"
           "acceptance,seconds\n";
    std::vector<app::EngineSbcReplicate> reps;
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t r = o.first; r < o.first + o.replicates; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      reps.push_back(sbc.replicate(o.sbc, r));
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      const app::EngineSbcReplicate& rep = reps.back();
      for (std::size_t j = 0; j < sbc.parameters().size(); ++j) {
        csv << r << ',' << sbc.parameters()[j].name << ',' << rep.truth[j] << ',' << rep.rank[j] << ','
            << rep.sharpened_rank[j] << ',' << o.sbc.rank_draws << ',' << rep.covered50[j] << ',' << rep.covered90[j]
            << ',' << rep.final_ess << ',' << rep.stages << ',' << rep.evaluations << ',' << rep.acceptance << ',' << s
            << '\n';
      }
      csv.flush();
      std::cerr << "replicate " << r << ": " << rep.stages << " stages, " << rep.evaluations << " estimates, " << s << " s\n";
    }
    report(sbc, o, reps, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::printf("wrote %s\n", o.output.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "escalate_sbc_calibrate: " << e.what() << "\n";
    return exit_code_of(e);
  }
}
