// Where warnings go. A warning is a problem the run survives: a skipped file, an
// invalid byte replaced, an over-long sentence cut. Each is one line that names the file.
// Stages take a Diagnostics& so tests can collect what was said instead of printing it.
#ifndef ACTORGRAPH_EXTRACT_DIAGNOSTICS_H_
#define ACTORGRAPH_EXTRACT_DIAGNOSTICS_H_

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// Thread-safe: Warn may be called from several extraction threads at once.
class Diagnostics {
 public:
  virtual ~Diagnostics() = default;
  // `message` is one line without the trailing newline, e.g. "a.txt: skipped: binary file".
  virtual void Warn(std::string_view message) = 0;
};

// Prints "actorgraph: warning: <message>" to stderr.
class StderrDiagnostics : public Diagnostics {
 public:
  void Warn(std::string_view message) override;

 private:
  std::mutex mutex_;
};

// Keeps every warning; for tests.
class CollectingDiagnostics : public Diagnostics {
 public:
  void Warn(std::string_view message) override;
  std::vector<std::string> messages() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_DIAGNOSTICS_H_
