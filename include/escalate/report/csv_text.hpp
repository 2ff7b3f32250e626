#pragma once
// A text field of the CSV the engine prints (`summary --csv`): RFC 4180 quoting (a field with
// a comma, quote, line break or other control character is quoted, quotes doubled) and
// valid UTF-8 (each byte that is not part of well-formed UTF-8, as a path may hold, written
// as U+FFFD), so every reader sees one row per record and the same number of fields.
#include <string>

namespace escalate {

std::string csv_field(const std::string& s);

}  // namespace escalate
