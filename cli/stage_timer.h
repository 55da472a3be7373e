// The wall-clock time of each stage of a command, for --timings: where a long run goes
// (compiling the rules, reading and extracting, building the graph and its analytics,
// writing), so that a user can tell a slow disk from a dense graph, and the corpus
// benchmark can tell the stages that grow with the corpus from those that grow with
// the graph. One line on stderr at the end:
//
//   actorgraph: timings: rules 0.118 s, extract 4.213 s, graph 0.702 s, write 0.391 s, total 5.424 s
//
// Reading, extraction and handing the results on (to the graph builder, or as rows)
// overlap, the pipeline passing each article on as it is done, so they are one stage,
// "extract".
#ifndef ACTORGRAPH_CLI_STAGE_TIMER_H_
#define ACTORGRAPH_CLI_STAGE_TIMER_H_

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace actorgraph {

class StageTimer {
 public:
  // A disabled timer still measures (reading the clock a few times costs nothing) but
  // prints nothing.
  explicit StageTimer(bool enabled);

  // Ends the running stage, if any, and starts `name`. A name started again adds to its
  // earlier time.
  void Start(const std::string& name);

  // Ends the running stage and, if enabled, prints the line above: the stages in the
  // order they first started, then their sum.
  void Report();

 private:
  void EndRunning();

  bool enabled_;
  std::vector<std::pair<std::string, double>> seconds_;  // by stage, in start order
  int running_ = -1;  // index into seconds_, or -1
  std::chrono::steady_clock::time_point started_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_CLI_STAGE_TIMER_H_
