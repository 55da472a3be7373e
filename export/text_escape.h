// Text as the export formats need it. Actor names and evidence come from news articles
// and may hold anything: invalid UTF-8, control characters, quotes, markup, emoji,
// right-to-left scripts. Every writer passes every string through one of these functions,
// so a name that one format survives, all formats survive.
//
// All functions are pure and thread-safe.
#ifndef ACTORGRAPH_EXPORT_TEXT_ESCAPE_H_
#define ACTORGRAPH_EXPORT_TEXT_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace actorgraph {

// `text` as valid UTF-8 that every format can carry: each invalid byte sequence
// (stray continuation bytes, overlong forms, surrogates, code points past U+10FFFF,
// truncated sequences) becomes U+FFFD, and so does each character XML 1.0 forbids
// (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF), because a single one aborts
// Gephi's import. Everything else, emoji and bidirectional text included, is kept.
std::string SanitizeText(std::string_view text);

// SanitizeText, then the five XML entities (& < > " ') and tab, LF and CR as character
// references so attribute values keep them (XML parsers turn raw ones into spaces).
// Safe in element content and in attribute values with either quote.
std::string XmlEscape(std::string_view text);

// XmlEscape(text) appended to `out`: writers escape into one buffer instead of making a
// string per value.
void AppendXmlEscaped(std::string_view text, std::string& out);

// SanitizeText, then a JSON string literal with its quotes: " and \ escaped, controls
// as \n, \t, \r or \u00XX. Non-ASCII characters stay UTF-8.
std::string JsonQuote(std::string_view text);

// SanitizeText, then one CSV field per RFC 4180: quoted, with quotes doubled, when it
// holds a comma, quote, CR or LF, or starts or ends with a space; otherwise as is.
std::string CsvField(std::string_view text);

// At most `max_chars` code points of SanitizeText(text): a longer text is cut at a code
// point boundary and ends with "…" (which counts toward max_chars).
// REQUIRES: max_chars >= 1.
std::string TruncateText(std::string_view text, std::size_t max_chars);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_TEXT_ESCAPE_H_
