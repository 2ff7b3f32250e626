#pragma once
// The one place that includes toml++.
//
// toml++ 3.3.0 (Debian 12) asserts a precondition in parse_key() that its own parser
// breaks on some malformed table headers ("[@r", "[[[1]]]"): the assertion aborts a debug
// build instead of reporting a parse error (upstream marzer/tomlplusplus#301, fixed after
// 3.3.0; found here by tests/fuzz). Release builds compile the assert out and report the
// parse error, which is the answer we want, so our debug, sanitizer and fuzz builds (which
// compile toml++ into the engine) do the same. The inputs stay as regression cases:
// tests/fuzz/regressions/ and tests/bad_inputs/table-header-invalid-key.toml.
//
// The same version reaches TOML_UNREACHABLE (__builtin_unreachable: undefined behaviour,
// release builds included) in is_non_ascii_horizontal_whitespace() for many non-ASCII
// code points met where whitespace may stand. Such bytes are never valid TOML outside
// strings and comments (bare keys are ASCII), so detail::check_ascii_outside_strings()
// refuses them before toml++ sees the text.
//
// Its formatter (the engine stores the resolved config as `text << root`) estimates the
// width of a number as static_cast<size_t>(log10(x)) (toml_formatter.inl,
// toml_formatter_count_inline_columns), which is undefined behaviour for any x < 1 (every
// probability, 0.05 -> -1.3) and for denormals: UBSan's float-cast-overflow reports it on
// the first config with an array or inline table. The call is unqualified inside namespace
// toml, so toml::log10 below is the one it finds: the same value where the cast is defined
// (x >= 1), and 0 (one digit) otherwise. Only the line-wrapping estimate uses it. Builds
// that link the compiled libtomlplusplus (release) keep the library's own code; there the
// cast wraps on x86-64 and only the wrapping decision for long arrays can differ.
// tests/unit/config/test_config_file.cpp formats such a config (the asan preset enables
// float-cast-overflow, which GCC's -fsanitize=undefined leaves out).
#include <cmath>

namespace toml {
inline double log10(double x) noexcept {
  const double l = std::log10(x);
  return l >= 0.0 && l < 1e6 ? l : 0.0;  // NaN, negative and infinite estimates become 0
}
}  // namespace toml

#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_cast<void>(0)
#endif
#include <toml++/toml.h>
