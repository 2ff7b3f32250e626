// The examples at the end of each command's --help: what a user types, with what it does.
// The top level keeps the overview; every subcommand shows its own (CLI11 would otherwise
// copy the top-level footer into each).
#include "help.hpp"

#include <map>

namespace escalate::cli {

namespace {

const char* const EXIT_CODES =
    "Exit codes: 0 success, 2 bad input or usage, 1 runtime I/O fault, 130 interrupted (partial file written).";

// `calibrate`: what it does, what it costs, and how to stop and resume (its own constant: the
// map below stays one screen).
const char* const CALIBRATE_EXAMPLES =
    "Draws the forecast config's uncertain parameters (and the record's uncertain reporting\n"
    "probabilities) from their posterior given the record, by a tempered SMC sampler whose\n"
    "likelihood simulates every window of the record --trajectories times per estimate\n"
    "(docs/calibration.md, \"How escalate calibrate works\"). A window's uncertain parameter is the\n"
    "forecast's when path and distribution match, else its own (window.<name>.<path>). Stage lines\n"
    "on stderr: temperature, ESS, acceptance, ETA. The same seed gives the same posterior file for\n"
    "any --threads. Ctrl-C writes <output>.state (exit 130);\n"
    "--resume <output>.state finishes it to the posterior an uninterrupted run gives.\n"
    "Cost: about 150 x particles likelihood estimates, each windows x trajectories simulations.\n"
    "Examples:\n"
    "  escalate calibrate configs/calibration/baseline-2026-prior.toml --record data/record.toml --dry-run\n"
    "  escalate calibrate tests/data/records/window.toml --record tests/data/records/minimal.toml \\\n"
    "      --particles 200 --trajectories 50 -o /tmp/posterior.h5\n"
    "  escalate calibrate tests/data/records/window.toml --record tests/data/records/minimal.toml \\\n"
    "      --particles 200 --trajectories 50 -o /tmp/posterior.h5 --resume /tmp/posterior.h5.state\n"
    "  escalate summary /tmp/posterior.h5       # prior against posterior, the predictive check";

const std::map<std::string, std::string>& subcommand_footers() {
  static const std::map<std::string, std::string> footers = {
      {"run",
       "The same seed gives bit-identical datasets for any --threads. Ctrl-C stops after the running\n"
       "batches and writes what is done, marked complete = 0 (exit 130); --resume finishes it.\n"
       "Examples:\n"
       "  escalate run configs/baseline-2022.toml                  # -> results/baseline-2022.h5\n"
       "  escalate run configs/baseline-2022.toml --draws 50 --trajectories 500 -o /tmp/quick.h5\n"
       "  escalate run configs/baseline-2022.toml --dry-run        # sizes, time and file size; writes nothing\n"
       "  escalate run configs/baseline-2022.toml --resume results/baseline-2022.h5   # after Ctrl-C\n"
       "  escalate run configs/baseline-2022.toml --target-ci 0.005\n"
       "  escalate run configs/baseline-2026.toml --posterior results/posterior.h5 --draws 400\n"
       "  escalate run configs/baseline-2022.toml --shard 2/8 -o parts/part-2.h5      # then `escalate merge`\n"
       "  escalate run configs/baseline-2022.toml --shard 2/8 --resume parts/part-2.h5  # an interrupted shard"},
      {"calibrate", CALIBRATE_EXAMPLES},
      {"compare",
       "Configs: every config runs with the reference's seed, draws and trajectories (its [run] table,\n"
       "after these flags); horizons must match. Result files (.h5 written by `escalate run`): compared\n"
       "from their stored per-draw counts, without running again; they must share seed, draws,\n"
       "trajectories, horizon and grid, and be complete (common random numbers hold only when the\n"
       "seeds match). Configs and result files can be mixed: the configs then run with the files' sizes.\n"
       "Examples:\n"
       "  escalate compare configs/baseline-2022.toml configs/policies/*.toml\n"
       "  escalate compare configs/baseline-2022.toml configs/policies/hawkish.toml --draws 50 -o /tmp/c.h5\n"
       "  escalate compare results/baseline-2022.h5 results/hawkish.h5       # two finished runs\n"
       "  escalate compare configs/baseline-2022.toml configs/policies/*.toml --dry-run"},
      {"sweep",
       "Every point runs with the same seed, draws and trajectories; the table shows P(war), P(clash),\n"
       "P(nuclear) at each value and the paired difference in P(war) against the first point.\n"
       "Examples:\n"
       "  escalate sweep configs/baseline-2022.toml --set restraint.institutions=0:1:11\n"
       "  escalate sweep configs/scenarios/przewodow-2022.toml \\\n"
       "      --set incident.stray-missile.clarification_delay_days=0.25,1,3,7,30"},
      {"sensitivity",
       "Each design point is one draw of the outer loop, estimated from --trajectories trajectories;\n"
       "indices come with 95% bootstrap intervals and are corrected for that binomial noise\n"
       "(docs/sensitivity.md).\n"
       "Examples:\n"
       "  escalate sensitivity configs/baseline-2022.toml\n"
       "  escalate sensitivity configs/baseline-2022.toml --method morris --base-samples 20\n"
       "  escalate sensitivity configs/baseline-2022.toml --design mine.csv --design-layout saltelli\n"
       "  /usr/bin/python3 scripts/plot.py results/sensitivity-baseline-2022.h5   # the bar chart"},
      {"merge",
       "Refuses parts of different configs, seeds, schema or engine versions, and duplicate shards.\n"
       "A missing shard or an interrupted one makes the result incomplete: merge then writes nothing\n"
       "and exits 2 (so a Slurm afterok chain stops), unless --allow-partial.\n"
       "Examples:\n"
       "  for i in 1 2 3; do escalate run cfg.toml --shard $i/3 -o part-$i.h5; done\n"
       "  escalate merge part-*.h5 -o all.h5\n"
       "  escalate run cfg.toml --shard 2/3 --resume part-2.h5   # finish an interrupted shard, merge again\n"
       "  escalate merge part-1.h5 part-3.h5 -o some.h5 --allow-partial"},
      {"summary",
       "Examples:\n"
       "  escalate summary results/baseline-2022.h5\n"
       "  escalate summary results/compare-baseline-2022.h5 --json\n"
       "  escalate summary results/posterior.h5   # priors against posteriors, the check, the stages\n"
       "  escalate summary results/baseline-2022.h5 --csv > baseline.csv\n"
       "CSV columns (one row per quantity; empty where a column does not apply):\n"
       "  config, quantity (p_activated, p_deep, p_spiral, p_war, p_nuclear, p_clash, act_offspring_ratio),\n"
       "  estimate, lower, upper (95% interval, both loops), draws_q05, draws_q50, draws_q95,\n"
       "  between_draw_sd, difference, paired_lower, paired_upper, unpaired_lower, unpaired_upper\n"
       "  (a comparison file: one row per config and outcome; difference against the reference)."},
      {"check",
       "Prints the config after `base` is applied, numbers in their shortest exact form, then its\n"
       "uncertain parameters and sizes. Exit 2, naming file, line and key, if the config is not valid.\n"
       "Examples:\n"
       "  escalate check configs/baseline-2022.toml\n"
       "  escalate check configs/policies/hawkish.toml     # a derived config, resolved"},
      {"names",
       "Prints JSON: phases, rate_phases, rungs, builtin_causes, batch_outcome_fields, compared_outcomes;\n"
       "with a config also its sides, incident_types, causes, parameter_paths and uncertain_parameters.\n"
       "Examples:\n"
       "  escalate names --json\n"
       "  escalate names --json configs/baseline-2022.toml | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"rungs\"])'"},
  };
  return footers;
}

}  // namespace

void add_help_examples(CLI::App& app) {
  const std::string inherited = app.get_footer();  // what CLI11 copied into subcommands made after it
  app.footer("Examples:\n"
             "  escalate check configs/baseline-2022.toml\n"
             "  escalate run configs/baseline-2022.toml                 # -> results/baseline-2022.h5\n"
             "  escalate run configs/baseline-2022.toml --draws 50 --trajectories 500 -o /tmp/quick.h5\n"
             "  escalate compare configs/baseline-2022.toml configs/policies/*.toml\n"
             "  escalate sweep configs/baseline-2022.toml --set restraint.institutions=0:1:11\n"
             "  escalate sensitivity configs/baseline-2022.toml         # Sobol' indices\n"
             "  escalate summary results/baseline-2022.h5\n"
             "Each command has its own examples: escalate COMMAND --help.\n" +
             std::string(EXIT_CODES));
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    auto own = subcommand_footers().find(sub->get_name());
    if (own != subcommand_footers().end()) sub->footer(own->second + "\n" + EXIT_CODES);
    else if (!inherited.empty() && sub->get_footer() == inherited) sub->footer("");  // never another command's examples
  }
}

}  // namespace escalate::cli
