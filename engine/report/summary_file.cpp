#include "escalate/report/summary_file.hpp"

#include "escalate/model/phase.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/sim/tally_layout.hpp"

#include "escalate/statistics/comparison.hpp"
#include "escalate/report/comparison_report.hpp"
#include "escalate/base/error.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/report/json_text.hpp"
#include "escalate/report/posterior_summary.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/output/run_state.hpp"
#include "escalate/report/sensitivity_report.hpp"
#include "escalate/report/summary.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace escalate {

namespace {



void result_summary(std::ostream& out, const std::string& path, SummaryFormat format) {
  StoredRun run = read_stored_run(path);
  H5Reader h5(path);
  Provenance provenance = Provenance::of(run.driver, "", run.wall_seconds);
  const std::int64_t ranks = h5.int_attribute("", "ranks");
  if (ranks < 1 || ranks > 1'000'000) throw FileError(path + ": ranks = " + std::to_string(ranks) + " is implausible (damaged or edited file)");
  provenance.ranks = static_cast<int>(ranks);
  Results r = compute_results(run.config, run.driver, provenance);
  const RunSettings& s = run.config.run;
  const std::string shard =
      run.shard.count > 1 ? std::to_string(run.shard.index + 1) + "/" + std::to_string(run.shard.count) : "";
  if (format == SummaryFormat::Csv) return write_results_csv(out, std::filesystem::path(run.config.source_path).stem().string(), r);
  if (format == SummaryFormat::Text) {
    out << printable_text(path) << ": " << printable_text(run.config.source_path) << ", engine " << run.engine_version << " ("
        << h5.string_attribute("", "git_sha1", 64) << "), created " << h5.string_attribute("", "created", 64) << ", "
        << (run.driver.complete ? "complete" : "PARTIAL") << (shard.empty() ? "" : ", shard " + shard) << "\n";
    if (!run.posterior.empty()) {
      out << "draws of the posterior's parameters from " << printable_text(run.posterior) << " (SHA-256 "
          << run.posterior_sha256.substr(0, 16) << "...)\n";
    }
    print_summary(out, r, s);
    return;
  }
  auto q = [&](const std::vector<double>& quantiles, std::size_t stride, std::size_t k, double level) {
    for (std::size_t i = 0; i < r.quantile.size(); ++i) if (r.quantile[i] == level) return quantiles[i * stride + k];
    return std::nan("");
  };
  auto estimate = [&](const PooledEstimate& e, const std::vector<double>& quantiles, std::size_t stride, std::size_t k) {
    std::ostringstream o;
    o << "{\"pooled\": " << json_number(e.mean) << ", \"lower\": " << json_number(e.lo) << ", \"upper\": " << json_number(e.hi)
      << ", \"draws_q05\": " << json_number(q(quantiles, stride, k, 0.05)) << ", \"draws_q50\": " << json_number(q(quantiles, stride, k, 0.5))
      << ", \"draws_q95\": " << json_number(q(quantiles, stride, k, 0.95)) << ", \"between_draw_sd\": " << json_number(e.between_draw_sd) << "}";
    return o.str();
  };
  out << "{\n  \"file\": " << json_string(path) << ",\n  \"filetype\": \"escalate-results\",\n"
      << "  \"config_path\": " << json_string(run.config.source_path) << ",\n"
      << "  \"engine_version\": " << json_string(run.engine_version) << ",\n"
      << "  \"git_sha1\": " << json_string(h5.string_attribute("", "git_sha1", 64)) << ",\n"
      << "  \"created\": " << json_string(h5.string_attribute("", "created", 64)) << ",\n"
      << "  \"seed\": " << s.seed << ",\n  \"draws\": " << s.draws << ",\n  \"trajectories\": " << s.trajectories
      << ",\n  \"horizon_days\": " << run.config.scenario.horizon_days << ",\n  \"grid_days\": " << run.config.scenario.grid_days
      << ",\n  \"complete\": " << (run.driver.complete ? "true" : "false") << ",\n  \"shard\": "
      << (shard.empty() ? "null" : json_string(shard)) << ",\n  \"trajectories_done\": " << r.trajectories_done
      << ",\n  \"trajectories_planned\": " << r.trajectories_planned << ",\n  \"p_reached\": {";
  for (std::size_t k = 0; k < r.phase.size(); ++k) {
    out << (k ? "," : "") << "\n    " << json_string(r.phase[k]) << ": " << estimate(r.reach[k].pooled, r.reached_quantiles, r.phase.size(), k);
  }
  out << "\n  },\n  \"p_nuclear\": " << estimate(r.reach[NUCLEAR].pooled, r.reached_quantiles, r.phase.size(), NUCLEAR)
      << ",\n  \"p_clash\": " << estimate(r.clash.pooled, r.clash_quantiles, 1, 0)
      << ",\n  \"act_offspring_ratio\": " << json_number(r.act_offspring_pooled) << ",\n  \"counters\": {";
  for (std::size_t c = 0; c < COUNTER_NAMES.size(); ++c) out << (c ? ", " : "") << json_string(COUNTER_NAMES[c]) << ": " << r.counter(static_cast<int>(c));
  out << "},\n  \"warnings\": [";
  for (std::size_t w = 0; w < r.warnings.size(); ++w) out << (w ? ", " : "") << json_string(r.warnings[w]);
  out << "],\n  \"war_triggers\": {";
  bool first = true;
  const auto& war_trigger = r.count(TallyId::WarCause);
  for (std::size_t c = 0; c < war_trigger.size(); ++c) {
    if (!war_trigger[c]) continue;
    out << (first ? "" : ",") << "\n    " << json_string(r.cause[c]) << ": " << war_trigger[c];
    first = false;
  }
  out << "\n  }\n}\n";
}

void comparison_summary(std::ostream& out, const std::string& path, SummaryFormat format) {
  H5Reader h5(path);
  require_format_version(path, h5.int_attribute("", "format_version"));
  auto edited = [&](const std::string& what) -> void { throw FileError(path + ": " + what + " (damaged or edited file)"); };
  Comparison c;
  c.reference = h5.string_attribute("comparison", "reference", 256);
  c.units = h5.string_attribute("comparison", "units", 16);
  c.unit_count = h5.int_attribute("comparison", "unit_count");
  if (c.units != "draws" && c.units != "batches") edited("comparison units '" + c.units + "' are unknown");
  if (c.unit_count < 0) edited("unit_count is negative");
  std::string configs = h5.string_attribute("", "configs", 65536);
  std::istringstream list(configs);
  std::vector<std::string> names;
  for (std::string name; list >> name;) {
    if (name.size() > 256 || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") != std::string::npos) {
      edited("config name '" + name.substr(0, 64) + "' is not a group name the engine writes");
    }
    names.push_back(name);
  }
  if (names.empty() || names.front() != c.reference) edited("the configs list does not start with the reference");
  const hsize_t R = names.size();
  auto difference = h5.values<double>("comparison/difference", {R, NUM_OUTCOMES});
  auto paired = h5.values<double>("comparison/paired_interval", {R, NUM_OUTCOMES, 2});
  auto unpaired = h5.values<double>("comparison/unpaired_interval", {R, NUM_OUTCOMES, 2});
  auto exact = h5.values<std::int64_t>("comparison/draws_paired_exactly", {R});
  auto absolute = h5.values<double>("comparison/probability", {R, NUM_OUTCOMES});
  auto absolute_interval = h5.values<double>("comparison/probability_interval", {R, NUM_OUTCOMES, 2});
  for (std::size_t i = 0; i < names.size(); ++i) {
    ComparisonRow row;
    row.name = names[i];
    for (int o = 0; o < NUM_OUTCOMES; ++o) {
      std::size_t at = i * NUM_OUTCOMES + static_cast<std::size_t>(o);
      row.outcomes[o] = {difference[at], paired[2 * at], paired[2 * at + 1], unpaired[2 * at], unpaired[2 * at + 1]};
      row.absolute[o].mean = absolute[at];
      row.absolute[o].lo = absolute_interval[2 * at];
      row.absolute[o].hi = absolute_interval[2 * at + 1];
    }
    row.draws_paired_exactly = exact[i];
    if (exact[i] < 0) edited("draws_paired_exactly is negative");
    c.rows.push_back(row);
  }
  RunSettings run;
  run.seed = h5.uint_attribute("", "seed");
  run.draws = h5.int_attribute("", "draws");
  run.trajectories = h5.int_attribute("", "trajectories");
  const std::int64_t horizon_days = h5.int_attribute(c.reference, "horizon_days");
  if (run.draws < 1 || run.trajectories < 1 || horizon_days < 1) edited("seed, draws, trajectories or horizon_days out of range");
  if (format == SummaryFormat::Csv) return write_comparison_csv(out, c);
  if (format == SummaryFormat::Text) {
    out << printable_text(path) << ": comparison, engine " << h5.string_attribute("", "engine_version", 256) << "\n";
    print_comparison(out, c, run, horizon_days);
    return;
  }
  out << "{\n  \"file\": " << json_string(path) << ",\n  \"filetype\": \"escalate-comparison\",\n  \"reference\": "
      << json_string(c.reference) << ",\n  \"seed\": " << run.seed << ",\n  \"draws\": " << run.draws
      << ",\n  \"trajectories\": " << run.trajectories << ",\n  \"horizon_days\": " << horizon_days
      << ",\n  \"interval_units\": " << json_string(c.units) << ",\n  \"configs\": [";
  for (std::size_t r = 0; r < c.rows.size(); ++r) {
    const auto& row = c.rows[r];
    out << (r ? "," : "") << "\n    {\"config\": " << json_string(row.name) << ", \"draws_paired_exactly\": " << row.draws_paired_exactly;
    for (int o = 0; o < NUM_OUTCOMES; ++o) {
      const auto& e = row.outcomes[o];
      const auto& a = row.absolute[o];
      out << ", " << json_string(OUTCOME_NAMES[o]) << ": {\"probability\": " << json_number(a.mean) << ", \"interval\": [" << json_number(a.lo)
          << ", " << json_number(a.hi) << "], \"difference\": " << json_number(e.difference) << ", \"paired\": ["
          << json_number(e.paired_lo) << ", " << json_number(e.paired_hi) << "], \"unpaired\": [" << json_number(e.unpaired_lo) << ", "
          << json_number(e.unpaired_hi) << "]}";
    }
    out << "}";
  }
  out << "\n  ]\n}\n";
}

}  // namespace

void summarize_file(std::ostream& out, const std::string& path, SummaryFormat format) {
  H5Reader h5(path);
  std::string type = h5.has_attribute("", "filetype") ? h5.string_attribute("", "filetype", 64) : "";
  if (type == RESULT_FILETYPE) return result_summary(out, path, format);
  if (type == "escalate-comparison") return comparison_summary(out, path, format);
  if (type == SENSITIVITY_FILETYPE) {
    if (format == SummaryFormat::Csv) throw RequestError(path + ": --csv is for run and comparison files; a sensitivity file has --json");
    return summarize_sensitivity_file(out, path, format == SummaryFormat::Json);
  }
  if (type == POSTERIOR_FILETYPE) {
    if (format != SummaryFormat::Text) throw RequestError(path + ": --json and --csv are for run and comparison files; a posterior file has text");
    return print_posterior_summary(out, path, read_posterior_file(path));
  }
  throw FileError(path + ": not an Escalate result, comparison, sensitivity or posterior file");
}

}  // namespace escalate
