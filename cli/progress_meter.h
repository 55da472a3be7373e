// The progress line of a long run on stderr: articles, MB, MB/s and, when the input size
// is known, the time left. Shown only when stderr is a terminal (as zstd does) and not
// silenced by -q, so logs and pipes stay clean.
#ifndef ACTORGRAPH_CLI_PROGRESS_METER_H_
#define ACTORGRAPH_CLI_PROGRESS_METER_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace actorgraph {

class ProgressMeter {
 public:
  // `inputs` are sized up front (files and folders; "-" is unknown) for the time left.
  ProgressMeter(const std::vector<std::string>& inputs, bool quiet);
  ~ProgressMeter();

  // Redraws the line at most a few times a second.
  void Update(std::size_t articles, std::size_t bytes);
  // Clears the line.
  void Finish();

 private:
  bool enabled_ = false;
  bool drawn_ = false;
  std::size_t total_bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_CLI_PROGRESS_METER_H_
