// PrepareText is one forward pass over the original bytes. Runs of plain ASCII (the bulk
// of any article) are copied with one append; everything else goes through a small
// decision: a multi-byte UTF-8 sequence is decoded and either copied as it was or mapped
// to its ASCII stand-in, '&' may start an entity, '<' may start a tag. Nothing is ever
// re-read from the output, so a decoded "&lt;p&gt;" stays the text "<p>" and the work per
// input byte is bounded.
//
// Every output byte maps to the offset of the original byte or sequence it came from:
// bytes copied through map one to one, bytes produced by a replacement ("…" -> "...",
// "&amp;" -> "&", a block tag -> "\n") all map to the start of what they replace. Dropped
// input (inline tags, zero-width characters) produces no output, so a range that ends
// just before dropped input maps back to a range that includes it. The map is kept as
// the anchors where it stops counting up by one (PreparedText::Anchor), found by a
// binary search.
//
// Tags are recognised only by name (the HTML elements news pages use, plus namespaced
// ones such as Word's <o:p>), so prose such as "a < b" or "if x<y and z>w" stays text.
// The scan for a tag's closing '>' is capped, which keeps the pass linear even on hostile
// input.
#include "extract/prepared_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace actorgraph {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// A tag whose '>' is further than this from its '<' is not taken for a tag. Real tags
// are far shorter except for inline data: URIs, which are rare in article bodies.
constexpr std::size_t kMaxTagBytes = 16 * 1024;

// ---------------------------------------------------------------------------------------
// UTF-8

struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed; for an invalid sequence, its maximal subpart
  bool valid = false;
};

// Decodes the sequence at the start of `s` (not empty) by Unicode's Table 3-7. An invalid
// sequence consumes its maximal subpart (the lead byte and the continuation bytes that
// were still acceptable), so each gets exactly one U+FFFD, as Unicode recommends.
Utf8Char DecodeUtf8(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  Utf8Char c;
  if (lead < 0x80) {
    c.code_point = lead;
    c.valid = true;
    return c;
  }
  std::size_t need;
  unsigned char low = 0x80, high = 0xBF;  // range of the first continuation byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    c.code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    c.code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    c.code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return c;  // a continuation byte, C0, C1 or F5..FF: invalid on its own
  }
  for (std::size_t i = 1; i <= need; ++i) {
    if (i >= s.size()) return c;
    const unsigned char b = byte(i);
    const unsigned char lo = i == 1 ? low : 0x80;
    const unsigned char hi = i == 1 ? high : 0xBF;
    if (b < lo || b > hi) return c;
    c.code_point = (c.code_point << 6) | (b & 0x3F);
    c.length = i + 1;
  }
  c.valid = true;
  return c;
}

// Writes the UTF-8 encoding of `cp` (a scalar value) to `out`; returns its length.
std::size_t EncodeUtf8(char32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// U+FFFD in UTF-8.
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// ---------------------------------------------------------------------------------------
// Normalisation of single code points

// What a code point becomes in matching text: `keep` (copied as it is) or `replacement`,
// which may be empty (dropped).
struct Normalised {
  bool keep = true;
  std::string_view replacement;
};

Normalised Normalise(char32_t cp) {
  const auto to = [](std::string_view s) { return Normalised{false, s}; };
  if (cp < 0x80) {
    if (cp == '\t' || cp == '\n' || (cp >= 0x20 && cp < 0x7F)) return {};
    if (cp == '\r' || cp == '\v' || cp == '\f') return to("\n");
    return to(" ");  // NUL, DEL and the other C0 controls
  }
  // clang-format off
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // ‘ ’ ‚ ‛
    case 0x2032: case 0x2035: case 0x2039: case 0x203A:  // ′ ‵ ‹ ›
    case 0x02BC: case 0xFF07:                            // modifier apostrophe, fullwidth '
      return to("'");
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // “ ” „ ‟
    case 0x00AB: case 0x00BB: case 0x2033: case 0xFF02:  // « » ″ fullwidth "
      return to("\"");
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:  // ‐ ‑ ‒ –
    case 0x2014: case 0x2015: case 0x2212: case 0xFE58:  // — ― − ﹘
    case 0xFE63: case 0xFF0D:                            // ﹣ fullwidth -
      return to("-");
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return to(" ");
    case 0x0085: case 0x2028: case 0x2029:  // NEL, line and paragraph separators
      return to("\n");
    case 0x00AD:                            // soft hyphen
    case 0x200B: case 0x200C: case 0x200D:  // zero-width space, non-joiner, joiner
    case 0x200E: case 0x200F:               // left-to-right and right-to-left marks
    case 0x2060: case 0xFEFF:               // word joiner, byte order mark
      return to("");
    case 0x2026:
      return to("...");
    default:
      break;
  }
  // clang-format on
  if (cp >= 0x2000 && cp <= 0x200A) return to(" ");  // en quad ... hair space
  if (cp >= 0x202A && cp <= 0x202E) return to("");   // bidi embeddings and overrides
  if (cp >= 0x2066 && cp <= 0x2069) return to("");   // bidi isolates
  if (cp >= 0x80 && cp <= 0x9F) return to(" ");      // C1 controls
  return {};
}

// ---------------------------------------------------------------------------------------
// HTML entities

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// Sorted by name (byte order) for binary search; the static_assert below checks it.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Agrave", 0xC0},
    {"Aring", 0xC5},    {"Atilde", 0xC3},   {"Auml", 0xC4},     {"Ccaron", 0x10C},
    {"Ccedil", 0xC7},   {"Eacute", 0xC9},   {"Ecirc", 0xCA},    {"Egrave", 0xC8},
    {"Euml", 0xCB},     {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Iuml", 0xCF},
    {"Ntilde", 0xD1},   {"OElig", 0x152},   {"Oacute", 0xD3},   {"Ocirc", 0xD4},
    {"Ograve", 0xD2},   {"Oslash", 0xD8},   {"Otilde", 0xD5},   {"Ouml", 0xD6},
    {"Prime", 0x2033},  {"Scaron", 0x160},  {"Uacute", 0xDA},   {"Ucirc", 0xDB},
    {"Ugrave", 0xD9},   {"Uuml", 0xDC},     {"Yacute", 0xDD},   {"Zcaron", 0x17D},
    {"aacute", 0xE1},   {"acirc", 0xE2},    {"acute", 0xB4},    {"aelig", 0xE6},
    {"agrave", 0xE0},   {"amp", 0x26},      {"apos", 0x27},     {"aring", 0xE5},
    {"atilde", 0xE3},   {"auml", 0xE4},     {"bdquo", 0x201E},  {"brvbar", 0xA6},
    {"bull", 0x2022},   {"ccaron", 0x10D},  {"ccedil", 0xE7},   {"cent", 0xA2},
    {"copy", 0xA9},     {"dagger", 0x2020}, {"deg", 0xB0},      {"divide", 0xF7},
    {"eacute", 0xE9},   {"ecirc", 0xEA},    {"egrave", 0xE8},   {"emsp", 0x2003},
    {"ensp", 0x2002},   {"euml", 0xEB},     {"euro", 0x20AC},   {"frac12", 0xBD},
    {"frac14", 0xBC},   {"frac34", 0xBE},   {"gt", 0x3E},       {"hellip", 0x2026},
    {"iacute", 0xED},   {"icirc", 0xEE},    {"iexcl", 0xA1},    {"igrave", 0xEC},
    {"iquest", 0xBF},   {"iuml", 0xEF},     {"laquo", 0xAB},    {"ldquo", 0x201C},
    {"lrm", 0x200E},    {"lsaquo", 0x2039}, {"lsquo", 0x2018},  {"lt", 0x3C},
    {"mdash", 0x2014},  {"micro", 0xB5},    {"middot", 0xB7},   {"minus", 0x2212},
    {"nbsp", 0xA0},     {"ndash", 0x2013},  {"not", 0xAC},      {"ntilde", 0xF1},
    {"oacute", 0xF3},   {"ocirc", 0xF4},    {"oelig", 0x153},   {"ograve", 0xF2},
    {"oslash", 0xF8},   {"otilde", 0xF5},   {"ouml", 0xF6},     {"para", 0xB6},
    {"permil", 0x2030}, {"plusmn", 0xB1},   {"pound", 0xA3},    {"prime", 0x2032},
    {"quot", 0x22},     {"raquo", 0xBB},    {"rdquo", 0x201D},  {"reg", 0xAE},
    {"rlm", 0x200F},    {"rsaquo", 0x203A}, {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"scaron", 0x161},  {"sect", 0xA7},     {"shy", 0xAD},      {"sup2", 0xB2},
    {"sup3", 0xB3},     {"szlig", 0xDF},    {"thinsp", 0x2009}, {"times", 0xD7},
    {"trade", 0x2122},  {"uacute", 0xFA},   {"ucirc", 0xFB},    {"ugrave", 0xF9},
    {"uuml", 0xFC},     {"yacute", 0xFD},   {"yen", 0xA5},      {"yuml", 0xFF},
    {"zcaron", 0x17E},  {"zwj", 0x200D},    {"zwnj", 0x200C},
};

constexpr bool NamesSorted() {
  for (std::size_t i = 1; i < std::size(kNamedEntities); ++i) {
    if (!(kNamedEntities[i - 1].name < kNamedEntities[i].name)) return false;
  }
  return true;
}
static_assert(NamesSorted(), "kNamedEntities must be sorted by name");

const NamedEntity* FindNamedEntity(std::string_view name) {
  const auto* end = std::end(kNamedEntities);
  const auto* it =
      std::lower_bound(std::begin(kNamedEntities), end, name,
                       [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

// Names that scraped text often carries without their ';' ("AT&amp T", "&nbsp1"). Any
// other name needs the ';', or "R&D" and "&copyright" would be eaten.
bool DecodesWithoutSemicolon(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp";
}

// Browsers read numeric references 128..159 as Windows-1252, and so does scraped text
// written by them: "&#146;" is a right single quote. Zero means undefined.
// clang-format off
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};
// clang-format on

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int HexValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}

struct Entity {
  char32_t code_point = 0;
  std::size_t end = 0;  // offset just past the reference
  bool found = false;
};

// Parses the body of a character reference starting at `pos`, just after its '&':
// "#8217;", "#x2019", "rsquo;". Does not follow "&amp;" chains; see ParseEntity.
Entity ParseEntityBody(std::string_view s, std::size_t pos) {
  Entity e;
  std::size_t i = pos;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_begin = i;
    std::uint32_t value = 0;
    while (i < s.size() && (hex ? IsHexDigit(s[i]) : IsAsciiDigit(s[i]))) {
      if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + HexValue(s[i]);
      ++i;
    }
    if (i == digits_begin) return e;
    if (i < s.size() && s[i] == ';') ++i;
    if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) {
      value = kWindows1252[value - 0x80];
    }
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    e.code_point = value == 0 || value > 0x10FFFF || surrogate ? kReplacementCharacter : value;
    e.end = i;
    e.found = true;
    return e;
  }
  // Named: the longest entity name is 8 bytes; anything longer is not one of ours.
  while (i < s.size() && i - pos <= 8 && IsAsciiAlnum(s[i])) ++i;
  const std::string_view name = s.substr(pos, i - pos);
  const bool semicolon = i < s.size() && s[i] == ';';
  if (name.empty() || (!semicolon && !DecodesWithoutSemicolon(name))) return e;
  if (!semicolon && i < s.size() && IsAsciiAlnum(s[i])) return e;
  const NamedEntity* named = FindNamedEntity(name);
  if (named == nullptr) return e;
  e.code_point = named->code_point;
  e.end = semicolon ? i + 1 : i;
  e.found = true;
  return e;
}

// Parses a character reference at `amp` (s[amp] == '&'). Text that was HTML-escaped
// twice reads "&amp;quot;" or "&amp;#8217;": when "&amp;" is directly followed by another
// reference body, that reference is what was meant. One level only, so "&amp;amp;quot;"
// (escaped three times) decodes like a browser applied twice would: "&quot;".
Entity ParseEntity(std::string_view s, std::size_t amp) {
  Entity e = ParseEntityBody(s, amp + 1);
  if (e.found && e.code_point == '&' && s[e.end - 1] == ';') {
    const Entity inner = ParseEntityBody(s, e.end);
    if (inner.found) return inner;
  }
  return e;
}

// ---------------------------------------------------------------------------------------
// HTML tags

enum class TagKind : char {
  kInline,   // dropped: <a>, <b>, <span>
  kCell,     // a space: <td>, so cells do not run together
  kBlock,    // a newline: <p>, <br>, <li>
  kRawText,  // dropped with everything up to its end tag: <script>, <style>
};

struct KnownTag {
  std::string_view name;
  TagKind kind;
};

// Sorted by name; lower case.
constexpr KnownTag kKnownTags[] = {
    {"a", TagKind::kInline},         {"abbr", TagKind::kInline},
    {"address", TagKind::kBlock},    {"article", TagKind::kBlock},
    {"aside", TagKind::kBlock},      {"audio", TagKind::kInline},
    {"b", TagKind::kInline},         {"big", TagKind::kInline},
    {"blockquote", TagKind::kBlock}, {"body", TagKind::kBlock},
    {"br", TagKind::kBlock},         {"button", TagKind::kInline},
    {"caption", TagKind::kBlock},    {"center", TagKind::kBlock},
    {"cite", TagKind::kInline},      {"code", TagKind::kInline},
    {"col", TagKind::kInline},       {"colgroup", TagKind::kInline},
    {"dd", TagKind::kBlock},         {"del", TagKind::kInline},
    {"details", TagKind::kBlock},    {"dfn", TagKind::kInline},
    {"div", TagKind::kBlock},        {"dl", TagKind::kBlock},
    {"dt", TagKind::kBlock},         {"em", TagKind::kInline},
    {"embed", TagKind::kInline},     {"figcaption", TagKind::kBlock},
    {"figure", TagKind::kBlock},     {"font", TagKind::kInline},
    {"footer", TagKind::kBlock},     {"form", TagKind::kBlock},
    {"h1", TagKind::kBlock},         {"h2", TagKind::kBlock},
    {"h3", TagKind::kBlock},         {"h4", TagKind::kBlock},
    {"h5", TagKind::kBlock},         {"h6", TagKind::kBlock},
    {"head", TagKind::kBlock},       {"header", TagKind::kBlock},
    {"hr", TagKind::kBlock},         {"html", TagKind::kBlock},
    {"i", TagKind::kInline},         {"iframe", TagKind::kInline},
    {"img", TagKind::kInline},       {"input", TagKind::kInline},
    {"ins", TagKind::kInline},       {"kbd", TagKind::kInline},
    {"label", TagKind::kInline},     {"li", TagKind::kBlock},
    {"link", TagKind::kInline},      {"main", TagKind::kBlock},
    {"mark", TagKind::kInline},      {"meta", TagKind::kInline},
    {"nav", TagKind::kBlock},        {"noscript", TagKind::kInline},
    {"object", TagKind::kInline},    {"ol", TagKind::kBlock},
    {"option", TagKind::kBlock},     {"p", TagKind::kBlock},
    {"param", TagKind::kInline},     {"path", TagKind::kInline},
    {"picture", TagKind::kInline},   {"pre", TagKind::kBlock},
    {"q", TagKind::kInline},         {"s", TagKind::kInline},
    {"samp", TagKind::kInline},      {"script", TagKind::kRawText},
    {"section", TagKind::kBlock},    {"select", TagKind::kInline},
    {"small", TagKind::kInline},     {"source", TagKind::kInline},
    {"span", TagKind::kInline},      {"strike", TagKind::kInline},
    {"strong", TagKind::kInline},    {"style", TagKind::kRawText},
    {"sub", TagKind::kInline},       {"summary", TagKind::kBlock},
    {"sup", TagKind::kInline},       {"svg", TagKind::kInline},
    {"table", TagKind::kBlock},      {"tbody", TagKind::kInline},
    {"td", TagKind::kCell},          {"template", TagKind::kInline},
    {"textarea", TagKind::kInline},  {"tfoot", TagKind::kInline},
    {"th", TagKind::kCell},          {"thead", TagKind::kInline},
    {"time", TagKind::kInline},      {"title", TagKind::kBlock},
    {"tr", TagKind::kBlock},         {"tt", TagKind::kInline},
    {"u", TagKind::kInline},         {"ul", TagKind::kBlock},
    {"var", TagKind::kInline},       {"video", TagKind::kInline},
    {"wbr", TagKind::kInline},
};

constexpr bool TagsSorted() {
  for (std::size_t i = 1; i < std::size(kKnownTags); ++i) {
    if (!(kKnownTags[i - 1].name < kKnownTags[i].name)) return false;
  }
  return true;
}
static_assert(TagsSorted(), "kKnownTags must be sorted by name");

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether `s` at `pos` starts with `word`, ignoring ASCII case (`word` is lower case).
bool StartsWithNoCase(std::string_view s, std::size_t pos, std::string_view word) {
  if (s.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ToLowerAscii(s[pos + i]) != word[i]) return false;
  }
  return true;
}

struct Tag {
  std::size_t end = 0;  // just past the markup to drop
  TagKind kind = TagKind::kInline;
  bool found = false;
};

// Scans attributes from `pos` to the '>' that ends the tag, skipping quoted values.
// Returns npos when there is none within kMaxTagBytes of `lt` or a '<' interrupts (then
// the '<' we started from was prose).
std::size_t FindTagEnd(std::string_view s, std::size_t lt, std::size_t pos) {
  const std::size_t limit = std::min(s.size(), lt + kMaxTagBytes);
  char quote = 0;
  for (std::size_t i = pos; i < limit; ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    } else if (c == '<') {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// The end of the raw text element opened before `pos`: just past "</name ...>" (`name` in
// lower case, matched in any case), or the end of `s` if it is never closed (a browser
// would not show the rest either).
std::size_t SkipRawText(std::string_view s, std::size_t pos, std::string_view name) {
  for (std::size_t i = s.find("</", pos); i != std::string_view::npos; i = s.find("</", i + 2)) {
    const std::size_t after = i + 2 + name.size();
    if (StartsWithNoCase(s, i + 2, name) &&
        (after == s.size() || s[after] == '>' || IsAsciiSpace(s[after]))) {
      const std::size_t end = s.find('>', after);
      return end == std::string_view::npos ? s.size() : end + 1;
    }
  }
  return s.size();
}

// Parses markup at `lt` (s[lt] == '<'): an element tag with a known or namespaced name,
// a comment, or a declaration such as <!DOCTYPE html> or <?xml ...?>.
// `no_comment_end_after` remembers where a search for "-->" failed, so that text with
// many "<!--" and no end is not searched again and again.
Tag ParseTag(std::string_view s, std::size_t lt, std::size_t& no_comment_end_after) {
  Tag tag;
  std::size_t i = lt + 1;
  if (i >= s.size()) return tag;
  if (s.compare(i, 3, "!--") == 0) {
    if (lt >= no_comment_end_after) return tag;
    const std::size_t close = s.find("-->", i + 3);
    if (close == std::string_view::npos) {
      no_comment_end_after = lt;
      return tag;
    }
    tag.end = close + 3;
    tag.found = true;
    return tag;
  }
  if ((s[i] == '!' || s[i] == '?') && i + 1 < s.size() &&
      (IsAsciiAlpha(s[i + 1]) || s[i + 1] == '[')) {
    tag.end = FindTagEnd(s, lt, i + 1);
    tag.found = tag.end != std::string_view::npos;
    return tag;
  }
  const bool closing = s[i] == '/';
  if (closing) ++i;
  if (i >= s.size() || !IsAsciiAlpha(s[i])) return tag;
  char name[32];  // long enough for Word's <st1:country-region>
  std::size_t length = 0;
  bool namespaced = false;
  while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == ':' || s[i] == '-')) {
    if (length == sizeof(name)) return tag;
    namespaced |= s[i] == ':';
    name[length++] = ToLowerAscii(s[i]);
    ++i;
  }
  if (i < s.size() && !(IsAsciiSpace(s[i]) || s[i] == '/' || s[i] == '>')) return tag;
  const std::string_view lowered(name, length);
  const auto* end = std::end(kKnownTags);
  const auto* known =
      std::lower_bound(std::begin(kKnownTags), end, lowered,
                       [](const KnownTag& t, std::string_view n) { return t.name < n; });
  if (known == end || known->name != lowered) {
    if (!namespaced) return tag;
    known = nullptr;
  }
  tag.end = FindTagEnd(s, lt, i);
  if (tag.end == std::string_view::npos) return tag;
  tag.found = true;
  tag.kind = known != nullptr ? known->kind : TagKind::kInline;
  if (tag.kind == TagKind::kRawText) {
    const bool self_closing = s[tag.end - 2] == '/';
    if (!closing && !self_closing) {
      tag.end = SkipRawText(s, tag.end, known->name);
    }
  }
  return tag;
}

// ---------------------------------------------------------------------------------------
// The pass

// Bytes copied as they are in the fast path: printable ASCII but '&' and '<', tab and
// newline.
constexpr std::array<bool, 256> MakePlainTable() {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[c] = c != '&' && c != '<';
  plain['\t'] = plain['\n'] = true;
  return plain;
}
constexpr std::array<bool, 256> kPlain = MakePlainTable();

// The end of the run of plain bytes (kPlain) from `i` on. With SSE2, 16 bytes are
// classified at once: a byte at a time, this loop was half of the pass.
std::size_t PlainRunEnd(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Compares are signed: bytes from 0x80 up (UTF-8) are the negative ones.
    const __m128i printable =
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
    const __m128i markup = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
    const __m128i space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    const unsigned plain =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(markup, printable), space)));
    if (plain != 0xFFFF) return i + static_cast<std::size_t>(std::countr_zero(~plain));
  }
#endif
  while (i < s.size() && kPlain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

class Preparer {
 public:
  explicit Preparer(std::string_view original) : original_(original) {
    // Replacements rarely grow the text (U+FFFD for one bad byte, "..." for '&hellip;');
    // a little slack avoids a reallocation when they do.
    const std::size_t capacity = original.size() + original.size() / 64 + 16;
    out_.text.reserve(capacity);
  }

  PreparedText Run() {
    const std::string_view s = original_;
    std::size_t i = 0;
    while (i < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (kPlain[c]) {
        const std::size_t j = PlainRunEnd(s, i + 1);
        CopyThrough(i, j);
        i = j;
      } else if (c == '&') {
        const Entity e = ParseEntity(s, i);
        if (e.found) {
          EmitCodePoint(e.code_point, i);
          i = e.end;
        } else {
          Emit("&", i);
          ++i;
        }
      } else if (c == '<') {
        const Tag tag = ParseTag(s, i, no_comment_end_after_);
        if (!tag.found) {
          Emit("<", i);
          ++i;
          continue;
        }
        if (tag.kind == TagKind::kBlock) Emit("\n", i);
        if (tag.kind == TagKind::kCell) Emit(" ", i);
        i = tag.end;
      } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
        Emit("\n", i);
        i += 2;
      } else {
        const Utf8Char u = DecodeUtf8(s.substr(i));
        if (!u.valid) {
          if (first_invalid_ == std::string_view::npos) first_invalid_ = i;
          EmitCodePoint(kReplacementCharacter, i);
        } else {
          const Normalised n = Normalise(u.code_point);
          if (n.keep) {
            CopyThrough(i, i + u.length);
          } else {
            Emit(n.replacement, i);
          }
        }
        i += u.length;
      }
    }
    MapNext(s.size(), /*copied=*/false);
    return std::move(out_);
  }

  std::size_t first_invalid() const { return first_invalid_; }

 private:
  // Maps the bytes appended next: from `original` on, one to one if `copied`, else all
  // to `original`. Copied bytes that continue the run before them need no anchor.
  void MapNext(std::size_t original, bool copied) {
    std::vector<PreparedText::Anchor>& anchors = out_.anchors;
    const std::size_t at = out_.text.size();
    if (copied && !anchors.empty() && anchors.back().copied &&
        anchors.back().original_offset + (at - anchors.back().text_offset) == original) {
      return;
    }
    anchors.push_back({at, static_cast<std::uint32_t>(original), copied});
  }

  // Copies original_[begin, end), each byte mapped to its own offset.
  void CopyThrough(std::size_t begin, std::size_t end) {
    MapNext(begin, /*copied=*/true);
    out_.text.append(original_.data() + begin, end - begin);
  }

  // Appends `bytes`, every one of them mapped to `offset`.
  void Emit(std::string_view bytes, std::size_t offset) {
    if (bytes.empty()) return;
    MapNext(offset, /*copied=*/false);
    out_.text.append(bytes);
  }

  void EmitCodePoint(char32_t cp, std::size_t offset) {
    const Normalised n = Normalise(cp);
    if (!n.keep) {
      Emit(n.replacement, offset);
      return;
    }
    char buffer[4];
    Emit(std::string_view(buffer, EncodeUtf8(cp, buffer)), offset);
  }

  std::string_view original_;
  PreparedText out_;
  std::size_t first_invalid_ = std::string_view::npos;
  std::size_t no_comment_end_after_ = std::string_view::npos;
};

}  // namespace

std::size_t PreparedText::ToOriginal(std::size_t offset) const {
  auto after = std::upper_bound(anchors.begin(), anchors.end(), offset,
                                [](std::size_t o, const Anchor& anchor) { return o < anchor.text_offset; });
  const Anchor& anchor = *(after - 1);
  return anchor.copied ? anchor.original_offset + (offset - anchor.text_offset) : anchor.original_offset;
}

PreparedText PrepareText(std::string_view original, std::string_view origin,
                         Diagnostics& diagnostics) {
  Preparer preparer(original);
  PreparedText prepared = preparer.Run();
  if (preparer.first_invalid() != std::string_view::npos) {
    std::string message(origin);
    message += ": invalid UTF-8 at byte ";
    message += std::to_string(preparer.first_invalid());
    message += ", replaced";
    diagnostics.Warn(message);
  }
  return prepared;
}

std::string ValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t j = i;
    while (j < bytes.size() && static_cast<unsigned char>(bytes[j]) < 0x80) ++j;
    out.append(bytes.data() + i, j - i);
    i = j;
    if (i == bytes.size()) break;
    const Utf8Char u = DecodeUtf8(bytes.substr(i));
    if (u.valid) {
      out.append(bytes.data() + i, u.length);
    } else {
      out.append(kReplacementUtf8);
    }
    i += u.length;
  }
  return out;
}

}  // namespace actorgraph
