#pragma once
// "Did you mean": the candidate closest to a mistyped word.
#include <string>
#include <vector>

namespace escalate {

// The candidate closest to `word` by edit distance, or "" if none is close enough to be
// a typo (a third of the word, at least two edits).
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace escalate
