#include "escalate/infer/calibration_check.hpp"

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace escalate::infer {

std::size_t calibration_rank(double truth, const std::vector<double>& draws, double u) {
  std::size_t below = 0, equal = 0;
  for (double x : draws) {
    below += x < truth;
    equal += x == truth;
  }
  return below + std::min(equal, static_cast<std::size_t>(u * static_cast<double>(equal + 1)));
}

std::vector<double> thin(const std::vector<double>& draws, std::size_t count) {
  if (count == 0 || count > draws.size())
    throw std::invalid_argument("thin: cannot take " + std::to_string(count) + " of " +
                                std::to_string(draws.size()) + " draws");
  std::vector<double> out(count);
  const double stride = static_cast<double>(draws.size()) / static_cast<double>(count);
  for (std::size_t k = 0; k < count; ++k)
    out[k] = draws[static_cast<std::size_t>((static_cast<double>(k) + 0.5) * stride)];
  return out;
}

UniformityTest rank_uniformity(const std::vector<std::size_t>& ranks, std::size_t max_rank, std::size_t bins) {
  if (bins < 2 || (max_rank + 1) % bins != 0)
    throw std::invalid_argument("rank_uniformity: " + std::to_string(max_rank + 1) + " rank values do not split into " +
                                std::to_string(bins) + " equal bins");
  UniformityTest test;
  test.counts.assign(bins, 0);
  const std::size_t width = (max_rank + 1) / bins;
  for (std::size_t r : ranks) {
    if (r > max_rank) throw std::invalid_argument("rank_uniformity: rank " + std::to_string(r) + " above max_rank");
    ++test.counts[r / width];
  }
  const double expected = static_cast<double>(ranks.size()) / static_cast<double>(bins);
  for (std::size_t c : test.counts) test.chi_square += (static_cast<double>(c) - expected) * (static_cast<double>(c) - expected) / expected;
  test.p_value = boost::math::gamma_q(0.5 * static_cast<double>(bins - 1), 0.5 * test.chi_square);
  return test;
}

double empirical_quantile(std::vector<double> draws, double p) {
  if (draws.empty()) throw std::invalid_argument("empirical_quantile: no draws");
  std::sort(draws.begin(), draws.end());
  const double h = p * static_cast<double>(draws.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, draws.size() - 1);
  return draws[lo] + (h - static_cast<double>(lo)) * (draws[hi] - draws[lo]);
}

bool central_interval_covers(double truth, const std::vector<double>& draws, double level) {
  const double tail = 0.5 * (1 - level);
  return empirical_quantile(draws, tail) <= truth && truth <= empirical_quantile(draws, 1 - tail);
}

}  // namespace escalate::infer
