#pragma once
// `escalate summary FILE.h5`: the end-of-run table (or the comparison table) of any result
// or comparison file with its provenance, as text or as JSON for scripts.
#include <ostream>
#include <string>

namespace escalate {

void summarize_file(std::ostream& out, const std::string& path, bool json);

}  // namespace escalate
