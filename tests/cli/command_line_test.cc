// End-to-end tests of the actorgraph binary: usage and exit codes, each input form and
// its errors, and `build` on the sample corpus checked with the real Graphviz and an XML
// parser. Golden expectations are the messages a user reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support/run_command.h"

namespace actorgraph {
namespace {

using testing::CommandResult;
using testing::RunCommand;
using testing::ShellQuote;
using testing::TempDir;

const std::string kBinary = ACTORGRAPH_BINARY;
const std::string kCorpus = std::string(ACTORGRAPH_SOURCE_DIR) + "/corpus";

CommandResult Actorgraph(const std::string& args) { return RunCommand(ShellQuote(kBinary) + " " + args); }

int Lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CommandLine, HelpAndVersionGoToStdoutWithStatusZero) {
  CommandResult help = Actorgraph("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Usage: actorgraph <command>"), std::string::npos);
  EXPECT_TRUE(help.err.empty());
  CommandResult build_help = Actorgraph("build --help");
  EXPECT_EQ(build_help.exit_code, 0);
  EXPECT_NE(build_help.out.find("--layout"), std::string::npos);
  CommandResult version = Actorgraph("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("actorgraph ", 0), 0u);
}

TEST(CommandLine, UsageErrorsExitTwoWithTheCommandsUsage) {
  CommandResult bare = Actorgraph("build");
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_NE(bare.err.find("Usage: actorgraph build"), std::string::npos);
  EXPECT_TRUE(bare.out.empty());
  EXPECT_EQ(Actorgraph("").exit_code, 2);
  EXPECT_EQ(Actorgraph("frobnicate corpus").exit_code, 2);
  EXPECT_EQ(Actorgraph("build " + kCorpus + " -o /tmp/x --bogus").exit_code, 2);
  EXPECT_EQ(Actorgraph("build " + kCorpus).exit_code, 2);  // no -o
  EXPECT_EQ(Actorgraph("extract " + kCorpus + " --format xml").exit_code, 2);
  EXPECT_EQ(Actorgraph("build " + kCorpus + " -o /tmp/x --layout circo").exit_code, 2);
  EXPECT_EQ(Actorgraph("stats " + kCorpus + " --top zero").exit_code, 2);
}

TEST(CommandLine, MissingPathIsOneLineNamingItAndStatusOne) {
  TempDir dir;
  CommandResult result = Actorgraph("build /nonexistent -o " + ShellQuote(dir.path().string() + "/out"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(Lines(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("/nonexistent"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "graph.dot"));
}

TEST(CommandLine, EmptyFolderIsAnError) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "empty");
  CommandResult result = Actorgraph("extract " + ShellQuote((dir.path() / "empty").string()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(Lines(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("empty"), std::string::npos);
}

TEST(CommandLine, JsonlLineWithoutTextNamesTheLine) {
  TempDir dir;
  std::string path = dir.Write("news.jsonl",
                               "{\"id\": \"a\", \"text\": \"Lavrov met Wang Yi in Beijing.\"}\n"
                               "{\"id\": \"b\", \"title\": \"no text here\"}\n");
  CommandResult result = Actorgraph("extract " + ShellQuote(path));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(Lines(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("news.jsonl:2"), std::string::npos) << result.err;
}

TEST(CommandLine, ReadsTextJsonlFoldersAndStandardInput) {
  TempDir dir;
  std::string jsonl = dir.Write("feed.jsonl",
                                "{\"id\": \"wire-1\", \"date\": \"2019-06-14\", \"text\": "
                                "\"Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Bishkek.\"}\n");
  CommandResult from_jsonl = Actorgraph("extract " + ShellQuote(jsonl));
  ASSERT_EQ(from_jsonl.exit_code, 0) << from_jsonl.err;
  EXPECT_NE(from_jsonl.out.find("wire-1\t1\tXi Jinping\tmet\tNarendra Modi\t0\tasserted\t2019-06-14"),
            std::string::npos)
      << from_jsonl.out;

  dir.Write("folder/b/second.txt", "Japan's prime minister Fumio Kishida visited Kyiv on Tuesday.");
  dir.Write("folder/a/first.txt", "Emmanuel Macron called Olaf Scholz.");
  CommandResult from_folder = Actorgraph("extract " + ShellQuote((dir.path() / "folder").string()));
  ASSERT_EQ(from_folder.exit_code, 0) << from_folder.err;
  std::size_t first = from_folder.out.find("first\t");
  std::size_t second = from_folder.out.find("second\t");
  ASSERT_NE(first, std::string::npos) << from_folder.out;
  ASSERT_NE(second, std::string::npos) << from_folder.out;
  EXPECT_LT(first, second);  // sorted by path: a/ before b/

  CommandResult from_stdin = RunCommand("echo 'Olaf Scholz met Joe Biden.' | " + ShellQuote(kBinary) +
                                        " extract - --format jsonl");
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_NE(from_stdin.out.find("\"relation\":\"met\""), std::string::npos) << from_stdin.out;
}

TEST(CommandLine, ExtractToAnUnwritableFileLeavesNothing) {
  TempDir dir;
  CommandResult result = Actorgraph("extract " + kCorpus + " -o " + ShellQuote((dir.path() / "no/such/dir/x.tsv").string()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(Lines(result.err), 1) << result.err;
  EXPECT_NE(result.err.find("x.tsv"), std::string::npos);
  CommandResult full = Actorgraph("extract " + kCorpus + " -o /dev/full");
  EXPECT_EQ(full.exit_code, 1) << full.err;
}

TEST(CommandLine, ExtractOutputIsIdenticalForAnyThreadCount) {
  CommandResult one = Actorgraph("extract " + kCorpus + " --threads 1");
  CommandResult four = Actorgraph("extract " + kCorpus + " --threads 4");
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, four.out);
}

TEST(CommandLine, BuildOnTheSampleCorpusWritesGraphsThatRealToolsRead) {
  TempDir dir;
  std::filesystem::path out = dir.path() / "out";
  CommandResult result = Actorgraph("build " + kCorpus + " -o " + ShellQuote(out.string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* name : {"graph.dot", "graph.graphml", "graph.gexf", "graph.svg"}) {
    EXPECT_TRUE(std::filesystem::exists(out / name)) << name;
  }
  // Graphviz lays the DOT file out.
  CommandResult dot = RunCommand("dot -Tsvg " + ShellQuote((out / "graph.dot").string()) + " -o /dev/null");
  EXPECT_EQ(dot.exit_code, 0) << dot.err;
  // The GraphML is well-formed XML and holds the expected actors, one node each.
  CommandResult xml = RunCommand("xmllint --noout " + ShellQuote((out / "graph.graphml").string()));
  EXPECT_EQ(xml.exit_code, 0) << xml.err;
  std::string graphml = Slurp(out / "graph.graphml");
  for (const char* actor : {"Sergey Lavrov", "Subrahmanyam Jaishankar", "Narendra Modi", "Vladimir Putin", "India",
                            "Russia", "Ukraine"}) {
    EXPECT_NE(graphml.find(std::string(">") + actor + "<"), std::string::npos) << actor;
  }
  EXPECT_EQ(graphml.find(">Sergei Lavrov<"), std::string::npos);  // merged into Sergey Lavrov
  // The SVG is a picture with the actors in it.
  std::string svg = Slurp(out / "graph.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Sergey Lavrov"), std::string::npos);
  // No temporary files are left behind.
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST(CommandLine, TimingsIsOneLineOfStagesEvenWhenQuiet) {
  const std::string seconds = "[0-9]+\\.[0-9]{3} s";
  auto line = [&](const std::string& stages) {
    std::string pattern = "actorgraph: timings:";
    std::stringstream names(stages);
    for (std::string name; names >> name;) pattern += " " + name + " " + seconds + ",";
    return std::regex(pattern + " total " + seconds + "\n");
  };
  TempDir dir;
  CommandResult build =
      Actorgraph("build " + kCorpus + " -o " + ShellQuote((dir.path() / "out").string()) + " --format graphml -q --timings");
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_TRUE(std::regex_match(build.err, line("rules extract graph write"))) << build.err;
  CommandResult extract = Actorgraph("extract " + kCorpus + " --timings");
  ASSERT_EQ(extract.exit_code, 0) << extract.err;
  EXPECT_TRUE(std::regex_match(extract.err, line("rules extract"))) << extract.err;
  EXPECT_EQ(extract.out, Actorgraph("extract " + kCorpus).out);
  CommandResult stats = Actorgraph("stats " + kCorpus + " --timings");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_TRUE(std::regex_match(stats.err, line("rules extract graph report"))) << stats.err;
  CommandResult quiet = Actorgraph("build " + kCorpus + " -o " + ShellQuote((dir.path() / "q").string()) + " --format graphml -q");
  EXPECT_EQ(quiet.err, "");
}

TEST(CommandLine, StatsAndExplainReportTheSampleCorpus) {
  CommandResult stats = Actorgraph("stats " + kCorpus);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("Sergey Lavrov"), std::string::npos);
  EXPECT_EQ(stats.out.find("Sergei Lavrov"), std::string::npos);
  CommandResult explain = Actorgraph("explain Lavrov Jaishankar --in " + kCorpus);
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("met"), std::string::npos);
  EXPECT_NE(explain.out.find("Lavrov will meet Prime Minister Narendra Modi"), std::string::npos) << explain.out;
  CommandResult unknown = Actorgraph("explain Nobody --in " + kCorpus);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("Nobody"), std::string::npos);
}

}  // namespace
}  // namespace actorgraph
