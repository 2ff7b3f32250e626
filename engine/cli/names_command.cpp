// `escalate names --json [CONFIG]`: the engine's names for other tools (app/names.hpp).
#include "commands.hpp"

#include "escalate/app/names.hpp"
#include "escalate/base/error.hpp"

#include <iostream>
#include <memory>

namespace escalate::cli {

Command add_names_command(CLI::App& app) {
  struct Options {
    std::string config;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  auto* names = app.add_subcommand("names", "Print the names of phases, rungs, causes and outcome fields (and a config's "
                                            "incident types and parameter paths) as JSON, for scripts");
  names->add_option("config", o->config, "Config file: add its incident types, causes and parameter paths");
  names->add_flag("--json", o->json, "JSON (the only format; required so that a later text format can be the default)")
      ->required();
  return {names, [o](Cluster&) {
            const std::string text = app::names_json(o->config);  // whole or nothing
            std::cout << text;
            return 0;
          }};
}

}  // namespace escalate::cli
