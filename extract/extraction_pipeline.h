// Runs extraction over a stream of articles on several threads and hands the results
// on in input order, so the output does not depend on the number of threads. Articles
// are read, extracted and dropped in batches: memory holds a few batches, never the corpus.
#ifndef ACTORGRAPH_EXTRACT_EXTRACTION_PIPELINE_H_
#define ACTORGRAPH_EXTRACT_EXTRACTION_PIPELINE_H_

#include <cstddef>
#include <functional>

#include "extract/article_reader.h"
#include "extract/diagnostics.h"
#include "extract/extractor.h"
#include "extract/relation.h"

namespace actorgraph {

struct PipelineProgress {
  std::size_t articles = 0;  // articles extracted so far
  std::size_t bytes = 0;     // their text bytes
};

struct PipelineOptions {
  int threads = 1;  // extraction threads, the caller's among them; 1 runs everything on it
  std::size_t batch_articles = 0; // articles per batch; 0 picks 64 per thread
  // A batch also ends once it holds this many bytes of text, so a folder of huge
  // articles does not hold 64 of them per thread at once.
  std::size_t batch_bytes = 32u << 20;
  // Called on the caller's thread after each batch; may be empty.
  std::function<void(const PipelineProgress&)> progress;
};

// Reads every article of `reader`, extracts it, and calls `sink` with each result on the
// caller's thread, in the order the reader produced the articles. Errors thrown by the
// reader or the sink propagate; the worker threads are joined first.
void RunExtractionPipeline(ArticleReader& reader, const Extractor& extractor,
                           const PipelineOptions& options, Diagnostics& diagnostics,
                           const std::function<void(DocumentExtraction&&)>& sink);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_EXTRACTION_PIPELINE_H_
