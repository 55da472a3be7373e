// Writes an output file so that a failed run never leaves a half-written one: the bytes
// go to a temporary file beside the target, which is renamed over the target only when
// Commit() succeeds. A previous good output survives any failure before that.
// A target that exists and is not a regular file (/dev/stdout, /dev/full, a FIFO) is
// written in place: renaming over a device would replace it.
#ifndef ACTORGRAPH_EXPORT_ATOMIC_FILE_H_
#define ACTORGRAPH_EXPORT_ATOMIC_FILE_H_

#include <fstream>
#include <string>

namespace actorgraph {

// Move-only. Not thread-safe.
class AtomicFile {
 public:
  // Creates "<path>.tmp-<pid>-<n>" in the target's folder. Throws Error naming the path if
  // it cannot be created (missing or unwritable folder).
  explicit AtomicFile(std::string path);
  // Removes the temporary file unless Commit() succeeded.
  ~AtomicFile();
  AtomicFile(AtomicFile&&) noexcept = default;
  AtomicFile& operator=(AtomicFile&&) noexcept = default;

  std::ostream& stream() { return out_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

  // Flushes, checks every write succeeded (a full disk shows here), and renames the
  // temporary file over the target. Throws Error naming the target on failure, leaving
  // the target as it was.
  void Commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream out_;
  bool in_place_ = false;  // the target is a device or FIFO
  bool committed_ = false;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_ATOMIC_FILE_H_
