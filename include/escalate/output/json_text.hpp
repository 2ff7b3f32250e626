#pragma once
// Pieces of the JSON the summaries print (`--json`): strings escaped, numbers in their
// shortest round-trip form (a reader gets back the exact double), null for NaN or inf.
#include <string>

namespace escalate {

std::string json_string(const std::string& s);
std::string json_number(double x);

}  // namespace escalate
