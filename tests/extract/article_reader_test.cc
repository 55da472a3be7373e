#include "extract/article_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/error.h"
#include "tests/support/run_command.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Every article the reader gives for `paths`.
std::vector<Document> ReadAll(const std::vector<std::string>& paths, Diagnostics& diagnostics,
                              ReaderOptions options = {}) {
  ArticleReader reader(paths, options, diagnostics);
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(&doc)) docs.push_back(doc);
  return docs;
}

std::vector<std::string> Ids(const std::vector<Document>& docs) {
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  return ids;
}

// The message of the Error that reading `paths` throws, or "<no error>".
std::string ErrorOf(const std::vector<std::string>& paths, ReaderOptions options = {}) {
  CollectingDiagnostics diagnostics;
  try {
    ReadAll(paths, diagnostics, options);
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

bool Contains(const std::vector<std::string>& messages, const std::string& needle) {
  for (const std::string& m : messages) {
    if (m.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(ArticleReader, ReadsOneTextFile) {
  TempDir dir;
  std::string text = " date 2022-03-31 Lavrov arrived in New Delhi on Thursday.\n\nMore.\n";
  std::string path = dir.Write("000_lavrov.txt", text);
  CollectingDiagnostics diagnostics;
  ArticleReader reader({path}, {}, diagnostics);
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "000_lavrov");
  EXPECT_EQ(doc.origin, path);
  EXPECT_EQ(doc.text, text);
  EXPECT_EQ(doc.date, "2022-03-31");
  EXPECT_EQ(doc.title, "");
  EXPECT_FALSE(reader.Next(&doc));
  EXPECT_EQ(reader.articles_read(), 1u);
  EXPECT_EQ(reader.bytes_read(), text.size());
  EXPECT_EQ(reader.skipped(), 0u);
  EXPECT_TRUE(diagnostics.messages().empty());
}

TEST(ArticleReader, FindsTheDatelineInTheFirstLines) {
  struct Case {
    std::string text;
    std::string date;
  };
  const Case cases[] = {
      {" date 2022-03-31 Russian Foreign Minister Sergey Lavrov arrived.", "2022-03-31"},
      // The RT layout: a month calendar first, then "D-M-YYYY" (day first).
      {"Select date\n\nJuly 2024\nMon Tue Wed Thu Fri Sat Sun\n\nTop diplomats discuss ties\n\n"
       "3-7-2024 < RT 11 618 words\n \n\n\nThe ministers met on Wednesday.",
       "2024-07-03"},
      {"Lavrov in Delhi\nMarch 31, 2022\nThe minister arrived.", "2022-03-31"},
      {"Lavrov in Delhi\n31 March 2022\nThe minister arrived.", "2022-03-31"},
      {"Mar. 31, 2022 | Staff\nText.", "2022-03-31"},
      {"Published 2022-03-31T10:00:00Z\nText.", "2022-03-31"},
      {"Lavrov to meet Jaishankar today\n\nThe talks begin.", ""},
      {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n31 March 2022\n", ""},  // past the first lines
      {std::string(700, 'x') + "\n31 March 2022\n", ""},           // past the first bytes
  };
  for (const Case& c : cases) {
    TempDir dir;
    CollectingDiagnostics diagnostics;
    std::vector<Document> docs = ReadAll({dir.Write("a.txt", c.text)}, diagnostics);
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].date, c.date) << c.text;
  }
}

TEST(ArticleReader, ReadsFolderInByteWiseOrderOfRelativePath) {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a/z.txt", "z");
  dir.Write("a/b/c.txt", "c");
  dir.Write("a-c.txt", "ac");
  dir.Write("A.txt", "A");
  dir.Write("deep/er/still/n.TXT", "n");
  dir.Write("notes.md", "not an article");
  dir.Write("feed.jsonl", "{\"id\":\"x\",\"text\":\"only when named\"}\n");
  CollectingDiagnostics diagnostics;
  std::vector<Document> docs = ReadAll({dir.path().string()}, diagnostics);
  // '-' (0x2D) sorts before '/' (0x2F), and capitals before lower case.
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"A", "a-c", "c", "z", "b", "n"}));
  EXPECT_EQ(docs[2].origin, (dir.path() / "a/b/c.txt").string());
  EXPECT_TRUE(diagnostics.messages().empty());
}

TEST(ArticleReader, ReadsPathsInTheOrderGiven) {
  TempDir dir;
  std::string one = dir.Write("one.txt", "one");
  std::string folder = (dir.path() / "f").string();
  dir.Write("f/two.txt", "two");
  std::string feed = dir.Write("feed.jsonl", "{\"id\":\"three\",\"text\":\"3\"}\n");
  CollectingDiagnostics diagnostics;
  EXPECT_EQ(Ids(ReadAll({feed, one, folder}, diagnostics)),
            (std::vector<std::string>{"three", "one", "two"}));
}

TEST(ArticleReader, ChecksPathsLazily) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "text");
  std::string missing = (dir.path() / "missing").string();
  CollectingDiagnostics diagnostics;
  ArticleReader reader({good, missing}, {}, diagnostics);
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "good");
  EXPECT_THROW(reader.Next(&doc), Error);
}

TEST(ArticleReader, ReadsJsonl) {
  TempDir dir;
  std::string path = dir.Write(
      "news.jsonl",
      "{\"id\": \"a1\", \"text\": \"Lavrov met Wang.\\nThen left.\", \"title\": \"Talks\", "
      "\"url\": \"https://example.com/a1\", \"date\": \"2022-03-31T10:00:00Z\"}\n"
      "\n"
      "{\"id\": 42, \"text\": \"Caf\\u00e9 \\uD83D\\uDE00\", \"date\": \"Thu, 31 Mar 2022\", "
      "\"extra\": {\"nested\": [1, 2]}}\r\n"
      "   \n"
      "{\"text\": \"no date\", \"id\": \"c\", \"date\": null}");  // no final newline
  CollectingDiagnostics diagnostics;
  ArticleReader reader({path}, {}, diagnostics);
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(&doc)) docs.push_back(doc);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a1");
  EXPECT_EQ(docs[0].origin, path + ":1");
  EXPECT_EQ(docs[0].text, "Lavrov met Wang.\nThen left.");
  EXPECT_EQ(docs[0].title, "Talks");
  EXPECT_EQ(docs[0].url, "https://example.com/a1");
  EXPECT_EQ(docs[0].date, "2022-03-31");
  EXPECT_EQ(docs[1].id, "42");
  EXPECT_EQ(docs[1].origin, path + ":3");
  EXPECT_EQ(docs[1].text, "Caf\xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(docs[1].date, "2022-03-31");
  EXPECT_EQ(docs[1].title, "");
  EXPECT_EQ(docs[2].id, "c");
  EXPECT_EQ(docs[2].origin, path + ":5");
  EXPECT_EQ(docs[2].date, "");
  EXPECT_EQ(reader.articles_read(), 3u);
  EXPECT_EQ(reader.skipped(), 0u);
  EXPECT_TRUE(diagnostics.messages().empty());
}

TEST(ArticleReader, WarnsAboutAJsonlDateItCannotRead) {
  TempDir dir;
  std::string path =
      dir.Write("news.jsonl", "{\"id\": \"a\", \"text\": \"t\", \"date\": \"last Tuesday\"}\n");
  CollectingDiagnostics diagnostics;
  std::vector<Document> docs = ReadAll({path}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].date, "");
  EXPECT_EQ(diagnostics.messages(),
            (std::vector<std::string>{path + ":1: date \"last Tuesday\" not understood; ignored"}));
}

TEST(ArticleReader, JsonlErrorsNameTheLine) {
  struct Case {
    std::string line;
    std::string error;  // after "<path>:2: "
  };
  const Case cases[] = {
      {"{\"id\": \"b\"}", "no \"text\" field"},
      {"{\"id\": \"b\", \"text\": 5}", "no \"text\" field that is a string"},
      {"{\"text\": \"t\"}", "no \"id\" field"},
      {"{\"id\": \"\", \"text\": \"t\"}", "no \"id\" field"},
      {"{\"id\": \"b\", \"text\": \"t\"", "not a JSON object: expected ',' or '}' at end of line"},
      {"not json", "not a JSON object: expected '{' at column 1"},
      {"[\"id\", \"text\"]", "not a JSON object: expected '{' at column 1"},
      {"{\"id\": \"b\", \"text\": \"t\"} trailing",
       "not a JSON object: unexpected text after the object at column 26"},
  };
  for (const Case& c : cases) {
    TempDir dir;
    std::string path =
        dir.Write("news.jsonl", "{\"id\": \"a\", \"text\": \"fine\"}\n" + c.line + "\n");
    EXPECT_EQ(ErrorOf({path}), path + ":2: " + c.error) << c.line;
  }
}

TEST(ArticleReader, SkipBadWarnsAndCountsBrokenLines) {
  TempDir dir;
  std::string path = dir.Write("news.jsonl",
                               "{\"id\": \"a\", \"text\": \"one\"}\n"
                               "{\"id\": \"b\"}\n"
                               "garbage\n"
                               "{\"id\": \"d\", \"text\": \"four\"}\n"
                               "{\"id\": \"e\", \"text\": \"\"}\n");
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.skip_bad = true;
  ArticleReader reader({path}, options, diagnostics);
  std::vector<std::string> ids;
  Document doc;
  while (reader.Next(&doc)) ids.push_back(doc.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "d"}));
  EXPECT_EQ(reader.skipped(), 3u);
  EXPECT_EQ(reader.articles_read(), 2u);
  EXPECT_EQ(diagnostics.messages(),
            (std::vector<std::string>{
                path + ":2: no \"text\" field; skipped",
                path + ":3: not a JSON object: expected '{' at column 1; skipped",
                path + ":5: skipped: empty \"text\"",
            }));
}

TEST(ArticleReader, SkipBadGoesOnAfterABadPath) {
  TempDir dir;
  std::string pdf = dir.Write("x.pdf", "%PDF");
  std::string empty_dir = (dir.path() / "empty_dir").string();
  fs::create_directories(empty_dir);
  std::string good = dir.Write("good.txt", "text");
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.skip_bad = true;
  ArticleReader reader({pdf, empty_dir, good}, options, diagnostics);
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "good");
  EXPECT_FALSE(reader.Next(&doc));
  EXPECT_EQ(reader.skipped(), 2u);
  EXPECT_EQ(diagnostics.messages(),
            (std::vector<std::string>{pdf + ": not a .txt, .jsonl or folder; skipped",
                                      empty_dir + ": no .txt articles found; skipped"}));
}

TEST(ArticleReader, PathErrors) {
  TempDir dir;
  std::string missing = (dir.path() / "corpus/missing").string();
  std::string empty_dir = (dir.path() / "empty_dir").string();
  fs::create_directories(empty_dir);
  dir.Write("empty_dir/readme.md", "no articles");
  std::string pdf = dir.Write("x.pdf", "%PDF");
  EXPECT_EQ(ErrorOf({missing}), missing + ": no such file or directory");
  EXPECT_EQ(ErrorOf({empty_dir}), empty_dir + ": no .txt articles found");
  EXPECT_EQ(ErrorOf({pdf}), pdf + ": not a .txt, .jsonl or folder");
}

TEST(ArticleReader, MissingPathThrowsEvenWithSkipBad) {
  TempDir dir;
  std::string missing = (dir.path() / "missing.txt").string();
  ReaderOptions options;
  options.skip_bad = true;
  EXPECT_EQ(ErrorOf({missing}, options), missing + ": no such file or directory");
}

TEST(ArticleReader, UnreadableFileIsAnError) {
  TempDir dir;
  // A dangling symlink fails to open whoever runs the test (root reads a chmod 000 file).
  fs::create_symlink(dir.path() / "gone", dir.path() / "a.txt");
  std::string path = (dir.path() / "a.txt").string();
  EXPECT_EQ(ErrorOf({dir.path().string()}), path + ": cannot read: No such file or directory");

  ReaderOptions options;
  options.skip_bad = true;
  dir.Write("b.txt", "fine");
  CollectingDiagnostics diagnostics;
  EXPECT_EQ(Ids(ReadAll({dir.path().string()}, diagnostics, options)),
            (std::vector<std::string>{"b"}));
  EXPECT_EQ(diagnostics.messages(),
            (std::vector<std::string>{path + ": cannot read: No such file or directory; skipped"}));
}

TEST(ArticleReader, PermissionDeniedNamesTheFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  TempDir dir;
  std::string path = dir.Write("a.txt", "secret");
  fs::permissions(path, fs::perms::none);
  EXPECT_EQ(ErrorOf({path}), path + ": cannot read: Permission denied");
}

TEST(ArticleReader, SkipsBinaryAndEmptyFilesWithAWarning) {
  TempDir dir;
  dir.Write("a_good.txt", "Lavrov met Wang.");
  std::string binary = dir.Write("b_binary.txt", std::string("PK\x03\x04\0\0zip", 9));
  std::string empty = dir.Write("c_empty.txt", "");
  dir.Write("d_good.txt", "Wang met Lavrov.");
  CollectingDiagnostics diagnostics;
  ArticleReader reader({dir.path().string()}, {}, diagnostics);
  std::vector<std::string> ids;
  Document doc;
  while (reader.Next(&doc)) ids.push_back(doc.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a_good", "d_good"}));
  EXPECT_EQ(reader.skipped(), 2u);
  EXPECT_EQ(diagnostics.messages(), (std::vector<std::string>{binary + ": skipped: binary file",
                                                              empty + ": skipped: empty file"}));
}

// Issue 6: a FIFO named x.txt in a folder used to block the run forever in open().
TEST(ArticleReader, FifoNamedTxtIsUnreadableNotWaitedOn) {
  TempDir dir;
  dir.Write("articles/a.txt", "Emmanuel Macron called Olaf Scholz.");
  std::string fifo = (dir.path() / "articles" / "x.txt").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.skip_bad = true;
  std::vector<Document> docs = ReadAll({(dir.path() / "articles").string()}, diagnostics, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(diagnostics.messages(),
            (std::vector<std::string>{fifo + ": cannot read: not a regular file; skipped"}));
}

// Issue 6: a file with a NUL byte is skipped, wherever the NUL is (not only in a first
// block), since a text file with a stray NUL in the middle is not prose either.
TEST(ArticleReader, NulAfterTheFirst8KiBStillMakesAFileBinary) {
  TempDir dir;
  std::string text = std::string(9000, 'a') + std::string(1, '\0') + "tail";
  std::string path = dir.Write("late_nul.txt", text);
  CollectingDiagnostics diagnostics;
  std::vector<Document> docs = ReadAll({path}, diagnostics);
  EXPECT_TRUE(docs.empty());
  EXPECT_EQ(diagnostics.messages(), (std::vector<std::string>{path + ": skipped: binary file"}));
}

TEST(ArticleReader, EmptyJsonlFileIsSkippedWithAWarning) {
  TempDir dir;
  std::string path = dir.Write("empty.jsonl", "");
  CollectingDiagnostics diagnostics;
  ArticleReader reader({path}, {}, diagnostics);
  Document doc;
  EXPECT_FALSE(reader.Next(&doc));
  EXPECT_EQ(reader.skipped(), 1u);
  EXPECT_EQ(diagnostics.messages(), (std::vector<std::string>{path + ": skipped: empty file"}));
}

TEST(ArticleReader, SymlinkLoopTerminates) {
  TempDir dir;
  dir.Write("corpus/a.txt", "a");
  dir.Write("corpus/sub/b.txt", "b");
  fs::create_directory_symlink(dir.path() / "corpus", dir.path() / "corpus/sub/loop");
  fs::create_directory_symlink(".", dir.path() / "corpus/self");
  fs::create_symlink("self_link.txt", dir.path() / "corpus/self_link.txt");  // ELOOP
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.skip_bad = true;
  std::vector<Document> docs = ReadAll({(dir.path() / "corpus").string()}, diagnostics, options);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(Contains(diagnostics.messages(), "loop: not followed: folder already read"));
  EXPECT_TRUE(Contains(diagnostics.messages(), "self: not followed: folder already read"));
}

TEST(ArticleReader, FollowsSymlinksToFoldersOutside) {
  TempDir dir;
  dir.Write("elsewhere/x.txt", "x");
  dir.Write("corpus/a.txt", "a");
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "corpus/linked");
  CollectingDiagnostics diagnostics;
  EXPECT_EQ(Ids(ReadAll({(dir.path() / "corpus").string()}, diagnostics)),
            (std::vector<std::string>{"a", "x"}));
}

TEST(ArticleReader, CutsLongArticlesWithAWarning) {
  TempDir dir;
  // "é" is two bytes; the cut must not split it.
  std::string path = dir.Write("long.txt", "abcdefghi\xC3\xA9xyz");
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.max_article_bytes = 10;
  std::vector<Document> docs = ReadAll({path}, diagnostics, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "abcdefghi");
  EXPECT_EQ(
      diagnostics.messages(),
      (std::vector<std::string>{path + ": article cut to 9 bytes (longer than the limit of 10)"}));
}

TEST(ArticleReader, ArticleOfExactlyTheLimitIsNotCut) {
  TempDir dir;
  std::string path = dir.Write("exact.txt", "0123456789");
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.max_article_bytes = 10;
  std::vector<Document> docs = ReadAll({path}, diagnostics, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "0123456789");
  EXPECT_TRUE(diagnostics.messages().empty());
}

TEST(ArticleReader, OverlongJsonlLineIsAnErrorNotAnAllocation) {
  TempDir dir;
  std::string long_line = "{\"id\": \"big\", \"text\": \"" + std::string(200000, 'x') + "\"}";
  std::string path =
      dir.Write("news.jsonl", long_line + "\n{\"id\": \"small\", \"text\": \"s\"}\n");
  ReaderOptions options;
  options.max_article_bytes = 1000;
  EXPECT_EQ(ErrorOf({path}, options), path + ":1: line longer than the limit of 1000 bytes");

  options.skip_bad = true;
  CollectingDiagnostics diagnostics;
  EXPECT_EQ(Ids(ReadAll({path}, diagnostics, options)), (std::vector<std::string>{"small"}));
}

// Standard input is swapped for a file for the length of one test.
class StandardInput {
 public:
  explicit StandardInput(const std::string& path) {
    saved_ = ::dup(0);
    EXPECT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  }
  ~StandardInput() {
    ::dup2(saved_, 0);
    ::close(saved_);
    std::clearerr(stdin);
  }

 private:
  int saved_;
};

TEST(ArticleReader, ReadsPlainTextFromStandardInput) {
  TempDir dir;
  std::string text = " date 2022-03-31 Lavrov arrived.\n";
  StandardInput input(dir.Write("in.txt", text));
  CollectingDiagnostics diagnostics;
  std::vector<Document> docs = ReadAll({"-"}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "stdin");
  EXPECT_EQ(docs[0].origin, "-");
  EXPECT_EQ(docs[0].text, text);  // the leading space is kept
  EXPECT_EQ(docs[0].date, "2022-03-31");
}

TEST(ArticleReader, ReadsJsonlFromStandardInput) {
  TempDir dir;
  StandardInput input(dir.Write("in.jsonl",
                                "\n  {\"id\": \"a\", \"text\": \"one\"}\n"
                                "{\"id\": \"b\"}\n"));
  CollectingDiagnostics diagnostics;
  ReaderOptions options;
  options.skip_bad = true;
  std::vector<Document> docs = ReadAll({"-"}, diagnostics, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[0].origin, "-:2");
  EXPECT_EQ(diagnostics.messages(), (std::vector<std::string>{"-:3: no \"text\" field; skipped"}));
}

}  // namespace
}  // namespace actorgraph
