// Fuzz check of article reading: the JSONL line parser (extract/json_line.h) on each line,
// and ArticleReader (extract/article_reader.h) over the bytes written to a .jsonl and a
// .txt file. The reader is checked against a model built from its header: the articles
// of a JSONL file are exactly its lines that JsonLine accepts with a string "text" that is
// not empty and a non-empty "id", in order, whether or not bad lines throw.
#ifndef ACTORGRAPH_FUZZ_READER_CHECK_H_
#define ACTORGRAPH_FUZZ_READER_CHECK_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_reader.h"
#include "extract/error.h"
#include "extract/json_line.h"
#include "fuzz/fuzz_check.h"

namespace actorgraph::fuzz {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "" or "YYYY-MM-DD".
inline bool IsFullDateOrEmpty(std::string_view date) {
  if (date.empty()) return true;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(date[i])) return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// JsonLine on one line: either a one-line reason, or members with the promised lookups.
inline void CheckJsonLine(JsonLine& json, std::string_view line) {
  std::string error;
  if (!json.Parse(line, &error)) {
    FUZZ_CHECK(!error.empty() && error.find('\n') == std::string::npos,
               "rejected without a one-line reason");
    return;
  }
  for (const JsonMember& member : json.members()) {
    const JsonMember* found = json.Find(member.name);
    FUZZ_CHECK(found != nullptr, "Find misses member '" + Excerpt(member.name) + "'");
    FUZZ_CHECK(found->name == member.name, "Find returns another member");
    if (member.kind == JsonMember::Kind::kNumber) {
      FUZZ_CHECK(!member.value.empty() && line.find(member.value) != std::string_view::npos,
                 "number '" + Excerpt(member.value) + "' is not as written");
    }
    // Decoding never invents invalid UTF-8: bytes >= 0x80 are copied, so a line that is
    // valid UTF-8 gives valid names and values.
    if (IsValidUtf8(line)) {
      FUZZ_CHECK(IsValidUtf8(member.name) && IsValidUtf8(member.value),
                 "decoding made invalid UTF-8 from '" + Excerpt(line) + "'");
    }
  }
}

struct ExpectedArticle {
  std::string id;
  std::string text;
};

// The articles a JSONL file holding `bytes` yields, per the reader's contract.
inline std::vector<ExpectedArticle> ModelJsonl(std::string_view bytes, std::size_t max_line) {
  std::vector<ExpectedArticle> expected;
  JsonLine json;
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t newline = bytes.find('\n', pos);
    if (newline == std::string_view::npos) newline = bytes.size();
    std::string_view line = bytes.substr(pos, newline - pos);
    pos = newline + 1;
    ++number;
    if (line.size() > max_line) continue;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    std::string error;
    if (line.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) continue;
    if (!json.Parse(line, &error)) continue;
    const JsonMember* text = json.Find("text");
    const JsonMember* id = json.Find("id");
    if (text == nullptr || text->kind != JsonMember::Kind::kString) continue;
    if (id == nullptr || id->value.empty() || text->value.empty()) continue;
    expected.push_back({id->value, text->value});
  }
  return expected;
}

// Reads `path` to the end, collecting articles; with skip_bad nothing may throw, without
// it every Error is followed by going on after the failed input.
inline std::vector<Document> ReadAll(const std::string& path, ReaderOptions options,
                                     std::size_t max_calls) {
  CountingDiagnostics diagnostics;
  ArticleReader reader({path}, options, diagnostics);
  std::vector<Document> documents;
  std::size_t bytes = 0;
  for (std::size_t calls = 0;; ++calls) {
    FUZZ_CHECK(calls <= max_calls, "Next() does not reach the end of " + path);
    Document doc;
    try {
      if (!reader.Next(&doc)) break;
    } catch (const Error& e) {
      FUZZ_CHECK(!options.skip_bad, std::string("threw with skip_bad: ") + e.what());
      const std::string message = e.what();
      FUZZ_CHECK(message.find(path) != std::string::npos, "error does not name the file: " + message);
      FUZZ_CHECK(message.find('\n') == std::string::npos, "error is not one line: " + message);
      continue;
    }
    FUZZ_CHECK(IsFullDateOrEmpty(doc.date), "date '" + Excerpt(doc.date) + "'");
    FUZZ_CHECK(!doc.text.empty(), "an empty article");
    FUZZ_CHECK(!doc.id.empty(), "an article without id");
    bytes += doc.text.size();
    documents.push_back(std::move(doc));
  }
  FUZZ_CHECK(reader.articles_read() == documents.size(), "articles_read() is off");
  FUZZ_CHECK(reader.bytes_read() == bytes, "bytes_read() is off");
  return documents;
}

inline void WriteFile(const std::string& path, std::string_view bytes) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  FUZZ_CHECK(file != nullptr, "cannot create " + path);
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  FUZZ_CHECK(std::fclose(file) == 0 && ok, "cannot write " + path);
}

// `scratch_dir` is an existing folder the check may write two files into.
// The first byte sets the article size limit (small ones make "line too long" and cut
// articles reachable); the rest is the file.
inline void CheckReader(const std::uint8_t* data, std::size_t size, const std::string& scratch_dir) {
  ReaderOptions options;
  if (size > 0) {
    options.max_article_bytes = data[0] < 0x80 ? 1 + data[0] * 4u : (64u << 20);
    ++data;
    --size;
  }
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  JsonLine json;
  for (std::size_t pos = 0; pos <= bytes.size();) {
    std::size_t newline = bytes.find('\n', pos);
    if (newline == std::string_view::npos) newline = bytes.size();
    CheckJsonLine(json, bytes.substr(pos, newline - pos));
    pos = newline + 1;
  }

  const std::string jsonl = scratch_dir + "/fuzz.jsonl";
  WriteFile(jsonl, bytes);
  const std::vector<ExpectedArticle> expected = ModelJsonl(bytes, options.max_article_bytes);
  const std::size_t max_calls = 2 + bytes.size();
  for (bool skip_bad : {true, false}) {
    options.skip_bad = skip_bad;
    const std::vector<Document> documents = ReadAll(jsonl, options, max_calls);
    FUZZ_CHECK(documents.size() == expected.size(),
               std::to_string(documents.size()) + " articles, expected " +
                   std::to_string(expected.size()));
    for (std::size_t i = 0; i < documents.size(); ++i) {
      FUZZ_CHECK(documents[i].id == expected[i].id && documents[i].text == expected[i].text,
                 "article " + std::to_string(i) + " differs from its line");
    }
  }

  // The same bytes as a plain-text article: skipped when empty or binary, else read whole
  // or cut to the limit at a character boundary.
  const std::string txt = scratch_dir + "/fuzz.txt";
  WriteFile(txt, bytes);
  options.skip_bad = false;
  const std::vector<Document> documents = ReadAll(txt, options, 2);
  // A NUL near the start makes a file binary; one further on may too (the reader looks
  // at everything it reads).
  const bool binary = bytes.substr(0, 8192).find('\0') != std::string_view::npos;
  const bool maybe_binary = bytes.find('\0') != std::string_view::npos;
  // A limit smaller than the first character leaves nothing to read.
  std::size_t whole = std::min(bytes.size(), options.max_article_bytes);
  if (whole < bytes.size()) {
    for (int back = 0; back < 3 && whole > 0 && IsContinuationByte(bytes[whole]); ++back) --whole;
  }
  if (bytes.empty() || binary || whole == 0) {
    FUZZ_CHECK(documents.empty(), "an empty or binary file was read");
    return;
  }
  if (maybe_binary && documents.empty()) return;
  FUZZ_CHECK(documents.size() == 1, "a .txt file is not one article");
  const Document& doc = documents[0];
  FUZZ_CHECK(doc.id == "fuzz", "id '" + doc.id + "'");
  FUZZ_CHECK(bytes.starts_with(doc.text), "the text is not the file's bytes");
  if (bytes.size() <= options.max_article_bytes) {
    FUZZ_CHECK(doc.text.size() == bytes.size(), "a short article was cut");
  } else {
    FUZZ_CHECK(doc.text.size() <= options.max_article_bytes &&
                   doc.text.size() + 3 >= options.max_article_bytes,
               "cut to " + std::to_string(doc.text.size()));
    FUZZ_CHECK(!IsContinuationByte(bytes[doc.text.size()]) ||
                   doc.text.size() + 3 == options.max_article_bytes,
               "cut inside a character");
  }
}

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_READER_CHECK_H_
