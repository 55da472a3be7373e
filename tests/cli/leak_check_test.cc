// Leak checks of the end-to-end runs of the actorgraph binary.
//
// The CI build (-DACTORGRAPH_SANITIZE=ON) links every binary with AddressSanitizer,
// whose LeakSanitizer runs when each process exits (detect_leaks=1 is the default on
// Linux x86_64): a leak prints "ERROR: LeakSanitizer: detected memory leaks" and makes
// the exit status non-zero (1, ASan's exit code; 23 with LeakSanitizer alone). So in that
// build every test that runs `actorgraph` and checks its exit status is already a leak
// check. These tests make that explicit and prove it is on rather than assume it:
//  - Leaks.SanitizerReportsALeak: a child process that leaks on purpose is reported and
//    fails (the same flags build the actorgraph binary);
//  - Leaks.BinaryRunsWithLeakSanitizer: the actorgraph binary carries the sanitizer
//    runtime and its detect_leaks flag;
//  - Leaks.BuildAndExtractLeakNothing: `actorgraph build` (every format, pictures
//    included) and `actorgraph extract` exit 0 with detect_leaks=1 and no report.
// In a build without sanitizers the last test runs the binary under valgrind instead
// (definite leaks fail it; pictures left out, see there), and skips if valgrind is not
// installed; the first two skip.
// Run only these with `ctest -R Leaks`.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "tests/support/run_command.h"

#if defined(__SANITIZE_ADDRESS__)
#define ACTORGRAPH_LEAK_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ACTORGRAPH_LEAK_SANITIZER 1
#endif
#endif
#ifndef ACTORGRAPH_LEAK_SANITIZER
#define ACTORGRAPH_LEAK_SANITIZER 0
#endif

namespace actorgraph {
namespace {

using testing::CommandResult;
using testing::RunCommand;
using testing::ShellQuote;
using testing::TempDir;

const std::string kBinary = ACTORGRAPH_BINARY;
const std::string kCorpus = std::string(ACTORGRAPH_SOURCE_DIR) + "/corpus";

// Forces LeakSanitizer on, whatever the environment says; suppressions for the libraries
// Graphviz loads come from the binary itself (cli/lsan_suppressions.cc).
const std::string kLsanEnv = "ASAN_OPTIONS=detect_leaks=1 ";

TEST(Leaks, SanitizerReportsALeak) {
  if (!ACTORGRAPH_LEAK_SANITIZER) GTEST_SKIP() << "not built with -DACTORGRAPH_SANITIZE=ON";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        // Allocated on a thread that ends, so no stack still holds the pointer.
        std::thread([] { static_cast<void>(new char[4096]); }).join();
        std::exit(0);
      },
      [](int status) { return WIFEXITED(status) && WEXITSTATUS(status) != 0; },
      "LeakSanitizer: detected memory leaks");
}

TEST(Leaks, BinaryRunsWithLeakSanitizer) {
  if (!ACTORGRAPH_LEAK_SANITIZER) GTEST_SKIP() << "not built with -DACTORGRAPH_SANITIZE=ON";
  // help=1 makes the sanitizer runtime list its flags with their values at startup.
  const CommandResult r = RunCommand("ASAN_OPTIONS=help=1 " + ShellQuote(kBinary) + " --version");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE((r.out + r.err).find("detect_leaks"), std::string::npos) << r.err;
}

TEST(Leaks, BuildAndExtractLeakNothing) {
  std::string prefix = kLsanEnv;
  // Pictures: Graphviz's font stack (fontconfig, pango) leaks caches of its own. LSan
  // suppresses those (cli/lsan_suppressions.cc); valgrind would need a suppression file,
  // so without sanitizers the pictures are left out.
  std::string formats = "dot,graphml,gexf,csv,json,svg";
  if (!ACTORGRAPH_LEAK_SANITIZER) {
    if (RunCommand("command -v valgrind").exit_code != 0) GTEST_SKIP() << "valgrind is not installed";
    // Only definite leaks fail; RE2's sparse sets read uninitialised memory by design,
    // which memcheck would report as errors, so those checks are off.
    // The release command links tcmalloc (cli/CMakeLists.txt): valgrind must replace its
    // malloc too to see the leaks, then takes its operator delete[] for free(), and is
    // told of the one block tcmalloc keeps on purpose (tests/data/valgrind.supp).
    prefix = "valgrind -q --leak-check=full --errors-for-leak-kinds=definite "
             "--undef-value-errors=no --error-exitcode=99 --soname-synonyms=somalloc=*tcmalloc* "
             "--show-mismatched-frees=no --suppressions=" +
             ShellQuote(std::string(ACTORGRAPH_SOURCE_DIR) + "/tests/data/valgrind.supp") + " ";
    formats = "dot,graphml,gexf,csv,json";
  }
  TempDir out;
  const CommandResult build = RunCommand(prefix + ShellQuote(kBinary) + " build " + ShellQuote(kCorpus) +
                                         " -q --format " + formats + " -o " +
                                         ShellQuote(out.path().string()));
  EXPECT_EQ(build.exit_code, 0) << build.err;
  EXPECT_EQ(build.err.find("LeakSanitizer"), std::string::npos) << build.err;
  EXPECT_EQ(build.err.find("definitely lost"), std::string::npos) << build.err;

  const CommandResult extract = RunCommand(prefix + ShellQuote(kBinary) + " extract " + ShellQuote(kCorpus) +
                                           " -q --explain --format jsonl -o " +
                                           ShellQuote((out.path() / "relations.jsonl").string()));
  EXPECT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_EQ(extract.err.find("LeakSanitizer"), std::string::npos) << extract.err;
  EXPECT_EQ(extract.err.find("definitely lost"), std::string::npos) << extract.err;
}

}  // namespace
}  // namespace actorgraph
