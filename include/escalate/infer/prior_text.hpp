#pragma once
// A prior read back from its text: the inverse of Prior::text(), as a posterior file
// stores it ("lognormal(median=0.067, sigma=1.5)"); the names may be left out
// ("normal(2, 1)"), the numbers are read exactly (Prior::text() writes the shortest
// digits that read back exactly), "inf" and "-inf" included.
#include "escalate/infer/prior.hpp"

#include <optional>
#include <string>

namespace escalate::infer {

// Nothing for a text that is not a prior of a known kind with its number of arguments,
// or whose numbers do not define a proper distribution (Prior::check).
std::optional<Prior> prior_from_text(const std::string& text);

}  // namespace escalate::infer
