#include "graph/spill_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "extract/error.h"

namespace actorgraph {
namespace {

TEST(SpillFile, ReadsBackWhatWasAppended) {
  SpillFile file;
  std::vector<std::pair<SpillRef, std::string>> written;
  // Small records stay in the buffer for a while; 3 MB of them flush it a few times,
  // and one record larger than the buffer goes straight to the file.
  for (int i = 0; i < 30000; ++i) {
    std::string bytes = std::to_string(i) + std::string(static_cast<std::size_t>(i % 200), 'x');
    written.emplace_back(file.Append(bytes), bytes);
  }
  std::string big(3 << 20, 'b');
  big[12345] = 'c';
  written.emplace_back(file.Append(big), big);
  written.emplace_back(file.Append(""), "");
  written.emplace_back(file.Append("last"), "last");
  for (const auto& [ref, bytes] : written) ASSERT_EQ(file.Read(ref), bytes);
  EXPECT_EQ(written.back().first.offset() + 4, file.size());
}

TEST(SpillFile, ReadsARangeAcrossFileAndBuffer) {
  SpillFile file;
  std::string all;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = "record " + std::to_string(i) + ";";
    file.Append(bytes);
    all += bytes;
  }
  ASSERT_EQ(file.size(), all.size());
  SpillRef whole{0, 0, static_cast<std::uint32_t>(all.size())};
  EXPECT_EQ(file.Read(whole), all);
}

TEST(SpillFile, MovedFileKeepsItsBytes) {
  SpillFile file;
  SpillRef ref = file.Append("kept");
  SpillFile moved = std::move(file);
  EXPECT_EQ(moved.Read(ref), "kept");
}

TEST(SpillFile, UnusableTempFolderIsAnError) {
  const char* old = std::getenv("TMPDIR");
  std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent/actorgraph", 1);
  try {
    SpillFile file;
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/actorgraph: cannot create a temporary file"),
              std::string::npos)
        << e.what();
  }
  if (old) setenv("TMPDIR", saved.c_str(), 1); else unsetenv("TMPDIR");
}

}  // namespace
}  // namespace actorgraph
