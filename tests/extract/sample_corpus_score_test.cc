// The floor the extractor must keep on the sample corpus: the built binary's output
// scored by the shared scorer against the hand-written gold relations. The scorer also
// runs on articles outside this repository, so this is a floor, not a target to tune for.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/support/run_command.h"

namespace actorgraph {
namespace {

using testing::RunCommand;
using testing::ShellQuote;

struct Score {
  double precision = -1;
  double recall = -1;
};

// Reads "precision 0.975 recall 1.000 f1 0.987", the scorer's last line.
bool ParseScore(const std::string& out, Score* score) {
  std::string text = out;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  std::istringstream line(text.substr(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1));
  std::string precision, recall;
  line >> precision >> score->precision >> recall >> score->recall;
  return !line.fail() && precision == "precision" && recall == "recall";
}

TEST(SampleCorpusScore, ParsesTheScorersLastLine) {
  Score score;
  ASSERT_TRUE(ParseScore("relations: gold 3 ...\nprecision 0.500 recall 0.250 f1 0.333\n", &score));
  EXPECT_DOUBLE_EQ(score.precision, 0.5);
  EXPECT_DOUBLE_EQ(score.recall, 0.25);
  EXPECT_FALSE(ParseScore("Traceback (most recent call last):\n", &score));
}

TEST(SampleCorpusScore, PrecisionAndRecallStayAboveTheFloor) {
  const std::string command = ShellQuote(ACTORGRAPH_BINARY) + " extract -q " +
                              ShellQuote(std::string(ACTORGRAPH_SOURCE_DIR) + "/corpus") + " | python3 " +
                              ShellQuote(std::string(ACTORGRAPH_SHARED_DIR) + "/eval/score.py") + " -";
  testing::CommandResult result = RunCommand(command);
  ASSERT_EQ(result.exit_code, 0) << command << "\n" << result.err;
  Score score;
  ASSERT_TRUE(ParseScore(result.out, &score)) << result.out << result.err;
  EXPECT_GE(score.precision, 0.90) << result.out;
  EXPECT_GE(score.recall, 0.90) << result.out;
}

}  // namespace
}  // namespace actorgraph
