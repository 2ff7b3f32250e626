#pragma once
// The `merge` service: the shards of a run combined into one result, bit for bit. An
// incomplete result (a shard missing or interrupted) is refused, nothing written, unless
// allow_partial.
#include "escalate/app/callbacks.hpp"
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace escalate::app {

struct MergeRequest {
  std::vector<std::string> parts;  // shard files, any order
  std::string output;
  bool force = false;
  bool allow_partial = false;
  std::string command_line;
};

struct MergeOutcome {
  Config config;
  Results results;
  std::size_t parts = 0;
  bool complete = false;
  std::string missing;                   // "2, 5": shards not given (allow_partial)
  std::vector<std::string> interrupted;  // parts whose own batches are not all done
};

MergeOutcome merge(const MergeRequest& request, const Callbacks& callbacks);

}  // namespace escalate::app
