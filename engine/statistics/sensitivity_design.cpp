#include "escalate/statistics/sensitivity_design.hpp"

#include "escalate/base/error.hpp"
#include "escalate/model/random_stream.hpp"

#include <boost/random/sobol.hpp>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace escalate {

namespace {

double unit_of(std::uint64_t bits) { return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53; }

[[noreturn]] void refuse(const std::string& origin, std::int64_t line, const std::string& what) {
  throw FileError(origin + ":" + std::to_string(line) + ": " + what);
}

// Saltelli blocks: AB_i equals A but in column i, where it equals B.
void check_saltelli(const Config& config, const std::vector<double>& values, std::int64_t P, const std::string& origin,
                    const std::vector<std::int64_t>& lines) {
  const std::int64_t points = static_cast<std::int64_t>(values.size()) / P;
  if (points % (P + 2) != 0 || points < 2 * (P + 2)) {
    throw FileError(origin + ": a Saltelli design has N blocks of P + 2 = " + std::to_string(P + 2) +
                    " rows (A, AB_1 .. AB_" + std::to_string(P) + ", B) with N >= 2; this one has " +
                    std::to_string(points) + " rows");
  }
  auto at = [&](std::int64_t row, std::int64_t k) { return values[static_cast<std::size_t>(row * P + k)]; };
  for (std::int64_t block = 0; block < points / (P + 2); ++block) {
    const std::int64_t a = block * (P + 2), b = a + P + 1;
    for (std::int64_t i = 0; i < P; ++i) {
      const std::int64_t row = a + 1 + i;
      for (std::int64_t k = 0; k < P; ++k) {
        const double want = k == i ? at(b, k) : at(a, k);
        if (at(row, k) == want) continue;
        refuse(origin, lines[static_cast<std::size_t>(row)],
               "not a Saltelli block: row AB_" + std::to_string(i + 1) + " should equal A (line " +
                   std::to_string(lines[static_cast<std::size_t>(a)]) + ") with '" + config.uncertain[static_cast<std::size_t>(i)].path +
                   "' from B (line " + std::to_string(lines[static_cast<std::size_t>(b)]) + "), but '" +
                   config.uncertain[static_cast<std::size_t>(k)].path + "' differs");
      }
    }
  }
}

// Morris paths: each step moves exactly one parameter, and each parameter once per path.
void check_morris(const Config& config, const std::vector<double>& values, const std::vector<double>& unit, std::int64_t P,
                  const std::string& origin, const std::vector<std::int64_t>& lines) {
  const std::int64_t points = static_cast<std::int64_t>(values.size()) / P;
  if (points % (P + 1) != 0 || points < 2 * (P + 1)) {
    throw FileError(origin + ": a Morris design has r paths of P + 1 = " + std::to_string(P + 1) +
                    " rows with r >= 2; this one has " + std::to_string(points) + " rows");
  }
  auto at = [&](const std::vector<double>& v, std::int64_t row, std::int64_t k) { return v[static_cast<std::size_t>(row * P + k)]; };
  for (std::int64_t path = 0; path < points / (P + 1); ++path) {
    std::vector<bool> moved(static_cast<std::size_t>(P), false);
    for (std::int64_t step = 1; step <= P; ++step) {
      const std::int64_t row = path * (P + 1) + step;
      std::vector<std::int64_t> changed;
      for (std::int64_t k = 0; k < P; ++k) if (at(values, row, k) != at(values, row - 1, k)) changed.push_back(k);
      if (changed.size() != 1) {
        refuse(origin, lines[static_cast<std::size_t>(row)], "not a Morris path: " + std::to_string(changed.size()) +
                                             " parameters change from the row before; exactly one must");
      }
      const auto k = static_cast<std::size_t>(changed.front());
      if (moved[k]) refuse(origin, lines[static_cast<std::size_t>(row)], "not a Morris path: '" + config.uncertain[k].path + "' moves twice");
      if (at(unit, row, changed.front()) == at(unit, row - 1, changed.front())) {
        refuse(origin, lines[static_cast<std::size_t>(row)], "the step of '" + config.uncertain[k].path +
                                             "' is too far in the tail of its distribution to change its CDF");
      }
      moved[k] = true;
    }
  }
}

}  // namespace

const char* layout_name(DesignLayout layout) {
  switch (layout) {
    case DesignLayout::Saltelli: return "saltelli";
    case DesignLayout::Morris: return "morris";
    case DesignLayout::Free: return "free";
  }
  return "?";
}

std::int64_t max_saltelli_parameters() { return boost::random::default_sobol_table::max_dimension / 2; }

std::vector<double> sobol_points(std::int64_t dims, std::int64_t n, std::uint64_t seed) {
  if (dims < 1 || dims > static_cast<std::int64_t>(boost::random::default_sobol_table::max_dimension) || n < 0) {
    throw std::invalid_argument("sobol_points: dimension must be in [1, " +
                                std::to_string(boost::random::default_sobol_table::max_dimension) + "]");
  }
  RandomStream stream(seed, RandomDomain::SensitivityDesign, 0, 0);
  std::vector<std::uint64_t> shift(static_cast<std::size_t>(dims));
  for (auto& s : shift) s = stream();
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(dims * n));
  boost::random::sobol engine(static_cast<std::size_t>(dims));
  for (std::int64_t i = 0; i < n; ++i) {
    for (std::int64_t d = 0; d < dims; ++d) {
      // Boost starts after the origin; the origin is point 0 of the sequence.
      const std::uint64_t bits = i == 0 ? 0 : static_cast<std::uint64_t>(engine());
      out.push_back(unit_of(bits ^ shift[static_cast<std::size_t>(d)]));
    }
  }
  return out;
}

SensitivityDesign saltelli_design(std::int64_t parameters, std::int64_t base, std::uint64_t seed) {
  if (parameters < 1 || base < 2) throw std::invalid_argument("saltelli_design: need P >= 1 and N >= 2");
  const std::int64_t P = parameters;
  const std::vector<double> points = sobol_points(2 * P, base, seed);
  SensitivityDesign d;
  d.layout = DesignLayout::Saltelli;
  d.parameters = P;
  d.base = base;
  d.unit.reserve(static_cast<std::size_t>(base * (P + 2) * P));
  for (std::int64_t j = 0; j < base; ++j) {
    const double* a = points.data() + j * 2 * P;
    const double* b = a + P;
    d.unit.insert(d.unit.end(), a, a + P);
    for (std::int64_t i = 0; i < P; ++i) {
      for (std::int64_t k = 0; k < P; ++k) d.unit.push_back(k == i ? b[k] : a[k]);
    }
    d.unit.insert(d.unit.end(), b, b + P);
  }
  return d;
}

SensitivityDesign morris_design(std::int64_t parameters, std::int64_t paths, std::int64_t levels, std::uint64_t seed) {
  if (parameters < 1 || paths < 2 || levels < 2 || levels % 2 != 0) {
    throw std::invalid_argument("morris_design: need P >= 1, r >= 2 and an even number of levels");
  }
  const std::int64_t P = parameters;
  SensitivityDesign d;
  d.layout = DesignLayout::Morris;
  d.parameters = P;
  d.base = paths;
  d.levels = levels;
  d.unit.reserve(static_cast<std::size_t>(paths * (P + 1) * P));
  auto level_value = [&](std::int64_t k) { return (static_cast<double>(k) + 0.5) / static_cast<double>(levels); };
  for (std::int64_t t = 0; t < paths; ++t) {
    RandomStream stream(seed, RandomDomain::SensitivityDesign, static_cast<std::uint64_t>(t) + 1, 0);
    std::vector<std::int64_t> level(static_cast<std::size_t>(P));
    for (auto& k : level) k = std::min(levels - 1, static_cast<std::int64_t>(stream.uniform() * static_cast<double>(levels)));
    std::vector<std::int64_t> order(static_cast<std::size_t>(P));
    std::iota(order.begin(), order.end(), 0);
    for (std::int64_t i = P - 1; i > 0; --i) {  // Fisher-Yates
      const auto j = std::min(i, static_cast<std::int64_t>(stream.uniform() * static_cast<double>(i + 1)));
      std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
    }
    auto emit = [&] { for (auto k : level) d.unit.push_back(level_value(k)); };
    emit();
    for (auto i : order) {
      auto& k = level[static_cast<std::size_t>(i)];
      k += k < levels / 2 ? levels / 2 : -levels / 2;
      emit();
    }
  }
  return d;
}

DrawTable design_draw_table(const Config& config, const SensitivityDesign& design) {
  if (design.parameters != static_cast<std::int64_t>(config.uncertain.size())) {
    throw std::invalid_argument("design_draw_table: the design's parameters are not the config's");
  }
  DrawTable table;
  table.draws = design.points();
  table.parameters = design.parameters;
  table.values.reserve(design.unit.size());
  for (std::size_t i = 0; i < design.unit.size(); ++i) {
    table.values.push_back(config.uncertain[i % static_cast<std::size_t>(design.parameters)].dist.quantile(design.unit[i]));
  }
  return table;
}

SensitivityDesign design_from_values(const Config& config, const std::vector<double>& values, DesignLayout layout,
                                     const std::string& origin, const std::vector<std::int64_t>& lines) {
  const auto P = static_cast<std::int64_t>(config.uncertain.size());
  if (P < 1 || values.size() % static_cast<std::size_t>(P) != 0) {
    throw std::invalid_argument("design_from_values: values are not rows of the config's uncertain parameters");
  }
  SensitivityDesign d;
  d.layout = layout;
  d.parameters = P;
  for (std::size_t i = 0; i < values.size(); ++i) {
    d.unit.push_back(config.uncertain[i % static_cast<std::size_t>(P)].dist.cdf(values[i]));
  }
  if (layout == DesignLayout::Saltelli) check_saltelli(config, values, P, origin, lines);
  if (layout == DesignLayout::Morris) check_morris(config, values, d.unit, P, origin, lines);
  d.base = layout == DesignLayout::Saltelli ? d.points() / (P + 2) : layout == DesignLayout::Morris ? d.points() / (P + 1)
                                                                                                     : d.points();
  return d;
}

}  // namespace escalate
