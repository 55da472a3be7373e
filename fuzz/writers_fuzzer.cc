// libFuzzer target: every graph writer, its output parsed back (fuzz/writer_check.h).
#include <cstdint>

#include "fuzz/writer_check.h"

// cgraph keeps a few allocations for the life of the process (its string dictionary);
// they are not ours, and are not per input. A leak in our code is still reported.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libcgraph.so\n"
         "leak:libcdt.so\n";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  actorgraph::fuzz::CheckWriters(data, size);
  return 0;
}
