#include "export/ordered_chunks.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace actorgraph {
namespace {

// Elements per chunk: a few MB of GraphML, so that the threads rarely wait for each
// other and the buffers stay small.
constexpr std::size_t kChunkElements = 4096;

// The chunks of one WriteInOrder call: which one is claimed next, whose text goes to the
// stream next, and the error of the earliest chunk that failed.
class ChunkQueue {
 public:
  ChunkQueue(std::ostream& out, std::size_t count, const ChunkFormatter& format)
      : out_(out), count_(count), chunks_((count + kChunkElements - 1) / kChunkElements), format_(format) {}

  std::size_t chunks() const { return chunks_; }

  // Claims chunks and formats them until none is left or one failed. Each thread writes
  // the chunk it formatted once every earlier chunk is written, so one thread's write
  // overlaps the others' formatting: the kernel's copy of a big file into the page
  // cache costs as much as formatting it.
  void Work() {
    std::string text;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!error_ && next_ < chunks_) {
      const std::size_t chunk = next_++;
      lock.unlock();
      std::exception_ptr failed;
      try {
        const std::size_t begin = chunk * kChunkElements;
        text.clear();
        format_(begin, std::min(count_, begin + kChunkElements), text);
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      if (!failed) {
        turn_changed_.wait(lock, [&] { return error_ || turn_ == chunk; });
        if (error_) return;
        lock.unlock();
        try {
          out_.write(text.data(), static_cast<std::streamsize>(text.size()));
        } catch (...) {
          failed = std::current_exception();
        }
        lock.lock();
      }
      if (failed && (!error_ || chunk < error_chunk_)) {
        error_ = failed;
        error_chunk_ = chunk;
      }
      if (!failed) ++turn_;
      turn_changed_.notify_all();
    }
  }

  // Rethrows the error of the earliest chunk that failed, if any did.
  // REQUIRES: no thread is in Work().
  void RethrowError() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::ostream& out_;
  const std::size_t count_;
  const std::size_t chunks_;
  const ChunkFormatter& format_;
  std::mutex mutex_;
  std::condition_variable turn_changed_;  // a chunk was written, or one failed
  std::size_t next_ = 0;  // the first chunk nobody has claimed
  std::size_t turn_ = 0;  // the chunk whose text goes to the stream next
  std::exception_ptr error_;
  std::size_t error_chunk_ = 0;
};

}  // namespace

void WriteInOrder(std::ostream& out, std::size_t count, int threads, const ChunkFormatter& format) {
  ChunkQueue queue(out, count, format);
  const std::size_t workers =
      std::clamp<std::size_t>(threads > 0 ? threads : 1, 1, std::max<std::size_t>(queue.chunks(), 1));
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back([&queue] { queue.Work(); });
    queue.Work();
  }
  queue.RethrowError();
}

}  // namespace actorgraph
