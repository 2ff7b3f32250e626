// Reading config files (engine/config/config_file.cpp, toml_values.cpp): bounded inputs,
// bounded nesting, exact numbers, and the toml++ formatter fence.
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/config/config.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace escalate;
using namespace escalate::test;
using Catch::Matchers::Contains;

namespace {
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}
// closed-form.toml with the first side's (russia's) bias replaced by `value` (a TOML value).
std::string closed_form_text(const std::string& value) {
  std::string text = read_text(source_path("tests/configs/closed-form.toml"));
  const std::string from = "bias = 0.0";
  text.replace(text.find(from), from.size(), "bias = " + value);
  return text;
}
}  // namespace

TEST_CASE("Configs that are not regular files are refused without being read", "[config_file]") {
  CHECK_THAT(error_of([] { load_config("/dev/zero"); }), Contains("/dev/zero: is a device, not a config file"));
  CHECK_THAT(error_of([] { load_config(scratch_dir().string()); }), Contains("is a directory, not a config file"));
  const std::string fifo = (scratch_dir() / "fifo.toml").string();
  ::unlink(fifo.c_str());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THAT(error_of([&] { load_config(fifo); }), Contains("is a FIFO, not a config file"));  // and does not block
  const std::string base = write_file("base-zero.toml", "schema = 2\nbase = \"/dev/zero\"");
  CHECK_THAT(error_of([&] { load_config(base); }), Contains("/dev/zero: is a device"));
  const std::string huge = write_file("huge.toml", std::string(MAX_CONFIG_BYTES + 1, '#'));
  CHECK_THAT(error_of([&] { load_config(huge); }), Contains("is larger than 16 MiB"));
  CHECK_THAT(error_of([] { load_config_text(std::string(MAX_CONFIG_BYTES + 1, '#'), "t.toml", "t.toml"); }),
             Contains("is larger than 16 MiB"));
}

TEST_CASE("Every file a config reads is recorded as an input", "[config_file]") {
  forget_input_files();
  const std::string base = write_file("recorded-base.toml", read_text(source_path("tests/configs/closed-form.toml")));
  const std::string child = write_file("recorded-child.toml", "schema = 2\nbase = \"recorded-base.toml\"");
  load_config(child);
  CHECK(input_named_by(child).has_value());
  CHECK(input_named_by(base).has_value());
  CHECK_FALSE(input_named_by(source_path("configs/baseline-2022.toml")).has_value());
  forget_input_files();
}

TEST_CASE("Nesting deeper than 64 levels is refused before toml++ parses it", "[config_file]") {
  auto deep_header = [](int n) {
    std::string keys = "a";
    for (int i = 1; i < n; ++i) keys += ".a";
    return "[" + keys + "]\n";
  };
  CHECK_THAT(error_of([&] { load_config_text(deep_header(35000), "deep.toml", "deep.toml"); }),
             Contains("deep.toml:1:129: nested more than 64 levels deep"));
  CHECK_THAT(error_of([&] { load_config_text(deep_header(64), "ok.toml", "ok.toml"); }),
             !Contains("nested more than"));  // 64 levels are allowed (other errors follow)
  CHECK_THAT(error_of([] { load_config_text("x = " + std::string(100, '[') + std::string(100, ']'), "a.toml", "a.toml"); }),
             Contains("nested more than 64 levels deep"));
  std::string inline_tables = "x = ";
  for (int i = 0; i < 70; ++i) inline_tables += "{ a = ";
  inline_tables += "1" + std::string(70, '}');
  CHECK_THAT(error_of([&] { load_config_text(inline_tables, "i.toml", "i.toml"); }), Contains("nested more than 64"));
  std::string dotted = "a";
  for (int i = 0; i < 70; ++i) dotted += ".b";
  CHECK_THAT(error_of([&] { load_config_text(dotted + " = 1\n", "d.toml", "d.toml"); }), Contains("nested more than 64"));
  // Brackets and dots inside strings and comments do not count.
  CHECK_THAT(error_of([] { load_config_text("x = \"" + std::string(200, '[') + "\" # " + std::string(200, '{') + "\n",
                                            "s.toml", "s.toml"); }),
             !Contains("nested more than"));
  // Every shipped config stays well inside the limit.
  CHECK_NOTHROW(load_config(source_path("configs/baseline-2022.toml")));
}

TEST_CASE("Numbers a double cannot hold, NaN and infinities are refused naming the key", "[config_file]") {
  CHECK_THAT(error_of([] { load_config_text(closed_form_text("9007199254740993"), "n.toml", "n.toml"); }),
             Contains("sides.russia.bias: integer 9007199254740993 is too large to be held exactly"));
  CHECK_THAT(error_of([] { load_config_text(closed_form_text("-9223372036854775808"), "n.toml", "n.toml"); }),
             Contains("too large to be held exactly"));
  CHECK_THAT(error_of([] { load_config_text(closed_form_text("nan"), "n.toml", "n.toml"); }),
             Contains("sides.russia.bias: must be a number, got nan"));
  CHECK_THAT(error_of([] { load_config_text(closed_form_text("-inf"), "n.toml", "n.toml"); }),
             Contains("sides.russia.bias: must be finite, got -inf"));
  CHECK_THAT(error_of([] {
               load_config_text(closed_form_text("{ dist = \"uniform\", low = 0, high = 18014398509481984 }"),
                                "n.toml", "n.toml");
             }),
             Contains("sides.russia.bias.high: integer 18014398509481984 is too large"));
  // 2^53 itself is exact.
  CHECK_THAT(error_of([] { load_config_text(closed_form_text("9007199254740992"), "n.toml", "n.toml"); }),
             !Contains("too large"));
}

TEST_CASE("Resolved configs with probabilities format without undefined behaviour", "[config_file]") {
  // toml++'s formatter took static_cast<size_t>(log10(x)) of every number in an array or
  // inline table; for x < 1 that is undefined (the asan preset checks float-cast-overflow).
  Config c = load_config_text(closed_form_text("{ dist = \"beta\", a = 0.5, b = 0.05 }"),
                              "f.toml", "f.toml");
  CHECK_THAT(c.resolved_text, Contains("dist = 'beta'"));
  Config again = load_config_text(c.resolved_text, "again.toml", "again.toml");
  CHECK(again.resolved_text == c.resolved_text);
  CHECK_NOTHROW(load_config(source_path("configs/baseline-2022.toml")));
}
