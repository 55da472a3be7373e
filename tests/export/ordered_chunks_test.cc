#include "export/ordered_chunks.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "export/atomic_file.h"
#include "tests/support/run_command.h"

namespace actorgraph {
namespace {

// Element i's text: its number and a length that varies, so a chunk out of place or
// cut at the wrong element shows.
std::string Expected(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += std::to_string(i) + std::string(i % 7, '.') + "\n";
  return text;
}

std::string Written(std::size_t count, int threads) {
  std::ostringstream out;
  WriteInOrder(out, count, threads, [](std::size_t begin, std::size_t end, std::string& text) {
    for (std::size_t i = begin; i < end; ++i) text += std::to_string(i) + std::string(i % 7, '.') + "\n";
  });
  return out.str();
}

TEST(OrderedChunks, SameBytesForAnyThreadCount) {
  // Around the chunk size (4096) and several rounds of chunks.
  for (std::size_t count : {0, 1, 4095, 4096, 4097, 3 * 4096 + 5, 10 * 4096}) {
    const std::string expected = Expected(count);
    for (int threads : {0, 1, 2, 3, 8}) {
      EXPECT_EQ(Written(count, threads), expected) << count << " elements, " << threads << " threads";
    }
  }
}

// What a file holds after WriteInOrder wrote `count` elements between a header and a
// trailer, through an AtomicFile as the exporters do.
std::string WrittenToFile(std::size_t count, int threads) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "out.txt").string();
  {
    AtomicFile file(path);
    file.stream() << "header\n";
    WriteInOrder(file.stream(), count, threads, [](std::size_t begin, std::size_t end, std::string& text) {
      for (std::size_t i = begin; i < end; ++i) text += std::to_string(i) + std::string(i % 7, '.') + "\n";
    });
    file.stream() << "trailer\n";
    file.Commit();
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(OrderedChunks, SameBytesInAFileForAnyThreadCount) {
  for (std::size_t count : {0, 1, 4097, 3 * 4096 + 5, 40 * 4096}) {
    const std::string expected = "header\n" + Expected(count) + "trailer\n";
    for (int threads : {1, 2, 3}) {
      const std::string written = WrittenToFile(count, threads);
      EXPECT_EQ(written.size(), expected.size()) << count << " elements, " << threads << " threads";
      EXPECT_TRUE(written == expected) << count << " elements, " << threads << " threads";
    }
  }
}

TEST(OrderedChunks, AFailedChunkLeavesNoFile) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "out.txt").string();
  {
    AtomicFile file(path);
    auto failing = [](std::size_t begin, std::size_t end, std::string& text) {
      for (std::size_t i = begin; i < end; ++i) {
        if (i == 30000) throw std::runtime_error("element 30000");
        text += "x";
      }
    };
    EXPECT_THROW(WriteInOrder(file.stream(), 100000, 3, failing), std::runtime_error);
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(OrderedChunks, AnExceptionInAChunkReachesTheCaller) {
  for (int threads : {1, 3}) {
    std::ostringstream out;
    auto failing = [](std::size_t begin, std::size_t end, std::string& text) {
      for (std::size_t i = begin; i < end; ++i) {
        if (i == 9000) throw std::runtime_error("element 9000");
        text += "x";
      }
    };
    EXPECT_THROW(WriteInOrder(out, 20000, threads, failing), std::runtime_error) << threads;
    // Nothing of the failed chunk or after it was written.
    EXPECT_LE(out.str().size(), 8192u) << threads;
  }
}

TEST(OrderedChunks, TheEarliestFailedChunkGivesTheError) {
  // Chunks 2 and 3 fail; whichever thread fails first, the caller sees chunk 2's error.
  for (int round = 0; round < 20; ++round) {
    std::ostringstream out;
    auto failing = [](std::size_t begin, std::size_t end, std::string& text) {
      for (std::size_t i = begin; i < end; ++i) {
        if (i == 9000 || i == 13000) throw std::runtime_error("element " + std::to_string(i));
        text += "x";
      }
    };
    try {
      WriteInOrder(out, 40000, 4, failing);
      ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& error) {
      EXPECT_STREQ(error.what(), "element 9000");
    }
  }
}

TEST(OrderedChunks, StringAppenderAppends) {
  std::string text = "a";
  StringAppender out(text);
  out << "b" << 12 << ' ' << 0.5;
  out.write("cd", 2);
  EXPECT_EQ(text, "ab12 0.5cd");
}

}  // namespace
}  // namespace actorgraph
