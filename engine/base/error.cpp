// The one mapping of errors to exit codes (error.hpp).
#include "escalate/base/error.hpp"

namespace escalate {

int exit_code_of(const std::exception& e) {
  if (dynamic_cast<const Interrupted*>(&e)) return 130;
  if (dynamic_cast<const ConfigError*>(&e) || dynamic_cast<const RequestError*>(&e) || dynamic_cast<const FileError*>(&e)) return 2;
  return 1;
}

}  // namespace escalate
