// The words before an error's message (command_line.hpp).
#include "command_line.hpp"

#include "escalate/base/error.hpp"

namespace escalate::cli {

std::string error_kind(const std::exception& e) {
  if (dynamic_cast<const ConfigError*>(&e)) return "config error: ";
  if (dynamic_cast<const IoError*>(&e)) return "I/O error: ";
  if (dynamic_cast<const RequestError*>(&e) || dynamic_cast<const FileError*>(&e) || dynamic_cast<const Interrupted*>(&e)) {
    return "";
  }
  return "internal error: ";
}

}  // namespace escalate::cli
