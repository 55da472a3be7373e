// Reads articles from the paths a user gives: a .txt file, a folder (every .txt below
// it, in byte-wise sorted order of the relative path, symlink loops detected), a .jsonl
// file (one JSON object per line: "id" and "text" required; "title", "date", "url"
// optional), or "-" for standard input (JSONL when the first non-blank byte is '{', else
// one plain-text article with id "stdin"). Articles are streamed one at a time so a corpus
// of any size is read in bounded memory.
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
  // Go on after a broken JSONL line or an unreadable file, warning and counting it,
  // instead of throwing.
  bool skip_bad = false;
  // An article longer than this is cut, with a warning.
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
  // "text" (unless skip_bad). Binary files (a NUL byte in the first 8 KiB) and 0-byte
  // files are skipped with a warning. Document::date is the JSONL "date" (normalised to
  // YYYY-MM-DD when it parses as a date), or a date found in the first lines of a
  // plain-text article (" date 2022-03-31 ...", "3-7-2024 < RT ..." meaning 3 July 2024,
  // "March 31, 2022", "31 March 2022"), else empty.
  bool Next(Document* doc);

  std::size_t articles_read() const;
  std::size_t bytes_read() const;
  std::size_t skipped() const;  // files and lines skipped with a warning

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_ARTICLE_READER_H_
