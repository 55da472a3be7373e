// The command line of `actorgraph`: what each command accepts and its help text.
// Parsing only; cli/commands.cc runs what was asked.
#ifndef ACTORGRAPH_CLI_COMMAND_LINE_H_
#define ACTORGRAPH_CLI_COMMAND_LINE_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/graph_builder.h"

namespace actorgraph {

// Bad usage: the message is printed with a pointer to --help, and the exit status is 2.
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

struct Invocation {
  std::string command;              // build, extract, stats, explain; empty with --help/--version
  bool help = false;                // --help: print the help of `command` (or the general one)
  bool version = false;
  std::vector<std::string> inputs;  // articles: files, folders, .jsonl, "-"
  std::vector<std::string> actors;  // explain: one or two actor names
  std::string output;               // -o: a folder (build) or a file (extract)
  std::vector<std::string> formats; // --format
  std::string layout = "auto";      // --layout
  std::string rules_dir;            // --rules
  bool explain_rules = false;       // extract --explain
  bool quiet = false;               // -q
  bool timings = false;             // --timings: each stage's time on stderr at the end
  bool skip_bad = false;            // --skip-bad
  int threads = 0;                  // --threads; 0: the machine's cores
  std::size_t top = 10;             // stats --top
  GraphOptions graph;               // the views
};

// Parses argv into *inv. Throws UsageError for an unknown command or option, a missing
// value, a bad number, or missing inputs/outputs; inv->command is set by then when the
// command itself was valid, so the error can show that command's usage.
void ParseCommandLine(int argc, char** argv, Invocation* inv);

// The help text of `command`, or the general help when it is empty.
std::string HelpText(const std::string& command);

}  // namespace actorgraph

#endif  // ACTORGRAPH_CLI_COMMAND_LINE_H_
