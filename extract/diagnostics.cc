#include "extract/diagnostics.h"

#include <cstdio>

namespace actorgraph {

void StderrDiagnostics::Warn(std::string_view message) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(stderr, "actorgraph: warning: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

void CollectingDiagnostics::Warn(std::string_view message) {
  std::lock_guard<std::mutex> lock(mutex_);
  messages_.emplace_back(message);
}

std::vector<std::string> CollectingDiagnostics::messages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_;
}

}  // namespace actorgraph
