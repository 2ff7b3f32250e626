// The options the sampling commands share (commands.hpp).
#include "commands.hpp"

#include <limits>
#include <type_traits>

namespace escalate::cli {

namespace {
using SeedValue = std::remove_cvref_t<decltype(*ConfigOverrides{}.seed)>;
}  // namespace

std::uint64_t max_seed() { return static_cast<std::uint64_t>(std::numeric_limits<SeedValue>::max()); }

void add_sampling_options(CLI::App* command, SamplingOptions& flags, const std::string& output_help,
                          const std::string& scope) {
  command->add_option("-o,--output", flags.output, output_help);
  command->add_option("--draws", flags.draws, "Override run.draws (parameter draws, the outer loop)" + scope);
  command->add_option("--trajectories", flags.trajectories,
                      "Override run.trajectories (trajectories per draw, the inner loop; 1e6 style allowed)" + scope);
  command->add_option("--seed", flags.seed, "Override run.seed, an integer in [0, " + std::to_string(max_seed()) + "]" + scope);
  command->add_option("--posterior", flags.posterior,
                      "A posterior file of `escalate calibrate`: draw m of every parameter it holds is its "
                      "posterior draw m, the others are drawn from the config" + scope + "; it must hold no path that "
                      "is not an uncertain parameter of the config (paths reporting.* and window.* belong to the record, not the "
                      "model, and are ignored), and at least as many draws as asked for. The result records its "
                      "path and SHA-256; --resume and merge need the same posterior")
      ->type_name("FILE");
  command->add_option("--threads", flags.threads, "Worker threads (default 0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  command->add_flag("--force", flags.force, "Replace the result file if it exists");
  command->add_flag("-q,--quiet", flags.quiet, "No progress and no table");
  command->add_flag("--dry-run", flags.dry_run,
                    "Check everything and print the sizes, a time estimate from a short pilot and the output "
                    "file's size; write nothing");
}

ConfigOverrides overrides_of(const SamplingOptions& given) {
  constexpr auto MAX = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  ConfigOverrides overrides;
  if (!given.draws.empty()) overrides.draws = static_cast<std::int64_t>(parse_integer_flag("--draws", given.draws, 1, MAX));
  if (!given.trajectories.empty()) {
    overrides.trajectories = static_cast<std::int64_t>(parse_integer_flag("--trajectories", given.trajectories, 1, MAX));
  }
  if (!given.seed.empty()) overrides.seed = static_cast<SeedValue>(parse_integer_flag("--seed", given.seed, 0, max_seed()));
  return overrides;
}

}  // namespace escalate::cli
