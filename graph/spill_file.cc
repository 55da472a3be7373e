#include "graph/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "extract/error.h"

namespace actorgraph {

namespace {

constexpr std::size_t kBufferSize = 1 << 20;

std::string TempFolder() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

}  // namespace

SpillFile::SpillFile() {
  std::string folder = TempFolder();
  std::string path = folder + "/actorgraph-evidence-XXXXXX";
  fd_ = ::mkstemp(path.data());
  if (fd_ < 0) {
    throw Error(folder + ": cannot create a temporary file for evidence: " +
                std::strerror(errno));
  }
  ::unlink(path.c_str());
  path_ = path + " (temporary)";
  buffer_.reserve(kBufferSize);
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

SpillFile::SpillFile(SpillFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      written_(other.written_),
      buffer_(std::move(other.buffer_)) {}

SpillFile& SpillFile::operator=(SpillFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    written_ = other.written_;
    buffer_ = std::move(other.buffer_);
  }
  return *this;
}

void SpillFile::Flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                         static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(path_ + ": cannot write evidence: " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
}

SpillRef SpillFile::Append(std::string_view bytes) {
  if (bytes.size() > UINT32_MAX) throw Error(path_ + ": evidence record over 4 GB");
  std::uint64_t offset = size();
  if (buffer_.size() + bytes.size() > kBufferSize) Flush();
  if (bytes.size() >= kBufferSize) {
    buffer_.assign(bytes);  // written at once, without a second copy in the buffer
    Flush();
  } else {
    buffer_.append(bytes);
  }
  return SpillRef{static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(offset >> 32),
                  static_cast<std::uint32_t>(bytes.size())};
}

void SpillFile::Read(SpillRef ref, std::string& bytes) const {
  bytes.resize(ref.size);
  const std::uint64_t offset = ref.offset();
  // What lies in the file comes by pread, the rest from the buffer.
  std::size_t in_file =
      offset >= written_ ? 0 : static_cast<std::size_t>(std::min<std::uint64_t>(ref.size, written_ - offset));
  std::size_t done = 0;
  while (done < in_file) {
    ssize_t n = ::pread(fd_, bytes.data() + done, in_file - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(path_ + ": cannot read evidence back: " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  if (in_file < ref.size) {
    std::uint64_t from = offset + in_file;
    std::memcpy(bytes.data() + in_file, buffer_.data() + (from - written_), ref.size - in_file);
  }
}

std::string SpillFile::Read(SpillRef ref) const {
  std::string bytes;
  Read(ref, bytes);
  return bytes;
}

}  // namespace actorgraph
