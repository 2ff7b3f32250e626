#pragma once
// Input files: configs, `base` files and result files given to summary, merge, compare or
// --resume. Each must be a regular file of bounded size; anything else (a FIFO, a device
// such as /dev/zero, a directory) is refused before a byte is read, and a FIFO is never
// waited on (opened with O_NONBLOCK, checked with fstat).
//
// Every input the process opens is recorded (device and inode), so that an output can be
// refused when it is one of the inputs (output_is_input): `run c.toml -o c.toml --force`
// would otherwise replace the config with the result.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace escalate {

// Configs and `base` files: more than this is not a config.
inline constexpr std::size_t MAX_CONFIG_BYTES = std::size_t{16} << 20;  // 16 MiB

// What a refused input is: a ConfigError for configs and record files (the observations
// `calibrate` reads), a FileError for result files and sensitivity designs (CSV).
enum class InputKind { Config, Result, Design, Record };

// Reads a whole config or `base` file (at most MAX_CONFIG_BYTES). Throws ConfigError
// "PATH: config file not found", "... is not a regular file", "... is larger than 16 MiB".
std::string read_input_file(const std::string& path, InputKind kind = InputKind::Config,
                            std::size_t limit = MAX_CONFIG_BYTES);

// Checks that `path` is an existing regular file (without blocking on a FIFO) and records
// it as an input. Throws ConfigError or FileError according to `kind`. Returns its size.
std::uint64_t check_input_file(const std::string& path, InputKind kind);

// The input recorded so far that `path` names (same device and inode; symbolic links
// followed), if any. Nothing when `path` does not exist.
std::optional<std::string> input_named_by(const std::string& path);

// Forgets the recorded inputs (tests; a new command in the same process).
void forget_input_files();

}  // namespace escalate
