// The command-line definitions of `summary` and `check` (command_inspect.cpp runs them).
#include "commands.hpp"

#include <memory>

namespace escalate::cli {

Command add_summary_command(CLI::App& app) {
  struct Options {
    std::string path;
    bool json = false, csv = false;
  };
  auto o = std::make_shared<Options>();
  auto* summary = app.add_subcommand("summary", "Print the summary table and provenance of a result, comparison, sensitivity or posterior "
                                     "file. A posterior file (escalate calibrate): each parameter's prior and posterior "
                                     "(mean, 90% interval, shrinkage 1 - var_post/var_prior on the sampler's unconstrained "
                                     "scale: log, logit or none), the predictive check (outliers flagged, unobserved entries held out), the stages, the misfits, and the "
                                     "parameters left at their prior: shrinkage < 0.1 and posterior mean within 0.2 "
                                     "prior sd of the prior mean, both on that scale");
  summary->add_option("file", o->path, "Result, comparison, sensitivity or posterior file (.h5)")->required();
  auto* json_flag = summary->add_flag("--json", o->json, "Machine-readable JSON instead of the table");
  summary->add_flag("--csv", o->csv, "The table as CSV, one row per quantity (columns below)")->excludes(json_flag);
  return {summary, [o](Cluster&) {
            return command_summary(o->path, o->json ? SummaryFormat::Json : o->csv ? SummaryFormat::Csv : SummaryFormat::Text);
          }};
}

Command add_check_command(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto* check = app.add_subcommand("check", "Validate a config; print it resolved (after `base`) and its uncertain parameters");
  check->add_option("config", *path, "Config file")->required();
  return {check, [path](Cluster&) { return command_check(*path); }};
}

}  // namespace escalate::cli
