#pragma once
// A command line the CLI cannot parse: a flag's value that is not a number, an empty
// value, a malformed --shard, --set or --target-ci. A RequestError (base/error.hpp), so it
// ends the program like one: the message alone on one line, exit code 2.
#include "escalate/base/error.hpp"

namespace escalate {

class UsageError : public RequestError {
 public:
  using RequestError::RequestError;
};

}  // namespace escalate
