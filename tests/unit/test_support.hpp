#pragma once
// Helpers for tests that need files: the source tree, a scratch directory, variants of
// the closed-form config. Standard library only, so every layer's tests can use it.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace escalate::test {

inline std::string source_path(const std::string& relative) { return std::string(ESCALATE_SOURCE_DIR) + "/" + relative; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scratch directory per test process.
inline std::filesystem::path scratch_dir() {
  static std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("escalate-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string write_file(const std::string& name, const std::string& text) {
  auto path = scratch_dir() / name;
  std::ofstream(path) << text;
  return path.string();
}

// closed-form.toml with each `from` replaced by its `to` (each must occur), then `appended`.
inline std::string closed_form_with(std::initializer_list<std::pair<std::string, std::string>> replacements,
                                    const std::string& name, const std::string& appended = "") {
  std::string text = read_text(source_path("tests/configs/closed-form.toml"));
  for (const auto& [from, to] : replacements) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("test setup: '" + from + "' not in closed-form.toml");
    text.replace(at, from.size(), to);
  }
  return write_file(name, text + appended);
}

inline std::string closed_form_with(const std::string& from, const std::string& to, const std::string& name = "case.toml") {
  return closed_form_with({{from, to}}, name);
}

}  // namespace escalate::test
