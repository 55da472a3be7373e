// End-to-end fault tests: every kind of bad input, bad rule file and failed write the
// actorgraph binary is expected to survive, run against the real binary. Each case checks
// the exit status, the exact message (an error is one line on stderr naming the file, and
// the line where there is one), and what is left on disk: no partial or temporary file,
// and the output of an earlier good run into the same place unchanged, byte for byte.
// The big cases (a 200 MB line, 10^6 sentences, 10^5 files) also check time and peak
// memory, measured on the child alone with wait4().
//
// The tests run as root, so a chmod 000 file is still readable: an "unreadable file" here
// is a dangling symlink named x.txt, or a FIFO named x.txt (which a naive open() would
// wait on forever).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/run_command.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RunCommand;
using testing::ShellQuote;
using testing::TempDir;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

const std::string kBinary = ACTORGRAPH_BINARY;
const std::string kGoodArticle = "Emmanuel Macron called Olaf Scholz on Monday.\n";
const std::string kOtherArticle = "Japan's prime minister Fumio Kishida visited Kyiv on Tuesday.\n";

CommandResult Actorgraph(const std::string& args) { return RunCommand(ShellQuote(kBinary) + " " + args); }

std::string Q(const fs::path& path) { return ShellQuote(path.string()); }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int Lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

// Every file of `dir` (not below it) by name, with its bytes; a symlink by its target.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    files[name] = entry.is_symlink() ? "-> " + fs::read_symlink(entry.path()).string() : Slurp(entry.path());
  }
  return files;
}

void ExpectNoTemporaryFiles(const fs::path& dir) {
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

// A failed run: status 1 and exactly `message` as the one line on stderr.
void ExpectError(const CommandResult& result, const std::string& message) {
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "actorgraph: " + message + "\n");
  EXPECT_EQ(Lines(result.err), 1) << result.err;
}

// As ExpectError, for a message whose end (a library's wording) is not ours to pin.
void ExpectErrorStartingWith(const CommandResult& result, const std::string& start) {
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err.rfind("actorgraph: " + start, 0), 0u) << result.err;
  EXPECT_EQ(Lines(result.err), 1) << result.err;
}

// Runs `failing_args` (inputs and options, no -o) as `build` and as `extract` into places
// where a good run has just written, and checks the failure with `check` and that the
// good outputs are still there, byte for byte, with no temporary file beside them.
template <typename Check>
void ExpectFailureKeepsOutputs(const TempDir& dir, const std::string& failing_args, Check check) {
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  fs::path out = dir.path() / "out";
  fs::path table = dir.path() / "table.tsv";

  CommandResult first_build = Actorgraph("build " + Q(good) + " -q -o " + Q(out));
  ASSERT_EQ(first_build.exit_code, 0) << first_build.err;
  std::map<std::string, std::string> before = Snapshot(out);
  ASSERT_EQ(before.size(), 4u);
  CommandResult failed_build = Actorgraph("build " + failing_args + " -q -o " + Q(out));
  {
    SCOPED_TRACE("build");
    check(failed_build);
  }
  EXPECT_EQ(Snapshot(out), before);
  ExpectNoTemporaryFiles(out);

  CommandResult first_extract = Actorgraph("extract " + Q(good) + " -q -o " + Q(table));
  ASSERT_EQ(first_extract.exit_code, 0) << first_extract.err;
  std::string table_before = Slurp(table);
  ASSERT_NE(table_before.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos) << table_before;
  CommandResult failed_extract = Actorgraph("extract " + failing_args + " -q -o " + Q(table));
  {
    SCOPED_TRACE("extract");
    check(failed_extract);
  }
  EXPECT_EQ(Slurp(table), table_before);
  ExpectNoTemporaryFiles(dir.path());
}

// A run of the binary measured alone: wall time and the peak resident memory of the
// child, which RunCommand (through a shell, and with getrusage(RUSAGE_CHILDREN) being a
// maximum over every child so far) cannot give.
struct MeasuredRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  double seconds = 0;
  long peak_rss_mib = 0;
};

MeasuredRun RunMeasured(const TempDir& dir, const std::vector<std::string>& args) {
  fs::path out_path = dir.path() / "measured.out", err_path = dir.path() / "measured.err";
  std::vector<std::string> argv_strings = {kBinary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    // Under AddressSanitizer, freed memory waits in a quarantine of up to 256 MiB, which
    // would be counted as the program's; keep it small so the peak measures the program.
    if (kSanitized) {
      const char* options = std::getenv("ASAN_OPTIONS");
      std::string asan = options != nullptr ? options : "";
      ::setenv("ASAN_OPTIONS", (asan + (asan.empty() ? "" : ":") + "quarantine_size_mb=16").c_str(), 1);
    }
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  MeasuredRun run;
  int status = 0;
  struct rusage usage = {};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.peak_rss_mib = usage.ru_maxrss / 1024;  // Linux reports KiB
  run.out = Slurp(out_path);
  run.err = Slurp(err_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return run;
}

void Report(const char* what, const MeasuredRun& run) {
  std::printf("[ measured ] %s: %.1f s, peak RSS %ld MiB%s\n", what, run.seconds, run.peak_rss_mib,
              kSanitized ? " (AddressSanitizer build)" : "");
}

// Writes `bytes` bytes of words from a small vocabulary, separated by spaces, with no
// newline and no sentence stop: one endless sentence.
void WriteEndlessLine(const fs::path& path, std::size_t bytes) {
  const char* words[] = {"talks", "between", "delegations", "continued", "into", "the", "night", "while",
                         "observers", "waited", "outside", "for", "news", "of", "any", "progress"};
  std::mt19937 random(42);
  std::string chunk;
  std::ofstream out(path, std::ios::binary);
  std::size_t written = 0;
  while (written < bytes) {
    chunk.clear();
    while (chunk.size() < (1u << 20)) {
      chunk += words[random() % std::size(words)];
      chunk += ' ';
    }
    std::size_t n = std::min(chunk.size(), bytes - written);
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    written += n;
  }
}

// --- Inputs that do not exist or hold nothing to read -------------------------------

TEST(Faults, MissingPathIsAnErrorNamingIt) {
  TempDir dir;
  fs::path missing = dir.path() / "no-such-article.txt";
  ExpectFailureKeepsOutputs(dir, Q(missing), [&](const CommandResult& result) {
    ExpectError(result, missing.string() + ": no such file or directory");
  });
}

TEST(Faults, FolderWithoutArticlesIsAnErrorNamingIt) {
  TempDir dir;
  dir.Write("notes/readme.md", "Emmanuel Macron called Olaf Scholz.\n");
  dir.Write("notes/sub/data.csv", "a,b\n");
  fs::path folder = dir.path() / "notes";
  ExpectFailureKeepsOutputs(dir, Q(folder), [&](const CommandResult& result) {
    ExpectError(result, folder.string() + ": no .txt articles found");
  });
}

// Unreadable: a dangling symlink named x.txt (root reads through chmod 000).
TEST(Faults, UnreadableFileIsAnErrorNamingIt) {
  TempDir dir;
  dir.Write("articles/a.txt", kOtherArticle);
  fs::create_symlink(dir.path() / "nowhere.txt", dir.path() / "articles" / "x.txt");
  fs::path x = dir.path() / "articles" / "x.txt";
  ExpectFailureKeepsOutputs(dir, Q(dir.path() / "articles"), [&](const CommandResult& result) {
    ExpectError(result, x.string() + ": cannot read: No such file or directory");
  });
  // With --skip-bad the run goes on without it and says so.
  CommandResult skipped = Actorgraph("extract --skip-bad " + Q(dir.path() / "articles"));
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_EQ(skipped.err, "actorgraph: warning: " + x.string() + ": cannot read: No such file or directory; skipped\n" +
                             "actorgraph: warning: 1 input(s) skipped\n");
  EXPECT_NE(skipped.out.find("Fumio Kishida\tvisited\tUkraine"), std::string::npos) << skipped.out;
}

// Unreadable too: a FIFO named x.txt in a folder. Opening it for reading would wait for a
// writer forever; the run must neither hang nor read it.
TEST(Faults, FifoInAFolderIsAnErrorNotAHang) {
  TempDir dir;
  dir.Write("articles/a.txt", kOtherArticle);
  fs::path x = dir.path() / "articles" / "x.txt";
  ASSERT_EQ(::mkfifo(x.c_str(), 0644), 0);
  CommandResult result = RunCommand("timeout 30 " + ShellQuote(kBinary) + " extract -q " + Q(dir.path() / "articles"));
  ExpectError(result, x.string() + ": cannot read: not a regular file");
  CommandResult skipped =
      RunCommand("timeout 30 " + ShellQuote(kBinary) + " extract -q --skip-bad " + Q(dir.path() / "articles"));
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("Fumio Kishida\tvisited\tUkraine"), std::string::npos) << skipped.out;
}

// --- Files that are read but skipped or repaired ------------------------------------

TEST(Faults, BinaryFilesAndFilesWithANulByteAreSkippedWithAWarning) {
  TempDir dir;
  dir.Write("articles/a.txt", kGoodArticle);
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i % 256);
  dir.Write("articles/b.txt", binary);
  dir.Write("articles/c.txt", std::string("Olaf Scholz met Joe Biden.\0 More text.\n", 39));
  // A NUL far from the start, past any first-block probe.
  std::string late(20000, ' ');
  late.replace(0, kOtherArticle.size(), kOtherArticle);
  late[15000] = '\0';
  dir.Write("articles/d.txt", late);
  fs::path folder = dir.path() / "articles";
  CommandResult result = Actorgraph("extract " + Q(folder));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "actorgraph: warning: " + (folder / "b.txt").string() + ": skipped: binary file\n" +
                            "actorgraph: warning: " + (folder / "c.txt").string() + ": skipped: binary file\n" +
                            "actorgraph: warning: " + (folder / "d.txt").string() + ": skipped: binary file\n" +
                            "actorgraph: warning: 3 input(s) skipped\n");
  EXPECT_NE(result.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("Joe Biden"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("Kishida"), std::string::npos) << result.out;
}

TEST(Faults, InvalidUtf8IsReplacedWithAWarningNamingTheByte) {
  TempDir dir;
  std::string path = dir.Write("broken.txt", "Emmanuel Macron called Olaf Scholz. Then \xff\xfe came.\n");
  CommandResult result = Actorgraph("extract " + Q(path));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "actorgraph: warning: " + path + ": invalid UTF-8 at byte 41, replaced\n");
  EXPECT_NE(result.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos) << result.out;
}

TEST(Faults, EmptyFileIsSkippedWithAWarning) {
  TempDir dir;
  dir.Write("articles/a.txt", kGoodArticle);
  std::string empty = dir.Write("articles/empty.txt", "");
  CommandResult result = Actorgraph("extract " + Q(dir.path() / "articles"));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "actorgraph: warning: " + empty + ": skipped: empty file\n" +
                            "actorgraph: warning: 1 input(s) skipped\n");
  EXPECT_NE(result.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos) << result.out;
}

// --- JSONL ------------------------------------------------------------------------

TEST(Faults, BrokenJsonlLineIsAnErrorNamingTheLineOrSkippedAndCounted) {
  TempDir dir;
  std::string feed = dir.Write("feed.jsonl",
                               "{\"id\": \"a\", \"text\": \"Emmanuel Macron called Olaf Scholz.\"}\n"
                               "\n"
                               "{\"id\": \"b\", \"text\": \"Olaf Scholz met Joe Biden.\"}\n"
                               "{\"id\": \"c\", \"text\": \"unterminated}\n"
                               "{\"id\": \"d\", \"text\": \"Japan's prime minister Fumio Kishida visited Kyiv.\"}\n"
                               "[1, 2]\n");
  ExpectFailureKeepsOutputs(dir, Q(feed), [&](const CommandResult& result) {
    ExpectErrorStartingWith(result, feed + ":4: not a JSON object: ");
  });
  CommandResult skipped = Actorgraph("extract --skip-bad " + Q(feed));
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  std::vector<std::string> lines;
  std::stringstream err(skipped.err);
  for (std::string line; std::getline(err, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << skipped.err;
  EXPECT_EQ(lines[0].rfind("actorgraph: warning: " + feed + ":4: not a JSON object: ", 0), 0u) << lines[0];
  EXPECT_TRUE(lines[0].ends_with("; skipped")) << lines[0];
  EXPECT_EQ(lines[1].rfind("actorgraph: warning: " + feed + ":6: not a JSON object: ", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2], "actorgraph: warning: 2 input(s) skipped");
  EXPECT_NE(skipped.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos) << skipped.out;
  EXPECT_NE(skipped.out.find("Fumio Kishida\tvisited\tUkraine"), std::string::npos) << skipped.out;
}

// A JSONL line longer than the article cap (here 200 MB against 64 MiB) is never held
// whole: it is a broken line, and memory stays bounded by the cap, not the line.
TEST(Faults, OverlongJsonlLineIsABrokenLineReadInBoundedMemory) {
  TempDir dir;
  fs::path feed = dir.path() / "feed.jsonl";
  {
    std::ofstream out(feed, std::ios::binary);
    out << "{\"id\": \"a\", \"text\": \"Emmanuel Macron called Olaf Scholz.\"}\n";
    out << "{\"id\": \"huge\", \"text\": \"";
  }
  fs::path rest = dir.path() / "rest";
  WriteEndlessLine(rest, 200u << 20);
  RunCommand("cat " + Q(rest) + " >> " + Q(feed) + " && printf '\"}\\n' >> " + Q(feed));
  fs::remove(rest);
  MeasuredRun run = RunMeasured(dir, {"extract", "--skip-bad", feed.string()});
  Report("JSONL line of 200 MB", run);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "actorgraph: warning: " + feed.string() +
                         ":2: line longer than the limit of 67108864 bytes; skipped\n" +
                         "actorgraph: warning: 1 input(s) skipped\n");
  EXPECT_NE(run.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos);
  // The line buffer reaches the cap (64 MiB) before the line is known to be too long.
  EXPECT_LT(run.peak_rss_mib, kSanitized ? 400 : 300);
}

// --- Limits: size, length and count ----------------------------------------------

// 200 MB of words with no newline and no stop: the article is cut at the article cap and
// its run-on sentence into pieces at the sentence cap, each with one warning.
TEST(Faults, HugeFileWithoutNewlineIsCutWithWarningsInBoundedMemory) {
  TempDir dir;
  fs::path huge = dir.path() / "articles" / "huge.txt";
  fs::create_directories(huge.parent_path());
  WriteEndlessLine(huge, 200u << 20);
  dir.Write("articles/small.txt", kGoodArticle);
  MeasuredRun run = RunMeasured(dir, {"extract", (dir.path() / "articles").string()});
  fs::remove(huge);
  Report("200 MB file without a newline", run);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines;
  std::stringstream err(run.err);
  for (std::string line; std::getline(err, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u) << run.err;
  EXPECT_EQ(lines[0], "actorgraph: warning: " + huge.string() +
                          ": article cut to 67108864 bytes (longer than the limit of 67108864)");
  EXPECT_EQ(lines[1].rfind("actorgraph: warning: " + huge.string() + ": 1 sentence longer than 4096 bytes cut into ",
                           0),
            0u)
      << lines[1];
  EXPECT_NE(run.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos);
  // One 64 MiB article in flight: its text, the prepared copy and its offset map.
  EXPECT_LT(run.peak_rss_mib, kSanitized ? 800 : 700);
  EXPECT_LT(run.seconds, 120);
}

TEST(Faults, OverlongSentenceIsCutWithAWarning) {
  TempDir dir;
  std::string sentence = "Emmanuel Macron called Olaf Scholz";
  while (sentence.size() < 10000) sentence += " and then talked at length about the weather";
  std::string path = dir.Write("long.txt", sentence + ".\n");
  CommandResult result = Actorgraph("extract " + Q(path));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "actorgraph: warning: " + path + ": 1 sentence longer than 4096 bytes cut into 3 pieces\n");
  EXPECT_NE(result.out.find("Emmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos) << result.out;
}

TEST(Faults, ArticleOfAMillionSentencesRunsInBoundedTimeAndMemory) {
  TempDir dir;
  fs::path path = dir.path() / "long.txt";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 1000000; ++i) {
      out << (i % 10000 == 0 ? "Emmanuel Macron called Olaf Scholz." : "It rained.") << (i % 10 == 9 ? "\n" : " ");
    }
  }
  MeasuredRun run = RunMeasured(dir, {"extract", path.string()});
  Report("article of 10^6 sentences (11 MB)", run);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(Lines(run.out), 1 + 100) << run.out.substr(0, 500);  // header + every 10000th sentence
  EXPECT_NE(run.out.find("long\t990001\tEmmanuel Macron\tcalled\tOlaf Scholz"), std::string::npos);
  EXPECT_LT(run.peak_rss_mib, kSanitized ? 500 : 400);
  EXPECT_LT(run.seconds, 60);
}

TEST(Faults, HundredThousandTinyFilesAreAllRead) {
  TempDir dir;
  fs::path folder = dir.path() / "many";
  constexpr int kFiles = 100000;
  const std::string kRain = "It rained in the capital.\n";
  auto start = std::chrono::steady_clock::now();
  for (int d = 0; d < 100; ++d) {
    fs::path sub = folder / ("d" + std::to_string(1000 + d));
    fs::create_directories(sub);
    for (int f = 0; f < kFiles / 100; ++f) {
      const std::string& text = f % 100 == 0 ? kGoodArticle : kRain;
      fs::path file = sub / ("a" + std::to_string(10000 + f) + ".txt");
      int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ASSERT_GE(fd, 0) << file;
      ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
      ::close(fd);
    }
  }
  std::printf("[ measured ] creating 10^5 files: %.1f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  fs::path table = dir.path() / "table.tsv";
  MeasuredRun run = RunMeasured(dir, {"extract", folder.string(), "-o", table.string()});
  Report("10^5 tiny files", run);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  std::string out = Slurp(table);
  EXPECT_EQ(Lines(out), 1 + kFiles / 100);
  EXPECT_LT(run.peak_rss_mib, kSanitized ? 400 : 300);
  EXPECT_LT(run.seconds, 120);
}

TEST(Faults, FolderSymlinkLoopEndsWithAWarning) {
  TempDir dir;
  fs::path root = dir.path() / "articles";
  dir.Write("articles/sub/a.txt", kGoodArticle);
  fs::create_directory_symlink(root, root / "sub" / "loop");   // back to the top
  fs::create_directory_symlink(root / "sub", root / "sub" / "self");  // to itself
  CommandResult result = RunCommand("timeout 60 " + ShellQuote(kBinary) + " extract " + Q(root));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::string why = ": not followed: folder already read (symlink loop or second name)\n";
  EXPECT_EQ(result.err, "actorgraph: warning: " + (root / "sub" / "loop").string() + why +
                            "actorgraph: warning: " + (root / "sub" / "self").string() + why);
  EXPECT_EQ(Lines(result.out), 2) << result.out;  // header and a.txt's relation, once
}

// --- Rule files ---------------------------------------------------------------------

TEST(Faults, RuleFileWithABadRegexNamesFileAndLine) {
  TempDir dir;
  std::string rules = dir.Write("rules/praise.rules",
                                "# Praise.\n"
                                "relation commended\n"
                                "  family cooperation\n"
                                "  pattern {X} commended {Y}\n"
                                "  pattern {X} (?:lauded {Y}\n");
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  ExpectFailureKeepsOutputs(dir, Q(good) + " --rules " + Q(dir.path() / "rules"), [&](const CommandResult& result) {
    ExpectErrorStartingWith(result, rules + ":5: bad pattern: missing ): ");
  });
}

TEST(Faults, RuleFileWithAnUnknownFieldNamesFileAndLine) {
  TempDir dir;
  std::string actors = dir.Write("rules/people.actors",
                                 "actor Ada Example\n"
                                 "  type person\n"
                                 "\n"
                                 "actor Republic of Example\n"
                                 "  type country\n"
                                 "  captial Example City\n");
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  ExpectFailureKeepsOutputs(dir, Q(good) + " --rules " + Q(dir.path() / "rules"), [&](const CommandResult& result) {
    ExpectError(result, actors + ":6: unknown field 'captial'");
  });
}

TEST(Faults, RuleFileWithADuplicateActorNamesBothPlaces) {
  TempDir dir;
  std::string actors = dir.Write("rules/people.actors",
                                 "actor Ada Example\n"
                                 "  type person\n"
                                 "\n"
                                 "# again\n"
                                 "actor Ada Example\n"
                                 "  type person\n");
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  ExpectFailureKeepsOutputs(dir, Q(good) + " --rules " + Q(dir.path() / "rules"), [&](const CommandResult& result) {
    ExpectError(result, actors + ":5: duplicate actor 'Ada Example' (first defined at " + actors + ":1)");
  });
}

// --- Outputs that cannot be written ------------------------------------------------------

TEST(Faults, OutputUnderARegularFileIsAnErrorNamingIt) {
  TempDir dir;
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  std::string file = dir.Write("plain-file", "not a folder\n");
  CommandResult build = Actorgraph("build -q " + Q(good) + " -o " + Q(file + "/out"));
  ExpectError(build, file + "/out: cannot create the output folder: Not a directory");
  CommandResult build_onto_file = Actorgraph("build -q " + Q(good) + " -o " + Q(file));
  ExpectErrorStartingWith(build_onto_file, file + ": ");
  EXPECT_EQ(Slurp(file), "not a folder\n");
  CommandResult extract = Actorgraph("extract -q " + Q(good) + " -o " + Q(file + "/table.tsv"));
  ExpectError(extract, file + "/table.tsv: cannot write: Not a directory");
  CommandResult proc = Actorgraph("build -q " + Q(good) + " -o /proc/actorgraph-out");
  ExpectErrorStartingWith(proc, "/proc/actorgraph-out: cannot create the output folder: ");
  EXPECT_FALSE(fs::exists("/proc/actorgraph-out"));
  EXPECT_EQ(Snapshot(dir.path()).size(), 2u);  // "good" and "plain-file": nothing was added
}

// Evidence sentences go to a temporary file in $TMPDIR while the graph is built
// (graph/spill_file.h). A $TMPDIR that cannot hold one stops the run with one line that
// names it, and leaves no output behind.
TEST(Faults, UnusableTmpdirIsAnErrorNamingIt) {
  TempDir dir;
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  std::string missing = (dir.path() / "no-such-folder").string();
  CommandResult build =
      RunCommand("TMPDIR=" + Q(missing) + " " + ShellQuote(kBinary) + " build -q " + Q(good) + " -o " + Q(dir.path() / "out"));
  ExpectError(build, missing + ": cannot create a temporary file for evidence: No such file or directory");
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

bool IsCharacterDevice(const char* path) {
  struct stat st = {};
  return ::lstat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

// A full disk, from /dev/full. AtomicFile writes devices in place; if it ever renamed a
// temporary file over its target instead, the target here is a symlink in a temp folder,
// so the first check can only replace the symlink, and /dev/full itself is used only once
// that check has shown that the device is written in place.
TEST(Faults, FullDiskIsAnErrorNamingTheFileAndKeepsTheOldOutput) {
  ASSERT_TRUE(IsCharacterDevice("/dev/full"));
  TempDir dir;
  std::string good = dir.Write("good/article.txt", kGoodArticle);
  std::string other = dir.Write("other/article.txt", kOtherArticle);

  fs::path table = dir.path() / "table.tsv";
  fs::create_symlink("/dev/full", table);
  CommandResult through_link = Actorgraph("extract -q " + Q(good) + " -o " + Q(table));
  ExpectError(through_link, table.string() + ": write failed (disk full?)");
  ASSERT_TRUE(fs::is_symlink(table)) << "the symlink to /dev/full was replaced";
  ExpectNoTemporaryFiles(dir.path());

  CommandResult direct = Actorgraph("extract -q " + Q(good) + " -o /dev/full");
  ExpectError(direct, "/dev/full: write failed (disk full?)");
  EXPECT_TRUE(IsCharacterDevice("/dev/full"));
  for (const fs::directory_entry& entry : fs::directory_iterator("/dev")) {
    EXPECT_EQ(entry.path().filename().string().rfind("full.tmp-", 0), std::string::npos) << entry.path();
  }

  // build: the first file written (graph.dot) is on a full disk. The run fails naming it,
  // and the files of the earlier good run, from other input, are still there unchanged.
  fs::path out = dir.path() / "out";
  CommandResult first = Actorgraph("build -q " + Q(good) + " -o " + Q(out));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  fs::remove(out / "graph.dot");
  fs::create_symlink("/dev/full", out / "graph.dot");
  std::map<std::string, std::string> before = Snapshot(out);
  CommandResult full = Actorgraph("build -q " + Q(other) + " -o " + Q(out));
  ExpectError(full, (out / "graph.dot").string() + ": write failed (disk full?)");
  EXPECT_EQ(Snapshot(out), before);
  ExpectNoTemporaryFiles(out);
  EXPECT_TRUE(IsCharacterDevice("/dev/full"));
}

}  // namespace
}  // namespace actorgraph
