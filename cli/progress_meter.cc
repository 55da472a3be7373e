#include "cli/progress_meter.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace actorgraph {
namespace {

std::size_t InputBytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::size_t total = 0;
  std::error_code ec;
  for (const std::string& input : inputs) {
    if (input == "-") return 0;
    if (fs::is_regular_file(input, ec)) {
      total += fs::file_size(input, ec);
    } else if (fs::is_directory(input, ec)) {
      for (auto it = fs::recursive_directory_iterator(input, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") total += it->file_size(ec);
      }
    }
  }
  return total;
}

}  // namespace

ProgressMeter::ProgressMeter(const std::vector<std::string>& inputs, bool quiet)
    : enabled_(!quiet && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  if (enabled_) total_bytes_ = InputBytes(inputs);
}

ProgressMeter::~ProgressMeter() { Finish(); }

void ProgressMeter::Update(std::size_t articles, std::size_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb = bytes / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  std::fprintf(stderr, "\r%zu articles, %.1f MB, %.1f MB/s", articles, mb, rate);
  if (total_bytes_ > bytes && rate > 0) {
    double left = (total_bytes_ - bytes) / 1e6 / rate;
    std::fprintf(stderr, ", %.0f s left", left);
  }
  std::fprintf(stderr, "\x1b[K");
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressMeter::Finish() {
  if (drawn_) {
    std::fprintf(stderr, "\r\x1b[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace actorgraph
