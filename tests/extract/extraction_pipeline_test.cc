#include "extract/extraction_pipeline.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace actorgraph
