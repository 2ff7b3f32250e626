#include "escalate/config/toml_text.hpp"

#include "escalate/base/printable_text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;

TEST_CASE("a TOML comment is one line of UTF-8 without control characters", "[toml_text]") {
  CHECK(toml_comment("configs/a.toml: valid") == "# configs/a.toml: valid");
  const std::string c = toml_comment("evil\n[run]\ndraws = 1\xFF\x7F");
  CHECK(c == "# evil\\n[run]\\ndraws = 1\\xFF\\x7F");
  CHECK(c.find('\n') == std::string::npos);
  CHECK(is_valid_utf8(c));
  for (unsigned char b : c) CHECK((b >= 0x20 && b != 0x7F));
}
