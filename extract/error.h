// Errors that stop a run. Every module throws actorgraph::Error for bad input or a
// failed write; the command line catches it once, prints its message as one line and
// exits 1. The message names the file (and line, where there is one) so the user can act
// on it: "rules/actors.txt:12: unknown field 'captial'".
#ifndef ACTORGRAPH_EXTRACT_ERROR_H_
#define ACTORGRAPH_EXTRACT_ERROR_H_

#include <stdexcept>
#include <string>

namespace actorgraph {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_ERROR_H_
