#include "escalate/report/json_text.hpp"

#include "escalate/base/printable_text.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using namespace escalate;

TEST_CASE("JSON numbers read back as the same double, in their shortest form", "[json_text]") {
  CHECK(json_number(0.35) == "0.35");
  CHECK(json_number(2.0) == "2");
  for (double x : {0.1 + 0.2, 1.0 / 3.0, 6.02214076e23, -2.5e-9, 0.0058823529411764705}) {
    CHECK(std::stod(json_number(x)) == x);
  }
  CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(json_number(std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[json_text]") {
  CHECK(json_string("plain") == "\"plain\"");
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("line\nnext") == "\"line\\nnext\"");
  CHECK(json_string(std::string("bell\x07")) == "\"bell\\u0007\"");
}

TEST_CASE("JSON strings are valid UTF-8 whatever bytes a path had", "[json_text]") {
  CHECK(json_string("r\xC3\xA9sultats") == "\"r\xC3\xA9sultats\"");
  CHECK(json_string("bad\xFF.h5") == "\"bad\\ufffd.h5\"");
  CHECK(json_string("\xC3") == "\"\\ufffd\"");  // a sequence cut short
  CHECK(json_string("del\x7F") == "\"del\\u007f\"");
  for (const std::string s : {"a\xFF\nb\x01", "\xED\xA0\x80", "\xF0\x9F\x98"}) {
    const std::string j = json_string(s);
    CHECK(is_valid_utf8(j));
    for (unsigned char b : j) CHECK(b >= 0x20);
  }
}
