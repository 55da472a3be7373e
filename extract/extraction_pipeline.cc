// A fixed set of worker threads for the whole run, and the caller's thread as reader,
// writer and extra worker. The caller reads batches ahead while the workers extract
// (at most kBatchesInFlight at once, which bounds memory), helps with the extraction of
// the oldest batch once it has read far enough ahead, and hands that batch's results on
// in input order once every article of it is done. So no thread waits for another
// while there is work, and the merge stays deterministic: results leave in the order
// the reader produced them, whoever extracted them.
#include "extract/extraction_pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace actorgraph {
namespace {

// Batches read ahead of the one being handed on: enough to keep the workers busy while
// the caller's thread reads or runs the sink, few enough to bound memory.
constexpr std::size_t kBatchesInFlight = 3;

struct Batch {
  std::vector<Document> documents;
  std::vector<DocumentExtraction> results;
  std::size_t next = 0;  // first article nobody has claimed
  std::size_t done = 0;  // articles extracted
  bool finished() const { return done == documents.size(); }
};

class Workers {
 public:
  Workers(const Extractor& extractor, Diagnostics& diagnostics, int threads)
      : extractor_(extractor), diagnostics_(diagnostics) {
    for (int t = 0; t < threads; ++t) threads_.emplace_back([this] { Work(); });
  }

  // Stops the workers (they finish the article in hand) and joins them: also when the
  // reader or the sink throws.
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  bool HasRoom() {
    std::lock_guard<std::mutex> lock(mutex_);
    return in_flight_.size() < kBatchesInFlight;
  }

  void Push(std::unique_ptr<Batch> batch) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      in_flight_.push_back(std::move(batch));
    }
    work_ready_.notify_all();
  }

  // Extracts alongside the workers until the oldest batch is done, and returns it; null
  // when nothing is in flight. Rethrows the first error of an extraction.
  std::unique_ptr<Batch> PopFinished() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (in_flight_.empty()) return nullptr;
    Batch* oldest = in_flight_.front().get();
    while (!failure_ && !oldest->finished()) {
      if (!ExtractOne(lock)) batch_done_.wait(lock);
    }
    if (failure_) std::rethrow_exception(failure_);
    std::unique_ptr<Batch> batch = std::move(in_flight_.front());
    in_flight_.pop_front();
    return batch;
  }

 private:
  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!failure_) {
      if (ExtractOne(lock)) continue;
      if (closing_) return;
      work_ready_.wait(lock);
    }
  }

  // Claims the first unclaimed article of the oldest batch that has one and extracts it
  // without the lock. False if there was none. REQUIRES: `lock` holds mutex_.
  bool ExtractOne(std::unique_lock<std::mutex>& lock) {
    auto open = std::find_if(in_flight_.begin(), in_flight_.end(),
                             [](const std::unique_ptr<Batch>& b) { return b->next < b->documents.size(); });
    if (open == in_flight_.end()) return false;
    Batch& batch = **open;
    const std::size_t index = batch.next++;
    lock.unlock();
    DocumentExtraction result;
    std::exception_ptr error;
    try {
      result = extractor_.Extract(batch.documents[index], diagnostics_);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error && !failure_) failure_ = error;
    batch.results[index] = std::move(result);
    if (++batch.done == batch.documents.size() || failure_) batch_done_.notify_all();
    return true;
  }

  const Extractor& extractor_;
  Diagnostics& diagnostics_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a batch arrived, or closing
  std::condition_variable batch_done_;  // a batch finished, or an extraction failed
  std::deque<std::unique_ptr<Batch>> in_flight_;  // oldest first
  std::exception_ptr failure_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

void RunExtractionPipeline(ArticleReader& reader, const Extractor& extractor,
                           const PipelineOptions& options, Diagnostics& diagnostics,
                           const std::function<void(DocumentExtraction&&)>& sink) {
  const int threads = std::max(1, options.threads);
  const std::size_t batch_size =
      options.batch_articles ? options.batch_articles : static_cast<std::size_t>(64 * threads);
  Workers workers(extractor, diagnostics, threads - 1);
  PipelineProgress progress;
  bool more = true;
  while (true) {
    if (more && workers.HasRoom()) {
      auto batch = std::make_unique<Batch>();
      std::size_t bytes = 0;
      Document document;
      while (batch->documents.size() < batch_size && bytes < options.batch_bytes &&
             (more = reader.Next(&document))) {
        bytes += document.text.size();
        batch->documents.push_back(std::move(document));
        document = Document();
      }
      if (!batch->documents.empty()) {
        batch->results.resize(batch->documents.size());
        workers.Push(std::move(batch));
      }
      continue;
    }
    std::unique_ptr<Batch> batch = workers.PopFinished();
    if (batch == nullptr) break;
    for (std::size_t i = 0; i < batch->documents.size(); ++i) {
      progress.bytes += batch->documents[i].text.size();
      ++progress.articles;
      sink(std::move(batch->results[i]));
    }
    if (options.progress) options.progress(progress);
  }
}

}  // namespace actorgraph
