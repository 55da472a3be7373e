// Reads articles from the paths a user gives: a .txt file, a folder (every .txt below
// it, in byte-wise sorted order of the relative path; symlinks to folders are followed,
// but a folder already listed, as through a symlink loop, is not listed again), a .jsonl
// file (one JSON object per line: "id" and "text" required; "title", "date", "url"
// optional), or "-" for standard input (JSONL when the first non-blank byte is '{', else
// one plain-text article with id "stdin"). Extensions match in any case (".TXT").
// Articles are streamed one at a time so a corpus of any size is read in bounded memory:
// the current article, a folder's list of file names, and one JSONL line.
#ifndef ACTORGRAPH_EXTRACT_ARTICLE_READER_H_
#define ACTORGRAPH_EXTRACT_ARTICLE_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "extract/diagnostics.h"
#include "extract/document.h"

namespace actorgraph {

struct ReaderOptions {
  // Go on after a broken JSONL line, an unreadable file, a path that is not .txt, .jsonl
  // or a folder, or a folder without .txt files, warning ("<message>; skipped") and
  // counting it, instead of throwing. A missing path always throws: it is a typo.
  bool skip_bad = false;
  // A plain-text article longer than this is cut (not inside a UTF-8 character), with a
  // warning. A JSONL line longer than this is a broken line, never held whole in memory.
  std::size_t max_article_bytes = 64u << 20;
};

// Not thread-safe; one reader feeds the extraction threads.
class ArticleReader {
 public:
  // Paths are checked lazily, in order, as Next() reaches them.
  ArticleReader(std::vector<std::string> paths, ReaderOptions options, Diagnostics& diagnostics);
  ~ArticleReader();
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  // Fills *doc with the next article and returns true, or returns false at the end.
  // Throws Error with a one-line message naming the path (and JSONL line) for: a missing
  // path, a folder without any .txt, a path that is neither .txt nor .jsonl nor a folder,
  // an unreadable file, a JSONL line that is not a JSON object or lacks a string "id" or
  // "text" (unless skip_bad). A .txt that is not a regular file (a FIFO, a device) is
  // unreadable, never waited on. Binary files (a NUL byte in what is read) and 0-byte
  // files are skipped with a warning. Document::date is the JSONL "date" (normalised to
  // YYYY-MM-DD when it parses as a date), or a date found in the first lines of a
  // plain-text article (" date 2022-03-31 ...", "3-7-2024 < RT ..." meaning 3 July 2024,
  // "March 31, 2022", "31 March 2022"; first 10 lines and 600 bytes only), else empty.
  // A JSONL "date" that is not a date is dropped with a warning. After a throw, Next()
  // may be called again and goes on after the input that failed.
  bool Next(Document* doc);

  std::size_t articles_read() const;  // articles returned by Next()
  std::size_t bytes_read() const;     // sum of their Document::text sizes
  // Inputs skipped with a warning: binary and empty files, empty JSONL "text", and with
  // skip_bad the files, folders and lines that would have thrown.
  std::size_t skipped() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_ARTICLE_READER_H_
