// libFuzzer target for the result-file reader: any bytes, written to a file, must give a
// StoredRun and a summary, or a FileError, never a crash, a hang, another exception or a
// sanitizer report. Seeded by scripts/fuzz.sh with valid result and comparison files,
// sealed and unsealed (without the seal the fuzzer reaches HDF5's own checksums, the
// global-heap walk and every check of read_stored_run).
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/output/run_state.hpp"
#include "escalate/output/summary_file.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>

namespace {
struct Scratch {
  std::string path = "/tmp/escalate-fuzz-result-" + std::to_string(::getpid()) + ".h5";
  ~Scratch() { std::remove(path.c_str()); }
};
Scratch scratch;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(scratch.path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  escalate::forget_input_files();
  try {
    escalate::StoredRun run = escalate::read_stored_run(scratch.path);
    (void)run;
  } catch (const escalate::FileError&) {
    // the expected answer to a damaged, foreign or edited file
  }
  for (bool json : {false, true}) {
    try {
      std::ostringstream out;
      escalate::summarize_file(out, scratch.path, json);
    } catch (const escalate::FileError&) {
    }
  }
  return 0;
}
