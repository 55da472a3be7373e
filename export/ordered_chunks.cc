#include "export/ordered_chunks.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace actorgraph {
namespace {

// Elements per chunk: a few MB of GraphML, so that the threads rarely wait for each
// other and the buffers stay small.
constexpr std::size_t kChunkElements = 4096;

}  // namespace

void WriteInOrder(std::ostream& out, std::size_t count, int threads, const ChunkFormatter& format) {
  const std::size_t chunks = (count + kChunkElements - 1) / kChunkElements;
  const std::size_t workers = std::clamp<std::size_t>(threads > 0 ? threads : 1, 1, std::max<std::size_t>(chunks, 1));
  std::vector<std::string> texts(workers);
  std::vector<std::exception_ptr> errors(workers);
  // Rounds of one chunk per thread; the calling thread writes a round's texts in order
  // before the next round starts.
  for (std::size_t first = 0; first < chunks; first += workers) {
    const std::size_t round = std::min(workers, chunks - first);
    auto work = [&](std::size_t t) {
      try {
        const std::size_t begin = (first + t) * kChunkElements;
        texts[t].clear();
        format(begin, std::min(count, begin + kChunkElements), texts[t]);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    };
    {
      std::vector<std::jthread> pool;
      for (std::size_t t = 1; t < round; ++t) pool.emplace_back(work, t);
      work(0);
    }
    for (std::size_t t = 0; t < round; ++t) {
      if (errors[t]) std::rethrow_exception(errors[t]);
      out.write(texts[t].data(), static_cast<std::streamsize>(texts[t].size()));
    }
  }
}

}  // namespace actorgraph
