// Replays every input the fuzzers once crashed on (fuzz/regressions/<target>/, kept by
// fuzz/run_fuzzers.sh) through the same checks the fuzz targets run (fuzz/*_check.h),
// built here without libFuzzer, so a bug the fuzzers found stays fixed. Lives with the
// export tests because the writer check needs every module.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "extract/rule_source.h"
#include "fuzz/extractor_check.h"
#include "fuzz/reader_check.h"
#include "fuzz/rule_parser_check.h"
#include "fuzz/sentence_check.h"
#include "fuzz/writer_check.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

using Check = std::function<void(const std::uint8_t*, std::size_t)>;

std::vector<fs::path> FilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs `check` on `bytes`, turning a broken contract or any exception into a failure
// that names the input.
void Replay(const Check& check, const std::string& name, const std::string& bytes) {
  SCOPED_TRACE(name);
  try {
    check(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  } catch (const std::exception& e) {
    ADD_FAILURE() << name << ": " << e.what();
  }
}

// Every regression input of `target`; returns how many there were.
std::size_t ReplayRegressions(const std::string& target, const Check& check) {
  const std::vector<fs::path> files = FilesIn(fs::path(ACTORGRAPH_SOURCE_DIR) / "fuzz" / "regressions" / target);
  for (const fs::path& file : files) Replay(check, file.string(), ReadBytes(file));
  return files.size();
}

class ScratchDir {
 public:
  ScratchDir() {
    path_ = (fs::temp_directory_path() / "actorgraph-fuzz-test-XXXXXX").string();
    if (mkdtemp(path_.data()) == nullptr) path_.clear();
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const Extractor& BuiltinExtractor() {
  static const Extractor* extractor = new Extractor();
  return *extractor;
}

Check ReaderCheck(const ScratchDir& scratch) {
  return [&scratch](const std::uint8_t* data, std::size_t size) {
    fuzz::CheckReader(data, size, scratch.path());
  };
}

Check RuleParserCheck() {
  static const std::vector<RuleSource>* builtin = new std::vector<RuleSource>(LoadRuleSources(""));
  return [](const std::uint8_t* data, std::size_t size) { fuzz::CheckRuleParser(data, size, *builtin); };
}

Check ExtractorCheck() {
  return [](const std::uint8_t* data, std::size_t size) {
    fuzz::CheckExtraction(BuiltinExtractor(), data, size);
  };
}

TEST(FuzzRegressions, Reader) {
  ScratchDir scratch;
  ASSERT_FALSE(scratch.path().empty());
  ReplayRegressions("reader", ReaderCheck(scratch));
}

TEST(FuzzRegressions, SentenceSplitter) { ReplayRegressions("sentence_splitter", fuzz::CheckSentences); }

TEST(FuzzRegressions, RuleParser) { ReplayRegressions("rule_parser", RuleParserCheck()); }

TEST(FuzzRegressions, Extractor) { ReplayRegressions("extractor", ExtractorCheck()); }

TEST(FuzzRegressions, Writers) {
  ReplayRegressions("writers", [](const std::uint8_t* data, std::size_t size) { fuzz::CheckWriters(data, size); });
}

// The checks themselves must hold on ordinary input, or the fuzzers report noise: each
// passes on the sample articles (with the option byte each target reads first).
TEST(FuzzChecks, HoldOnTheSampleCorpus) {
  ScratchDir scratch;
  ASSERT_FALSE(scratch.path().empty());
  const std::vector<fs::path> articles = FilesIn(fs::path(ACTORGRAPH_SOURCE_DIR) / "corpus");
  ASSERT_FALSE(articles.empty());
  for (const fs::path& article : articles) {
    const std::string text = ReadBytes(article);
    Replay(ReaderCheck(scratch), article.string() + " (reader)", "\x80" + text);
    Replay(fuzz::CheckSentences, article.string() + " (sentences)", "\xff" + text);
    Replay(fuzz::CheckSentences, article.string() + " (sentences, limit 16)", "\x10" + text);
    Replay(ExtractorCheck(), article.string() + " (extractor)", "\x01" + text);
  }
  const std::string relations =
      "Sergey Lavrov\tS. Jaishankar\tmet\t\x01\t2022-03-31\ta1\tLavrov met \"Jaishankar\" & <aides>.\tRUS\tIND\n"
      "India\tRussia\tcriticized\t\x2a\t2022-03\ta2\tline\r\nbreak\tIND\tRUS\n"
      "#countries\n";
  Replay([](const std::uint8_t* data, std::size_t size) { fuzz::CheckWriters(data, size); }, "writers",
         relations);
  const std::string rules = std::string("\x02") +
                            "actor Testland\n  type country\n  code TST\n"
                            "relation greeted\n  pattern {X} greeted {Y}\n";
  Replay(RuleParserCheck(), "rules", rules);
}

// A check that fails is reported, not swallowed: the harness itself works.
TEST(FuzzChecks, ABrokenContractFailsTheCheck) {
  // Offsets out of order are what CheckSentenceSpans exists to catch; simulate a failure
  // through the same macro the checks use.
  EXPECT_THROW(FUZZ_CHECK(1 + 1 == 3, "arithmetic"), fuzz::CheckFailure);
  EXPECT_THROW(fuzz::ParseXml("<a><b></a>"), fuzz::CheckFailure);
  EXPECT_THROW(fuzz::ParseJson("{\"a\": 1,}"), fuzz::CheckFailure);
  EXPECT_THROW(fuzz::ParseCsv("a,\"b\r\n"), fuzz::CheckFailure);
  EXPECT_THROW(fuzz::ParseDot("digraph { a -> }"), fuzz::CheckFailure);
  EXPECT_NO_THROW(fuzz::ParseXml("<?xml version=\"1.0\"?>\n<a x='&amp;&#x9;'><b/>t&lt;</a>\n"));
  EXPECT_NO_THROW(fuzz::ParseJson("{\"a\": [1, -2.5e3, \"\\ud83d\\ude00\", true, null]}"));
  EXPECT_NO_THROW(fuzz::ParseDot("digraph g { n0 [label=\"a \\\"b\\\"\"]; n0 -> n1 [key=e0]; }"));
}

}  // namespace
}  // namespace actorgraph
