// One UTF-8 decoder drives every function here: it walks the text code point by code
// point, replacing each ill-formed subsequence with U+FFFD the way the Unicode standard
// recommends ("maximal subpart": a truncated sequence becomes one U+FFFD, a stray byte
// one each), so two writers can never disagree on what a name says.
#include "export/text_escape.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace actorgraph {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes the code point at text[pos]. Returns its length in bytes and sets *cp, or
// returns the length of the ill-formed subsequence (>= 1) and sets *cp to -1.
std::size_t Decode(std::string_view text, std::size_t pos, std::int32_t* cp) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  }
  std::size_t len;
  std::int32_t value;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2, value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3, value = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;         // no overlong forms
    if (lead == 0xED) hi = 0x9F;         // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4, value = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;         // no overlong forms
    if (lead == 0xF4) hi = 0x8F;         // nothing past U+10FFFF
  } else {
    *cp = -1;
    return 1;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if (pos + i >= text.size()) {
      *cp = -1;
      return i;
    }
    unsigned char c = byte(pos + i);
    unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
    if (c < min || c > max) {
      *cp = -1;
      return i;
    }
    value = (value << 6) | (c & 0x3F);
  }
  *cp = value;
  return len;
}

bool XmlAllowed(std::int32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

// Printable ASCII, which decodes to itself and is always allowed.
constexpr bool Plain(char c) { return c >= 0x20 && c < 0x7F; }

// The length of the run of printable ASCII at the start of `text`, found eight bytes at
// a time: a byte below 0x20 sets its top bit in the first term, a byte above 0x7E in
// the second (the bit tricks of "Bit Twiddling Hacks": hasless, hasmore).
std::size_t PlainPrefix(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((((word - 0x20 * kOnes) & ~word) | ((word + kOnes) | word)) & kHigh) break;
  }
  while (i < text.size() && Plain(text[i])) ++i;
  return i;
}

// For ForEachCodePoint: the bytes that end a plain run, in a table, so the scan costs one
// lookup a byte instead of a range test and the writer's comparisons.
template <typename Special>
constexpr std::array<bool, 256> kEndsRun = [] {
  std::array<bool, 256> ends{};
  for (int c = 0; c < 256; ++c) ends[c] = !Plain(static_cast<char>(c)) || Special{}(static_cast<char>(c));
  return ends;
}();

// What ForEachCodePoint passes as the code point of a plain run.
constexpr std::int32_t kPlainRun = -2;

// Calls emit(cp, bytes) for each code point of the sanitised text; bytes is its UTF-8.
// A run of printable ASCII for which Special{}(c) is false comes as one call with cp
// kPlainRun, to be copied unchanged: news text is mostly such runs, and copying a run
// at a time is what makes the writers fast. Special, a lambda without captures, is
// passed by its type: only its table (kEndsRun) is read.
template <typename Special, typename Emit>
void ForEachCodePoint(std::string_view text, Special, Emit emit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t run = pos;
    const std::array<bool, 256>& ends_run = kEndsRun<Special>;
    // As unsigned, so that eight of them OR without a branch each (|| would add them).
    auto ends = [&](std::size_t i) { return unsigned{ends_run[static_cast<unsigned char>(text[i])]}; };
    // Eight lookups OR'ed with one branch, then the byte within the eight.
    while (run + 8 <= text.size() && !(ends(run) | ends(run + 1) | ends(run + 2) | ends(run + 3) |
                                       ends(run + 4) | ends(run + 5) | ends(run + 6) | ends(run + 7)))
      run += 8;
    while (run < text.size() && !ends(run)) ++run;
    if (run > pos) {
      emit(kPlainRun, text.substr(pos, run - pos));
      pos = run;
      continue;
    }
    std::int32_t cp;
    std::size_t len = Decode(text, pos, &cp);
    if (cp < 0 || !XmlAllowed(cp)) {
      emit(0xFFFD, kReplacement);
    } else {
      emit(cp, text.substr(pos, len));
    }
    pos += len;
  }
}

}  // namespace

std::string SanitizeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [](char) { return false; },
                   [&](std::int32_t, std::string_view bytes) { out += bytes; });
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendXmlEscaped(text, out);
  return out;
}

void AppendXmlEscaped(std::string_view text, std::string& out) {
  auto special = [](char c) { return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''; };
  ForEachCodePoint(text, special, [&](std::int32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += bytes;
    }
  });
}

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  auto special = [](char c) { return c == '"' || c == '\\'; };
  ForEachCodePoint(text, special, [&](std::int32_t cp, std::string_view bytes) {
    if (cp == kPlainRun) {
      out += bytes;
      return;
    }
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20) {  // unreachable after sanitising, kept for safety
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(cp >> 4) & 0xf];
          out += kHex[cp & 0xf];
        } else {
          out += bytes;
        }
    }
  });
  return out + "\"";
}

std::string CsvField(std::string_view text) {
  std::string clean = SanitizeText(text);
  bool quote = !clean.empty() && (clean.front() == ' ' || clean.back() == ' ');
  for (char c : clean) quote = quote || c == ',' || c == '"' || c == '\r' || c == '\n';
  if (!quote) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// One pass that sanitises and counts at once and stops at the first code point past
// max_chars: the evidence it cuts is often far longer than what it keeps.
std::string TruncateText(std::string_view text, std::size_t max_chars) {
  std::string out;
  out.reserve(std::min(text.size(), max_chars + 8));
  std::size_t chars = 0, cut = 0, pos = 0;  // cut: where "…" goes if the text is too long
  while (pos < text.size()) {
    if (chars == max_chars) {  // one more code point follows
      out.resize(cut);
      return out + "\xE2\x80\xA6";
    }
    std::size_t run = pos + PlainPrefix(text.substr(pos, max_chars - chars));
    if (run > pos) {
      std::size_t n = run - pos;
      if (chars + n >= max_chars) cut = out.size() + (max_chars - 1 - chars);
      out.append(text, pos, n);
      chars += n;
      pos = run;
      continue;
    }
    std::int32_t cp;
    std::size_t len = Decode(text, pos, &cp);
    if (chars + 1 == max_chars) cut = out.size();
    if (cp < 0 || !XmlAllowed(cp)) {
      out += kReplacement;
    } else {
      out.append(text, pos, len);
    }
    ++chars;
    pos += len;
  }
  return out;
}

}  // namespace actorgraph
