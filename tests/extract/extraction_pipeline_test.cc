#include "extract/extraction_pipeline.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/run_command.h"

namespace actorgraph {
namespace {

// Results come back in input order whatever the threads and however small the batches.
TEST(ExtractionPipeline, KeepsInputOrderForAnyBatchAndThreadCount) {
  testing::TempDir dir;
  std::vector<std::string> expected;
  for (int i = 0; i < 30; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "a%02d", i);
    dir.Write(std::string(name) + ".txt", "Emmanuel Macron met Olaf Scholz in Berlin.");
    expected.push_back(name);
  }
  Extractor extractor;
  for (std::size_t batch_bytes : {std::size_t{1}, std::size_t{100}, std::size_t{128} << 20}) {
    for (int threads : {1, 3}) {
      CollectingDiagnostics diagnostics;
      ArticleReader reader({dir.path().string()}, ReaderOptions(), diagnostics);
      PipelineOptions options;
      options.threads = threads;
      options.batch_bytes = batch_bytes;
      std::vector<std::string> docs;
      std::size_t relations = 0;
      RunExtractionPipeline(reader, extractor, options, diagnostics, [&](DocumentExtraction&& e) {
        docs.push_back(e.doc);
        relations += e.relations.size();
      });
      EXPECT_EQ(docs, expected) << "batch_bytes " << batch_bytes << " threads " << threads;
      EXPECT_EQ(relations, expected.size());
    }
  }
}

// A sink that throws stops the run: the error reaches the caller after the workers are
// joined (a thread left running would terminate the program), and no result after the
// failing one is handed on.
TEST(ExtractionPipeline, SinkErrorStopsTheRunAndPropagates) {
  testing::TempDir dir;
  for (int i = 0; i < 40; ++i) {
    dir.Write("a" + std::to_string(100 + i) + ".txt", "Emmanuel Macron met Olaf Scholz in Berlin.");
  }
  Extractor extractor;
  for (int threads : {1, 2, 4}) {
    CollectingDiagnostics diagnostics;
    ArticleReader reader({dir.path().string()}, ReaderOptions(), diagnostics);
    PipelineOptions options;
    options.threads = threads;
    options.batch_articles = 3;
    int handed_on = 0;
    EXPECT_THROW(RunExtractionPipeline(reader, extractor, options, diagnostics,
                                       [&](DocumentExtraction&&) {
                                         if (++handed_on == 5) throw std::runtime_error("disk full");
                                       }),
                 std::runtime_error);
    EXPECT_EQ(handed_on, 5) << "threads " << threads;
  }
}

// Progress is reported on the caller's thread after each batch, and adds up to the input.
TEST(ExtractionPipeline, ProgressCountsEveryArticleOnce) {
  testing::TempDir dir;
  const std::string text = "Emmanuel Macron met Olaf Scholz in Berlin.";
  for (int i = 0; i < 25; ++i) dir.Write("a" + std::to_string(100 + i) + ".txt", text);
  Extractor extractor;
  CollectingDiagnostics diagnostics;
  ArticleReader reader({dir.path().string()}, ReaderOptions(), diagnostics);
  PipelineOptions options;
  options.threads = 3;
  options.batch_articles = 4;
  std::vector<std::size_t> seen;
  PipelineProgress last;
  options.progress = [&](const PipelineProgress& p) {
    seen.push_back(p.articles);
    last = p;
  };
  RunExtractionPipeline(reader, extractor, options, diagnostics, [](DocumentExtraction&&) {});
  EXPECT_EQ(seen, (std::vector<std::size_t>{4, 8, 12, 16, 20, 24, 25}));
  EXPECT_EQ(last.bytes, 25 * text.size());
}

}  // namespace
}  // namespace actorgraph
