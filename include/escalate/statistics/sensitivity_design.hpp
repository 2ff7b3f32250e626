#pragma once
// Sensitivity designs (docs/sensitivity.md): points of the unit hypercube over a config's
// uncertain parameters, mapped to parameter values by each parameter's inverse CDF. A
// design becomes the outer loop's DrawTable: each point is a "draw", estimated by the
// inner loop's trajectories exactly as in a run.
#include "escalate/config/config.hpp"
#include "escalate/sim/draw_table.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace escalate {

// How the points of a design hang together, which decides what can be estimated from them.
//   Saltelli: N blocks of P + 2 points, SALib's order without second-order indices: A_j,
//             AB_j^1 .. AB_j^P (A_j with column i taken from B_j), B_j. Sobol' indices.
//   Morris:   r paths of P + 1 points, each moving one parameter from the point before.
//             Elementary effects.
//   Free:     any points (a user's design): per-point estimates only.
enum class DesignLayout { Saltelli, Morris, Free };
const char* layout_name(DesignLayout layout);

struct SensitivityDesign {
  DesignLayout layout = DesignLayout::Free;
  std::int64_t parameters = 0;  // P
  std::int64_t base = 0;        // Saltelli: N blocks; Morris: r paths; free: the points
  std::int64_t levels = 0;      // Morris grid levels p (0 when not a generated Morris design)
  std::vector<double> unit;     // [points, P] row-major, each in (0, 1): quantiles of the parameters

  std::int64_t points() const { return parameters > 0 ? static_cast<std::int64_t>(unit.size()) / parameters : 0; }
  std::span<const double> row(std::int64_t i) const {
    return {unit.data() + i * parameters, static_cast<std::size_t>(parameters)};
  }
};

// The first n points of the `dims`-dimensional Sobol' sequence (Boost.Random's direction
// numbers, Gray-code order, starting with the origin, so the first 2^m points form a
// (t, m, s)-net), each coordinate digitally shifted (XOR with 64 random bits per
// dimension, from the seed's Philox stream) and mapped to the middle of its 2^-53 cell:
// [n, dims] row-major, every value in (0, 1).
std::vector<double> sobol_points(std::int64_t dims, std::int64_t n, std::uint64_t seed);

// The most parameters a Saltelli design takes: its Sobol' points have 2P dimensions.
std::int64_t max_saltelli_parameters();

// Saltelli et al. (2010): A and B from the first and last P columns of `base` Sobol'
// points in 2P dimensions; N (P + 2) points in SALib's order (see DesignLayout).
SensitivityDesign saltelli_design(std::int64_t parameters, std::int64_t base, std::uint64_t seed);

// Morris (1991): r paths on a grid of p levels (p even) at the centres of p equal cells,
// u = (k + 1/2) / p, so that no point is 0 or 1 and every level has probability 1/p under
// the parameter's distribution. Each path starts at a random grid point and moves the
// parameters one at a time, in a random order, by p/2 levels (up from the lower half,
// down from the upper): a step of Delta = 1/2 in quantile.
SensitivityDesign morris_design(std::int64_t parameters, std::int64_t paths, std::int64_t levels, std::uint64_t seed);

// The design's parameter values: value[i, k] = config.uncertain[k].dist.quantile(unit[i, k]).
DrawTable design_draw_table(const Config& config, const SensitivityDesign& design);

// A user's design given in parameter values ([points, P], in the order of
// config.uncertain): its unit coordinates are the parameters' CDFs at the values. With
// `layout` Saltelli or Morris the structure is checked; a violation throws FileError
// naming `origin` and the line (`lines[i]`: the line of point i in it).
SensitivityDesign design_from_values(const Config& config, const std::vector<double>& values, DesignLayout layout,
                                     const std::string& origin, const std::vector<std::int64_t>& lines);

}  // namespace escalate
