#include "export/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "extract/error.h"

namespace actorgraph {
namespace {

std::string TempPathFor(const std::string& path) {
  static std::atomic<int> counter{0};
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  std::error_code ec;
  auto status = std::filesystem::status(path_, ec);
  in_place_ = !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
              !std::filesystem::is_directory(status);
  temp_path_ = in_place_ ? path_ : TempPathFor(path_);
  out_.open(temp_path_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    throw Error(path_ + ": cannot write: " + std::strerror(errno));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !in_place_ && !temp_path_.empty()) {
    out_.close();
    std::remove(temp_path_.c_str());
  }
}

void AtomicFile::Commit() {
  out_.flush();
  bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || out_.fail()) {
    if (!in_place_) std::remove(temp_path_.c_str());
    committed_ = true;  // nothing left to clean up
    throw Error(path_ + ": write failed (disk full?)");
  }
  if (in_place_) {
    committed_ = true;
    return;
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    int saved = errno;
    std::remove(temp_path_.c_str());
    committed_ = true;
    throw Error(path_ + ": cannot replace: " + std::strerror(saved));
  }
  committed_ = true;
}

}  // namespace actorgraph
