#pragma once
// Text the engine prints that came from outside (paths, names, echoed flag values), made
// safe for a terminal and a log: valid UTF-8, one line, no control characters, and cut when
// it is long. The JSON, CSV and TOML writers have their own modules (report/json_text,
// report/csv_text, config/toml_text); each uses utf8_length to find what it must escape.
#include <cstddef>
#include <string>
#include <string_view>

namespace escalate {

// The length in bytes of the well-formed UTF-8 sequence starting at s[i] (1 to 4), or 0 if
// the byte there does not start one (a stray continuation byte, an overlong form, a
// surrogate, a code point beyond U+10FFFF, a sequence cut short).
std::size_t utf8_length(std::string_view s, std::size_t i);

// Whether every byte of `s` belongs to a well-formed UTF-8 sequence.
bool is_valid_utf8(std::string_view s);

// `s` with every byte that is not part of well-formed UTF-8 written as \xNN, the control
// characters (U+0000-U+001F, U+007F-U+009F) as \n, \r, \t or \xNN / \u0085, so the
// result is one line of printable UTF-8 that shows which bytes the input had. A backslash
// is kept as it is: messages that already escape a name ("sides.na\nto") read the same.
// Text beyond `max_bytes` of input is cut and replaced by "... (N bytes in all)".
std::string printable_text(std::string_view s, std::size_t max_bytes = std::string_view::npos);

// printable_text cut at 200 bytes: how flag values and paths are echoed in messages.
inline constexpr std::size_t ECHO_BYTES = 200;
inline std::string echo(std::string_view s) { return printable_text(s, ECHO_BYTES); }

}  // namespace escalate
