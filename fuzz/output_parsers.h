// Strict readers for what the writers produce, so the writer check can parse each output
// back: XML 1.0 (well-formedness, with entity and character references decoded and
// attribute values normalised as a conforming parser does), JSON (RFC 8259), CSV
// (RFC 4180) and the DOT language (Graphviz's grammar, lexically exact). Each throws
// CheckFailure saying where the text breaks its grammar. They are written for this
// check, independently of the writers, and are small rather than fast.
#ifndef ACTORGRAPH_FUZZ_OUTPUT_PARSERS_H_
#define ACTORGRAPH_FUZZ_OUTPUT_PARSERS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/fuzz_check.h"

namespace actorgraph::fuzz {

inline void AppendUtf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the UTF-8 character at s[*i] (REQUIRES: s is valid UTF-8) and advances *i.
inline std::uint32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto b = static_cast<std::uint8_t>(s[*i]);
  std::size_t n = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  std::uint32_t cp = n == 0 ? b : n == 1 ? (b & 0x1F) : n == 2 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<std::uint8_t>(s[*i + k]) & 0x3F);
  *i += n + 1;
  return cp;
}

// XML 1.0's Char production.
inline bool IsXmlChar(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// ---------------------------------------------------------------------------------------
// XML

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // decoded, normalised
  std::string text;                                             // decoded character data
  std::vector<XmlElement> children;

  const std::string* Attribute(std::string_view attribute) const {
    for (const auto& [n, v] : attributes) {
      if (n == attribute) return &v;
    }
    return nullptr;
  }
};

class XmlParser {
 public:
  explicit XmlParser(std::string_view document) {
    FUZZ_CHECK(IsValidUtf8(document), "XML is not valid UTF-8");
    // End-of-line handling (XML 1.0 section 2.11).
    for (std::size_t i = 0; i < document.size(); ++i) {
      if (document[i] == '\r') {
        text_ += '\n';
        if (i + 1 < document.size() && document[i + 1] == '\n') ++i;
      } else {
        text_ += document[i];
      }
    }
    for (std::size_t i = 0; i < text_.size();) {
      const std::size_t at = i;
      FUZZ_CHECK(IsXmlChar(NextCodePoint(text_, &i)), "a character XML forbids at byte " + std::to_string(at));
    }
  }

  XmlElement Parse() {
    if (Lookahead("<?xml")) SkipPast("?>");
    SkipMisc();
    FUZZ_CHECK(Lookahead("<"), Where("no root element"));
    XmlElement root = Element(0);
    SkipMisc();
    FUZZ_CHECK(pos_ == text_.size(), Where("content after the root element"));
    return root;
  }

 private:
  std::string Where(const std::string& what) const {
    return what + " at byte " + std::to_string(pos_) + ": '" + Excerpt(std::string_view(text_).substr(pos_, 40)) + "'";
  }
  bool Lookahead(std::string_view s) const { return std::string_view(text_).substr(pos_).starts_with(s); }
  void SkipPast(std::string_view end) {
    const std::size_t found = text_.find(end, pos_);
    FUZZ_CHECK(found != std::string::npos, Where("unterminated construct"));
    pos_ = found + end.size();
  }
  bool IsSpace() const {
    return pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n');
  }
  void SkipSpace() {
    while (IsSpace()) ++pos_;
  }
  void SkipMisc() {
    for (;;) {
      SkipSpace();
      if (Lookahead("<!--")) {
        Comment();
      } else if (Lookahead("<?")) {
        SkipPast("?>");
      } else {
        return;
      }
    }
  }
  void Comment() {
    pos_ += 4;
    const std::size_t end = text_.find("--", pos_);
    FUZZ_CHECK(end != std::string::npos, Where("unterminated comment"));
    pos_ = end;
    FUZZ_CHECK(Lookahead("-->"), Where("'--' inside a comment"));
    pos_ += 3;
  }
  static bool NameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }
  static bool NameChar(char c) { return NameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
  std::string Name() {
    FUZZ_CHECK(pos_ < text_.size() && NameStart(text_[pos_]), Where("expected a name"));
    const std::size_t start = pos_;
    while (pos_ < text_.size() && NameChar(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  // At '&': a reference, decoded into *out.
  void Reference(std::string* out) {
    const std::size_t semicolon = text_.find(';', pos_);
    FUZZ_CHECK(semicolon != std::string::npos && semicolon - pos_ <= 12, Where("'&' without a reference"));
    const std::string_view ref = std::string_view(text_).substr(pos_ + 1, semicolon - pos_ - 1);
    if (ref == "amp") *out += '&';
    else if (ref == "lt") *out += '<';
    else if (ref == "gt") *out += '>';
    else if (ref == "quot") *out += '"';
    else if (ref == "apos") *out += '\'';
    else {
      FUZZ_CHECK(ref.size() >= 2 && ref[0] == '#', Where("unknown entity"));
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      FUZZ_CHECK(!digits.empty(), Where("empty character reference"));
      std::uint32_t cp = 0;
      for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        FUZZ_CHECK(d >= 0 && cp <= 0x10FFFF, Where("bad character reference"));
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      FUZZ_CHECK(IsXmlChar(cp), Where("reference to a character XML forbids"));
      AppendUtf8(cp, out);
    }
    pos_ = semicolon + 1;
  }
  std::string AttributeValue() {
    FUZZ_CHECK(pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\''), Where("unquoted attribute"));
    const char quote = text_[pos_++];
    std::string value;
    for (;;) {
      FUZZ_CHECK(pos_ < text_.size(), Where("unterminated attribute value"));
      const char c = text_[pos_];
      if (c == quote) break;
      FUZZ_CHECK(c != '<', Where("'<' in an attribute value"));
      if (c == '&') {
        Reference(&value);
        continue;
      }
      value += (c == '\t' || c == '\n') ? ' ' : c;  // attribute-value normalisation
      ++pos_;
    }
    ++pos_;
    return value;
  }
  XmlElement Element(int depth) {
    FUZZ_CHECK(depth < 64, Where("elements nested too deep"));
    XmlElement element;
    ++pos_;  // '<'
    element.name = Name();
    for (;;) {
      const bool spaced = IsSpace();
      SkipSpace();
      if (Lookahead("/>")) {
        pos_ += 2;
        return element;
      }
      if (Lookahead(">")) {
        ++pos_;
        break;
      }
      FUZZ_CHECK(spaced, Where("attributes not separated by whitespace"));
      std::string name = Name();
      SkipSpace();
      FUZZ_CHECK(Lookahead("="), Where("attribute without '='"));
      ++pos_;
      SkipSpace();
      std::string value = AttributeValue();
      FUZZ_CHECK(element.Attribute(name) == nullptr, Where("attribute '" + name + "' given twice"));
      element.attributes.emplace_back(std::move(name), std::move(value));
    }
    for (;;) {
      FUZZ_CHECK(pos_ < text_.size(), Where("element <" + element.name + "> not closed"));
      if (Lookahead("</")) {
        pos_ += 2;
        FUZZ_CHECK(Name() == element.name, Where("end tag does not match <" + element.name + ">"));
        SkipSpace();
        FUZZ_CHECK(Lookahead(">"), Where("end tag without '>'"));
        ++pos_;
        return element;
      }
      if (Lookahead("<!--")) {
        Comment();
      } else if (Lookahead("<![CDATA[")) {
        pos_ += 9;
        const std::size_t end = text_.find("]]>", pos_);
        FUZZ_CHECK(end != std::string::npos, Where("unterminated CDATA"));
        element.text.append(text_, pos_, end - pos_);
        pos_ = end + 3;
      } else if (Lookahead("<?")) {
        SkipPast("?>");
      } else if (Lookahead("<")) {
        element.children.push_back(Element(depth + 1));
      } else if (Lookahead("&")) {
        Reference(&element.text);
      } else {
        FUZZ_CHECK(!Lookahead("]]>"), Where("']]>' in character data"));
        element.text += text_[pos_++];
      }
    }
  }

  std::string text_;
  std::size_t pos_ = 0;
};

inline XmlElement ParseXml(std::string_view document) { return XmlParser(document).Parse(); }

// ---------------------------------------------------------------------------------------
// JSON

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;  // a string decoded; a number or true/false as written
  std::vector<JsonValue> items;          // an array's values, or an object's
  std::vector<std::string> member_names;  // an object's names, one per item

  const JsonValue* Get(std::string_view name) const {
    for (std::size_t i = 0; i < member_names.size(); ++i) {
      if (member_names[i] == name) return &items[i];
    }
    return nullptr;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {
    FUZZ_CHECK(IsValidUtf8(text), "JSON is not valid UTF-8");
  }
  JsonValue Parse() {
    JsonValue value = Value(0);
    SkipSpace();
    FUZZ_CHECK(pos_ == text_.size(), Where("text after the JSON value"));
    return value;
  }

 private:
  std::string Where(const std::string& what) const {
    return what + " at byte " + std::to_string(pos_) + ": '" + Excerpt(text_.substr(pos_, 40)) + "'";
  }
  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Take(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void Expect(char c) { FUZZ_CHECK(Take(c), Where(std::string("expected '") + c + "'")); }
  bool Digit() const { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; }
  std::uint32_t Hex4() {
    FUZZ_CHECK(pos_ + 4 <= text_.size(), Where("short \\u escape"));
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_++];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      FUZZ_CHECK(d >= 0, Where("bad \\u escape"));
      v = v * 16 + static_cast<std::uint32_t>(d);
    }
    return v;
  }
  std::string String() {
    Expect('"');
    std::string out;
    for (;;) {
      FUZZ_CHECK(pos_ < text_.size(), Where("unterminated string"));
      const char c = text_[pos_++];
      if (c == '"') return out;
      FUZZ_CHECK(static_cast<std::uint8_t>(c) >= 0x20, Where("control character in a string"));
      if (c != '\\') {
        out += c;
        continue;
      }
      FUZZ_CHECK(pos_ < text_.size(), Where("unterminated escape"));
      const char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = Hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            FUZZ_CHECK(text_.substr(pos_, 2) == "\\u", Where("lone high surrogate"));
            pos_ += 2;
            const std::uint32_t low = Hex4();
            FUZZ_CHECK(low >= 0xDC00 && low <= 0xDFFF, Where("bad low surrogate"));
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            FUZZ_CHECK(cp < 0xDC00 || cp > 0xDFFF, Where("lone low surrogate"));
          }
          AppendUtf8(cp, &out);
          break;
        }
        default:
          FUZZ_CHECK(false, Where("bad escape"));
      }
    }
  }
  JsonValue Value(int depth) {
    FUZZ_CHECK(depth < 64, Where("nested too deep"));
    SkipSpace();
    FUZZ_CHECK(pos_ < text_.size(), Where("expected a value"));
    JsonValue value;
    const char c = text_[pos_];
    if (c == '{') {
      value.kind = JsonValue::Kind::kObject;
      ++pos_;
      if (Take('}')) return value;
      do {
        SkipSpace();
        std::string name = String();
        Expect(':');
        value.member_names.push_back(std::move(name));
        value.items.push_back(Value(depth + 1));
      } while (Take(','));
      Expect('}');
    } else if (c == '[') {
      value.kind = JsonValue::Kind::kArray;
      ++pos_;
      if (Take(']')) return value;
      do {
        value.items.push_back(Value(depth + 1));
      } while (Take(','));
      Expect(']');
    } else if (c == '"') {
      value.kind = JsonValue::Kind::kString;
      value.text = String();
    } else if (text_.substr(pos_, 4) == "true" || text_.substr(pos_, 5) == "false") {
      value.kind = JsonValue::Kind::kBool;
      value.text = c == 't' ? "true" : "false";
      pos_ += value.text.size();
    } else if (text_.substr(pos_, 4) == "null") {
      pos_ += 4;
    } else {
      value.kind = JsonValue::Kind::kNumber;
      const std::size_t start = pos_;
      if (text_[pos_] == '-') ++pos_;
      FUZZ_CHECK(Digit(), Where("expected a value"));
      if (text_[pos_] == '0') {
        ++pos_;
      } else {
        while (Digit()) ++pos_;
      }
      if (pos_ < text_.size() && text_[pos_] == '.') {
        ++pos_;
        FUZZ_CHECK(Digit(), Where("no digits after '.'"));
        while (Digit()) ++pos_;
      }
      if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
        FUZZ_CHECK(Digit(), Where("no digits in the exponent"));
        while (Digit()) ++pos_;
      }
      value.text = std::string(text_.substr(start, pos_ - start));
    }
    return value;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

inline JsonValue ParseJson(std::string_view text) { return JsonParser(text).Parse(); }

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180: CRLF between records, and after the last one)

inline std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  FUZZ_CHECK(IsValidUtf8(text), "CSV is not valid UTF-8");
  std::vector<std::vector<std::string>> records;
  std::size_t pos = 0;
  auto where = [&](const std::string& what) {
    return what + " in record " + std::to_string(records.size() + 1) + " at byte " + std::to_string(pos);
  };
  while (pos < text.size()) {
    std::vector<std::string> record;
    for (;;) {
      std::string field;
      if (pos < text.size() && text[pos] == '"') {
        ++pos;
        for (;;) {
          FUZZ_CHECK(pos < text.size(), where("unterminated quoted field"));
          if (text[pos] == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              field += '"';
              pos += 2;
              continue;
            }
            ++pos;
            break;
          }
          field += text[pos++];
        }
      } else {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '\r' && text[pos] != '\n') {
          FUZZ_CHECK(text[pos] != '"', where("quote inside an unquoted field"));
          field += text[pos++];
        }
      }
      record.push_back(std::move(field));
      FUZZ_CHECK(pos < text.size(), where("last record without CRLF"));
      if (text[pos] == ',') {
        ++pos;
        continue;
      }
      FUZZ_CHECK(text.substr(pos, 2) == "\r\n", where("a field followed by something else than ',' or CRLF"));
      pos += 2;
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

// ---------------------------------------------------------------------------------------
// DOT

struct DotStatement {
  enum class Kind { kNode, kEdge };
  Kind kind = Kind::kNode;
  std::vector<std::string> ids;  // the node, or the nodes of an edge chain in order
  std::map<std::string, std::string> attributes;
};

struct DotGraph {
  bool directed = false;
  std::vector<DotStatement> statements;  // node and edge statements, subgraphs flattened
};

class DotParser {
 public:
  explicit DotParser(std::string_view text) : text_(text) {}

  DotGraph Parse() {
    Next();
    if (Keyword("strict")) Next();
    if (Keyword("digraph")) {
      graph_.directed = true;
    } else {
      FUZZ_CHECK(Keyword("graph"), Where("expected 'graph' or 'digraph'"));
    }
    Next();
    if (kind_ == Token::kId) Next();
    Body(0);
    FUZZ_CHECK(kind_ == Token::kEnd, Where("text after the graph"));
    return graph_;
  }

 private:
  enum class Token { kId, kPunct, kEdgeOp, kEnd };

  std::string Where(const std::string& what) const {
    return what + " at byte " + std::to_string(pos_) + " (token '" + Excerpt(token_) + "')";
  }
  bool Keyword(std::string_view word) const {
    if (kind_ != Token::kId || quoted_ || token_.size() != word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = token_[i] >= 'A' && token_[i] <= 'Z' ? static_cast<char>(token_[i] + 32) : token_[i];
      if (c != word[i]) return false;
    }
    return true;
  }
  bool Punct(char c) const { return kind_ == Token::kPunct && token_.size() == 1 && token_[0] == c; }
  bool Plain(char c) const {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9') ||
           static_cast<std::uint8_t>(c) >= 0x80;
  }
  // Reads the next token into token_ (an ID decoded: quotes removed, \" unescaped).
  void Next() {
    for (;;) {
      while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                                     text_[pos_] == '\r')) {
        ++pos_;
      }
      if (text_.substr(pos_).starts_with("//") || (pos_ < text_.size() && text_[pos_] == '#')) {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (text_.substr(pos_).starts_with("/*")) {
        const std::size_t end = text_.find("*/", pos_ + 2);
        FUZZ_CHECK(end != std::string_view::npos, Where("unterminated comment"));
        pos_ = end + 2;
      } else {
        break;
      }
    }
    token_.clear();
    quoted_ = false;
    if (pos_ >= text_.size()) {
      kind_ = Token::kEnd;
      return;
    }
    const char c = text_[pos_];
    if (c == '"') {
      kind_ = Token::kId;
      quoted_ = true;
      for (;;) {  // "a" + "b" concatenates
        ++pos_;
        for (;;) {
          FUZZ_CHECK(pos_ < text_.size(), Where("unterminated string"));
          const char s = text_[pos_];
          if (s == '"') break;
          if (s == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            token_ += '"';
            pos_ += 2;
          } else if (s == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\\') {
            token_ += "\\\\";  // an escaped backslash stays for the escString level
            pos_ += 2;
          } else if (s == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
            pos_ += 2;  // line continuation
          } else {
            token_ += s;
            ++pos_;
          }
        }
        ++pos_;
        std::size_t look = pos_;
        while (look < text_.size() && (text_[look] == ' ' || text_[look] == '\t' || text_[look] == '\n')) ++look;
        if (look < text_.size() && text_[look] == '+') {
          ++look;
          while (look < text_.size() && (text_[look] == ' ' || text_[look] == '\t' || text_[look] == '\n')) ++look;
          if (look < text_.size() && text_[look] == '"') {
            pos_ = look;
            continue;
          }
        }
        return;
      }
    }
    if (c == '<') {  // an HTML string: balanced angle brackets
      kind_ = Token::kId;
      quoted_ = true;
      int depth = 0;
      const std::size_t start = pos_;
      do {
        FUZZ_CHECK(pos_ < text_.size(), Where("unterminated HTML string"));
        if (text_[pos_] == '<') ++depth;
        if (text_[pos_] == '>') --depth;
        ++pos_;
      } while (depth > 0);
      token_ = std::string(text_.substr(start + 1, pos_ - start - 2));
      return;
    }
    if (text_.substr(pos_, 2) == "->" || text_.substr(pos_, 2) == "--") {
      kind_ = Token::kEdgeOp;
      token_ = std::string(text_.substr(pos_, 2));
      pos_ += 2;
      return;
    }
    if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {  // a numeral
      kind_ = Token::kId;
      const std::size_t start = pos_;
      if (c == '-') ++pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '.') ++pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      token_ = std::string(text_.substr(start, pos_ - start));
      FUZZ_CHECK(token_ != "-" && token_ != "." && token_ != "-.", Where("bad numeral"));
      FUZZ_CHECK(pos_ >= text_.size() || !Plain(text_[pos_]), Where("numeral runs into a name"));
      return;
    }
    if (Plain(c)) {
      kind_ = Token::kId;
      const std::size_t start = pos_;
      while (pos_ < text_.size() && Plain(text_[pos_])) ++pos_;
      token_ = std::string(text_.substr(start, pos_ - start));
      return;
    }
    FUZZ_CHECK(std::string_view("{}[]=;,:").find(c) != std::string_view::npos,
               Where(std::string("stray character '") + Excerpt(std::string(1, c)) + "'"));
    kind_ = Token::kPunct;
    token_ = std::string(1, c);
    ++pos_;
  }
  std::string Id() {
    FUZZ_CHECK(kind_ == Token::kId, Where("expected an ID"));
    std::string id = token_;
    Next();
    return id;
  }
  void AttrLists(std::map<std::string, std::string>* attributes) {
    while (Punct('[')) {
      Next();
      while (!Punct(']')) {
        std::string name = Id();
        FUZZ_CHECK(Punct('='), Where("attribute without '='"));
        Next();
        (*attributes)[name] = Id();
        if (Punct(',') || Punct(';')) Next();
      }
      Next();
    }
  }
  // At '{'; on return, past the matching '}'.
  void Body(int depth) {
    FUZZ_CHECK(depth < 32 && Punct('{'), Where("expected '{'"));
    Next();
    while (!Punct('}')) {
      FUZZ_CHECK(kind_ != Token::kEnd, Where("graph not closed"));
      Statement(depth);
      if (Punct(';')) Next();
    }
    Next();
  }
  // A node id with an optional port, or a subgraph; returns the node id ("" for a subgraph).
  std::string Endpoint(int depth) {
    if (Keyword("subgraph") || Punct('{')) {
      if (Keyword("subgraph")) {
        Next();
        if (kind_ == Token::kId) Next();
      }
      Body(depth + 1);
      return "";
    }
    std::string id = Id();
    if (Punct(':')) {
      Next();
      Id();
      if (Punct(':')) {
        Next();
        Id();
      }
    }
    return id;
  }
  void Statement(int depth) {
    if (Keyword("graph") || Keyword("node") || Keyword("edge")) {
      Next();
      std::map<std::string, std::string> ignored;
      FUZZ_CHECK(Punct('['), Where("attribute statement without '['"));
      AttrLists(&ignored);
      return;
    }
    const bool subgraph = Keyword("subgraph") || Punct('{');
    DotStatement statement;
    statement.ids.push_back(Endpoint(depth));
    if (!subgraph && Punct('=')) {  // ID '=' ID
      Next();
      Id();
      return;
    }
    while (kind_ == Token::kEdgeOp) {
      FUZZ_CHECK(token_ == (graph_.directed ? "->" : "--"), Where("wrong edge operator"));
      Next();
      statement.ids.push_back(Endpoint(depth));
      statement.kind = DotStatement::Kind::kEdge;
    }
    if (subgraph && statement.kind == DotStatement::Kind::kNode) return;
    AttrLists(&statement.attributes);
    graph_.statements.push_back(std::move(statement));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  Token kind_ = Token::kEnd;
  std::string token_;
  bool quoted_ = false;
  DotGraph graph_;
};

inline DotGraph ParseDot(std::string_view text) { return DotParser(text).Parse(); }

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_OUTPUT_PARSERS_H_
