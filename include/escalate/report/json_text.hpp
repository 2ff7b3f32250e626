#pragma once
// Pieces of the JSON the summaries print (`--json`): strings escaped, numbers in their
// shortest round-trip form (a reader gets back the exact double), null for NaN or inf.
// Strings are always valid JSON: quotes, backslashes and control characters escaped, and
// each byte that is not part of well-formed UTF-8 (a path may hold any byte) written as
// U+FFFD, the replacement character.
#include <string>

namespace escalate {

std::string json_string(const std::string& s);
std::string json_number(double x);

}  // namespace escalate
