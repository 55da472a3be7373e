// actorgraph: who did what to whom in the news, as a graph. main() only parses the
// command line, runs the command and turns failures into one line and an exit status.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "extract/error.h"

int main(int argc, char** argv) {
  using namespace actorgraph;
  Invocation inv;
  try {
    ParseCommandLine(argc, argv, &inv);
  } catch (const UsageError& e) {
    // The usage line of the command, when there is one, then where to read more.
    std::string help = HelpText(inv.command);
    std::fprintf(stderr, "actorgraph: %s\n%s\n", e.what(), help.substr(0, help.find('\n')).c_str());
    std::fprintf(stderr, "Try 'actorgraph %s--help' for more information.\n",
                 inv.command.empty() ? "" : (inv.command + " ").c_str());
    return 2;
  }
  if (inv.version) {
    std::printf("actorgraph %s\n", ACTORGRAPH_VERSION);
    return 0;
  }
  if (inv.help) {
    std::fputs(HelpText(inv.command).c_str(), stdout);
    return 0;
  }
  try {
    return RunCommand(inv);
  } catch (const Error& e) {
    std::fprintf(stderr, "actorgraph: %s\n", e.what());
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "actorgraph: out of memory\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "actorgraph: internal error: %s\n", e.what());
  }
  return 1;
}
