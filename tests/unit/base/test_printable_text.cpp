#include "escalate/base/printable_text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;

TEST_CASE("UTF-8 sequences are recognised by their exact rules", "[printable_text]") {
  CHECK(utf8_length("a", 0) == 1);
  CHECK(utf8_length("\xC3\xA9", 0) == 2);          // é
  CHECK(utf8_length("\xE2\x82\xAC", 0) == 3);      // €
  CHECK(utf8_length("\xF0\x9F\x98\x80", 0) == 4);  // an emoji
  CHECK(utf8_length("\xFF", 0) == 0);
  CHECK(utf8_length("\x80", 0) == 0);              // a stray continuation byte
  CHECK(utf8_length("\xC0\xAF", 0) == 0);          // an overlong '/'
  CHECK(utf8_length("\xED\xA0\x80", 0) == 0);      // a surrogate
  CHECK(utf8_length("\xF4\x90\x80\x80", 0) == 0);  // beyond U+10FFFF
  CHECK(utf8_length("\xE2\x82", 0) == 0);          // cut short
  CHECK(is_valid_utf8("r\xC3\xA9sultats/out.h5"));
  CHECK_FALSE(is_valid_utf8("results/\xFF.h5"));
}

TEST_CASE("printable text is one line of UTF-8 that shows every byte", "[printable_text]") {
  CHECK(printable_text("results/out.h5") == "results/out.h5");
  CHECK(printable_text("r\xC3\xA9sultats") == "r\xC3\xA9sultats");
  CHECK(printable_text("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(printable_text(std::string("nul\0byte", 8)) == "nul\\x00byte");
  CHECK(printable_text("bad\xFF\xFE") == "bad\\xFF\\xFE");
  CHECK(printable_text("esc\x1B[31m") == "esc\\x1B[31m");
  CHECK(printable_text("c1\xC2\x85") == "c1\\u0085");
  CHECK(printable_text("back\\slash") == "back\\slash");  // kept: messages may escape names themselves
  const std::string out = printable_text("x\n\xFF\x01y\xC3\xA9");
  CHECK(is_valid_utf8(out));
  CHECK(out.find_first_of(std::string("\n\r\x01", 3)) == std::string::npos);
}

TEST_CASE("long text is cut, never inside a character, and says how long it was", "[printable_text]") {
  const std::string path(100000, 'a');
  const std::string cut = printable_text(path, 200);
  CHECK(cut == std::string(200, 'a') + "... (100000 bytes in all)");
  CHECK(echo(path).size() < 300);
  const std::string accents = "\xC3\xA9\xC3\xA9\xC3\xA9";  // 6 bytes, cut at 3: one whole character
  CHECK(printable_text(accents, 3) == "\xC3\xA9... (6 bytes in all)");
  CHECK(printable_text("short", 200) == "short");
}
