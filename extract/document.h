// One article as read from disk, a JSONL line or standard input.
#ifndef ACTORGRAPH_EXTRACT_DOCUMENT_H_
#define ACTORGRAPH_EXTRACT_DOCUMENT_H_

#include <string>

namespace actorgraph {

struct Document {
  std::string id;      // file name without extension, or the JSONL "id"
  std::string origin;  // where it came from, for messages: "corpus/a.txt", "news.jsonl:17", "-"
  std::string date;    // YYYY-MM-DD when known (JSONL "date" or a dateline), else empty
  std::string title;   // JSONL "title", else empty
  std::string url;     // JSONL "url", else empty
  std::string text;    // the raw bytes of the article; not guaranteed to be valid UTF-8
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_DOCUMENT_H_
