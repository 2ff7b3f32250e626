#pragma once
// Internal to the `escalate` binary: what the command line says about itself. Each
// subcommand's --help ends with its own examples (help_examples.cpp); a mistyped flag or
// command gets one line with a "did you mean" (parse_errors.cpp).
#include <CLI/CLI.hpp>

#include <string>

namespace escalate::cli {

// Sets the footer of the app (the overview) and of every subcommand it knows (its own
// examples); a subcommand it does not know keeps its footer, or gets none.
void add_help_examples(CLI::App& app);

// The message for a parse error of `app`: the unknown flag or command with the closest
// valid one ("unknown option --drawz of `escalate run` (did you mean --draws?); see
// `escalate run --help`"). Read after a failed app.parse().
std::string explain_parse_error(const CLI::App& app, const CLI::ParseError& error);

// Refuses (UsageError) an option or argument of the command reached given an empty value
// (`--method ''`, `--design-layout ''`, `-o ''`): CLI11 stores it as given, and an empty
// value was taken as the default. Read after a successful app.parse().
void refuse_empty_values(const CLI::App& app);
// The same for `--output=` (CLI11 would take the next word, `-q`, as the value). Read
// before app.parse().
void refuse_empty_assignments(int argc, const char* const* argv);

}  // namespace escalate::cli
