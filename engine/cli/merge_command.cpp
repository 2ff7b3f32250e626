// `escalate merge`: flags → app::MergeRequest → app::merge → the summary table.
#include "commands.hpp"

#include "terminal.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/app/merge.hpp"
#include "escalate/report/summary.hpp"

#include <iostream>
#include <memory>

namespace escalate::cli {

namespace {

struct MergeOptions {
  app::MergeRequest request;
  bool quiet = false;
};

int execute_merge(const MergeOptions& o, const std::string& command_line) {
  app::MergeRequest request = o.request;
  request.command_line = command_line;
  const app::MergeOutcome out = app::merge(request, terminal_callbacks(o.quiet));
  const std::string& output = request.output;
  if (!o.quiet) {
    std::cout << "Merged " << out.parts << " parts of " << printable_text(out.config.source_path) << "\n";
    print_summary(std::cout, out.results, out.config.run);
    std::cout << "\nWrote " << printable_text(output) << (out.complete ? "" : " (PARTIAL, --allow-partial: some batches were not run)")
              << "\n";
  }
  if (!out.complete) {  // said even with --quiet: the file is not the whole run
    std::cerr << "escalate: warning: " << printable_text(output) << " is partial (complete = 0): "
              << (out.missing.empty() ? "" : "shard(s) " + out.missing + " missing")
              << (out.missing.empty() || out.interrupted.empty() ? "" : "; ")
              << (out.interrupted.empty() ? "" : std::to_string(out.interrupted.size()) + " part(s) interrupted")
              << "; `escalate run CONFIG --resume " << printable_text(output) << "` completes it\n";
  }
  return 0;
}

}  // namespace

Command add_merge_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<MergeOptions>();
  auto* merge = app.add_subcommand("merge", "Combine the shards of a run (run --shard i/n) into one result, bit for bit");
  merge->add_option("parts", o->request.parts, "Shard files, any order")->required()->expected(1, -1);
  merge->add_option("-o,--output", o->request.output, "Merged result file")->required();
  merge->add_flag("--force", o->request.force, "Replace the output if it exists");
  merge->add_flag("-q,--quiet", o->quiet, "No table");
  merge->add_flag("--allow-partial", o->request.allow_partial,
                  "Write the result even if shards are missing or interrupted (marked complete = 0; exit 0)");
  return {merge, [o, command_line](Cluster&) { return execute_merge(*o, command_line); }};
}

}  // namespace escalate::cli
