#pragma once
// Numbers as people read them and programs read them back: the shortest decimal text that
// parses to the same double (std::to_chars), so 0.35 prints as 0.35, never as
// 0.34999999999999998, and nothing is lost.
#include <string>

namespace escalate {

// "0.35", "2", "1000000", "1e-07", "1e+20", "inf", "-inf", "nan": plain digits from 1e-4
// to 1e16, an exponent beyond.
std::string shortest_number(double x);

}  // namespace escalate
