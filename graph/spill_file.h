// Internal to graph/: an append-only scratch file that keeps bytes out of memory. The
// graph builder writes every evidence sentence it may keep there, so memory holds an
// offset and a length per sentence instead of the sentence; the finished ActorGraph
// reads its evidence back from the same file.
#ifndef ACTORGRAPH_GRAPH_SPILL_FILE_H_
#define ACTORGRAPH_GRAPH_SPILL_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace actorgraph {

// Where Append put some bytes. 12 bytes, 4-aligned, so arrays of them stay small.
struct SpillRef {
  std::uint32_t offset_low = 0;
  std::uint32_t offset_high = 0;
  std::uint32_t size = 0;

  std::uint64_t offset() const { return (std::uint64_t{offset_high} << 32) | offset_low; }
};

// The file is created in $TMPDIR (else /tmp) and unlinked at once, so it vanishes with
// the process however that ends. Appends go through a 1 MB buffer. Move-only.
//
// Thread safety: Append and Read may not run concurrently with Append. Once nothing is
// appended any more, Read may be called from several threads (pread; the buffer is
// only read).
class SpillFile {
 public:
  // Throws Error naming the folder if the file cannot be created.
  SpillFile();
  ~SpillFile();
  SpillFile(SpillFile&& other) noexcept;
  SpillFile& operator=(SpillFile&& other) noexcept;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends `bytes`; throws Error if the file cannot be written (disk full).
  SpillRef Append(std::string_view bytes);

  // The bytes at `ref`: what an Append returned, or any range below size(). Throws
  // Error if they cannot be read.
  std::string Read(SpillRef ref) const;
  void Read(SpillRef ref, std::string& bytes) const;

  // Bytes appended so far.
  std::uint64_t size() const { return written_ + buffer_.size(); }

 private:
  void Flush();

  int fd_ = -1;
  std::string path_;          // for messages only: the file has no name any more
  std::uint64_t written_ = 0; // bytes in the file; the buffer follows them
  std::string buffer_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_SPILL_FILE_H_
