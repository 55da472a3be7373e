// Batches keep the merge trivially deterministic: a batch is read on the caller's
// thread, its articles are extracted by the workers (each takes the next unclaimed
// index), and the results are handed on in index order once the batch is done.
#include "extract/extraction_pipeline.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace actorgraph {

void RunExtractionPipeline(ArticleReader& reader, const Extractor& extractor,
                           const PipelineOptions& options, Diagnostics& diagnostics,
                           const std::function<void(DocumentExtraction&&)>& sink) {
  const int threads = std::max(1, options.threads);
  const std::size_t batch_size =
      options.batch_articles ? options.batch_articles : static_cast<std::size_t>(64 * threads);
  PipelineProgress progress;
  std::vector<Document> batch;
  std::vector<DocumentExtraction> results;
  bool more = true;
  while (more) {
    batch.clear();
    Document document;
    std::size_t bytes = 0;
    while (batch.size() < batch_size && bytes < options.batch_bytes && (more = reader.Next(&document))) {
      bytes += document.text.size();
      batch.push_back(std::move(document));
      document = Document();
    }
    if (batch.empty()) break;
    results.assign(batch.size(), DocumentExtraction());

    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    auto work = [&]() {
      for (std::size_t i = next++; i < batch.size() && !failed; i = next++) {
        try {
          results[i] = extractor.Extract(batch[i], diagnostics);
        } catch (...) {
          if (!failed.exchange(true)) failure = std::current_exception();
        }
      }
    };
    if (threads == 1 || batch.size() == 1) {
      work();
    } else {
      std::vector<std::thread> workers;
      for (int t = 1; t < threads; ++t) workers.emplace_back(work);
      work();
      for (std::thread& worker : workers) worker.join();
    }
    if (failure) std::rethrow_exception(failure);

    for (std::size_t i = 0; i < batch.size(); ++i) {
      progress.bytes += batch[i].text.size();
      ++progress.articles;
      sink(std::move(results[i]));
    }
    if (options.progress) options.progress(progress);
  }
}

}  // namespace actorgraph
