#pragma once
// Numbers and cells of the text tables the report layer prints (summary, comparison,
// sweep, sensitivity): one copy of each helper instead of one per file, so the layer's
// files can be compiled together as unity batches (engine/CMakeLists.txt). Private to
// engine/report.
#include <cstddef>
#include <string>

namespace escalate {

// x with `digits` decimals ("%.*f"); "n/a" when x is NaN.
std::string fixed(double x, int digits = 4);
// The same with the sign always written ("%+.*f": "+0.0123", "-0.0040"); "n/a" for NaN.
std::string signed_fixed(double x, int digits = 4);
// x with `digits` decimals, "n/a" when x is not finite, and no "-0.00" (a small negative
// estimate that rounds to zero is written "0.00").
std::string fixed_without_minus_zero(double x, int digits);

// s left-aligned in `width` columns (s itself when it is wider).
std::string pad(const std::string& s, std::size_t width);
// s right-aligned in `width` columns (s itself when it is wider).
std::string lpad(const std::string& s, std::size_t width);
// s left-aligned in `width` columns and followed by at least one space, so that a wide
// cell never runs into the next one.
std::string cell(const std::string& s, std::size_t width);

}  // namespace escalate
