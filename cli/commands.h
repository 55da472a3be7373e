// The commands of `actorgraph`, each wiring reader, extractor, graph and exporters
// together for one Invocation. They throw Error for runtime failures; main() reports it.
#ifndef ACTORGRAPH_CLI_COMMANDS_H_
#define ACTORGRAPH_CLI_COMMANDS_H_

#include "cli/command_line.h"

namespace actorgraph {

// Runs inv.command and returns the exit status (0).
int RunCommand(const Invocation& inv);

}  // namespace actorgraph

#endif  // ACTORGRAPH_CLI_COMMANDS_H_
