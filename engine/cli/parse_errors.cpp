// Command-line mistakes explained: CLI11's parse errors turned into one line that names
// the command, the word it did not expect and, for a typo, the flag or subcommand meant
// ("did you mean --draws?"), with the help to read. The words come from CLI11 itself
// (App::remaining after the failed parse), never from parsing argv again.
#include "help.hpp"

#include "escalate/base/closest_match.hpp"
#include "usage_error.hpp"
#include "escalate/base/error.hpp"

#include <algorithm>

namespace escalate::cli {

namespace {

// The subcommand the user reached ("" for none): the deepest one CLI11 parsed.
const CLI::App* reached_command(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) return sub;
  return nullptr;
}

// Every long flag of a command, as typed: "--draws".
std::vector<std::string> long_flags(const CLI::App& command) {
  std::vector<std::string> flags;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) flags.push_back("--" + name);
  }
  return flags;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// Which other subcommands take `flag` ("sweep"), for "--set is an option of sweep".
std::vector<std::string> commands_taking(const CLI::App& app, const std::string& flag) {
  std::vector<std::string> owners;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const auto flags = long_flags(*sub);
    if (std::find(flags.begin(), flags.end(), flag) != flags.end()) owners.push_back(sub->get_name());
  }
  return owners;
}

// What is wrong with one unexpected word of `command` (a subcommand, or the app itself).
std::string explain_word(const CLI::App& app, const CLI::App* command, const std::string& word) {
  if (word.rfind("--", 0) == 0) {
    const std::string flag = word.substr(0, word.find('='));
    const std::string name = command ? "`escalate " + command->get_name() + "`" : "escalate";
    const std::string out = "unknown option " + flag + " of " + name;
    const auto owners = commands_taking(app, flag);  // a flag of another command (--set is sweep's)
    const std::string after = command ? "" : ", after the command";
    if (!owners.empty()) return out + " (" + flag + " is an option of `escalate " + owners.front() + "`" + after + ")";
    if (!command) {  // before any command: the closest flag of any command
      for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        const std::string suggestion = closest_match(flag, long_flags(*sub));
        if (!suggestion.empty()) return out + " (did you mean " + suggestion + " of `escalate " + sub->get_name() + "`?)";
      }
      return out;
    }
    const std::string suggestion = closest_match(flag, long_flags(*command));
    return out + (suggestion.empty() ? "" : " (did you mean " + suggestion + "?)");
  }
  if (word.size() > 1 && word[0] == '-' && !(word[1] >= '0' && word[1] <= '9')) {
    return "unknown option " + word + (command ? " of `escalate " + command->get_name() + "`" : "");
  }
  if (!command) {
    const auto names = subcommand_names(app);
    const std::string suggestion = closest_match(word, names);
    if (!suggestion.empty()) return "unknown command '" + word + "' (did you mean '" + suggestion + "'?)";
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    return "unknown command '" + word + "' (commands: " + list + ")";
  }
  return "unexpected argument '" + word + "'";
}

}  // namespace

std::string explain_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  const CLI::App* command = reached_command(app);
  std::string help = command ? "escalate " + command->get_name() + " --help" : "escalate --help";
  // Words nobody took: the command's, else the app's own (an unknown command, or a flag
  // given before the command).
  std::vector<std::string> words = command ? command->remaining() : std::vector<std::string>{};
  const CLI::App* owner = command;
  if (words.empty()) words = app.remaining(), owner = nullptr;
  if (!owner && !words.empty() && words.front().rfind("-", 0) != 0) help = "escalate --help";  // an unknown command
  // An unknown flag first: the word after it is usually its value, not a second mistake.
  std::stable_partition(words.begin(), words.end(), [](const std::string& w) { return w.rfind("-", 0) == 0; });
  const bool extras = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr;
  const bool no_command = !command && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr;
  if ((extras || no_command) && !words.empty()) {
    return explain_word(app, owner, words.front()) + "; see `" + help + "`";
  }
  if (no_command) {
    std::string names;
    for (const auto& name : subcommand_names(app)) names += (names.empty() ? "" : ", ") + name;
    return "a command is required (" + names + "); see `" + help + "`";
  }
  std::string what = error.what();
  return (command ? command->get_name() + ": " : "") + what + "; see `" + help + "`";
}

void refuse_empty_assignments(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") return;  // the end of options
    if (word.size() > 3 && word.rfind("--", 0) == 0 && word.find('=') == word.size() - 1) {
      const std::string name = word.substr(0, word.size() - 1);
      throw UsageError(word + ": an empty value is not the default; give a value or leave " + name + " out");
    }
  }
}

void refuse_empty_values(const CLI::App& app) {
  const CLI::App* command = reached_command(app);
  if (!command) return;
  for (const CLI::Option* option : command->get_options()) {
    if (option->count() == 0 || option->get_type_size_min() < 1) continue;  // not given, or a flag
    for (const std::string& value : option->results()) {
      if (!value.empty()) continue;
      const std::string name = option->get_name();
      throw UsageError(option->get_positional() ? "`escalate " + command->get_name() + "`: the " + name + " argument is empty"
                                                : name + " '': an empty value is not the default; give a value or leave " +
                                                      name + " out (see `escalate " + command->get_name() + " --help`)");
    }
  }
}

}  // namespace escalate::cli
