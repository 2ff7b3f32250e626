#include "escalate/config/toml_text.hpp"

#include "escalate/base/printable_text.hpp"

namespace escalate {

std::string toml_comment(std::string_view text) { return "# " + printable_text(text); }

}  // namespace escalate
