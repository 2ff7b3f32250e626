#pragma once
// Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari & Gelman 2018;
// docs/inference.md §9): draw θ* from the prior, simulate a record, infer, and find the
// rank of θ* among L posterior draws. If the sampler is right the rank is uniform on
// 0..L and every central interval covers θ* at its nominal rate. These are the pieces
// of that check; tests/unit/infer and bench/sbc_infer.cpp run it.
#include <cstddef>
#include <vector>

namespace escalate::infer {

// The rank of `truth` among `draws`: how many draws are below it, with ties broken by
// the uniform `u` in (0, 1) (so discrete posteriors still give uniform ranks). In 0..L.
std::size_t calibration_rank(double truth, const std::vector<double>& draws, double u);

// L draws out of a posterior sample: every (size / L)-th, from the middle of each
// stratum. Throws std::invalid_argument when L is 0 or larger than the sample.
std::vector<double> thin(const std::vector<double>& draws, std::size_t count);

struct UniformityTest {
  std::vector<std::size_t> counts;  // ranks per bin
  double chi_square = 0;
  double p_value = 0;               // upper tail of chi-square with bins - 1 degrees of freedom
};

// Pearson's chi-square test that ranks in 0..max_rank are uniform, in `bins` equal bins
// ((max_rank + 1) must be a multiple of bins: std::invalid_argument otherwise).
UniformityTest rank_uniformity(const std::vector<std::size_t>& ranks, std::size_t max_rank, std::size_t bins);

// The empirical quantile at p of draws (linear interpolation between order statistics,
// Hyndman & Fan type 7, the default of R and NumPy).
double empirical_quantile(std::vector<double> draws, double p);

// Whether the central interval of probability `level` of draws contains truth.
bool central_interval_covers(double truth, const std::vector<double>& draws, double level);

}  // namespace escalate::infer
