#include "escalate/report/csv_text.hpp"

#include "escalate/base/printable_text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace escalate;

TEST_CASE("CSV fields are quoted when they must be, quotes doubled (RFC 4180)", "[csv_text]") {
  CHECK(csv_field("baseline-2022") == "baseline-2022");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("tab\there") == "\"tab\there\"");
}

TEST_CASE("CSV fields are valid UTF-8 whatever bytes the name had", "[csv_text]") {
  CHECK(csv_field("r\xC3\xA9sultats") == "r\xC3\xA9sultats");
  const std::string field = csv_field("bad\xFF,name");
  CHECK(field == "\"bad\xEF\xBF\xBD,name\"");
  CHECK(is_valid_utf8(field));
  // Unquoted, a field has no separator; quoted, its quotes come in pairs inside.
  const std::string inner = field.substr(1, field.size() - 2);
  CHECK(std::count(inner.begin(), inner.end(), '"') % 2 == 0);
}
