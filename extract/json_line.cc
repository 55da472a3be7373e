// A recursive-descent parser over one line. Only top-level strings and numbers are kept;
// nested values go through the same grammar with nothing stored, so a line is either
// valid JSON throughout or rejected. Nesting deeper than kMaxDepth is rejected rather
// than risking the stack on a hostile line.
#include "extract/json_line.h"

#include <array>
#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace actorgraph {
namespace {

constexpr int kMaxDepth = 256;

// The bytes that end a run of a string's plain bytes: the closing quote, a backslash and
// the control characters. One load per byte of every article's text instead of three
// comparisons.
constexpr std::array<bool, 256> MakeStringStops() {
  std::array<bool, 256> stops{};
  for (int c = 0; c < 0x20; ++c) stops[c] = true;
  stops['"'] = stops['\\'] = true;
  return stops;
}
constexpr std::array<bool, 256> kStringStops = MakeStringStops();

// The first stop byte (kStringStops) at or after `pos`, or text.size(). An article's
// text is one long string: SSE2 tests 16 bytes to an instruction, where the table took
// five instructions a byte, most of the reader's time.
std::size_t StringRunEnd(std::string_view text, std::size_t pos) {
#if defined(__SSE2__)
  while (pos + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    // Unsigned v < 0x20 exactly when min(v, 0x1F) is v.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    const int stops = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control));
    if (stops != 0) return pos + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(stops)));
    pos += 16;
  }
#endif
  while (pos < text.size() && !kStringStops[static_cast<unsigned char>(text[pos])]) ++pos;
  return pos;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  // Both return false with error_ set on bad input. `out` may be null to only validate.
  bool ParseString(std::string* out);
  bool ParseNumber(std::string* out);
  bool SkipValue(int depth);

  void SkipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  bool Consume(char c) {
    if (!AtEnd() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Fail(std::string_view what) {
    if (AtEnd()) {
      error_ = std::string(what) + " at end of line";
    } else {
      error_ = std::string(what) + " at column " + std::to_string(pos_ + 1);
    }
    return false;
  }
  bool Expect(char c, std::string_view what) { return Consume(c) || Fail(what); }

  std::string& error() { return error_; }

 private:
  bool ParseHex4(std::uint32_t* code);
  bool SkipLiteral(std::string_view word);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

void AppendUtf8(std::uint32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

bool Parser::ParseHex4(std::uint32_t* code) {
  if (text_.size() - pos_ < 4) return Fail("incomplete \\u escape");
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    char c = text_[pos_];
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return Fail("bad hex digit in \\u escape");
    }
    value = value * 16 + static_cast<std::uint32_t>(digit);
    ++pos_;
  }
  *code = value;
  return true;
}

bool Parser::ParseString(std::string* out) {
  if (!Expect('"', "expected '\"'")) return false;
  if (out != nullptr) out->clear();
  for (;;) {
    // Copy the run up to the next quote, backslash or control character in one go.
    const std::size_t run = StringRunEnd(text_, pos_);
    if (out != nullptr) out->append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (AtEnd()) return Fail("unterminated string");
    char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c != '\\') return Fail("control character in string");
    ++pos_;
    if (AtEnd()) return Fail("unterminated string");
    char e = text_[pos_++];
    char decoded;
    switch (e) {
      case '"':
        decoded = '"';
        break;
      case '\\':
        decoded = '\\';
        break;
      case '/':
        decoded = '/';
        break;
      case 'b':
        decoded = '\b';
        break;
      case 'f':
        decoded = '\f';
        break;
      case 'n':
        decoded = '\n';
        break;
      case 'r':
        decoded = '\r';
        break;
      case 't':
        decoded = '\t';
        break;
      case 'u': {
        std::uint32_t code;
        if (!ParseHex4(&code)) return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
          // A high surrogate pairs with an immediately following \uDC00-\uDFFF.
          std::uint32_t low = 0;
          if (text_.substr(pos_, 2) == "\\u") {
            std::size_t save = pos_;
            pos_ += 2;
            if (!ParseHex4(&low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;  // not a pair: the next escape stands on its own
              code = 0xFFFD;
            }
          } else {
            code = 0xFFFD;
          }
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
          code = 0xFFFD;
        }
        if (out != nullptr) AppendUtf8(code, out);
        continue;
      }
      default:
        --pos_;
        return Fail("bad escape in string");
    }
    if (out != nullptr) out->push_back(decoded);
  }
}

bool Parser::ParseNumber(std::string* out) {
  std::size_t begin = pos_;
  auto digits = [&] {
    std::size_t start = pos_;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9') ++pos_;
    return pos_ - start;
  };
  Consume('-');
  if (Consume('0')) {
    // JSON forbids leading zeros: "0" may not be followed by more digits.
  } else if (digits() == 0) {
    return Fail("expected a digit");
  }
  if (Consume('.') && digits() == 0) return Fail("expected a digit after '.'");
  if (Consume('e') || Consume('E')) {
    if (!Consume('+')) Consume('-');
    if (digits() == 0) return Fail("expected a digit in exponent");
  }
  if (out != nullptr) out->assign(text_.substr(begin, pos_ - begin));
  return true;
}

bool Parser::SkipLiteral(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) return Fail("unexpected character");
  pos_ += word.size();
  return true;
}

bool Parser::SkipValue(int depth) {
  if (depth > kMaxDepth) return Fail("nested too deeply");
  SkipSpace();
  if (AtEnd()) return Fail("expected a value");
  switch (Peek()) {
    case '"':
      return ParseString(nullptr);
    case 't':
      return SkipLiteral("true");
    case 'f':
      return SkipLiteral("false");
    case 'n':
      return SkipLiteral("null");
    case '{': {
      ++pos_;
      SkipSpace();
      if (Consume('}')) return true;
      for (;;) {
        SkipSpace();
        if (!ParseString(nullptr)) return false;
        SkipSpace();
        if (!Expect(':', "expected ':'")) return false;
        if (!SkipValue(depth + 1)) return false;
        SkipSpace();
        if (Consume('}')) return true;
        if (!Expect(',', "expected ',' or '}'")) return false;
      }
    }
    case '[': {
      ++pos_;
      SkipSpace();
      if (Consume(']')) return true;
      for (;;) {
        if (!SkipValue(depth + 1)) return false;
        SkipSpace();
        if (Consume(']')) return true;
        if (!Expect(',', "expected ',' or ']'")) return false;
      }
    }
    default:
      if (Peek() == '-' || (Peek() >= '0' && Peek() <= '9')) return ParseNumber(nullptr);
      return Fail("unexpected character");
  }
}

}  // namespace

bool JsonLine::Parse(std::string_view line, std::string* error) {
  used_ = 0;
  Parser p(line);
  auto fail = [&] {
    *error = std::move(p.error());
    return false;
  };
  // Spare members keep their string capacity from earlier lines.
  auto next_member = [&]() -> JsonMember& {
    if (used_ == members_.size()) members_.emplace_back();
    return members_[used_++];
  };

  p.SkipSpace();
  if (!p.Expect('{', "expected '{'")) return fail();
  p.SkipSpace();
  if (!p.Consume('}')) {
    for (;;) {
      p.SkipSpace();
      JsonMember& member = next_member();
      if (!p.ParseString(&member.name)) return fail();
      p.SkipSpace();
      if (!p.Expect(':', "expected ':'")) return fail();
      p.SkipSpace();
      bool ok;
      if (!p.AtEnd() && p.Peek() == '"') {
        member.kind = JsonMember::Kind::kString;
        ok = p.ParseString(&member.value);
      } else if (!p.AtEnd() && (p.Peek() == '-' || (p.Peek() >= '0' && p.Peek() <= '9'))) {
        member.kind = JsonMember::Kind::kNumber;
        ok = p.ParseNumber(&member.value);
      } else {
        --used_;  // not kept
        ok = p.SkipValue(1);
      }
      if (!ok) return fail();
      p.SkipSpace();
      if (p.Consume('}')) break;
      if (!p.Expect(',', "expected ',' or '}'")) return fail();
    }
  }
  p.SkipSpace();
  if (!p.AtEnd()) {
    p.Fail("unexpected text after the object");
    return fail();
  }
  return true;
}

const JsonMember* JsonLine::Find(std::string_view name) const {
  for (std::size_t i = used_; i-- > 0;) {
    if (members_[i].name == name) return &members_[i];
  }
  return nullptr;
}

}  // namespace actorgraph
