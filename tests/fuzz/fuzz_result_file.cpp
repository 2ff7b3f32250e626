// libFuzzer target for the result-file reader: any bytes, written to a file, must give a
// summary (read_stored_run for results, the comparison reader for comparisons) or a
// FileError, never a crash, a hang, another exception or a sanitizer report. HDF5 1.10
// leaks a few bytes on some damaged object headers (inside H5O_protect): those leaks are
// suppressed (tests/fuzz/lsan.supp), ours are not. Seeded by scripts/fuzz.sh with valid result and comparison files,
// sealed and unsealed (without the seal the fuzzer reaches HDF5's own checksums, the
// global-heap walk and every check of read_stored_run).
#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/report/summary_file.hpp"

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
    std::ostringstream out;  // summary reads the file with read_stored_run (or as a comparison)
    constexpr escalate::SummaryFormat formats[] = {escalate::SummaryFormat::Text, escalate::SummaryFormat::Json,
                                                   escalate::SummaryFormat::Csv};
    escalate::summarize_file(out, scratch.path, formats[size % 3]);  // text, JSON or CSV
  } catch (const escalate::FileError&) {
    // the expected answer to a damaged, foreign or edited file
  }
  return 0;
}
