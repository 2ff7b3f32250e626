#pragma once
// The --set flag of `escalate sweep`: "PATH=v1,v2,..." or "PATH=lo:hi:n".
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace escalate::cli {

inline constexpr std::size_t MAX_SWEEP_PATH_BYTES = 1024;  // a --set path longer than this is refused unread

// "PATH=v1,v2,..." or "PATH=lo:hi:n" (n values from lo to hi inclusive). Every number is
// read strictly (an empty item or bound is refused, not read as 0), the values of one path
// must differ (at most MAX_SWEEP_POINTS of them), a path longer than MAX_SWEEP_PATH_BYTES
// is refused at once. Throws UsageError.
std::pair<std::string, std::vector<double>> parse_sweep_spec(const std::string& spec);

}  // namespace escalate::cli
