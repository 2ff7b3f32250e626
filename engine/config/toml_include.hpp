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
#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_cast<void>(0)
#endif
#include <toml++/toml.h>
