// One line of a JSONL file, parsed just far enough for the article reader: the members
// at the top level of the object whose values are strings or numbers. Nested objects and
// arrays, true, false and null are checked for syntax and skipped. The parser is strict
// (RFC 8259): no comments, no trailing commas, no single quotes, no control characters
// inside strings, nothing after the closing brace but whitespace.
#ifndef ACTORGRAPH_EXTRACT_JSON_LINE_H_
#define ACTORGRAPH_EXTRACT_JSON_LINE_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

struct JsonMember {
  enum class Kind { kString, kNumber };
  std::string name;  // decoded
  Kind kind = Kind::kString;
  std::string value;  // a string decoded to UTF-8, or a number's text as written ("17", "-2.5e3")
};

// Reusable: one JsonLine parses line after line, keeping its buffers.
// Not thread-safe; use one per thread.
class JsonLine {
 public:
  // Parses `line` (without its newline) as exactly one JSON object. Escapes are decoded,
  // \uXXXX surrogate pairs to one UTF-8 character; a lone surrogate becomes U+FFFD, as
  // the grammar allows it but UTF-8 cannot carry it. Bytes >= 0x80 are copied as they are
  // (the reader does not promise valid UTF-8). Returns false when `line` is not one JSON
  // object, with *error set to a short reason naming the 1-based column, e.g.
  // "expected ':' at column 9"; members() is then unspecified.
  bool Parse(std::string_view line, std::string* error);

  // The top-level string and number members, in the order written; valid until the next
  // Parse().
  std::span<const JsonMember> members() const { return {members_.data(), used_}; }

  // The last top-level string or number member called `name` (JSON leaves duplicate
  // names to the reader; the last one wins, as in most parsers), or nullptr. The pointer
  // is valid until the next Parse().
  const JsonMember* Find(std::string_view name) const;

 private:
  std::vector<JsonMember> members_;
  std::size_t used_ = 0;  // members_[0, used_) hold this line's members; the rest are spares
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_JSON_LINE_H_
