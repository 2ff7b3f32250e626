#pragma once
// A comment line of the TOML the engine prints (`escalate check`): a TOML document must be
// valid UTF-8 and a comment may hold no control character but tab (TOML 1.0), so text from
// outside (a config path with a newline or a byte that is not UTF-8, a name) is written as
// base/printable_text writes it: one line, \n and \xNN escapes.
#include <string_view>
#include <string>

namespace escalate {

// "# " + the text, escaped; no trailing newline.
std::string toml_comment(std::string_view text);

}  // namespace escalate
