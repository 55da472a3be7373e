#include "cli/stage_timer.h"

#include <cstdio>

namespace actorgraph {

StageTimer::StageTimer(bool enabled) : enabled_(enabled) {}

void StageTimer::Start(const std::string& name) {
  EndRunning();
  running_ = -1;
  for (std::size_t i = 0; i < seconds_.size(); ++i) {
    if (seconds_[i].first == name) running_ = static_cast<int>(i);
  }
  if (running_ < 0) {
    seconds_.emplace_back(name, 0.0);
    running_ = static_cast<int>(seconds_.size() - 1);
  }
  started_ = std::chrono::steady_clock::now();
}

void StageTimer::EndRunning() {
  if (running_ < 0) return;
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
  seconds_[running_].second += elapsed.count();
  running_ = -1;
}

void StageTimer::Report() {
  EndRunning();
  if (!enabled_) return;
  std::string line = "actorgraph: timings:";
  double total = 0;
  char number[32];
  for (const auto& [name, seconds] : seconds_) {
    std::snprintf(number, sizeof number, " %.3f s,", seconds);
    line += " " + name + number;
    total += seconds;
  }
  std::snprintf(number, sizeof number, " %.3f s", total);
  line += std::string(" total") + number;
  std::fprintf(stderr, "%s\n", line.c_str());
}

}  // namespace actorgraph
